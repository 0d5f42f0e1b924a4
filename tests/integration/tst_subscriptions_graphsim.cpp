// Graph subscriptions end to end against graphsim over real sockets: the simulator runs the
// validation handshake against Vigil's receiver, delivers change and lifecycle notifications to it
// (with Graph's retry timing compressed), and its clock drives expiry and renewal.

#include "core/auth/memorytokenstore.h"
#include "core/notifications/notificationcenter.h"
#include "core/notifications/notificationmodel.h"
#include "core/notifications/notificationsettings.h"
#include "core/notifications/subscriptionmanager.h"
#include "core/notifications/webhookreceiver.h"
#include "core/settings.h"
#include "graphsim/clock.h"
#include "http/server.h"
#include "support/graphsimsession.h"
#include "support/logcapture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>

using namespace vigil;
using core::Notification;
using core::SubscriptionManager;

namespace {

template <typename T> T run(QCoro::Task<T> task)
{
    return QCoro::waitFor(std::move(task));
}

graphsim::SimulatorOptions simulatorOptions()
{
    graphsim::SimulatorOptions o = test::GraphsimSession::defaultOptions();
    o.allowHttpNotifications = true; // the receiver under test is plain http on loopback
    o.deliveryTimeScale = 0.01;
    return o;
}

/// Everything the app wires for Graph notifications, around one graphsim tenant.
struct Fixture
{
    Fixture()
    {
        center.setReceiver(&receiver);
        center.setSubscriptions(&manager);
        center.setGraphClient(&gs.client);
        manager.setClock([this] { return gs.simulator.clock()->now(); });
    }
    bool start() { return gs.start() && receiver.start({ QHostAddress(QHostAddress::LocalHost), 0 }); }
    /// A legacy alert of a provider that produces notifications (not Defender for Endpoint).
    QString legacyAlertOf(const QString &provider) const
    {
        for (int i = 0; i < gs.simulator.legacyAlertCount(); ++i) {
            const QString id = gs.simulator.legacyAlertIdAt(i);
            const QJsonObject alert = gs.simulator.legacyAlert(id);
            if (alert.value(QStringLiteral("vendorInformation")).toObject().value(QStringLiteral("provider")).toString()
                == provider)
                return id;
        }
        return {};
    }

    test::GraphsimSession gs { simulatorOptions() };
    core::MemoryTokenStore secrets;
    core::WebhookReceiver receiver;
    core::NotificationModel model;
    core::SubscriptionManager manager { &gs.client, &receiver, &secrets };
    core::NotificationCenter center { &model };
};

const QString kIpcFilter = QStringLiteral("vendorInformation/provider eq 'IPC'");

} // namespace

class tst_SubscriptionsGraphsim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void create_forLegacyFilter_handshakeRunsAgainstReceiver_secretKeptInKeychainOnly();
    void legacyAlertChanged_notificationArrives_alertFetched();
    void wrongClientState_isDropped();
    void createWithoutFilterClause_isRefused();
    void failedValidation_isExplained();
    void renewal_happensBeforeExpiry_onTheSimulatorsClock();
    void reauthorizationRequired_isHandled();
    void reauthorizationRequired_whenTheTokenNearsExpiry_isHandled();
    void list_renew_delete();
    void restart_restoresClientStates_notificationsStillAccepted();
    void resourceForFilter_escapesOnlyWhatWouldBreakTheQuery_data();
    void resourceForFilter_escapesOnlyWhatWouldBreakTheQuery();

private:
    QTemporaryDir m_dir;
};

void tst_SubscriptionsGraphsim::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    test::LogCapture::install();
}

void tst_SubscriptionsGraphsim::cleanupTestCase()
{
    test::LogCapture::uninstall();
}

void tst_SubscriptionsGraphsim::init()
{
    static int counter = 0;
    core::SettingsLocation::setFile(m_dir.filePath(QStringLiteral("vigil%1.ini").arg(++counter)));
    test::LogCapture::clear();
}

