#include "core/commandline.h"

#include <QCoreApplication>
#include <QTest>

using vigil::core::CommandLine;
using vigil::core::ListenAddress;
using Outcome = CommandLine::Outcome;

class tst_CommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void noArguments_runsWithDefaults();
    void everyOption_isParsed();
    void help_listsEveryOption();
    void version_printsNameAndVersion();
    void invalidInput_isRejectedWithReason_data();
    void invalidInput_isRejectedWithReason();
    void listenAddress_data();
    void listenAddress();
    void tenant_data();
    void tenant();
    void qtOptions_areSetAside();
};

namespace {
CommandLine::Result parse(QStringList args)
{
    args.prepend(QStringLiteral("/usr/bin/vigil"));
    return CommandLine::parse(args);
}
} // namespace

void tst_CommandLine::initTestCase()
{
    QCoreApplication::setApplicationName(QStringLiteral("Vigil"));
    QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
}

void tst_CommandLine::noArguments_runsWithDefaults()
{
    const auto r = parse({});
    QCOMPARE(r.outcome, Outcome::Run);
    QVERIFY(!r.options.demo);
    QVERIFY(!r.options.verbose);
    QVERIFY(!r.options.graphUrl);
    QVERIFY(!r.options.listen);
    QVERIFY(!r.options.configFile);
}

void tst_CommandLine::everyOption_isParsed()
{
    const auto r = parse({QStringLiteral("--demo"), QStringLiteral("--verbose"),
                          QStringLiteral("--graph-url"), QStringLiteral("https://graph.microsoft.us"),
                          QStringLiteral("--authority-url=https://login.microsoftonline.us"),
                          QStringLiteral("--tenant"), QStringLiteral("contoso.onmicrosoft.com"),
                          QStringLiteral("--client-id"), QStringLiteral("00001111-aaaa-2222-bbbb-3333cccc4444"),
                          QStringLiteral("--listen"), QStringLiteral("0.0.0.0:5001"),
                          QStringLiteral("--public-url"), QStringLiteral("https://abc.ngrok.app"),
                          QStringLiteral("--lang"), QStringLiteral("zh_CN"),
                          QStringLiteral("--config"), QStringLiteral("/tmp/vigil.ini")});
    QCOMPARE(r.outcome, Outcome::Run);
    const auto &o = r.options;
    QVERIFY(o.demo);
    QVERIFY(o.verbose);
    QCOMPARE(o.graphUrl, QUrl(QStringLiteral("https://graph.microsoft.us")));
    QCOMPARE(o.authorityUrl, QUrl(QStringLiteral("https://login.microsoftonline.us")));
    QCOMPARE(o.tenant, QStringLiteral("contoso.onmicrosoft.com"));
    QCOMPARE(o.clientId, QStringLiteral("00001111-aaaa-2222-bbbb-3333cccc4444"));
    QVERIFY(o.listen);
    QCOMPARE(o.listen->host, QHostAddress(QHostAddress::AnyIPv4));
    QCOMPARE(o.listen->port, quint16(5001));
    QCOMPARE(o.publicUrl, QUrl(QStringLiteral("https://abc.ngrok.app")));
    QCOMPARE(o.language, QStringLiteral("zh_CN"));
    QCOMPARE(o.configFile, QStringLiteral("/tmp/vigil.ini"));
}

void tst_CommandLine::help_listsEveryOption()
{
    const auto r = parse({QStringLiteral("--help")});
    QCOMPARE(r.outcome, Outcome::ShowHelp);
    for (const char *option : {"--demo", "--graph-url", "--authority-url", "--tenant", "--client-id", "--listen",
                               "--public-url", "--lang", "--config", "--verbose", "--version"})
        QVERIFY2(r.text.contains(QLatin1String(option)), option);
    QVERIFY(r.text.startsWith(QLatin1String("Usage: vigil")));
    QVERIFY(!r.text.contains(QLatin1String("no-sandbox")));
}

void tst_CommandLine::version_printsNameAndVersion()
{
    const auto r = parse({QStringLiteral("--version")});
    QCOMPARE(r.outcome, Outcome::ShowVersion);
    QCOMPARE(r.text, QStringLiteral("Vigil 9.8.7"));
}

