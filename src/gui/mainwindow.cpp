#include "mainwindow.h"

#include "aboutdialog.h"
#include "alertspage.h"
#include "core/alerts/alertsettings.h"
#include "core/alerts/alerttablemodel.h"
#include "core/graph/graphclient.h"
#include "core/graph/requestlogmodel.h"
#include "notificationbanner.h"
#include "notificationscontroller.h"
#include "notificationsettingspage.h"
#include "notificationspane.h"
#include "requestinspector.h"
#include "core/auth/authsession.h"
#include "core/auth/signinflow.h"
#include "core/settings.h"
#include "settingsdialog.h"
#include "signincontroller.h"
#include "theme.h"
#include "ui_mainwindow.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QLabel>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QStatusBar>
#include <QSysInfo>
#include <QTimer>

Q_LOGGING_CATEGORY(lcMainWindow, "vigil.gui.mainwindow", QtInfoMsg)

namespace vigil::gui {

namespace {
const core::Setting<QByteArray> kGeometry{QStringLiteral("mainWindow/geometry"), {}};
const core::Setting<QByteArray> kState{QStringLiteral("mainWindow/state"), {}};
const core::Setting<bool> kStatusBarVisible{QStringLiteral("mainWindow/statusBarVisible"), true};
} // namespace

MainWindow::MainWindow(const Options &options, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_options(options)
{
    m_ui->setupUi(this);
    setWindowIcon(QApplication::windowIcon());

    m_ui->welcomeIcon->setPixmap(QApplication::windowIcon().pixmap(96, 96));
    QFont titleFont = m_ui->welcomeTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 2.2);
    titleFont.setBold(true);
    m_ui->welcomeTitle->setFont(titleFont);
    m_ui->connectionText->setText(options.connectionDescription);

    m_accountLabel = new QLabel(tr("Not signed in"), this);
    m_accountLabel->setAccessibleName(tr("Account"));
    statusBar()->addPermanentWidget(m_accountLabel);

    if (options.demo) {
        setWindowTitle(tr("Vigil — Demo"));
        m_demoBadge = new QLabel(tr("Demo data"), this);
        m_demoBadge->setObjectName(QStringLiteral("demoBadge"));
        m_demoBadge->setAccessibleName(tr("Demo mode indicator"));
        m_demoBadge->setToolTip(tr("Vigil is connected to its built-in simulator. Alerts, users and sign-in "
                                   "are simulated; nothing is sent to Microsoft."));
        m_demoBadge->setStyleSheet(QStringLiteral(
            "QLabel#demoBadge { background: #ffb020; color: #1a1a1a; font-weight: bold;"
            " border-radius: 4px; padding: 1px 8px; }"));
        statusBar()->addPermanentWidget(m_demoBadge);
    }

    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionSettings, &QAction::triggered, this, &MainWindow::showSettings);
    m_ui->actionRequestInspector->setEnabled(false);
    connect(m_ui->actionShowStatusBar, &QAction::toggled, statusBar(), &QWidget::setVisible);
    connect(m_ui->actionFullScreen, &QAction::toggled, this, &MainWindow::setFullScreen);
    connect(m_ui->actionCopyDiagnostics, &QAction::triggered, this, &MainWindow::copyDiagnostics);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->actionAboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);

    updateSignInActions();
    restoreWindowState();
    statusBar()->showMessage(options.demo ? tr("Demo mode: everything you see comes from the built-in simulator.")
                                          : tr("Ready"),
                             8000);
}

MainWindow::~MainWindow() = default;

void MainWindow::setAuthSession(core::AuthSession *session, core::TenantSettings::SignInMethod method)
{
    m_session = session;
    m_signIn = new SignInController(session, this);
    m_signIn->setMethod(method);
    connect(m_ui->actionSignIn, &QAction::triggered, m_signIn, &SignInController::signIn);
    connect(m_ui->signInButton, &QPushButton::clicked, m_signIn, &SignInController::signIn);
    connect(m_ui->actionSignOut, &QAction::triggered, m_signIn, &SignInController::signOut);
    connect(m_ui->actionAdminConsent, &QAction::triggered, m_signIn, &SignInController::requestAdminConsent);
    connect(m_signIn, &SignInController::statusMessage, this, [this](const QString &text) {
        statusBar()->showMessage(text, 10000);
    });
    connect(m_signIn, &SignInController::problem, this, &MainWindow::showProblem);
    connect(session, &core::AuthSession::accountChanged, this, &MainWindow::showAccount);
    connect(session, &core::AuthSession::memoryOnly, this, &MainWindow::showMemoryOnlyWarning);
    connect(session->flow(), &core::SignInFlow::stateChanged, this, &MainWindow::updateSignInActions);
    connect(session->flow(), &core::SignInFlow::stateChanged, this, &MainWindow::updatePage);
    connect(session, &core::AuthSession::restoreFinished, this, [this](bool signedIn, const QString &message) {
        if (!signedIn && !message.isEmpty())
            showProblem(tr("Please sign in again"), message);
    });
    updateSignInActions();
}

