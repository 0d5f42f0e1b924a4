// The embedded sign-in window (Qt WebEngine) driven end to end: the main window's Sign In
// action opens it, it loads the identity provider, the redirect is intercepted, the flow ends
// granted and the account shows in the window.

#include "core/auth/authsession.h"
#include "core/auth/memorytokenstore.h"
#include "core/auth/signinflow.h"
#include "core/settings.h"
#include "graphsim/simulator.h"
#include "gui/mainwindow.h"
#include "gui/settingsdialog.h"
#include "gui/signincontroller.h"
#include "gui/signinwindow.h"
#include "support/fakeidentityprovider.h"
#include "support/serverthread.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEnginePage>
#include <QWebEngineView>

using namespace vigil;

class tst_SignInWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void embeddedSignIn_endsGrantedAndShowsAccount();
    void graphsimPage_submittedInWindow_endsGranted();
    void cancel_returnsFlowToSignedOut();
    void settingsDialog_refusesInvalidValues();

private:
    core::SignInConfiguration configuration() const;

    QTemporaryDir m_dir;
    std::unique_ptr<test::ServerThread> m_idp;
    QNetworkAccessManager m_network;
};

void tst_SignInWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    core::SettingsLocation::setFile(m_dir.filePath(QStringLiteral("vigil.ini")));
}

void tst_SignInWindow::init()
{
    m_idp = std::make_unique<test::ServerThread>([] { return std::make_unique<test::FakeIdentityProvider>(); });
}

void tst_SignInWindow::cleanup()
{
    m_idp.reset();
}

core::SignInConfiguration tst_SignInWindow::configuration() const
{
    core::SignInConfiguration c;
    c.authorityUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_idp->port()));
    c.clientId = QStringLiteral("00001111-aaaa-2222-bbbb-3333cccc4444");
    c.graphUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
    return c;
}

void tst_SignInWindow::embeddedSignIn_endsGrantedAndShowsAccount()
{
    core::SignInFlow flow(&m_network);
    flow.setConfiguration(configuration());
    core::MemoryTokenStore store;
    core::AuthSession session(&flow, &store, &m_network);
    gui::MainWindow window({});
    window.setAuthSession(&session, core::TenantSettings::SignInMethod::EmbeddedWindow);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QSignalSpy signedIn(&flow, &core::SignInFlow::signedIn);
    auto *button = window.findChild<QPushButton *>(QStringLiteral("signInButton"));
    QVERIFY(button && button->isVisible());
    QTest::mouseClick(button, Qt::LeftButton);
    gui::SignInWindow *signInWindow = window.signInController()->signInWindow();
    QVERIFY(signInWindow);
    QTRY_VERIFY_WITH_TIMEOUT(!signedIn.isEmpty(), 20000);
    QTRY_VERIFY(!signInWindow->isVisible());
    QVERIFY(!signInWindow->view());  // page and private profile are gone
    QCOMPARE(flow.state(), core::SignInFlow::State::SignedIn);
    bool shown = false;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
        for (QLabel *label : window.statusBar()->findChildren<QLabel *>()) {
            if (label->text() == QLatin1String("Signed in as Megan Bowen"))
                shown = true;
        }
        return shown;
    }()), 10000);
    QTRY_VERIFY(!button->isVisible());
    QVERIFY(window.findChild<QAction *>(QStringLiteral("actionSignOut"))->isEnabled());

    window.findChild<QAction *>(QStringLiteral("actionSignOut"))->trigger();
    QVERIFY(!flow.isSignedIn());
    QTRY_VERIFY(button->isVisible());
}

