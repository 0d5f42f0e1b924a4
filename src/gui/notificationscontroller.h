#pragma once

#include "core/alerts/alert.h"
#include "core/notifications/notificationsettings.h"

#include <QObject>

class QAction;
class QMainWindow;

namespace vigil::core {
class AuthSession;
class NotificationCenter;
struct Notification;
} // namespace vigil::core

namespace vigil::gui {

class AlertsPage;
class DesktopNotifier;
class NotificationBanner;
class NotificationSettingsPage;
class NotificationsPane;

/// The notifications side of the main window, kept out of MainWindow: the pane (dock), the
/// desktop notifier (tray, D-Bus or banner), the banner, the Subscriptions dialog, the settings
/// page's values, and raising the window on an alert when a notification is activated (selecting
/// its row, or fetching the alert when it is not loaded).
class NotificationsController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationsController)

public:
    NotificationsController(core::NotificationCenter *center, core::AuthSession *session, QMainWindow *window,
                            AlertsPage *alerts);
    ~NotificationsController() override;

    NotificationsPane *pane() const { return m_pane; }
    DesktopNotifier *notifier() const { return m_notifier; }
    NotificationBanner *banner() const { return m_banner; }
    QAction *subscriptionsAction() const { return m_subscriptionsAction; }
    core::NotificationCenter *center() const { return m_center; }

    /// Settings → Notifications: fill the page before the dialog opens, apply it after OK.
    void prepareSettings(NotificationSettingsPage *page);
    void applySettings(NotificationSettingsPage *page);

    void showSubscriptions();
    /// Raises the window on this alert: selects its row, fetching the alert if it is not loaded;
    /// an empty id shows the notifications pane.
    void revealAlert(const QString &alertId, core::AlertApi api);
    void saveState() const;

Q_SIGNALS:
    void settingsChanged(const vigil::core::NotificationSettings::Values &values);
    void statusMessage(const QString &text);
    void problem(const QString &title, const QString &text);

private:
    void applyNotifierSettings(const core::NotificationSettings::Values &values);
    bool selectAlert(const QString &alertId);
    void showReceiverState(bool listening, const QString &error);

    core::NotificationCenter *m_center = nullptr;
    core::AuthSession *m_session = nullptr;
    QMainWindow *m_window = nullptr;
    AlertsPage *m_alerts = nullptr;
    NotificationsPane *m_pane = nullptr;
    DesktopNotifier *m_notifier = nullptr;
    NotificationBanner *m_banner = nullptr;
    QAction *m_subscriptionsAction = nullptr;
};

} // namespace vigil::gui