void MainWindow::setGraphClient(core::GraphClient *client)
{
    m_requestLog = new core::RequestLogModel(this);
    connect(client, &core::GraphClient::requestFinished, m_requestLog, &core::RequestLogModel::append);
    connect(client, &core::GraphClient::retryScheduled, this, &MainWindow::showRetryCountdown);
    m_ui->actionRequestInspector->setEnabled(true);
    connect(m_ui->actionRequestInspector, &QAction::triggered, this, [this] {
        if (!m_inspector)
            m_inspector = new RequestInspector(m_requestLog, this);
        m_inspector->show();
        m_inspector->raise();
    });
    if (!m_session)
        return;
    m_alerts = new AlertsPage(m_session, client, this);
    m_alerts->setApi(core::AlertSettings::useLegacyApi().value() ? core::AlertApi::Legacy : core::AlertApi::V2);
    m_ui->pages->addWidget(m_alerts);
    connect(m_alerts, &AlertsPage::statusMessage, this, [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(m_alerts, &AlertsPage::problem, this, &MainWindow::showProblem);
    m_ui->menuView->insertActions(m_ui->actionRequestInspector, {m_alerts->refreshAction(), m_alerts->filterAction()});
    m_ui->menuView->insertSeparator(m_ui->actionRequestInspector);
    m_ui->menuTools->insertActions(m_ui->actionSettings,
                                   {m_alerts->editAction(), m_alerts->emailAction(), m_alerts->exportAction()});
    m_ui->menuTools->insertSeparator(m_ui->actionSettings);
    updatePage();
}

void MainWindow::setNotificationCenter(core::NotificationCenter *center)
{
    m_notifications = new NotificationsController(center, m_session, this, m_alerts);
    addDockWidget(Qt::BottomDockWidgetArea, m_notifications->pane());
    restoreDockWidget(m_notifications->pane());
    m_ui->centralLayout->insertWidget(0, m_notifications->banner());
    m_ui->menuView->insertAction(m_ui->actionRequestInspector, m_notifications->pane()->toggleViewAction());
    m_ui->menuTools->insertAction(m_ui->actionSettings, m_notifications->subscriptionsAction());
    connect(m_notifications, &NotificationsController::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(m_notifications, &NotificationsController::problem, this, &MainWindow::showProblem);
    connect(m_notifications, &NotificationsController::settingsChanged, this,
            &MainWindow::notificationSettingsChanged);
}

void MainWindow::updatePage()
{
    if (!m_alerts)
        return;
    const bool signedIn = m_session && m_session->flow()->isSignedIn();
    if (signedIn) {
        m_ui->pages->setCurrentWidget(m_alerts);
        if (!m_queriedOnce) {
            m_queriedOnce = true;
            m_alerts->runQuery();
        }
    } else if (m_session->flow()->state() == core::SignInFlow::State::SignedOut) {
        m_ui->pages->setCurrentWidget(m_ui->welcomePage);
        m_alerts->model()->clear();
        m_queriedOnce = false;
    }
    m_alerts->updatePermissions();
}

void MainWindow::showRetryCountdown(double seconds, int status)
{
    if (!m_retryLabel) {
        m_retryLabel = new QLabel(this);
        m_retryLabel->setObjectName(QStringLiteral("retryLabel"));
        m_retryLabel->setAccessibleName(tr("Retry countdown"));
        statusBar()->insertPermanentWidget(0, m_retryLabel);
    }
    auto *timer = new QTimer(m_retryLabel);
    auto remaining = std::make_shared<double>(seconds);
    const auto show = [this, remaining, status] {
        m_retryLabel->setText(status == 429 ? tr("Microsoft Graph is throttling: retrying in %1 s").arg(qMax(0.0, *remaining), 0, 'f', 0)
                                            : tr("Microsoft Graph is unavailable (HTTP %1): retrying in %2 s")
                                                  .arg(status)
                                                  .arg(qMax(0.0, *remaining), 0, 'f', 0));
        m_retryLabel->setVisible(*remaining > 0);
    };
    show();
    connect(timer, &QTimer::timeout, m_retryLabel, [timer, remaining, show] {
        *remaining -= 1.0;
        show();
        if (*remaining <= 0)
            timer->deleteLater();
    });
    timer->start(1000);
}

void MainWindow::updateSignInActions()
{
    const auto state = m_session ? m_session->flow()->state() : core::SignInFlow::State::SignedOut;
    const bool signedIn = state == core::SignInFlow::State::SignedIn || state == core::SignInFlow::State::Refreshing;
    const bool busy = state == core::SignInFlow::State::WaitingForUser || state == core::SignInFlow::State::RedeemingCode;
    m_ui->actionSignIn->setEnabled(m_session && !signedIn);
    m_ui->actionSignOut->setEnabled(m_session && (signedIn || busy));
    m_ui->actionAdminConsent->setEnabled(m_session != nullptr);
    m_ui->signInButton->setVisible(m_session && !signedIn);
    m_ui->signInButton->setEnabled(m_session && !busy);
    m_ui->signInButton->setText(busy ? tr("Signing in…") : tr("&Sign In…"));
    if (!m_session)
        m_ui->actionSignIn->setToolTip(tr("Sign-in is not available"));
    if (!signedIn && m_accountLabel->text() != tr("Not signed in") && !busy)
        showAccount({});
}

void MainWindow::showAccount(const core::Account &account)
{
    if (account.isEmpty()) {
        m_accountLabel->setText(tr("Not signed in"));
        m_accountLabel->setToolTip(QString());
        m_ui->connectionText->setText(m_options.connectionDescription);
        return;
    }
    const QString name = account.displayName.isEmpty() ? account.userPrincipalName : account.displayName;
    m_accountLabel->setText(tr("Signed in as %1").arg(name));
    m_accountLabel->setToolTip(account.userPrincipalName);
    m_ui->connectionText->setText(tr("Signed in as %1 (%2)").arg(name, account.userPrincipalName)
                                  + QLatin1Char('\n') + m_options.connectionDescription);
    statusBar()->showMessage(tr("Signed in as %1.").arg(account.userPrincipalName), 8000);
}

void MainWindow::showProblem(const QString &title, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->open();
}

void MainWindow::showMemoryOnlyWarning(const QString &reason)
{
    if (!m_memoryOnlyBadge) {
        m_memoryOnlyBadge = new QLabel(tr("Sign-in not saved"), this);
        m_memoryOnlyBadge->setObjectName(QStringLiteral("memoryOnlyBadge"));
        m_memoryOnlyBadge->setAccessibleName(tr("Sign-in kept in memory only"));
        m_memoryOnlyBadge->setStyleSheet(QStringLiteral("QLabel#memoryOnlyBadge { color: %1; }")
                                             .arg(Theme::statusColor(Theme::Status::Error).name()));
        statusBar()->insertPermanentWidget(0, m_memoryOnlyBadge);
    }
    m_memoryOnlyBadge->setToolTip(reason);
    showProblem(tr("Sign-in kept in memory only"), reason);
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(core::TenantSettings::load(), m_options.overriddenSettings, this);
    const bool legacyBefore = core::AlertSettings::useLegacyApi().value();
    dialog.setUseLegacyAlertsApi(legacyBefore);
    auto *notificationsPage = dialog.findChild<NotificationSettingsPage *>();
    if (m_notifications && notificationsPage)
        m_notifications->prepareSettings(notificationsPage);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (m_notifications && notificationsPage)
        m_notifications->applySettings(notificationsPage);
    const core::TenantSettings::Values values = dialog.tenantValues();
    core::TenantSettings::save(values);
    if (dialog.useLegacyAlertsApi() != legacyBefore) {
        core::AlertSettings::useLegacyApi().setValue(dialog.useLegacyAlertsApi());
        if (m_alerts)
            m_alerts->setApi(dialog.useLegacyAlertsApi() ? core::AlertApi::Legacy : core::AlertApi::V2);
        Q_EMIT legacyAlertsApiChanged(dialog.useLegacyAlertsApi());
    }
    if (m_signIn)
        m_signIn->setMethod(values.method);
    statusBar()->showMessage(tr("Settings saved."), 5000);
    Q_EMIT tenantSettingsChanged(values);
}

void MainWindow::restoreWindowState()
{
    const QByteArray geometry = kGeometry.value();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1100, 720);
    const QByteArray state = kState.value();
    if (!state.isEmpty())
        restoreState(state);
    const bool statusVisible = kStatusBarVisible.value();
    m_ui->actionShowStatusBar->setChecked(statusVisible);
    statusBar()->setVisible(statusVisible);
}

void MainWindow::saveWindowState() const
{
    if (m_alerts)
        m_alerts->saveState();
    if (m_notifications)
        m_notifications->saveState();
    kGeometry.setValue(saveGeometry());
    kState.setValue(saveState());
    kStatusBarVisible.setValue(m_ui->actionShowStatusBar->isChecked());
    qCDebug(lcMainWindow) << "window state saved to" << core::SettingsLocation::file();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    event->accept();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::WindowStateChange)
        m_ui->actionFullScreen->setChecked(isFullScreen());
    QMainWindow::changeEvent(event);
}

void MainWindow::setFullScreen(bool on)
{
    if (on == isFullScreen())
        return;
    if (on)
        showFullScreen();
    else
        showNormal();
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::copyDiagnostics()
{
    const QString text = QStringLiteral("Vigil %1\nQt %2 (built with %3)\n%4 (%5)\nSettings: %6\nDemo: %7\n%8\n")
                             .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion()),
                                  QStringLiteral(QT_VERSION_STR), QSysInfo::prettyProductName(),
                                  QSysInfo::currentCpuArchitecture(), core::SettingsLocation::file(),
                                  m_options.demo ? QStringLiteral("yes") : QStringLiteral("no"),
                                  m_options.connectionDescription);
    QApplication::clipboard()->setText(text);
    statusBar()->showMessage(tr("Diagnostics copied to the clipboard."), 5000);
}

} // namespace vigil::gui