void tst_SubscriptionsGraphsim::create_forLegacyFilter_handshakeRunsAgainstReceiver_secretKeptInKeychainOnly()
{
    Fixture f;
    QVERIFY(f.start());
    const auto result = run(
        f.manager.create(SubscriptionManager::resourceForFilter(kIpcFilter), QStringLiteral("created,updated"), 120));
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().userMessage()));
    const core::Subscription &s = result.value();
    QVERIFY(!s.id.isEmpty());
    QVERIFY(s.managed);
    QCOMPARE(s.lifetimeMinutes, 120);
    QCOMPARE(s.resource, QStringLiteral("security/alerts?$filter=") + kIpcFilter);
    QVERIFY(qAbs(f.gs.simulator.clock()->now().secsTo(s.expiration) - 120 * 60) < 60);
    // The simulator validated both URLs against the receiver.
    QCOMPARE(f.receiver.validationCount(), 2);
    const QList<QJsonObject> simulated = f.gs.simulator.subscriptions();
    QCOMPARE(simulated.size(), 1);
    QCOMPARE(simulated.at(0).value(QStringLiteral("notificationUrl")).toString(),
             f.receiver.notificationUrl().toString());
    QCOMPARE(simulated.at(0).value(QStringLiteral("lifecycleNotificationUrl")).toString(),
             f.receiver.lifecycleUrl().toString());
    const QString clientState = simulated.at(0).value(QStringLiteral("clientState")).toString();
    QVERIFY(clientState.size() >= 32);
    // A random secret per subscription, in the keychain; never in the settings file or the log.
    QString stored;
    f.secrets.read(core::NotificationSettings::clientStateKey(s.id),
                   [&stored](bool, const QString &secret, const QString &) { stored = secret; });
    QTRY_COMPARE(stored, clientState);
    QFile ini(core::SettingsLocation::file());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray settings = ini.readAll();
    QVERIFY(settings.contains(s.id.toUtf8()));
    QVERIFY(!settings.contains(clientState.toUtf8()));
    QVERIFY(!test::LogCapture::text().contains(clientState));
    const auto second = run(f.manager.create(
        SubscriptionManager::resourceForFilter(QStringLiteral("severity eq 'high'")), QStringLiteral("updated"), 60));
    QVERIFY(second.ok());
    QVERIFY(f.gs.simulator.subscriptions().at(1).value(QStringLiteral("clientState")).toString() != clientState);
}

void tst_SubscriptionsGraphsim::legacyAlertChanged_notificationArrives_alertFetched()
{
    Fixture f;
    QVERIFY(f.start());
    const QString alertId = f.legacyAlertOf(QStringLiteral("IPC"));
    QVERIFY(!alertId.isEmpty());
    QVERIFY(
        run(f.manager.create(SubscriptionManager::resourceForFilter(kIpcFilter), QStringLiteral("updated"), 120)).ok());
    QSignalSpy ready(&f.center, &core::NotificationCenter::notificationReady);
    QSignalSpy updated(&f.center, &core::NotificationCenter::alertUpdated);
    QVERIFY(f.gs.simulator.updateLegacyAlert(alertId, { { QStringLiteral("status"), QStringLiteral("resolved") } }));
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);
    const auto n = ready.at(0).at(0).value<Notification>();
    QCOMPARE(n.feed, Notification::Feed::Graph);
    QCOMPARE(n.change, Notification::Change::Updated);
    QCOMPARE(n.alertId, alertId);
    QCOMPARE(n.title, f.gs.simulator.legacyAlert(alertId).value(QStringLiteral("title")).toString());
    QVERIFY(n.severity != core::Severity::Unknown);
    QCOMPARE(updated.size(), 1);
    const auto alert = updated.at(0).at(0).value<core::Alert>();
    QCOMPARE(alert.id, alertId);
    QCOMPARE(alert.status, QStringLiteral("resolved"));
    QCOMPARE(f.model.rowCount(), 1);
    QCOMPARE(f.model.at(0).title, n.title);
    // An alert the filter does not match tells nothing.
    const QString other = f.legacyAlertOf(QStringLiteral("MCAS"));
    QVERIFY(f.gs.simulator.updateLegacyAlert(other, { { QStringLiteral("status"), QStringLiteral("resolved") } }));
    QTest::qWait(300);
    QCOMPARE(ready.size(), 1);
    // The simulator saw a quick 2xx.
    bool delivered = false;
    for (const QJsonValue &entry : f.gs.simulator.deliveryLog()) {
        const QJsonObject e = entry.toObject();
        if (e.value(QStringLiteral("kind")).toString() == u"notification")
            delivered
                = e.value(QStringLiteral("delivered")).toBool() && e.value(QStringLiteral("status")).toInt() == 202;
    }
    QVERIFY(delivered);
}