void tst_SignInWindow::graphsimPage_submittedInWindow_endsGranted()
{
    graphsim::SimulatorOptions options;
    options.alerts = 20;
    options.legacyAlerts = 5;
    graphsim::Simulator sim(options);
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    core::SignInConfiguration c;
    c.authorityUrl = sim.baseUrl();
    c.tenant = sim.tenantId();
    c.clientId = QStringLiteral("5d6f2a4e-7c1b-4e0a-9b8d-3f2e1c0a9b87");
    c.graphUrl = sim.baseUrl();
    core::SignInFlow flow(&m_network);
    flow.setConfiguration(c);
    QSignalSpy requested(&flow, &core::SignInFlow::authorizationRequested);
    QSignalSpy signedIn(&flow, &core::SignInFlow::signedIn);
    gui::SignInWindow window([&flow](const QUrl &url) { return flow.handleRedirect(url); });
    QVERIFY(flow.signIn());
    window.start(requested.at(0).at(0).toUrl());
    QVERIFY(window.isVisible());
    QSignalSpy loaded(window.view(), &QWebEngineView::loadFinished);
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 20000);
    QVERIFY(loaded.at(0).at(0).toBool());
    QTRY_VERIFY(window.windowTitle().contains(QLatin1String("Sign in to your account")));
    // The second account, then Accept, as a user would.
    window.view()->page()->runJavaScript(QStringLiteral(
        "document.querySelectorAll('input[name=account]')[1].checked = true;"
        "document.querySelector('button.primary').click();"));
    QTRY_VERIFY_WITH_TIMEOUT(!signedIn.isEmpty(), 20000);
    QTRY_VERIFY(!window.isVisible());
    QCOMPARE(flow.identityClaims().value(QLatin1String("preferred_username")).toString(),
             sim.users().at(1).userPrincipalName);
}

void tst_SignInWindow::cancel_returnsFlowToSignedOut()
{
    core::SignInFlow flow(&m_network);
    auto c = configuration();
    c.authorityUrl = QUrl(QStringLiteral("http://127.0.0.1:9/"));  // nothing answers: the page stays up
    flow.setConfiguration(c);
    core::MemoryTokenStore store;
    core::AuthSession session(&flow, &store, &m_network);
    gui::MainWindow window({});
    window.setAuthSession(&session, core::TenantSettings::SignInMethod::EmbeddedWindow);
    window.findChild<QAction *>(QStringLiteral("actionSignIn"))->trigger();
    QCOMPARE(flow.state(), core::SignInFlow::State::WaitingForUser);
    gui::SignInWindow *signInWindow = window.signInController()->signInWindow();
    QVERIFY(signInWindow && signInWindow->isVisible());
    QTest::mouseClick(signInWindow->findChild<QPushButton *>(QStringLiteral("cancelButton")), Qt::LeftButton);
    QCOMPARE(flow.state(), core::SignInFlow::State::SignedOut);
    QVERIFY(!signInWindow->isVisible());
    QVERIFY(window.findChild<QAction *>(QStringLiteral("actionSignIn"))->isEnabled());
}

void tst_SignInWindow::settingsDialog_refusesInvalidValues()
{
    core::TenantSettings::Values values;
    gui::SettingsDialog dialog(values, {QStringLiteral("tenant (--tenant)")});
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    auto *tenant = dialog.findChild<QLineEdit *>(QStringLiteral("tenantEdit"));
    auto *clientId = dialog.findChild<QLineEdit *>(QStringLiteral("clientIdEdit"));
    QVERIFY(ok->isEnabled());
    tenant->setText(QStringLiteral("not a tenant"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("problemLabel"))->text().contains(QLatin1String("tenant")));
    tenant->setText(QStringLiteral("contoso.onmicrosoft.com"));
    clientId->setText(QStringLiteral("12345"));
    QVERIFY(!ok->isEnabled());
    clientId->setText(QStringLiteral("00001111-aaaa-2222-bbbb-3333cccc4444"));
    QVERIFY(ok->isEnabled());
    dialog.findChild<QComboBox *>(QStringLiteral("cloudCombo"))->setCurrentIndex(1);
    const auto v = dialog.tenantValues();
    QCOMPARE(v.cloud, core::TenantSettings::Cloud::UsGovernment);
    QCOMPARE(v.tenant, QStringLiteral("contoso.onmicrosoft.com"));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("hintLabel"))->text().contains(QLatin1String("--tenant")));
    core::TenantSettings::save(v);
    QCOMPARE(core::TenantSettings::load().clientId, v.clientId);
    QCOMPARE(core::TenantSettings::configuration(core::TenantSettings::load(), {}).authorityUrl.host(),
             QStringLiteral("login.microsoftonline.us"));
}

int main(int argc, char **argv)
{
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    tst_SignInWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_signinwindow.moc"
