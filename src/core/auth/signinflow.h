#pragma once

#include "core/auth/pkce.h"
#include "core/auth/signinconfiguration.h"
#include "core/auth/tokenerror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>

class QNetworkAccessManager;

namespace vigil::core {

class LoopbackReplyHandler;
class OAuthCodeFlow;

/// Microsoft Entra ID sign-in for a desktop (public) client: authorization code flow with PKCE S256
/// on QOAuth2AuthorizationCodeFlow, with the Qt 6.4 defects worked around (see
/// reference/qt-6.4-notes.md §1–2): PKCE added by hand, a fresh random state and the requested
/// scopes set before every attempt, the code decoded exactly once, token-endpoint errors surfaced,
/// the flow recovered after a failed exchange or refresh, no secret or redirect URI on refresh.
///
/// The access token stays in memory. The refresh token is handed out through
/// refreshTokenChanged() so the caller can keep it in the keychain.
class SignInFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInFlow)

public:
    enum class State { SignedOut, WaitingForUser, RedeemingCode, SignedIn, Refreshing };
    Q_ENUM(State)

    explicit SignInFlow(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~SignInFlow() override;

    void setConfiguration(const SignInConfiguration &configuration);
    const SignInConfiguration &configuration() const { return m_configuration; }

    /// Graph permissions to ask for in addition to openid/profile/offline_access.
    void setPermissions(const QStringList &permissions);
    QStringList permissions() const { return m_permissions; }
    /// The full scope list of the next request.
    QStringList requestedScopes() const;
    static QStringList defaultPermissions();

    /// Starts an interactive sign-in: emits authorizationRequested() with the URL to show.
    /// Returns false (and emits failed()) if it cannot start.
    bool signIn();
    /// Asks for more permissions than granted so far (incremental consent), interactively.
    bool requestPermissions(const QStringList &extra);
    /// Abandons an interactive attempt; the flow returns to its previous state.
    void cancel();
    /// Signs in without user interaction from a stored refresh token.
    void signInWithRefreshToken(const QString &refreshToken);
    /// Gets a new access token now (also done automatically ahead of expiry).
    void refresh();
    /// Forgets every token.
    void signOut();

    /// An embedded browser saw a navigation to `url`; true if it was the redirect (now handled).
    bool handleRedirect(const QUrl &url);
    QString redirectUri() const;

    State state() const { return m_state; }
    bool isSignedIn() const { return !m_accessToken.isEmpty(); }
    QString accessToken() const { return m_accessToken; }
    QDateTime expiresAt() const { return m_expiresAt; }
    QString refreshToken() const { return m_refreshToken; }
    /// Scopes the token endpoint reported as granted, lower-cased short names ("user.read").
    QSet<QString> grantedScopes() const { return m_granted; }
    bool hasPermission(const QString &permission) const;
    /// Claims of the ID token (or, without one, of the access token): name, preferred_username, tid …
    QJsonObject identityClaims() const { return m_claims; }

    /// URL that asks a tenant administrator to consent to `permissions` for this application.
    QUrl adminConsentUrl(const QStringList &permissions, const QByteArray &state) const;
    /// Starts an admin-consent request: emits adminConsentRequested() with the URL to open, and
    /// adminConsentFinished() when the redirect comes back.
    bool requestAdminConsent(const QStringList &permissions);

    /// How long before expiry the access token is refreshed (default 5 minutes, at most a quarter
    /// of the token's lifetime).
    void setRefreshLead(std::chrono::seconds lead) { m_refreshLead = lead; }

Q_SIGNALS:
    void stateChanged(vigil::core::SignInFlow::State state);
    /// Show this URL to the user (embedded window or system browser).
    void authorizationRequested(const QUrl &url);
    /// The browser came back to the redirect URI; a window showing it may close.
    void redirectReceived();
    /// An interactive or silent sign-in completed.
    void signedIn();
    /// A refresh replaced the access token.
    void accessTokenRefreshed();
    /// The refresh token changed (rotation) or was cleared (empty string): store it.
    void refreshTokenChanged(const QString &refreshToken);
    /// Sign-in, code redemption or refresh failed; the flow has recovered.
    void failed(const vigil::core::TokenError &error);
    void adminConsentRequested(const QUrl &url);
    /// `message` says in words what happened (granted, or the error and what to do).
    void adminConsentFinished(bool granted, const QString &message);
    /// The stored sign-in is no longer valid: the user must sign in again (reason in words).
    void signInRequired(const QString &reason);

private:
    void setState(State state);
    void onGranted();
    void onTokenRequestFailed(const TokenError &error);
    void onAuthorizationError(const QString &error, const QString &description);
    void scheduleRefresh();
    void clearTokens();
    void applyEndpoints();

    SignInConfiguration m_configuration;
    QStringList m_permissions;
    OAuthCodeFlow *m_oauth = nullptr;
    LoopbackReplyHandler *m_handler = nullptr;
    State m_state = State::SignedOut;
    State m_stateBeforeAttempt = State::SignedOut;
    Pkce m_pkce;
    QString m_accessToken;
    QString m_refreshToken;
    QDateTime m_expiresAt;
    QSet<QString> m_granted;
    QJsonObject m_claims;
    QTimer m_refreshTimer;
    std::chrono::seconds m_refreshLead{300};
};

/// Decodes the payload of a JWT-shaped token without verifying it (for display only).
QJsonObject decodeJwtClaims(const QString &token);

} // namespace vigil::core
