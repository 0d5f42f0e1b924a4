// graphsim: a local Microsoft Graph security + identity platform simulator.
#include "simulator.h"

#include "http/server.h"
#include "http/terminationsignals.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

#ifdef __GLIBC__
#include <malloc.h>
#endif

int main(int argc, char *argv[])
{
#ifdef __GLIBC__
    // Alert pages are multi-megabyte buffers built and freed on every request. Keep them on the
    // heap instead of fresh mmap()s so the pages are reused rather than faulted in each time.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("graphsim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION_STRING));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A local simulator of the Microsoft identity platform and the "
                                                    "Microsoft Graph security APIs."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption host(QStringLiteral("host"), QStringLiteral("Address to listen on."), QStringLiteral("address"),
                                  QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port to listen on (0 = a free port)."),
                                  QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption alerts(QStringLiteral("alerts"), QStringLiteral("Number of alerts_v2 alerts."),
                                    QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption legacy(QStringLiteral("legacy-alerts"), QStringLiteral("Number of legacy alerts."),
                                    QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed of the generated data."),
                                  QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption activity(QStringLiteral("activity"),
                                      QStringLiteral("Generate a change every SECONDS (0 = off)."),
                                      QStringLiteral("SECONDS"), QStringLiteral("0"));
    const QCommandLineOption throttle(QStringLiteral("throttle-rpm"),
                                      QStringLiteral("Graph requests per minute per app before 429 (0 = unlimited)."),
                                      QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption lifetime(QStringLiteral("token-lifetime"), QStringLiteral("Access token lifetime."),
                                      QStringLiteral("SECONDS"), QStringLiteral("3600"));
    const QCommandLineOption allowHttp(QStringLiteral("allow-http-notifications"),
                                       QStringLiteral("Accept http:// notification URLs (Graph requires https)."));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"), QStringLiteral("PEM certificate: serve HTTPS."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"), QStringLiteral("PEM private key for --tls-cert."),
                                    QStringLiteral("FILE"));
    parser.addOptions({host, port, alerts, legacy, seed, activity, throttle, lifetime, allowHttp, tlsCert, tlsKey});
    parser.process(app);

    QTextStream err(stderr);
    const auto number = [&](const QCommandLineOption &option, qint64 min, qint64 max, bool *ok) -> qint64 {
        bool parsed = false;
        const qint64 v = parser.value(option).toLongLong(&parsed);
        if (!parsed || v < min || v > max) {
            err << "graphsim: --" << option.names().first() << " must be a number from " << min << " to " << max
                << "\n";
            *ok = false;
        }
        return v;
    };
    bool ok = true;
    graphsim::SimulatorOptions options;
    options.host = QHostAddress(parser.value(host));
    if (options.host.isNull()) {
        err << "graphsim: --host must be an IP address\n";
        return 2;
    }
    options.port = quint16(number(port, 0, 65535, &ok));
    options.alerts = int(number(alerts, 0, 20'000'000, &ok));
    options.legacyAlerts = int(number(legacy, 0, 1'000'000, &ok));
    options.seed = quint64(number(seed, 0, std::numeric_limits<qint64>::max(), &ok));
    options.activitySeconds = int(number(activity, 0, 86'400, &ok));
    options.throttleRpm = int(number(throttle, 0, 1'000'000, &ok));
    options.tokenLifetimeSeconds = int(number(lifetime, 60, 86'400, &ok));
    options.allowHttpNotifications = parser.isSet(allowHttp);
    if (!ok)
        return 2;
    if (parser.isSet(tlsCert) != parser.isSet(tlsKey)) {
        err << "graphsim: --tls-cert and --tls-key go together\n";
        return 2;
    }
    if (parser.isSet(tlsCert)) {
        QString error;
        options.tls = vigil::http::loadTlsConfiguration(parser.value(tlsCert), parser.value(tlsKey), &error);
        if (!options.tls) {
            err << "graphsim: " << error << "\n";
            return 2;
        }
    }

    graphsim::Simulator simulator(options);
    if (!simulator.start()) {
        err << "graphsim: " << simulator.errorString() << "\n";
        return 1;
    }
    vigil::http::TerminationSignals signals;
    QObject::connect(&signals, &vigil::http::TerminationSignals::terminationRequested, &app,
                     [&app](int) { app.quit(); });
    const QByteArray line = "graphsim listening on " + simulator.baseUrl().toString().toUtf8() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
    const int rc = app.exec();
    simulator.stop();
    return rc;
}
