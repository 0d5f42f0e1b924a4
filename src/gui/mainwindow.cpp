#include "mainwindow.h"

#include "aboutdialog.h"
#include "core/settings.h"
#include "ui_mainwindow.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QLabel>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QStatusBar>
#include <QSysInfo>

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
    connect(m_ui->actionShowStatusBar, &QAction::toggled, statusBar(), &QWidget::setVisible);
    connect(m_ui->actionFullScreen, &QAction::toggled, this, &MainWindow::setFullScreen);
    connect(m_ui->actionCopyDiagnostics, &QAction::triggered, this, &MainWindow::copyDiagnostics);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->actionAboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);

    restoreWindowState();
    statusBar()->showMessage(options.demo ? tr("Demo mode: everything you see comes from the built-in simulator.")
                                          : tr("Ready"),
                             8000);
}

MainWindow::~MainWindow() = default;

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
