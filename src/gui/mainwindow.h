#pragma once

#include "core/auth/tenantsettings.h"
#include "core/notifications/notificationsettings.h"

#include <QMainWindow>

#include <memory>

class QLabel;

namespace Ui {
class MainWindow;
}

namespace vigil::core {
class AuthSession;
class GraphClient;
class NotificationCenter;
class RequestLogModel;
struct Account;
}

namespace vigil::gui {

class AlertsPage;
class NotificationsController;
class RequestInspector;
class SignInController;

/// The main window: menus, status bar, the page stack; remembers its geometry and dock state.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    struct Options
    {
        bool demo = false;                     ///< show the "Demo data" badge
        QString connectionDescription;         ///< where Vigil signs in and which Graph it talks to
        QStringList overriddenSettings = {};   ///< settings the command line overrides for this run
    };

    explicit MainWindow(const Options &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Connects sign-in: actions, account display, messages. Without it the window is signed out.
    void setAuthSession(core::AuthSession *session, core::TenantSettings::SignInMethod method);
    SignInController *signInController() const { return m_signIn; }
    /// Connects Microsoft Graph: the alerts page and the request inspector. Needs setAuthSession() first.
    void setGraphClient(core::GraphClient *client);
    AlertsPage *alertsPage() const { return m_alerts; }
    /// Connects live notifications: the pane, desktop messages, subscriptions. Needs setGraphClient() first.
    void setNotificationCenter(core::NotificationCenter *center);
    NotificationsController *notifications() const { return m_notifications; }

    /// Writes geometry and window state to the settings (also done on close).
    void saveWindowState() const;

Q_SIGNALS:
    /// The user saved new tenant settings.
    void tenantSettingsChanged(const vigil::core::TenantSettings::Values &values);
    /// The user switched between alerts_v2 and the legacy alerts API.
    void legacyAlertsApiChanged(bool legacy);
    /// The user saved new notification settings (receiver, poller, desktop messages, retention).
    void notificationSettingsChanged(const vigil::core::NotificationSettings::Values &values);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void restoreWindowState();
    void showAbout();
    void showSettings();
    void copyDiagnostics();
    void setFullScreen(bool on);
    void showAccount(const core::Account &account);
    void updateSignInActions();
    void showProblem(const QString &title, const QString &text);
    void showMemoryOnlyWarning(const QString &reason);
    void showRetryCountdown(double seconds, int status);
    void updatePage();

    std::unique_ptr<Ui::MainWindow> m_ui;
    Options m_options;
    core::AuthSession *m_session = nullptr;
    SignInController *m_signIn = nullptr;
    QLabel *m_demoBadge = nullptr;
    QLabel *m_accountLabel = nullptr;
    QLabel *m_memoryOnlyBadge = nullptr;
    QLabel *m_retryLabel = nullptr;
    AlertsPage *m_alerts = nullptr;
    core::RequestLogModel *m_requestLog = nullptr;
    RequestInspector *m_inspector = nullptr;
    NotificationsController *m_notifications = nullptr;
    bool m_queriedOnce = false;
};

} // namespace vigil::gui