void tst_CommandLine::invalidInput_isRejectedWithReason_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("frobnicate");
    QTest::newRow("missing value") << QStringList{QStringLiteral("--graph-url")} << QStringLiteral("graph-url");
    QTest::newRow("relative url") << QStringList{QStringLiteral("--graph-url"), QStringLiteral("graph.microsoft.com")}
                                  << QStringLiteral("--graph-url");
    QTest::newRow("ftp url") << QStringList{QStringLiteral("--authority-url"), QStringLiteral("ftp://x.org")}
                             << QStringLiteral("--authority-url");
    QTest::newRow("bad public url") << QStringList{QStringLiteral("--public-url"), QStringLiteral("://")}
                                    << QStringLiteral("--public-url");
    QTest::newRow("client id not guid") << QStringList{QStringLiteral("--client-id"), QStringLiteral("my-app")}
                                        << QStringLiteral("GUID");
    QTest::newRow("bad tenant") << QStringList{QStringLiteral("--tenant"), QStringLiteral("not a tenant")}
                                << QStringLiteral("--tenant");
    QTest::newRow("listen without port") << QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1")}
                                         << QStringLiteral("HOST:PORT");
    QTest::newRow("listen port too big") << QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:70000")}
                                         << QStringLiteral("HOST:PORT");
    QTest::newRow("bad language") << QStringList{QStringLiteral("--lang"), QStringLiteral("chinese please")}
                                  << QStringLiteral("--lang");
    QTest::newRow("positional") << QStringList{QStringLiteral("alerts.json")} << QStringLiteral("alerts.json");
}

void tst_CommandLine::invalidInput_isRejectedWithReason()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const auto r = parse(args);
    QCOMPARE(r.outcome, Outcome::Error);
    QVERIFY2(r.text.contains(mentions), qPrintable(r.text));
}

void tst_CommandLine::listenAddress_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::newRow("ipv4") << QStringLiteral("127.0.0.1:5000") << true << QStringLiteral("127.0.0.1") << 5000;
    QTest::newRow("any port") << QStringLiteral("127.0.0.1:0") << true << QStringLiteral("127.0.0.1") << 0;
    QTest::newRow("localhost") << QStringLiteral("localhost:8080") << true << QStringLiteral("127.0.0.1") << 8080;
    QTest::newRow("ipv6") << QStringLiteral("[::1]:5000") << true << QStringLiteral("::1") << 5000;
    QTest::newRow("ipv6 unbracketed") << QStringLiteral("::1:5000") << false << QString() << 0;
    QTest::newRow("hostname") << QStringLiteral("example.com:80") << false << QString() << 0;
    QTest::newRow("no host") << QStringLiteral(":5000") << false << QString() << 0;
    QTest::newRow("no port") << QStringLiteral("127.0.0.1:") << false << QString() << 0;
    QTest::newRow("letters") << QStringLiteral("127.0.0.1:http") << false << QString() << 0;
}

void tst_CommandLine::listenAddress()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, host);
    QFETCH(int, port);
    const auto parsed = ListenAddress::parse(text);
    QCOMPARE(parsed.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(parsed->host, QHostAddress(host));
    QCOMPARE(int(parsed->port), port);
    QCOMPARE(ListenAddress::parse(parsed->toString()), parsed);
}

void tst_CommandLine::tenant_data()
{
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<bool>("valid");
    QTest::newRow("organizations") << QStringLiteral("organizations") << true;
    QTest::newRow("guid") << QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47") << true;
    QTest::newRow("domain") << QStringLiteral("contoso.onmicrosoft.com") << true;
    QTest::newRow("single label") << QStringLiteral("contoso") << false;
    QTest::newRow("spaces") << QStringLiteral("con toso.com") << false;
    QTest::newRow("truncated guid") << QStringLiteral("72f988bf-86f1-41af-91ab") << false;
}

void tst_CommandLine::tenant()
{
    QFETCH(QString, tenant);
    QFETCH(bool, valid);
    QCOMPARE(CommandLine::isValidTenant(tenant), valid);
}

void tst_CommandLine::qtOptions_areSetAside()
{
    const QStringList raw{QStringLiteral("vigil"), QStringLiteral("-platform"), QStringLiteral("offscreen"),
                          QStringLiteral("--demo"), QStringLiteral("-reverse"), QStringLiteral("--webEngineArgs"),
                          QStringLiteral("--remote-debugging-port=9222")};
    QCOMPARE(CommandLine::withoutQtOptions(raw), (QStringList{QStringLiteral("vigil"), QStringLiteral("--demo")}));
    QCOMPARE(CommandLine::parse(CommandLine::withoutQtOptions(raw)).outcome, Outcome::Run);
}

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
