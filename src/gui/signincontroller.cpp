#include "signincontroller.h"

#include "core/auth/authsession.h"
#include "core/auth/signinflow.h"
#include "signinwindow.h"

#include <QDesktopServices>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSignInController, "vigil.gui.signin", QtInfoMsg)

namespace vigil::gui {

using core::SignInFlow;

SignInController::SignInController(core::AuthSession *session, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_window(window)
{
    SignInFlow *flow = session->flow();
    connect(flow, &SignInFlow::authorizationRequested, this, &SignInController::openAuthorization);
    connect(flow, &SignInFlow::adminConsentRequested, this, &SignInController::openInBrowser);
    connect(flow, &SignInFlow::redirectReceived, this, [this] {
        if (m_signInWindow)
            m_signInWindow->finish();
        if (m_window) {
            m_window->raise();
            m_window->activateWindow();
        }
        Q_EMIT statusMessage(tr("Completing sign-in…"));
    });
    connect(flow, &SignInFlow::failed, this, &SignInController::onFailed);
    connect(flow, &SignInFlow::signInRequired, this, [this](const QString &reason) {
        Q_EMIT problem(tr("Please sign in again"), reason);
    });
    connect(flow, &SignInFlow::adminConsentFinished, this, [this](bool granted, const QString &message) {
        if (granted)
            Q_EMIT statusMessage(message);
        else
            Q_EMIT problem(tr("Admin consent was not granted"), message);
    });
}

SignInController::~SignInController() = default;

SignInWindow *SignInController::signInWindow() const
{
    return m_signInWindow;
}

void SignInController::signIn()
{
    m_session->flow()->signIn();
}

void SignInController::signOut()
{
    m_session->signOut();
    Q_EMIT statusMessage(tr("Signed out. Your sign-in was removed from this computer."));
}

void SignInController::requestAdminConsent()
{
    QStringList permissions = m_session->flow()->permissions();
    permissions.append(QStringLiteral("Mail.Send"));
    permissions.removeDuplicates();
    if (m_session->flow()->requestAdminConsent(permissions))
        Q_EMIT statusMessage(tr("Admin consent opened in your browser. An administrator of the tenant must approve."));
}

void SignInController::openAuthorization(const QUrl &url)
{
    if (m_method == core::TenantSettings::SignInMethod::SystemBrowser) {
        openInBrowser(url);
        return;
    }
    if (!m_signInWindow) {
        m_signInWindow = new SignInWindow([this](const QUrl &target) { return m_session->flow()->handleRedirect(target); },
                                          m_window);
        connect(m_signInWindow, &SignInWindow::cancelled, this, [this] {
            m_session->flow()->cancel();
            Q_EMIT statusMessage(tr("Sign-in cancelled."));
        });
        connect(m_signInWindow, &SignInWindow::continueInBrowser, this, &SignInController::openInBrowser);
    }
    m_signInWindow->start(url);
}

void SignInController::openInBrowser(const QUrl &url)
{
    qCInfo(lcSignInController) << "continuing in the system browser at" << url.host();
    if (!QDesktopServices::openUrl(url)) {
        Q_EMIT problem(tr("Cannot open a web browser"),
                       tr("Vigil could not start a web browser. Choose \"A window inside Vigil\" under Settings → "
                          "Tenant → Sign in with."));
        return;
    }
    Q_EMIT statusMessage(tr("Continue in your web browser; Vigil is waiting for the sign-in to finish."));
}

void SignInController::onFailed(const core::TokenError &error)
{
    if (m_signInWindow)
        m_signInWindow->finish();
    if (error.error == QLatin1String("access_denied") && error.aadstsCode() == 0) {
        Q_EMIT statusMessage(tr("Sign-in cancelled."));
        return;
    }
    Q_EMIT problem(tr("Sign-in failed"), error.userMessage());
}

} // namespace vigil::gui
