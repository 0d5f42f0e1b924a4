#pragma once

#include "core/auth/tokenerror.h"
#include "http/requesthandler.h"

#include <QOAuthOobReplyHandler>

#include <memory>

namespace vigil::http {
class Server;
}

namespace vigil::core {

/// Receives the authorization redirect of a desktop sign-in on 127.0.0.1 and hands it to
/// QOAuth2AuthorizationCodeFlow, and reports token-endpoint errors (which Qt 6.4 swallows).
///
/// Compared with Qt 6.4's QOAuthHttpServerReplyHandler it binds loopback only, advertises
/// http://localhost:PORT/login/authorized (what Entra matches for desktop apps, port ignored) even
/// after the listener closed, matches the path exactly, reads requests that arrive in several
/// pieces (vigil_http), decodes the query once, checks `state` before anything else, and answers the
/// browser with a translated page.
class LoopbackReplyHandler final : public QOAuthOobReplyHandler, private http::RequestHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoopbackReplyHandler)

public:
    static constexpr QLatin1StringView kCallbackPath{"/login/authorized"};

    explicit LoopbackReplyHandler(QObject *parent = nullptr);
    ~LoopbackReplyHandler() override;

    /// Start listening on 127.0.0.1:`port` (0 = any free port). Keeps running if already listening
    /// on that port.
    bool listen(quint16 port = 0);
    /// Stops listening after a grace period in which answers already written still reach the browser.
    void close();
    bool isListening() const;
    quint16 port() const { return m_port; }
    QString errorString() const { return m_errorString; }

    /// "http://localhost:PORT/login/authorized"; the last port stays known after close().
    QString callback() const override;

    /// The state the next redirect must carry; redirects with another state are refused.
    void setExpectedState(const QByteArray &state) { m_expectedState = state; }

    /// Process a redirect URL seen by an embedded browser as if it had reached the listener.
    /// Returns false (and does nothing) when the URL is not this handler's callback.
    bool handleRedirect(const QUrl &url);
    /// True if `url` is this handler's callback URL (any port on localhost/127.0.0.1, exact path).
    bool isCallbackUrl(const QUrl &url) const;

Q_SIGNALS:
    /// The token endpoint answered with an error (or could not be reached).
    void tokenRequestFailed(const vigil::core::TokenError &error);
    /// A redirect arrived whose state does not belong to the current attempt; it was ignored.
    void stateMismatch();
    /// A redirect for the current attempt arrived (success or error), before it is processed.
    void redirectReceived();
    /// The answer to an admin-consent request: `granted`, or an error code and description.
    void adminConsentReceived(bool granted, const QString &tenant, const QString &error, const QString &description);

protected:
    void networkReplyFinished(QNetworkReply *reply) override;

private:
    enum class Outcome { Accepted, AuthorizationError, WrongState };
    void handleRequest(const http::Request &request, http::Responder responder) override;
    Outcome deliver(const QByteArray &rawQuery);
    QByteArray page(Outcome outcome, const QString &detail) const;

    std::unique_ptr<http::Server> m_server;
    quint16 m_port = 0;
    QByteArray m_expectedState;
    QString m_errorString;
};

} // namespace vigil::core
