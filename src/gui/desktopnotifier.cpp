#include "desktopnotifier.h"

#include "core/notifications/freedesktopnotifications.h"

#include <QApplication>
#include <QLoggingCategory>
#include <QMenu>
#include <QSystemTrayIcon>

Q_LOGGING_CATEGORY(lcDesktopNotifier, "vigil.gui.desktopnotifier", QtInfoMsg)

namespace vigil::gui {

using core::Notification;
using core::Severity;

namespace {
constexpr int kTrayMessageMs = 10'000;

QString keyFor(const QString &alertId, core::AlertApi api)
{
    return alertId.isEmpty() ? QString() : QString::number(int(api)) + QLatin1Char(':') + alertId;
}
} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(std::chrono::milliseconds(1500));
    connect(&m_coalesce, &QTimer::timeout, this, &DesktopNotifier::flush);
    m_dbus = new core::FreedesktopNotifications(this);
    connect(m_dbus, &core::FreedesktopNotifications::activated, this, [this](const QString &key) {
        const qsizetype colon = key.indexOf(QLatin1Char(':'));
        const auto api = colon > 0 && key.left(colon).toInt() == int(core::AlertApi::Legacy) ? core::AlertApi::Legacy
                                                                                             : core::AlertApi::V2;
        Q_EMIT activated(colon > 0 ? key.mid(colon + 1) : QString(), api);
    });
    // The notification service went away: the banner still tells the user.
    connect(m_dbus, &core::FreedesktopNotifications::failed, this,
            [this] { Q_EMIT bannerRequested(m_lastTitle, m_lastBody, m_lastAlertId, m_lastApi); });
    setBackend(detect(QSystemTrayIcon::isSystemTrayAvailable(), m_dbus->isAvailable()));
}

DesktopNotifier::~DesktopNotifier()
{
    // The menu has no parent (a tray menu is a top-level window); it goes after the icon using it.
    delete m_tray;
    delete m_menu;
}

DesktopNotifier::Backend DesktopNotifier::detect(bool trayAvailable, bool dbusAvailable)
{
    if (trayAvailable)
        return Backend::Tray;
    return dbusAvailable ? Backend::DBus : Backend::Banner;
}

void DesktopNotifier::setBackend(Backend backend)
{
    if (backend == Backend::Tray && !QSystemTrayIcon::isSystemTrayAvailable())
        backend = detect(false, m_dbus->isAvailable());
    m_backend = backend;
    if (backend == Backend::Tray)
        createTray();
    else if (m_tray)
        m_tray->hide();
    qCInfo(lcDesktopNotifier) << "desktop notifications through" << backend;
}

void DesktopNotifier::setCoalesceDelay(std::chrono::milliseconds delay)
{
    m_coalesce.setInterval(delay);
}

void DesktopNotifier::createTray()
{
    if (!m_tray) {
        m_menu = new QMenu;
        m_menu->setAttribute(Qt::WA_DeleteOnClose, false);
        QAction *show = m_menu->addAction(tr("&Show Vigil"));
        connect(show, &QAction::triggered, this, &DesktopNotifier::showWindowRequested);
        m_unreadAction = m_menu->addAction(QString());
        connect(m_unreadAction, &QAction::triggered, this, [this] { Q_EMIT activated({}, core::AlertApi::V2); });
        m_menu->addSeparator();
        QAction *quit = m_menu->addAction(tr("&Quit Vigil"));
        connect(quit, &QAction::triggered, this, &DesktopNotifier::quitRequested);
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setContextMenu(m_menu);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                Q_EMIT showWindowRequested();
        });
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] { Q_EMIT activated(m_lastAlertId, m_lastApi); });
    }
    setUnreadCount(m_unread);
    m_tray->show();
}

void DesktopNotifier::setUnreadCount(int unread)
{
    m_unread = unread;
    if (!m_tray)
        return;
    const QString text = unread ? tr("%n unread notifications", nullptr, unread) : tr("No unread notifications");
    m_tray->setToolTip(tr("Vigil — %1").arg(text));
    m_unreadAction->setText(text);
    m_unreadAction->setEnabled(unread > 0);
}