void tst_SubscriptionsGraphsim::wrongClientState_isDropped()
{
    Fixture f;
    QVERIFY(f.start());
    // A subscription made behind Vigil's back, with a clientState the receiver never heard of.
    const QString foreignState = QStringLiteral("not-the-receivers-clientState-42");
    const QJsonObject body {
        { QStringLiteral("changeType"), QStringLiteral("updated") },
        { QStringLiteral("notificationUrl"), f.receiver.notificationUrl().toString() },
        { QStringLiteral("resource"), SubscriptionManager::resourceForFilter(kIpcFilter) },
        { QStringLiteral("expirationDateTime"),
          f.gs.simulator.clock()->now().addSecs(7200).toString(Qt::ISODateWithMs) },
        { QStringLiteral("clientState"), foreignState },
    };
    const QUrl url = f.gs.client.endpoint({ QStringLiteral("subscriptions") });
    const core::GraphResponse created = run(f.gs.client.post(url, body));
    QVERIFY2(created.ok(), created.body.constData());
    QSignalSpy rejected(&f.receiver, &core::WebhookReceiver::itemRejected);
    QVERIFY(f.gs.simulator.updateLegacyAlert(f.legacyAlertOf(QStringLiteral("IPC")),
                                             { { QStringLiteral("status"), QStringLiteral("inProgress") } }));
    QTRY_COMPARE_WITH_TIMEOUT(rejected.size(), 1, 10000);
    QCOMPARE(f.receiver.rejectedCount(), 1);
    QTest::qWait(100);
    QCOMPARE(f.model.rowCount(), 0);
    QVERIFY(!test::LogCapture::text().contains(foreignState));
}

void tst_SubscriptionsGraphsim::createWithoutFilterClause_isRefused()
{
    Fixture f;
    QVERIFY(f.start());
    for (const QString &resource : { SubscriptionManager::resourceForFilter(QStringLiteral("  ")),
                                     QStringLiteral("security/alerts"), QString() }) {
        const auto result = run(f.manager.create(resource, QStringLiteral("updated"), 60));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(QStringLiteral("filter clause")), qPrintable(result.error().message));
    }
    QCOMPARE(f.gs.simulator.subscriptions().size(), 0);
    QCOMPARE(f.receiver.validationCount(), 0);
}

void tst_SubscriptionsGraphsim::failedValidation_isExplained()
{
    Fixture f;
    QVERIFY(f.start());
    // A "tunnel" that is down: nothing listens at the public URL.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 deadPort = closed.serverPort();
    closed.close();
    f.receiver.setPublicUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(deadPort)));
    const auto result
        = run(f.manager.create(SubscriptionManager::resourceForFilter(kIpcFilter), QStringLiteral("updated"), 60));
    QVERIFY(!result.ok());
    const QString message = result.error().message;
    QCOMPARE(result.error().httpStatus, 400);
    QVERIFY2(message.contains(QStringLiteral("Likely cause")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("not HTTPS")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("not public")), qPrintable(message));
    QCOMPARE(f.receiver.validationCount(), 0);
    QCOMPARE(f.manager.known().size(), 0);

    // Receiver off and no public URL: refused before asking Graph.
    f.receiver.setPublicUrl({});
    f.receiver.stop();
    const auto off
        = run(f.manager.create(SubscriptionManager::resourceForFilter(kIpcFilter), QStringLiteral("updated"), 60));
    QVERIFY(!off.ok());
    QVERIFY2(off.error().message.contains(QStringLiteral("not running")), qPrintable(off.error().message));
}

