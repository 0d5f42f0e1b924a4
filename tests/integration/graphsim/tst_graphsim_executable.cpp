// The graphsim executable: starts with 100,000 alerts on a free port, prints its one line, serves
// the sign-in page, a scripted sign-in and an alerts_v2 page, and exits cleanly on SIGTERM.
#include "graphsimtestclient.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace graphsimtest;

class TestExecutable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void startsSignsInServesAlertsAndStopsOnSigterm()
    {
        QProcess process;
        process.setProgram(QStringLiteral(GRAPHSIM_EXECUTABLE));
        process.setArguments({QStringLiteral("--alerts"), QStringLiteral("100000"), QStringLiteral("--port"), QStringLiteral("0")});
        process.setProcessChannelMode(QProcess::SeparateChannels);
        QElapsedTimer timer;
        timer.start();
        process.start();
        QVERIFY(process.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 20000);
        const QByteArray line = process.readLine();
        const qint64 startupMs = timer.elapsed();
        QVERIFY2(startupMs < 10'000, qPrintable(QString::number(startupMs)));
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("^graphsim listening on (http://127\\.0\\.0\\.1:(\\d+))\\n$"))
                                              .match(QString::fromUtf8(line));
        QVERIFY2(m.hasMatch(), line.constData());
        const QString base = m.captured(1);
        QVERIFY(process.readAllStandardOutput().isEmpty());     // exactly one line

        HttpClient http;
        const QString verifier = pkceVerifier();
        QUrl authorize(base + QStringLiteral("/organizations/oauth2/v2.0/authorize"));
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("client_id"), kClientId);
        q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
        q.addQueryItem(QStringLiteral("redirect_uri"), QString::fromLatin1(QUrl::toPercentEncoding(kRedirect)));
        q.addQueryItem(QStringLiteral("scope"), QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("openid offline_access SecurityAlert.Read.All"))));
        q.addQueryItem(QStringLiteral("state"), QStringLiteral("abc"));
        q.addQueryItem(QStringLiteral("code_challenge"), pkceChallenge(verifier));
        q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
        authorize.setQuery(q.toString(QUrl::FullyEncoded), QUrl::StrictMode);

        const HttpResult page = http.get(authorize);
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("Accept"));

        QCOMPARE(http.sendJson("POST", QUrl(base + QStringLiteral("/_sim/signin")),
                               {{QStringLiteral("user"), QStringLiteral("JordanP@contoso.onmicrosoft.com")}}).status, 204);
        const HttpResult redirect = http.get(authorize);
        QCOMPARE(redirect.status, 302);
        const QString code = queryValue(redirectQuery(redirect), QStringLiteral("code"));
        QVERIFY(!code.isEmpty());
        const HttpResult token = http.postForm(QUrl(base + QStringLiteral("/organizations/oauth2/v2.0/token")),
                                               {{QStringLiteral("client_id"), kClientId},
                                                {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                                {QStringLiteral("code"), code},
                                                {QStringLiteral("redirect_uri"), kRedirect},
                                                {QStringLiteral("code_verifier"), verifier}});
        QCOMPARE(token.status, 200);
        const QByteArray accessToken = token.json().value(QStringLiteral("access_token")).toString().toLatin1();

        const HttpResult alerts = http.get(QUrl(base + QStringLiteral("/v1.0/security/alerts_v2?$top=5&$count=true")), accessToken);
        QCOMPARE(alerts.status, 200);
        QCOMPARE(alerts.json().value(QStringLiteral("value")).toArray().size(), 5);
        QCOMPARE(alerts.json().value(QStringLiteral("@odata.count")).toInt(), 100000);
        QVERIFY(alerts.json().value(QStringLiteral("@odata.nextLink")).toString().startsWith(base));

        process.terminate();    // SIGTERM
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }

    void badOption_exitsWithUsageError()
    {
        QProcess process;
        process.start(QStringLiteral(GRAPHSIM_EXECUTABLE), {QStringLiteral("--alerts"), QStringLiteral("lots")});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardError().contains("--alerts"));
    }
};

QTEST_GUILESS_MAIN(TestExecutable)
#include "tst_graphsim_executable.moc"
