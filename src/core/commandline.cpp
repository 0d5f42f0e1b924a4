#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

namespace vigil::core {

namespace {
std::optional<QUrl> parseHttpUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return std::nullopt;
    if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        return std::nullopt;
    return url;
}

bool isLanguageCode(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[a-z]{2,3}([_-][A-Za-z]{2,4})?$"));
    return re.match(text).hasMatch();
}
} // namespace

std::optional<ListenAddress> ListenAddress::parse(const QString &text)
{
    QString host;
    QString port;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1String("]:"));
        if (close < 0)
            return std::nullopt;
        host = text.mid(1, close - 1);
        port = text.mid(close + 2);
    } else {
        const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
        if (colon <= 0 || text.indexOf(QLatin1Char(':')) != colon)
            return std::nullopt;
        host = text.left(colon);
        port = text.mid(colon + 1);
    }
    bool ok = false;
    const uint number = port.toUInt(&ok);
    if (!ok || number > 65535 || port.isEmpty())
        return std::nullopt;
    ListenAddress result;
    if (host == QLatin1String("localhost"))
        result.host = QHostAddress(QHostAddress::LocalHost);
    else if (!result.host.setAddress(host))
        return std::nullopt;
    result.port = quint16(number);
    return result;
}

QString ListenAddress::toString() const
{
    if (host.protocol() == QAbstractSocket::IPv6Protocol)
        return QStringLiteral("[%1]:%2").arg(host.toString()).arg(port);
    return QStringLiteral("%1:%2").arg(host.toString()).arg(port);
}

bool CommandLine::isValidGuid(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return re.match(text).hasMatch();
}

bool CommandLine::isValidTenant(const QString &text)
{
    if (text == QLatin1String("organizations") || text == QLatin1String("common")
        || text == QLatin1String("consumers") || isValidGuid(text))
        return true;
    static const QRegularExpression domain(
        QStringLiteral("^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$"));
    return domain.match(text).hasMatch();
}

QStringList CommandLine::withoutQtOptions(const QStringList &arguments)
{
    static const QStringList withValue = {
        QStringLiteral("-platform"), QStringLiteral("-platformpluginpath"), QStringLiteral("-platformtheme"),
        QStringLiteral("-plugin"), QStringLiteral("-qwindowgeometry"), QStringLiteral("-qwindowtitle"),
        QStringLiteral("-qwindowicon"), QStringLiteral("-style"), QStringLiteral("-stylesheet"),
        QStringLiteral("-session"), QStringLiteral("-display"), QStringLiteral("-geometry")};
    static const QStringList flags = {QStringLiteral("-reverse"), QStringLiteral("-widgetcount"),
                                      QStringLiteral("-nograb"), QStringLiteral("-dograb"), QStringLiteral("-sync")};
    QStringList kept;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (i > 0 && arg == QLatin1String("--webEngineArgs"))
            break;  // everything after it belongs to Chromium
        if (i > 0 && withValue.contains(arg)) {
            ++i;
            continue;
        }
        if (i > 0 && (flags.contains(arg) || arg.startsWith(QLatin1String("-style="))))
            continue;
        kept.append(arg);
    }
    return kept;
}