void tst_SubscriptionsGraphsim::renewal_happensBeforeExpiry_onTheSimulatorsClock()
{
    Fixture f;
    QVERIFY(f.start());
    const auto created
        = run(f.manager.create(SubscriptionManager::resourceForFilter(kIpcFilter), QStringLiteral("updated"), 60));
    QVERIFY(created.ok());
    const QDateTime firstExpiry = created.value().expiration;
    QCOMPARE(SubscriptionManager::renewalLead(60), std::chrono::minutes(15));
    QSignalSpy renewed(&f.manager, &SubscriptionManager::renewed);
    QSignalSpy failed(&f.manager, &SubscriptionManager::renewalFailed);
    f.manager.setRenewalCheckInterval(std::chrono::milliseconds(50));
    QTest::qWait(300);
    QCOMPARE(renewed.size(), 0); // an hour left: nothing to do
    f.gs.simulator.advanceClock(50 * 60); // ten minutes left, inside the 15-minute lead
    QTRY_COMPARE_WITH_TIMEOUT(renewed.size(), 1, 10000);
    QCOMPARE(failed.size(), 0);
    const QDateTime renewedExpiry = renewed.at(0).at(0).value<core::Subscription>().expiration;
    QVERIFY(renewedExpiry > firstExpiry.addSecs(45 * 60));
    const QJsonObject simulated = f.gs.simulator.subscriptions().at(0);
    QCOMPARE(QDateTime::fromString(simulated.value(QStringLiteral("expirationDateTime")).toString(), Qt::ISODateWithMs)
                 .toSecsSinceEpoch(),
             renewedExpiry.toSecsSinceEpoch());
    // Past the first expiry, the subscription lives on, and it is not renewed again and again.
    f.gs.simulator.advanceClock(15 * 60);
    QTest::qWait(500);
    QCOMPARE(f.gs.simulator.subscriptions().size(), 1);
    QCOMPARE(renewed.size(), 1);
    // The expiry kept in the settings follows, for the next start.
    const QStringList index = core::NotificationSettings::subscriptionIndex().value();
    QCOMPARE(index.size(), 1);
    QVERIFY(index.at(0).endsWith(QString::number(renewedExpiry.toMSecsSinceEpoch())));
}

void tst_SubscriptionsGraphsim::reauthorizationRequired_isHandled()
{
    Fixture f;
    QVERIFY(f.start());
    QStringList requests;
    connect(&f.gs.client, &core::GraphClient::requestFinished, this, [&requests](const core::RequestRecord &r) {
        requests << QString::fromLatin1(r.method) + QLatin1Char(' ') + r.url + QLatin1Char(' ')
                + QString::number(r.status);
    });
    const auto created
        = run(f.manager.create(SubscriptionManager::resourceForFilter(kIpcFilter), QStringLiteral("updated"), 120));
    QVERIFY(created.ok());
    const QString id = created.value().id;
    QSignalSpy handled(&f.manager, &SubscriptionManager::lifecycleHandled);
    QSignalSpy ready(&f.center, &core::NotificationCenter::notificationReady);
    QVERIFY(f.gs.simulator.sendLifecycleNotification(id, QStringLiteral("reauthorizationRequired")));
    QTRY_COMPARE_WITH_TIMEOUT(handled.size(), 1, 10000);
    QCOMPARE(handled.at(0).at(0).toString(), id);
    QVERIFY2(handled.at(0).at(2).toBool(), qPrintable(handled.at(0).at(3).toString()));
    QVERIFY(requests.filter(QStringLiteral("/subscriptions/") + id + QStringLiteral("/reauthorize 204")).size() == 1);
    // Shown in the pane, with what was done about it.
    QCOMPARE(ready.size(), 1);
    QCOMPARE(ready.at(0).at(0).value<Notification>().change, Notification::Change::ReauthorizationRequired);
    QTRY_VERIFY(f.model.rowCount() == 1 && f.model.at(0).details.contains(QStringLiteral("reauthorized")));
    QCOMPARE(f.model.at(0).subscriptionId, id);
}

