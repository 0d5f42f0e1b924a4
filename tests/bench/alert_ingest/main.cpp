// alert_ingest: alerts_v2 from a graphsim process into AlertTableModel through the real sign-in,
// Graph client, paging and page parser. Prints, as "BENCH name=value" lines:
//   alert_ingest_alerts_per_s, alert_ingest_max_gui_stall_ms (longest gap of a 1 ms timer on the
//   GUI thread while loading), alert_ingest_max_gui_busy_ms (the GUI thread's own CPU time within
//   one such gap: the rest of a gap is waiting for a core), alert_rss_kib_per_alert, alert_sort_ms_100k (by title),
//   alert_filter_ms_100k (one filter keystroke), and the same ingest figures at 1,000,000 alerts.
// Usage: alert_ingest [--alerts N] [--skip-million]

#include "core/alerts/alertfilterproxy.h"
#include "core/alerts/alertloader.h"
#include "core/alerts/alertsource.h"
#include "core/alerts/alerttablemodel.h"
#include "core/auth/signinflow.h"
#include "support/scriptedbrowser.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTimer>

#include <cstdio>
#include <ctime>

using namespace vigil;

namespace {

/// CPU time of the calling thread: a long gap of the GUI timer with little CPU time of its own
/// means the thread was waiting for a core (client, parser and graphsim share two), not working.
qint64 threadCpuNs()
{
    timespec ts {};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

qint64 rssKib()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

void bench(const char *name, double value, int precision = 1)
{
    std::printf("BENCH %s=%.*f\n", name, precision, value);
    std::fflush(stdout);
}

struct Graphsim
{
    QProcess process;
    QUrl base;

    bool start(int alerts)
    {
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start(QStringLiteral(GRAPHSIM_EXECUTABLE),
                      {QStringLiteral("--alerts"), QString::number(alerts), QStringLiteral("--legacy-alerts"),
                       QStringLiteral("10"), QStringLiteral("--port"), QStringLiteral("0")});
        if (!process.waitForStarted(10000))
            return false;
        while (process.waitForReadyRead(60000)) {
            const QByteArray line = process.readLine().trimmed();
            if (line.startsWith("graphsim listening on ")) {
                base = QUrl(QString::fromLatin1(line.mid(22)));
                return true;
            }
        }
        return false;
    }

    ~Graphsim()
    {
        process.terminate();
        process.waitForFinished(10000);
    }
};

struct Result
{
    double alertsPerSecond = 0;
    double maxStallMs = 0;
    double maxBusyMs = 0; ///< the GUI thread's own CPU time within its longest gap
    double kibPerAlert = 0;
    int loaded = 0;
};

Result ingest(int alerts, core::AlertTableModel &model, core::AlertFilterProxy *proxy = nullptr)
{
    Result result;
    Graphsim sim;
    if (!sim.start(alerts)) {
        std::fprintf(stderr, "graphsim did not start\n");
        std::exit(1);
    }
    QNetworkAccessManager network;
    // Sign in like Vigil does; graphsim approves the first user without a page.
    QNetworkRequest approve(sim.base.resolved(QUrl(QStringLiteral("/_sim/signin"))));
    approve.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = network.post(approve, QByteArrayLiteral("{\"user\":\"AveryC@contoso.onmicrosoft.com\"}"));
    QSignalSpy(reply, &QNetworkReply::finished).wait(10000);
    reply->deleteLater();
    QNetworkReply *status = network.get(QNetworkRequest(sim.base.resolved(QUrl(QStringLiteral("/_sim/status")))));
    QSignalSpy(status, &QNetworkReply::finished).wait(10000);
    const QString tenant = QJsonDocument::fromJson(status->readAll()).object().value(QLatin1String("tenantId")).toString();
    status->deleteLater();

    core::SignInFlow flow(&network);
    core::SignInConfiguration c;
    c.authorityUrl = sim.base;
    c.tenant = tenant;
    c.clientId = QStringLiteral("5d6f2a4e-7c1b-4e0a-9b8d-3f2e1c0a9b87");
    c.graphUrl = sim.base;
    flow.setConfiguration(c);
    QSignalSpy requested(&flow, &core::SignInFlow::authorizationRequested);
    QSignalSpy signedIn(&flow, &core::SignInFlow::signedIn);
    flow.signIn();
    test::ScriptedBrowser browser;
    browser.follow(requested.at(0).at(0).toUrl());
    if (signedIn.isEmpty() && !signedIn.wait(10000)) {
        std::fprintf(stderr, "sign-in failed\n");
        std::exit(1);
    }
    core::GraphClient client(&network, &flow);
    client.setServiceRoot(sim.base);
    core::AlertsV2Source source(&client);
    qint64 networkMs = 0;
    QObject::connect(&client, &core::GraphClient::requestFinished, &client,
                     [&networkMs](const core::RequestRecord &r) { networkMs += r.latencyMs; });
    core::AlertLoader loader(&model);
    loader.setSource(&source);
    if (proxy)
        proxy->setAlertModel(&model);

    // A 1 ms timer on the GUI thread: its longest gap is the longest the GUI could not react.
    QElapsedTimer tick;
    double maxGap = 0;
    double maxBusy = 0;
    qint64 cpuAtTick = threadCpuNs();
    QTimer stall;
    stall.setTimerType(Qt::PreciseTimer);
    QObject::connect(&stall, &QTimer::timeout, &stall, [&] {
        maxGap = qMax(maxGap, double(tick.nsecsElapsed()) / 1e6);
        const qint64 cpu = threadCpuNs();
        maxBusy = qMax(maxBusy, double(cpu - cpuAtTick) / 1e6);
        cpuAtTick = cpu;
        tick.restart();
    });

    const qint64 rssBefore = rssKib();
    core::AlertQuery query;
    query.pageSize = 2000;
    QSignalSpy finished(&loader, &core::AlertLoader::finished);
    QElapsedTimer clock;
    clock.start();
    tick.start();
    stall.start(1);
    loader.start(source.listUrl(query, QString(), QDateTime::currentDateTimeUtc()));
    finished.wait(600000);
    loader.loadAll();
    finished.wait(600000);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    stall.stop();
    result.loaded = model.rowCount();
    result.alertsPerSecond = result.loaded / seconds;
    result.maxStallMs = qMax(0.0, maxGap - 1.0);
    result.maxBusyMs = maxBusy;
    result.kibPerAlert = double(rssKib() - rssBefore) / qMax(1, result.loaded);
    std::fprintf(stderr, "%d alerts in %.2f s, of which %.2f s waiting for HTTP answers\n", result.loaded, seconds,
                 double(networkMs) / 1000);
    if (result.loaded != alerts)
        std::fprintf(stderr, "loaded %d of %d alerts\n", result.loaded, alerts);
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    int alerts = 100'000;
    if (const qsizetype i = args.indexOf(QStringLiteral("--alerts")); i >= 0)
        alerts = args.value(i + 1).toInt();
    const bool million = !args.contains(QStringLiteral("--skip-million"));

    {
        core::AlertTableModel model;
        core::AlertFilterProxy proxy;
        const Result r = ingest(alerts, model, &proxy);
        bench("alert_ingest_alerts_per_s", r.alertsPerSecond, 0);
        bench("alert_ingest_max_gui_stall_ms", r.maxStallMs);
        bench("alert_ingest_max_gui_busy_ms", r.maxBusyMs);
        bench("alert_rss_kib_per_alert", r.kibPerAlert, 2);

        QElapsedTimer t;
        t.start();
        proxy.sort(core::AlertTableModel::TitleColumn, Qt::AscendingOrder);
        bench("alert_sort_ms_100k", double(t.nsecsElapsed()) / 1e6);
        t.restart();
        proxy.setText(QStringLiteral("powershell"));
        const int matches = proxy.rowCount();
        bench("alert_filter_ms_100k", double(t.nsecsElapsed()) / 1e6);
        std::fprintf(stderr, "filter matched %d rows\n", matches);
    }
    if (million) {
        core::AlertTableModel model;
        const Result r = ingest(1'000'000, model);
        bench("alert_ingest_alerts_per_s_1m", r.alertsPerSecond, 0);
        bench("alert_ingest_max_gui_stall_ms_1m", r.maxStallMs);
        bench("alert_ingest_max_gui_busy_ms_1m", r.maxBusyMs);
        bench("alert_rss_kib_per_alert_1m", r.kibPerAlert, 2);
        bench("alert_ingest_loaded_1m", r.loaded, 0);
    }
    return 0;
}
