// DesktopNotifier: which backend a desktop gets, coalescing of bursts, the minimum severity, the
// banner fallback, and the D-Bus path against a fake org.freedesktop.Notifications service on the
// session bus (tools/test-session.sh provides a private one): message sent, click → alert.

#include "core/notifications/freedesktopnotifications.h"
#include "gui/desktopnotifier.h"
#include "support/fakenotificationserver.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTest>

using namespace vigil;
using core::Notification;
using gui::DesktopNotifier;

namespace {
Notification make(const QString &alertId, const QString &title, core::Severity severity,
                  Notification::Change change = Notification::Change::Created)
{
    Notification n;
    n.alertId = alertId;
    n.title = title;
    n.severity = severity;
    n.change = change;
    n.feed = Notification::Feed::Poller;
    n.api = core::AlertApi::V2;
    return n;
}
} // namespace

class tst_DesktopNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void detect_prefersTrayThenDBusThenBanner_data();
    void detect_prefersTrayThenDBusThenBanner();
    void noTray_trayFallsBack();
    void banner_oneNotification_sayWhatAndWhich();
    void burst_isCoalescedIntoOneMessage();
    void minimumSeverity_filters_lifecycleAlwaysShown();
    void disabled_showsNothing();
    void dbus_messageSent_clickRaisesTheAlert();

private:
    std::unique_ptr<test::FakeNotificationServer> m_server;
};

void tst_DesktopNotifier::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_DesktopNotifier::cleanupTestCase()
{
    m_server.reset();
}

void tst_DesktopNotifier::detect_prefersTrayThenDBusThenBanner_data()
{
    QTest::addColumn<bool>("tray");
    QTest::addColumn<bool>("dbus");
    QTest::addColumn<DesktopNotifier::Backend>("backend");
    QTest::newRow("tray") << true << true << DesktopNotifier::Backend::Tray;
    QTest::newRow("tray only") << true << false << DesktopNotifier::Backend::Tray;
    QTest::newRow("GNOME without tray") << false << true << DesktopNotifier::Backend::DBus;
    QTest::newRow("nothing") << false << false << DesktopNotifier::Backend::Banner;
}

void tst_DesktopNotifier::detect_prefersTrayThenDBusThenBanner()
{
    QFETCH(bool, tray);
    QFETCH(bool, dbus);
    QFETCH(DesktopNotifier::Backend, backend);
    QCOMPARE(DesktopNotifier::detect(tray, dbus), backend);
}

void tst_DesktopNotifier::noTray_trayFallsBack()
{
    if (QSystemTrayIcon::isSystemTrayAvailable())
        QSKIP("this display has a system tray");
    DesktopNotifier notifier;
    notifier.setBackend(DesktopNotifier::Backend::Tray);
    QVERIFY(notifier.backend() != DesktopNotifier::Backend::Tray);
    QVERIFY(!notifier.trayIcon());
}

void tst_DesktopNotifier::banner_oneNotification_sayWhatAndWhich()
{
    DesktopNotifier notifier;
    notifier.setBackend(DesktopNotifier::Backend::Banner);
    notifier.setCoalesceDelay(std::chrono::milliseconds(0));
    QSignalSpy banner(&notifier, &DesktopNotifier::bannerRequested);
    QSignalSpy shown(&notifier, &DesktopNotifier::messageShown);
    Notification n = make(QStringLiteral("a1"), QStringLiteral("Impossible travel"), core::Severity::High,
                          Notification::Change::Updated);
    n.details = QStringLiteral("Status: New → In progress");
    notifier.notify(n);
    QCOMPARE(shown.size(), 1);
    QCOMPARE(banner.size(), 1);
    QVERIFY(banner.at(0).at(0).toString().contains(QStringLiteral("Impossible travel")));
    QVERIFY(banner.at(0).at(1).toString().contains(QStringLiteral("Status: New → In progress")));
    QCOMPARE(banner.at(0).at(2).toString(), QStringLiteral("a1"));
    QCOMPARE(banner.at(0).at(3).value<core::AlertApi>(), core::AlertApi::V2);
}

