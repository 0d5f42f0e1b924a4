#pragma once

#include "core/auth/tenantsettings.h"
#include "core/auth/tokenerror.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace vigil::core {
class AuthSession;
}

namespace vigil::gui {

class SignInWindow;

/// Shows sign-in where the user wants it (the embedded window or the system browser), reacts to
/// the outcome, and turns errors into sentences. Owned by the main window.
class SignInController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInController)

public:
    SignInController(core::AuthSession *session, QWidget *window);
    ~SignInController() override;

    void setMethod(core::TenantSettings::SignInMethod method) { m_method = method; }
    core::TenantSettings::SignInMethod method() const { return m_method; }

    void signIn();
    void signOut();
    void requestAdminConsent();

    SignInWindow *signInWindow() const;

Q_SIGNALS:
    /// A short note for the status bar.
    void statusMessage(const QString &text);
    /// Something the user must read: a title and a sentence.
    void problem(const QString &title, const QString &text);

private:
    void openAuthorization(const QUrl &url);
    void openInBrowser(const QUrl &url);
    void onFailed(const core::TokenError &error);

    core::AuthSession *m_session = nullptr;
    QWidget *m_window = nullptr;
    QPointer<SignInWindow> m_signInWindow;
    core::TenantSettings::SignInMethod m_method = core::TenantSettings::SignInMethod::EmbeddedWindow;
};

} // namespace vigil::gui
