// FreedesktopNotifications against a fake org.freedesktop.Notifications service registered on the
// D-Bus session bus (tools/test-session.sh runs a private one): what Vigil sends, and a click on
// the message coming back as activated().

#include "core/notifications/freedesktopnotifications.h"
#include "support/fakenotificationserver.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace vigil;
using core::FreedesktopNotifications;

using test::FakeNotificationServer;

class tst_NotificationsDBus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void withoutService_isUnavailable();
    void notify_sendsSummaryBodyUrgencyAndDefaultAction();
    void click_comesBackAsActivatedWithItsKey();
    void otherApplicationsClicks_areIgnored();

private:
    bool registerFake();
    std::unique_ptr<FakeNotificationServer> m_server;
};

void tst_NotificationsDBus::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (!QDBusConnection::sessionBus().isConnected())
        QSKIP("no D-Bus session bus; run through tools/test-session.sh");
}

bool tst_NotificationsDBus::registerFake()
{
    if (!m_server)
        m_server = FakeNotificationServer::registerOnSessionBus();
    return m_server != nullptr;
}

void tst_NotificationsDBus::cleanupTestCase()
{
    m_server.reset();
}

void tst_NotificationsDBus::withoutService_isUnavailable()
{
    if (QDBusConnection::sessionBus().interface()->isServiceRegistered(FreedesktopNotifications::kService))
        QSKIP("a notification server runs on this session bus");
    FreedesktopNotifications notifications;
    QVERIFY(!notifications.isAvailable());
    QSignalSpy failed(&notifications, &FreedesktopNotifications::failed);
    notifications.notify(QStringLiteral("t"), QStringLiteral("b"), FreedesktopNotifications::Urgency::Normal, {});
    QVERIFY(failed.wait(5000));
}

void tst_NotificationsDBus::notify_sendsSummaryBodyUrgencyAndDefaultAction()
{
    QVERIFY(registerFake());
    FreedesktopNotifications notifications;
    QTRY_VERIFY(notifications.isAvailable());
    QSignalSpy shown(&notifications, &FreedesktopNotifications::shown);
    notifications.notify(QStringLiteral("New alert: Impossible travel"),
                         QStringLiteral("Severity: High\n<b>not markup</b>"),
                         FreedesktopNotifications::Urgency::Critical, QStringLiteral("1:alert-1"));
    QVERIFY(shown.wait(5000));
    QCOMPARE(m_server->calls.size(), 1);
    const FakeNotificationServer::Call &call = m_server->calls.at(0);
    QCOMPARE(call.summary, QStringLiteral("New alert: Impossible travel"));
    QCOMPARE(call.body, QStringLiteral("Severity: High\n&lt;b&gt;not markup&lt;/b&gt;"));
    QCOMPARE(call.hints.value(QStringLiteral("urgency")).toInt(), 2);
    QVERIFY(call.actions.contains(QStringLiteral("default")));
    QCOMPARE(call.replacesId, 0u);
    QCOMPARE(shown.at(0).at(0).toUInt(), 101u);
    // The next message replaces the one still shown.
    notifications.notify(QStringLiteral("2 new alerts"), QString(), FreedesktopNotifications::Urgency::Low, {});
    QVERIFY(shown.wait(5000));
    QCOMPARE(m_server->calls.at(1).replacesId, 101u);
    QCOMPARE(m_server->calls.at(1).hints.value(QStringLiteral("urgency")).toInt(), 0);
}

void tst_NotificationsDBus::click_comesBackAsActivatedWithItsKey()
{
    if (!m_server)
        QVERIFY(registerFake());
    FreedesktopNotifications notifications;
    QSignalSpy shown(&notifications, &FreedesktopNotifications::shown);
    QSignalSpy activated(&notifications, &FreedesktopNotifications::activated);
    notifications.notify(QStringLiteral("Alert changed"), QString(), FreedesktopNotifications::Urgency::Normal,
                         QStringLiteral("0:alert-42"));
    QVERIFY(shown.wait(5000));
    m_server->click(shown.at(0).at(0).toUInt());
    QVERIFY(activated.wait(5000));
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("0:alert-42"));
}

void tst_NotificationsDBus::otherApplicationsClicks_areIgnored()
{
    if (!m_server)
        QVERIFY(registerFake());
    FreedesktopNotifications notifications;
    QSignalSpy activated(&notifications, &FreedesktopNotifications::activated);
    m_server->click(9999);
    QTest::qWait(300);
    QCOMPARE(activated.size(), 0);
}

QTEST_GUILESS_MAIN(tst_NotificationsDBus)
#include "tst_notifications_dbus.moc"
