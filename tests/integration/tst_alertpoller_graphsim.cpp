// AlertPoller against graphsim: the first poll only sets the watermark; changes made through the
// simulator's control API (over HTTP, as a script would) are reported with what changed; new
// alerts are reported as new; the watermark survives a restart; a 429 is waited out.

#include "core/alerts/alertsource.h"
#include "core/notifications/alertpoller.h"
#include "core/notifications/notificationsettings.h"
#include "core/settings.h"
#include "support/graphsimsession.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace vigil;
using core::AlertPoller;
using core::Notification;

namespace {

template <typename T> T run(QCoro::Task<T> task)
{
    return QCoro::waitFor(std::move(task));
}

/// PATCH /_sim/alerts/{id}: the control API a test script or the demo's activity would use.
bool patchThroughControlApi(test::GraphsimSession &s, const QString &id, const QJsonObject &fields)
{
    QNetworkRequest request(s.simulator.baseUrl().resolved(QUrl(QStringLiteral("/_sim/alerts/") + id)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = s.network.sendCustomRequest(request, "PATCH", QJsonDocument(fields).toJson());
    QSignalSpy finished(reply, &QNetworkReply::finished);
    const bool ok = finished.wait(5000) && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
    reply->deleteLater();
    return ok;
}

} // namespace

class tst_AlertPollerGraphsim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void firstPoll_setsWatermark_reportsNothingOld();
    void changeThroughControlApi_isReportedWithWhatChanged();
    void changeOfAnAlertNeverSeen_usesTheTablesValues();
    void newAlert_isReportedAsNew();
    void unchangedAlert_isNotReportedTwice();
    void watermark_survivesRestart();
    void throttled_retryAfterIsHonoured();
    void interval_isKeptWithinTheBudget();

private:
    QTemporaryDir m_dir;
};

void tst_AlertPollerGraphsim::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void tst_AlertPollerGraphsim::init()
{
    static int counter = 0;
    core::SettingsLocation::setFile(m_dir.filePath(QStringLiteral("vigil%1.ini").arg(++counter)));
}

void tst_AlertPollerGraphsim::firstPoll_setsWatermark_reportsNothingOld()
{
    test::GraphsimSession s;
    QVERIFY(s.start());
    AlertPoller poller(&s.client);
    QSignalSpy changes(&poller, &AlertPoller::changeDetected);
    QVERIFY(!poller.watermark().isValid());
    QVERIFY(run(poller.pollNow()));
    QVERIFY(poller.watermark().isValid());
    QCOMPARE(changes.size(), 0);
    QCOMPARE(poller.requestCount(), 1);
    QVERIFY(poller.pollUrl().query(QUrl::FullyDecoded).contains(QStringLiteral("lastUpdateDateTime gt ")));
}

void tst_AlertPollerGraphsim::changeThroughControlApi_isReportedWithWhatChanged()
{
    test::GraphsimSession s;
    QVERIFY(s.start());
    AlertPoller poller(&s.client);
    QVERIFY(run(poller.pollNow()));
    const QString id = s.simulator.alertIdAt(3);
    const QString statusBefore = s.simulator.alert(id).value(QStringLiteral("status")).toString();
    const QString newStatus = statusBefore == u"inProgress" ? QStringLiteral("resolved") : QStringLiteral("inProgress");
    // Seen once (as a change of its assignment), so the poller knows its values afterwards.
    QVERIFY(patchThroughControlApi(
        s, id, { { QStringLiteral("assignedTo"), QStringLiteral("JordanP@contoso.onmicrosoft.com") } }));
    QSignalSpy changes(&poller, &AlertPoller::changeDetected);
    QVERIFY(run(poller.pollNow()));
    QCOMPARE(changes.size(), 1);
    QVERIFY(changes.at(0).at(0).value<Notification>().details.contains(QStringLiteral("not known")));
    QVERIFY(patchThroughControlApi(s, id,
                                   { { QStringLiteral("status"), newStatus },
                                     { QStringLiteral("assignedTo"), QStringLiteral("RileyN@contoso.onmicrosoft.com") },
                                     { QStringLiteral("severity"), QStringLiteral("high") } }));
    QVERIFY(run(poller.pollNow()));
    QCOMPARE(changes.size(), 2);
    const auto n = changes.at(1).at(0).value<Notification>();
    const auto alert = changes.at(1).at(1).value<core::Alert>();
    QCOMPARE(n.feed, Notification::Feed::Poller);
    QCOMPARE(n.change, Notification::Change::Updated);
    QCOMPARE(n.api, core::AlertApi::V2);
    QCOMPARE(n.alertId, id);
    QCOMPARE(alert.status, newStatus);
    QVERIFY(n.changedFields.contains(QStringLiteral("status")));
    QVERIFY(n.changedFields.contains(QStringLiteral("assignedTo")));
    QVERIFY(!n.changedFields.contains(QStringLiteral("classification")));
    QVERIFY2(n.details.contains(QStringLiteral("RileyN@contoso.onmicrosoft.com")), qPrintable(n.details));
    QVERIFY2(n.details.contains(QStringLiteral("JordanP@contoso.onmicrosoft.com")), qPrintable(n.details));
    QCOMPARE(n.title, alert.title);
    QCOMPARE(n.severity, alert.severity);
    // The watermark moved to the change.
    QCOMPARE(poller.watermark().toMSecsSinceEpoch(), alert.lastUpdatedMs);
}

void tst_AlertPollerGraphsim::changeOfAnAlertNeverSeen_usesTheTablesValues()
{
    test::GraphsimSession s;
    QVERIFY(s.start());
    core::AlertsV2Source source(&s.client);
    const QString id = s.simulator.alertIdAt(5);
    const auto before = run(source.get(id)); // as the table has it
    QVERIFY(before.ok());
    AlertPoller poller(&s.client);
    poller.setPreviousLookup([&before, &id](const QString &alertId) -> std::optional<core::Alert> {
        return alertId == id ? std::optional<core::Alert>(before.value()) : std::nullopt;
    });
    QVERIFY(run(poller.pollNow()));
    QSignalSpy changes(&poller, &AlertPoller::changeDetected);
    const QString classification = before.value().classification == u"truePositive" ? QStringLiteral("falsePositive")
                                                                                    : QStringLiteral("truePositive");
    QVERIFY(patchThroughControlApi(s, id, { { QStringLiteral("classification"), classification } }));
    QVERIFY(run(poller.pollNow()));
    QCOMPARE(changes.size(), 1);
    const auto n = changes.at(0).at(0).value<Notification>();
    QCOMPARE(n.changedFields, QStringList { QStringLiteral("classification") });
    QVERIFY(n.details.contains(core::displayClassification(classification)));
}

void tst_AlertPollerGraphsim::newAlert_isReportedAsNew()
{
    test::GraphsimSession s;
    QVERIFY(s.start());
    AlertPoller poller(&s.client);
    QVERIFY(run(poller.pollNow()));
    QSignalSpy changes(&poller, &AlertPoller::changeDetected);
    const QString id = s.simulator.createAlert({ { QStringLiteral("title"), QStringLiteral("Brand new ransomware") },
                                                 { QStringLiteral("severity"), QStringLiteral("high") } });
    QVERIFY(!id.isEmpty());
    QVERIFY(run(poller.pollNow()));
    QCOMPARE(changes.size(), 1);
    const auto n = changes.at(0).at(0).value<Notification>();
    QCOMPARE(n.change, Notification::Change::Created);
    QCOMPARE(n.alertId, id);
    QCOMPARE(n.title, QStringLiteral("Brand new ransomware"));
    QCOMPARE(n.severity, core::Severity::High);
}

void tst_AlertPollerGraphsim::unchangedAlert_isNotReportedTwice()
{
    test::GraphsimSession s;
    QVERIFY(s.start());
    AlertPoller poller(&s.client);
    QVERIFY(run(poller.pollNow()));
    QSignalSpy changes(&poller, &AlertPoller::changeDetected);
    QVERIFY(s.simulator.updateAlert(s.simulator.alertIdAt(0),
                                    { { QStringLiteral("status"), QStringLiteral("inProgress") } }));
    QVERIFY(run(poller.pollNow()));
    QVERIFY(run(poller.pollNow()));
    QVERIFY(run(poller.pollNow()));
    QCOMPARE(changes.size(), 1);
}

void tst_AlertPollerGraphsim::watermark_survivesRestart()
{
    test::GraphsimSession s;
    QVERIFY(s.start());
    QDateTime watermark;
    {
        AlertPoller poller(&s.client);
        QVERIFY(run(poller.pollNow()));
        QVERIFY(s.simulator.updateAlert(s.simulator.alertIdAt(1),
                                        { { QStringLiteral("status"), QStringLiteral("resolved") } }));
        QVERIFY(run(poller.pollNow()));
        watermark = poller.watermark();
    }
    QCOMPARE(QDateTime::fromString(core::NotificationSettings::pollWatermark().value(), Qt::ISODateWithMs), watermark);
    // A change while Vigil was not running is reported on the next start.
    QVERIFY(s.simulator.updateAlert(s.simulator.alertIdAt(2),
                                    { { QStringLiteral("status"), QStringLiteral("resolved") } }));
    AlertPoller poller(&s.client);
    QCOMPARE(poller.watermark(), watermark);
    QSignalSpy changes(&poller, &AlertPoller::changeDetected);
    QVERIFY(run(poller.pollNow()));
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.at(0).at(0).value<Notification>().alertId, s.simulator.alertIdAt(2));
}

