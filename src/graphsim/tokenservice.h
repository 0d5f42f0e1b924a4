#pragma once

#include "simuser.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace graphsim {

/// What a verified access token says.
struct TokenClaims
{
    QString userId;
    QString userPrincipalName;
    QString clientId;
    QStringList scopes;
    SecurityRole role = SecurityRole::None;
    qint64 expiresMs = 0;
    QJsonObject raw;
};

/// Issues and checks JWT-shaped tokens. They are signed with HS256 and a key that lives only in
/// this process (the real service uses RS256 and published keys; a client must treat Graph access
/// tokens as opaque anyway, but can decode scp, exp, upn, tid, oid, aud like a real one).
class TokenService
{
public:
    enum class Failure { None, Empty, Malformed, BadSignature, Expired };

    TokenService();

    QByteArray issueAccessToken(const SimUser &user, const QString &tenantId, const QString &clientId,
                                const QStringList &scopes, qint64 nowMs, int lifetimeSeconds) const;
    QByteArray issueIdToken(const SimUser &user, const QString &tenantId, const QString &clientId,
                            const QString &issuerBase, const QString &nonce, qint64 nowMs, int lifetimeSeconds) const;
    std::optional<TokenClaims> verify(QByteArrayView token, qint64 nowMs, Failure *failure) const;

    /// Random URL-safe text for codes and refresh tokens.
    static QByteArray randomToken(int bytes);
    static QByteArray base64Url(const QByteArray &data);
    /// Entra's directory role template ids, as carried in the `wids` claim.
    static QString roleTemplateId(SecurityRole role);

private:
    QByteArray sign(const QJsonObject &payload) const;

    QByteArray m_key;
};

} // namespace graphsim