void DesktopNotifier::notify(const Notification &notification)
{
    if (!m_enabled)
        return;
    const bool passes = notification.isLifecycle()
        || (notification.severity == Severity::Unknown ? m_minimumSeverity == Severity::Unknown
                                                       : notification.severity >= m_minimumSeverity);
    if (!passes)
        return;
    m_queue.append(notification);
    if (m_coalesce.interval() <= 0)
        flush();
    else if (!m_coalesce.isActive())
        m_coalesce.start();
}

void DesktopNotifier::flush()
{
    m_coalesce.stop();
    const QList<Notification> queue = std::exchange(m_queue, {});
    if (queue.isEmpty())
        return;
    Severity highest = Severity::Unknown;
    for (const Notification &n : queue)
        highest = qMax(highest, n.severity);
    const auto label = [](const Notification &n) {
        return n.title.isEmpty() ? (n.alertId.isEmpty() ? n.subscriptionId : n.alertId) : n.title;
    };
    if (queue.size() == 1) {
        const Notification &n = queue.constFirst();
        const QString title = n.isLifecycle() ? core::displayChange(n.change, n.feed)
                                              : tr("%1: %2").arg(core::displayChange(n.change, n.feed), label(n));
        QStringList body;
        if (n.severity != Severity::Unknown)
            body << tr("Severity: %1").arg(core::displaySeverity(n.severity));
        body << tr("From: %1").arg(core::displayFeed(n.feed));
        if (!n.details.isEmpty())
            body << n.details;
        show(title, body.join(QLatin1Char('\n')), n.severity, n.alertId, n.api);
        return;
    }
    int created = 0;
    bool sameAlert = true;
    for (const Notification &n : queue) {
        created += (n.change == Notification::Change::Created || n.change == Notification::Change::Pushed) ? 1 : 0;
        sameAlert = sameAlert && n.alertId == queue.constFirst().alertId && n.api == queue.constFirst().api;
    }
    const int count = int(queue.size());
    const QString title = created == count ? tr("%n new alerts", nullptr, count)
        : created == 0                     ? tr("%n alert changes", nullptr, count)
                                           : tr("%n alert notifications", nullptr, count);
    QStringList lines;
    for (int i = 0; i < qMin(3, count); ++i)
        lines << label(queue.at(count - 1 - i));
    if (count > 3)
        lines << tr("and %n more", nullptr, count - 3);
    show(title, lines.join(QLatin1Char('\n')), highest, sameAlert ? queue.constFirst().alertId : QString(),
         queue.constFirst().api);
}

void DesktopNotifier::show(const QString &title, const QString &body, Severity severity, const QString &alertId,
                           core::AlertApi api)
{
    m_lastAlertId = alertId;
    m_lastApi = api;
    m_lastTitle = title;
    m_lastBody = body;
    ++m_messages;
    switch (m_backend) {
    case Backend::Tray: {
        const auto icon = severity >= Severity::High ? QSystemTrayIcon::Critical
            : severity >= Severity::Medium           ? QSystemTrayIcon::Warning
                                                     : QSystemTrayIcon::Information;
        m_tray->showMessage(title, body, icon, kTrayMessageMs);
        break;
    }
    case Backend::DBus: {
        const auto urgency = severity >= Severity::High ? core::FreedesktopNotifications::Urgency::Critical
            : severity >= Severity::Low                 ? core::FreedesktopNotifications::Urgency::Normal
                                                        : core::FreedesktopNotifications::Urgency::Low;
        m_dbus->notify(title, body, urgency, keyFor(alertId, api));
        break;
    }
    case Backend::Banner:
        Q_EMIT bannerRequested(title, body, alertId, api);
        break;
    }
    Q_EMIT messageShown(title, body, m_backend);
}

} // namespace vigil::gui