void tst_AlertPollerGraphsim::throttled_retryAfterIsHonoured()
{
    test::GraphsimSession s;
    QVERIFY(s.start());
    AlertPoller poller(&s.client);
    QVERIFY(run(poller.pollNow()));
    QVERIFY(s.simulator.updateAlert(s.simulator.alertIdAt(0),
                                    { { QStringLiteral("status"), QStringLiteral("resolved") } }));
    graphsim::FaultSpec fault;
    fault.pathPrefix = QStringLiteral("/v1.0/security/alerts_v2");
    fault.count = 1;
    fault.status = 429;
    fault.retryAfterSeconds = 0.3;
    s.simulator.addFault(fault);
    QList<core::RequestRecord> records;
    connect(&s.client, &core::GraphClient::requestFinished, this,
            [&records](const core::RequestRecord &r) { records << r; });
    QSignalSpy changes(&poller, &AlertPoller::changeDetected);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(run(poller.pollNow()));
    QVERIFY(timer.elapsed() >= 280);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(0).status, 429);
    QCOMPARE(records.at(1).status, 200);
}

void tst_AlertPollerGraphsim::interval_isKeptWithinTheBudget()
{
    test::GraphsimSession s;
    AlertPoller poller(&s.client);
    QCOMPARE(poller.interval(), std::chrono::seconds(60));
    poller.setInterval(std::chrono::seconds(1));
    QCOMPARE(poller.interval(), std::chrono::seconds(core::NotificationSettings::kMinPollSeconds));
    // At most kMaxPagesPerPoll requests per poll, at the shortest interval: far below 150 per minute.
    QVERIFY(60 / core::NotificationSettings::kMinPollSeconds * AlertPoller::kMaxPagesPerPoll < 150);
}

QTEST_GUILESS_MAIN(tst_AlertPollerGraphsim)
#include "tst_alertpoller_graphsim.moc"