void tst_DesktopNotifier::burst_isCoalescedIntoOneMessage()
{
    DesktopNotifier notifier;
    notifier.setBackend(DesktopNotifier::Backend::Banner);
    notifier.setCoalesceDelay(std::chrono::milliseconds(100));
    QSignalSpy shown(&notifier, &DesktopNotifier::messageShown);
    for (int i = 0; i < 12; ++i)
        notifier.notify(make(QStringLiteral("id%1").arg(i), QStringLiteral("Alert %1").arg(i), core::Severity::Medium));
    QCOMPARE(shown.size(), 0);
    QTRY_COMPARE(shown.size(), 1);
    QTest::qWait(200);
    QCOMPARE(shown.size(), 1);
    QCOMPARE(shown.at(0).at(0).toString(), QStringLiteral("12 new alerts"));
    QVERIFY(shown.at(0).at(1).toString().contains(QStringLiteral("Alert 11")));
    QVERIFY(shown.at(0).at(1).toString().contains(QStringLiteral("and 9 more")));
    // Changes and new alerts together.
    notifier.notify(make(QStringLiteral("x"), QStringLiteral("X"), core::Severity::Low));
    notifier.notify(make(QStringLiteral("y"), QStringLiteral("Y"), core::Severity::Low, Notification::Change::Updated));
    QTRY_COMPARE(shown.size(), 2);
    QCOMPARE(shown.at(1).at(0).toString(), QStringLiteral("2 alert notifications"));
}

void tst_DesktopNotifier::minimumSeverity_filters_lifecycleAlwaysShown()
{
    DesktopNotifier notifier;
    notifier.setBackend(DesktopNotifier::Backend::Banner);
    notifier.setCoalesceDelay(std::chrono::milliseconds(0));
    notifier.setMinimumSeverity(core::Severity::High);
    QSignalSpy shown(&notifier, &DesktopNotifier::messageShown);
    notifier.notify(make(QStringLiteral("m"), QStringLiteral("Medium one"), core::Severity::Medium));
    notifier.notify(make(QStringLiteral("u"), QStringLiteral("Unknown one"), core::Severity::Unknown));
    QCOMPARE(shown.size(), 0);
    notifier.notify(make(QStringLiteral("h"), QStringLiteral("High one"), core::Severity::High));
    QCOMPARE(shown.size(), 1);
    Notification lifecycle;
    lifecycle.change = Notification::Change::SubscriptionRemoved;
    lifecycle.subscriptionId = QStringLiteral("sub");
    notifier.notify(lifecycle);
    QCOMPARE(shown.size(), 2);
}

void tst_DesktopNotifier::disabled_showsNothing()
{
    DesktopNotifier notifier;
    notifier.setBackend(DesktopNotifier::Backend::Banner);
    notifier.setCoalesceDelay(std::chrono::milliseconds(0));
    notifier.setEnabled(false);
    QSignalSpy shown(&notifier, &DesktopNotifier::messageShown);
    notifier.notify(make(QStringLiteral("h"), QStringLiteral("High one"), core::Severity::High));
    QCOMPARE(shown.size(), 0);
}

void tst_DesktopNotifier::dbus_messageSent_clickRaisesTheAlert()
{
    if (!QDBusConnection::sessionBus().isConnected())
        QSKIP("no D-Bus session bus; run through tools/test-session.sh");
    if (QSystemTrayIcon::isSystemTrayAvailable())
        QSKIP("this display has a system tray, which wins over D-Bus");
    m_server = test::FakeNotificationServer::registerOnSessionBus();
    QVERIFY(m_server);

    DesktopNotifier notifier; // no tray here: the notification service is chosen
    QCOMPARE(notifier.backend(), DesktopNotifier::Backend::DBus);
    notifier.setCoalesceDelay(std::chrono::milliseconds(0));
    QSignalSpy activated(&notifier, &DesktopNotifier::activated);
    auto *dbus = notifier.findChild<core::FreedesktopNotifications *>();
    QVERIFY(dbus);
    QSignalSpy accepted(dbus, &core::FreedesktopNotifications::shown);
    Notification n = make(QStringLiteral("legacy-7"), QStringLiteral("Suspicious inbox rule"), core::Severity::High);
    n.api = core::AlertApi::Legacy;
    n.feed = Notification::Feed::Graph;
    notifier.notify(n);
    QTRY_COMPARE(m_server->calls.size(), 1);
    QVERIFY(m_server->calls.at(0).summary.contains(QStringLiteral("Suspicious inbox rule")));
    QVERIFY(m_server->calls.at(0).body.contains(core::displaySeverity(core::Severity::High)));
    QCOMPARE(m_server->calls.at(0).hints.value(QStringLiteral("urgency")).toInt(), 2);
    QTRY_COMPARE(accepted.size(), 1);
    m_server->click(accepted.at(0).at(0).toUInt());
    QTRY_COMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("legacy-7"));
    QCOMPARE(activated.at(0).at(1).value<core::AlertApi>(), core::AlertApi::Legacy);
}

QTEST_MAIN(tst_DesktopNotifier)
#include "tst_desktopnotifier.moc"