CommandLine::Result CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Vigil: a desktop console for Microsoft Graph security alerts."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
        tr("Start with the built-in simulator of Microsoft Graph and its sign-in service, "
           "filled with demo data. Nothing leaves this computer."));
    const QCommandLineOption graphUrl(QStringLiteral("graph-url"),
        tr("Microsoft Graph endpoint (default https://graph.microsoft.com)."), QStringLiteral("URL"));
    const QCommandLineOption authorityUrl(QStringLiteral("authority-url"),
        tr("Sign-in authority (default https://login.microsoftonline.com)."), QStringLiteral("URL"));
    const QCommandLineOption tenant(QStringLiteral("tenant"),
        tr("Directory (tenant) to sign in to: organizations, a tenant GUID, or a domain."), QStringLiteral("ID"));
    const QCommandLineOption clientId(QStringLiteral("client-id"),
        tr("Application (client) ID of your app registration in Microsoft Entra ID."), QStringLiteral("ID"));
    const QCommandLineOption listen(QStringLiteral("listen"),
        tr("Address of the webhook receiver for change notifications (default 127.0.0.1:5000; port 0 picks "
           "a free port)."), QStringLiteral("HOST:PORT"));
    const QCommandLineOption publicUrl(QStringLiteral("public-url"),
        tr("Public HTTPS address that forwards to the webhook receiver (a tunnel or reverse proxy)."),
        QStringLiteral("URL"));
    const QCommandLineOption language(QStringLiteral("lang"),
        tr("User interface language, for example en or zh_CN (default: the system language)."),
        QStringLiteral("CODE"));
    const QCommandLineOption config(QStringLiteral("config"),
        tr("Read and write settings in this INI file instead of the default location."), QStringLiteral("FILE"));
    const QCommandLineOption verbose(QStringLiteral("verbose"),
        tr("Log debug messages of every vigil.* category to standard error."));
    // Accepted for Qt WebEngine, which reads it from the command line itself.
    QCommandLineOption noSandbox(QStringLiteral("no-sandbox"));
    noSandbox.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({demo, graphUrl, authorityUrl, tenant, clientId, listen, publicUrl, language, config,
                       verbose, noSandbox});

    Result result;
    const auto error = [&result](const QString &message) {
        result.outcome = Outcome::Error;
        result.text = message;
        return result;
    };
    if (!parser.parse(arguments))
        return error(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return error(tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(help) || parser.isSet(QStringLiteral("help-all"))) {
        result.outcome = Outcome::ShowHelp;
        // The parser takes the program name from QCoreApplication, which may not exist yet.
        const QString program = arguments.isEmpty() ? QStringLiteral("vigil")
                                                     : arguments.constFirst().section(QLatin1Char('/'), -1);
        QString text = parser.helpText();
        const qsizetype firstLineEnd = text.indexOf(QLatin1Char('\n'));
        result.text = tr("Usage: %1 [options]").arg(program) + text.mid(firstLineEnd);
        return result;
    }
    if (parser.isSet(version)) {
        result.outcome = Outcome::ShowVersion;
        result.text = QStringLiteral("%1 %2").arg(QCoreApplication::applicationName(),
                                                  QCoreApplication::applicationVersion());
        return result;
    }

    LaunchOptions &o = result.options;
    o.demo = parser.isSet(demo);
    o.verbose = parser.isSet(verbose);
    const auto urlOption = [&](const QCommandLineOption &option, std::optional<QUrl> &target) {
        if (!parser.isSet(option))
            return true;
        target = parseHttpUrl(parser.value(option));
        return target.has_value();
    };
    if (!urlOption(graphUrl, o.graphUrl))
        return error(tr("--graph-url needs an absolute http or https URL, not \"%1\".").arg(parser.value(graphUrl)));
    if (!urlOption(authorityUrl, o.authorityUrl))
        return error(tr("--authority-url needs an absolute http or https URL, not \"%1\".")
                         .arg(parser.value(authorityUrl)));
    if (!urlOption(publicUrl, o.publicUrl))
        return error(tr("--public-url needs an absolute http or https URL, not \"%1\".").arg(parser.value(publicUrl)));
    if (parser.isSet(tenant)) {
        if (!isValidTenant(parser.value(tenant)))
            return error(tr("--tenant must be organizations, a tenant GUID or a domain name, not \"%1\".")
                             .arg(parser.value(tenant)));
        o.tenant = parser.value(tenant);
    }
    if (parser.isSet(clientId)) {
        if (!isValidGuid(parser.value(clientId)))
            return error(tr("--client-id must be a GUID such as 00001111-aaaa-2222-bbbb-3333cccc4444, not \"%1\".")
                             .arg(parser.value(clientId)));
        o.clientId = parser.value(clientId);
    }
    if (parser.isSet(listen)) {
        o.listen = ListenAddress::parse(parser.value(listen));
        if (!o.listen)
            return error(tr("--listen needs HOST:PORT, for example 127.0.0.1:5000, not \"%1\".")
                             .arg(parser.value(listen)));
    }
    if (parser.isSet(language)) {
        if (!isLanguageCode(parser.value(language)))
            return error(tr("--lang needs a language code such as en or zh_CN, not \"%1\".")
                             .arg(parser.value(language)));
        o.language = parser.value(language);
    }
    if (parser.isSet(config)) {
        if (parser.value(config).isEmpty())
            return error(tr("--config needs a file name."));
        o.configFile = parser.value(config);
    }
    return result;
}

} // namespace vigil::core
