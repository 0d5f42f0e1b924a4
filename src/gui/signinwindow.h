#pragma once

#include <QDialog>
#include <QUrl>

#include <functional>
#include <memory>

class QWebEngineProfile;
class QWebEngineView;

namespace Ui {
class SignInWindow;
}

namespace vigil::gui {

/// The embedded sign-in window: shows the identity provider's page in Qt WebEngine with a fresh
/// off-the-record profile per attempt (no cookies or cache survive), hands the redirect to the
/// sign-in flow before any request is made to it, and closes itself. "Use my browser instead"
/// continues the same attempt in the system browser (security keys and passkeys need it: Qt
/// WebEngine 6.4 has no WebAuthn user interface).
class SignInWindow final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInWindow)

public:
    /// Returns true when the URL is the redirect and was handled (the navigation is then stopped).
    using RedirectHandler = std::function<bool(const QUrl &)>;

    explicit SignInWindow(RedirectHandler redirectHandler, QWidget *parent = nullptr);
    ~SignInWindow() override;

    /// Loads `url` in a new private profile and shows the window.
    void start(const QUrl &url);
    /// The redirect arrived: close without cancelling. Safe to call from a navigation callback.
    void finish();

    QWebEngineView *view() const { return m_view; }

Q_SIGNALS:
    /// The user closed or cancelled the window.
    void cancelled();
    /// The user chose to continue in the system browser with this URL.
    void continueInBrowser(const QUrl &url);

protected:
    void reject() override;

private:
    void discardView();
    void showAddress(const QUrl &url);

    std::unique_ptr<Ui::SignInWindow> m_ui;
    RedirectHandler m_redirectHandler;
    QWebEngineProfile *m_profile = nullptr;
    QWebEngineView *m_view = nullptr;
    QUrl m_startUrl;
    bool m_finished = false;
};

} // namespace vigil::gui
