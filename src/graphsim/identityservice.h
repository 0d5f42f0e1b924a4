#pragma once

#include "http/requesthandler.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QUrl>

namespace graphsim {

class Clock;
class Dataset;
class TokenService;
struct SimUser;

/// The Microsoft identity platform v2 endpoints of the simulated tenant:
/// `/{tenant}/oauth2/v2.0/authorize` (HTML sign-in and consent page, form POST, redirects),
/// `/{tenant}/oauth2/v2.0/token` (authorization_code with PKCE, refresh_token with rotation),
/// `/{tenant}/v2.0/adminconsent` and `/{tenant}/adminconsent`, plus the OpenID configuration.
/// Errors use the AADSTS body of the reference (error, error_description, error_codes, …).
class IdentityService final : public QObject, public vigil::http::RequestHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IdentityService)

public:
    IdentityService(const Dataset *dataset, const Clock *clock, const TokenService *tokens, QObject *parent = nullptr);

    /// True when `path` belongs to the identity platform (`/{tenant}/oauth2/…`, `…/adminconsent`).
    static bool handles(const QString &path);
    void handleRequest(const vigil::http::Request &request, vigil::http::Responder responder) override;

    void setTokenLifetime(int seconds) { m_tokenLifetime = seconds; }
    int tokenLifetime() const { return m_tokenLifetime; }
    /// When set, authorize and adminconsent approve at once for this account (no page).
    void setAutoApproveUser(const QString &userId) { m_autoApprove = userId; }
    QString autoApproveUser() const { return m_autoApprove; }
    void setFallbackBaseUrl(const QUrl &url) { m_baseUrl = url; }
    void reset();

    int outstandingCodes() const { return int(m_codes.size()); }

private:
    struct AuthorizeRequest
    {
        QString tenant;
        QString clientId;
        QString redirectUri;
        QString responseMode;
        QString state;
        QString nonce;
        QString codeChallenge;
        QString codeChallengeMethod;
        QString loginHint;
        QStringList graphScopes;
        QStringList oidcScopes;
        bool adminConsent = false;
        qint64 createdMs = 0;
    };
    struct CodeGrant
    {
        AuthorizeRequest request;
        QString userId;
        qint64 expiresMs = 0;
        bool redeemed = false;
    };
    struct RefreshGrant
    {
        QString clientId;
        QString userId;
        QStringList graphScopes;
        QStringList oidcScopes;
        qint64 lastUsedMs = 0;
        bool revoked = false;
    };

    void authorize(const vigil::http::Request &request, const QString &tenant, vigil::http::Responder &responder);
    void authorizeForm(const vigil::http::Request &request, vigil::http::Responder &responder);
    void adminConsent(const vigil::http::Request &request, const QString &tenant, bool v2,
                      vigil::http::Responder &responder);
    void token(const vigil::http::Request &request, const QString &tenant, vigil::http::Responder &responder);
    void redeemCode(const vigil::http::Request &request, const QHash<QString, QString> &form,
                    vigil::http::Responder &responder);
    void redeemRefreshToken(const vigil::http::Request &request, const QHash<QString, QString> &form,
                            vigil::http::Responder &responder);
    void openIdConfiguration(const vigil::http::Request &request, const QString &tenant,
                             vigil::http::Responder &responder);

    vigil::http::Response issueTokens(const vigil::http::Request &request, const SimUser &user,
                                      const QString &clientId, const QStringList &graphScopes,
                                      const QStringList &oidcScopes, const QString &nonce);
    /// Approves: a redirect carrying a fresh code (or the admin-consent answer).
    vigil::http::Response approve(const AuthorizeRequest &request, const SimUser &user);
    vigil::http::Response redirectWith(const AuthorizeRequest &request, QList<std::pair<QString, QString>> params) const;
    vigil::http::Response redirectError(const AuthorizeRequest &request, const QString &error, int aadsts,
                                        const QString &message) const;
    vigil::http::Response tokenError(const vigil::http::Request &request, int status, const QString &error,
                                     int aadsts, const QString &message) const;
    vigil::http::Response errorPage(int status, int aadsts, const QString &message) const;

    bool knownTenant(const QString &tenant) const;
    static bool acceptableRedirectUri(const QString &uri);
    static bool isGuid(const QString &text);

    const Dataset *m_dataset = nullptr;
    const Clock *m_clock = nullptr;
    const TokenService *m_tokens = nullptr;
    int m_tokenLifetime = 3600;
    QString m_autoApprove;
    QUrl m_baseUrl;
    QHash<QString, AuthorizeRequest> m_pending;    ///< sign-in pages shown, by flow id
    QHash<QString, CodeGrant> m_codes;
    QHash<QString, RefreshGrant> m_refreshTokens;
};

} // namespace graphsim