void tst_SubscriptionsGraphsim::reauthorizationRequired_whenTheTokenNearsExpiry_isHandled()
{
    Fixture f;
    QVERIFY(f.start());
    const auto created
        = run(f.manager.create(SubscriptionManager::resourceForFilter(kIpcFilter), QStringLiteral("updated"), 600));
    QVERIFY(created.ok());
    QSignalSpy handled(&f.manager, &SubscriptionManager::lifecycleHandled);
    // Five minutes before the authorising token expires, the simulator asks by itself, as Graph does.
    f.gs.simulator.advanceClock(56 * 60);
    QTRY_VERIFY_WITH_TIMEOUT(!handled.isEmpty(), 10000);
    QCOMPARE(handled.at(0).at(1).value<Notification::Change>(), Notification::Change::ReauthorizationRequired);
    QVERIFY(handled.at(0).at(2).toBool());
    QCOMPARE(f.model.rowCount(), 1);
}

void tst_SubscriptionsGraphsim::list_renew_delete()
{
    Fixture f;
    QVERIFY(f.start());
    const auto created = run(f.manager.create(
        SubscriptionManager::resourceForAlert(f.legacyAlertOf(QStringLiteral("MCAS"))), QStringLiteral("updated"), 90));
    QVERIFY(created.ok());
    const auto listed = run(f.manager.list());
    QVERIFY(listed.ok());
    QCOMPARE(listed.value().size(), 1);
    QCOMPARE(listed.value().at(0).id, created.value().id);
    QVERIFY(listed.value().at(0).managed);
    QVERIFY(listed.value().at(0).expiration.isValid());
    const auto renewed = run(f.manager.renew(created.value().id, 600));
    QVERIFY(renewed.ok());
    QVERIFY(renewed.value().expiration > created.value().expiration.addSecs(400 * 60));
    const auto removed = run(f.manager.remove(created.value().id));
    QVERIFY(removed.ok());
    QCOMPARE(f.gs.simulator.subscriptions().size(), 0);
    QVERIFY(!f.manager.isManaged(created.value().id));
    QVERIFY(core::NotificationSettings::subscriptionIndex().value().isEmpty());
    const auto gone = run(f.manager.renew(created.value().id));
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().httpStatus, 404);
}

void tst_SubscriptionsGraphsim::restart_restoresClientStates_notificationsStillAccepted()
{
    Fixture f;
    QVERIFY(f.start());
    QVERIFY(
        run(f.manager.create(SubscriptionManager::resourceForFilter(kIpcFilter), QStringLiteral("updated"), 120)).ok());
    // A second Vigil on the same keychain and settings, with a new receiver at the same address.
    const core::ListenAddress address { QHostAddress(QHostAddress::LocalHost), f.receiver.server()->serverPort() };
    f.receiver.stop();
    core::WebhookReceiver receiver;
    QVERIFY(receiver.start(address));
    core::SubscriptionManager manager(&f.gs.client, &receiver, &f.secrets);
    QSignalSpy restored(&manager, &SubscriptionManager::restored);
    manager.restore();
    QTRY_COMPARE(restored.size(), 1);
    QCOMPARE(manager.known().size(), 1);
    QSignalSpy received(&receiver, &core::WebhookReceiver::notificationReceived);
    QVERIFY(f.gs.simulator.updateLegacyAlert(f.legacyAlertOf(QStringLiteral("IPC")),
                                             { { QStringLiteral("status"), QStringLiteral("resolved") } }));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000);
    QCOMPARE(receiver.rejectedCount(), 0);
}

void tst_SubscriptionsGraphsim::resourceForFilter_escapesOnlyWhatWouldBreakTheQuery_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("resource");
    QTest::newRow("plain") << QStringLiteral("status eq 'newAlert'")
                           << QStringLiteral("security/alerts?$filter=status eq 'newAlert'");
    QTest::newRow("ampersand") << QStringLiteral("title eq 'A & B'")
                               << QStringLiteral("security/alerts?$filter=title eq 'A %26 B'");
    QTest::newRow("plus and percent") << QStringLiteral("title eq '1+1=2 100%'")
                                      << QStringLiteral("security/alerts?$filter=title eq '1%2B1=2 100%25'");
}

void tst_SubscriptionsGraphsim::resourceForFilter_escapesOnlyWhatWouldBreakTheQuery()
{
    QFETCH(QString, filter);
    QFETCH(QString, resource);
    QCOMPARE(SubscriptionManager::resourceForFilter(filter), resource);
}

QTEST_GUILESS_MAIN(tst_SubscriptionsGraphsim)
#include "tst_subscriptions_graphsim.moc"
