#pragma once

#include "core/alerts/alert.h"
#include "core/notifications/notification.h"

#include <QObject>
#include <QTimer>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace vigil::core {
class FreedesktopNotifications;
}

namespace vigil::gui {

/// Tells the user about notifications outside the window, one class for every desktop: the tray
/// icon (menu, unread count) and its messages where a tray exists; otherwise a D-Bus
/// org.freedesktop.Notifications message; otherwise an in-app banner (bannerRequested()). Bursts
/// are coalesced into one message ("12 new alerts"); notifications below a minimum severity are
/// not shown; clicking a message asks for the window to be raised on that alert (activated()).
class DesktopNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopNotifier)

public:
    enum class Backend { Tray, DBus, Banner };
    Q_ENUM(Backend)

    explicit DesktopNotifier(QObject *parent = nullptr);
    ~DesktopNotifier() override;

    /// The backend the desktop offers: tray, else D-Bus notifications, else the banner.
    static Backend detect(bool trayAvailable, bool dbusAvailable);
    Backend backend() const { return m_backend; }
    /// Chooses a backend (tests); Tray without a tray falls back as detect() would.
    void setBackend(Backend backend);

    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }
    void setMinimumSeverity(core::Severity severity) { m_minimumSeverity = severity; }
    core::Severity minimumSeverity() const { return m_minimumSeverity; }
    /// How long notifications are gathered before one message is shown (default 1.5 s).
    void setCoalesceDelay(std::chrono::milliseconds delay);

    /// Tray tooltip and menu show the unread count.
    void setUnreadCount(int unread);
    QSystemTrayIcon *trayIcon() const { return m_tray; }

    /// Queues a notification for the next message (if it passes the minimum severity).
    void notify(const core::Notification &notification);
    /// Shows what is queued now.
    void flush();

    /// What the last message said (also emitted by messageShown()).
    QString lastTitle() const { return m_lastTitle; }
    QString lastBody() const { return m_lastBody; }
    int messageCount() const { return m_messages; }

Q_SIGNALS:
    /// A message was handed to the backend.
    void messageShown(const QString &title, const QString &body, vigil::gui::DesktopNotifier::Backend backend);
    /// The banner backend's message, for the main window to show.
    void bannerRequested(const QString &title, const QString &body, const QString &alertId, vigil::core::AlertApi api);
    /// The user clicked a message: raise the window on this alert (empty: on the notifications).
    void activated(const QString &alertId, vigil::core::AlertApi api);
    /// Tray menu.
    void showWindowRequested();
    void quitRequested();

private:
    void createTray();
    void show(const QString &title, const QString &body, core::Severity severity, const QString &alertId,
              core::AlertApi api);

    Backend m_backend = Backend::Banner;
    bool m_enabled = true;
    core::Severity m_minimumSeverity = core::Severity::Unknown;
    QTimer m_coalesce;
    QList<core::Notification> m_queue;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_unreadAction = nullptr;
    core::FreedesktopNotifications *m_dbus = nullptr;
    QString m_lastAlertId;
    core::AlertApi m_lastApi = core::AlertApi::V2;
    QString m_lastTitle;
    QString m_lastBody;
    int m_messages = 0;
    int m_unread = 0;
};

} // namespace vigil::gui
