#include "tokenservice.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QUuid>

namespace graphsim {

namespace {
constexpr auto kGraphAudience = "https://graph.microsoft.com";

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

SecurityRole roleFromTemplate(const QString &id)
{
    for (SecurityRole r : {SecurityRole::Reader, SecurityRole::Operator, SecurityRole::Administrator}) {
        if (TokenService::roleTemplateId(r) == id)
            return r;
    }
    return SecurityRole::None;
}
} // namespace

TokenService::TokenService()
    : m_key(randomToken(32))
{
}

QByteArray TokenService::randomToken(int bytes)
{
    QByteArray data(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(data.begin(), data.end());
    return base64Url(data);
}

QByteArray TokenService::base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString TokenService::roleTemplateId(SecurityRole role)
{
    switch (role) {
    case SecurityRole::Reader: return QStringLiteral("5d6b6bb7-de71-4623-b4af-96380a352509");
    case SecurityRole::Operator: return QStringLiteral("5f2222b1-57c3-48ba-8ad5-d4759f1fde6f");
    case SecurityRole::Administrator: return QStringLiteral("194ae4cb-b126-40b2-bd5b-6091b380977d");
    case SecurityRole::None: break;
    }
    return {};
}

QByteArray TokenService::sign(const QJsonObject &payload) const
{
    const QJsonObject header{{QStringLiteral("typ"), QStringLiteral("JWT")},
                             {QStringLiteral("alg"), QStringLiteral("HS256")},
                             {QStringLiteral("kid"), QStringLiteral("graphsim")}};
    const QByteArray signingInput = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
                                    + base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    const QByteArray mac = QMessageAuthenticationCode::hash(signingInput, m_key, QCryptographicHash::Sha256);
    return signingInput + '.' + base64Url(mac);
}

QByteArray TokenService::issueAccessToken(const SimUser &user, const QString &tenantId, const QString &clientId,
                                          const QStringList &scopes, qint64 nowMs, int lifetimeSeconds) const
{
    const qint64 now = nowMs / 1000;
    QJsonArray wids;
    if (user.role != SecurityRole::None)
        wids.append(roleTemplateId(user.role));
    wids.append(QStringLiteral("b79fbf4d-3ef9-4689-8143-76b194e85509"));    // "user" directory role
    const QJsonObject payload{
        {QStringLiteral("aud"), QLatin1StringView(kGraphAudience)},
        {QStringLiteral("iss"), QStringLiteral("https://sts.windows.net/%1/").arg(tenantId)},
        {QStringLiteral("iat"), now},
        {QStringLiteral("nbf"), now},
        {QStringLiteral("exp"), now + lifetimeSeconds},
        {QStringLiteral("app_displayname"), QStringLiteral("Vigil")},
        {QStringLiteral("appid"), clientId},
        {QStringLiteral("appidacr"), QStringLiteral("0")},
        {QStringLiteral("family_name"), user.surname},
        {QStringLiteral("given_name"), user.givenName},
        {QStringLiteral("idtyp"), QStringLiteral("user")},
        {QStringLiteral("name"), user.displayName},
        {QStringLiteral("oid"), user.id},
        {QStringLiteral("scp"), scopes.join(u' ')},
        {QStringLiteral("sub"), QString::fromLatin1(base64Url(QCryptographicHash::hash(
                                    (user.id + clientId).toUtf8(), QCryptographicHash::Sha256)))},
        {QStringLiteral("tid"), tenantId},
        {QStringLiteral("unique_name"), user.userPrincipalName},
        {QStringLiteral("upn"), user.userPrincipalName},
        {QStringLiteral("uti"), QString::fromLatin1(randomToken(16))},
        {QStringLiteral("ver"), QStringLiteral("1.0")},
        {QStringLiteral("wids"), wids},
    };
    return sign(payload);
}

QByteArray TokenService::issueIdToken(const SimUser &user, const QString &tenantId, const QString &clientId,
                                      const QString &issuerBase, const QString &nonce, qint64 nowMs,
                                      int lifetimeSeconds) const
{
    const qint64 now = nowMs / 1000;
    QJsonObject payload{
        {QStringLiteral("aud"), clientId},
        {QStringLiteral("iss"), QString(issuerBase + u'/' + tenantId + QStringLiteral("/v2.0"))},
        {QStringLiteral("iat"), now},
        {QStringLiteral("nbf"), now},
        {QStringLiteral("exp"), now + lifetimeSeconds},
        {QStringLiteral("name"), user.displayName},
        {QStringLiteral("oid"), user.id},
        {QStringLiteral("preferred_username"), user.userPrincipalName},
        {QStringLiteral("sub"), QString::fromLatin1(base64Url(QCryptographicHash::hash(
                                    (user.id + clientId + u'#').toUtf8(), QCryptographicHash::Sha256)))},
        {QStringLiteral("tid"), tenantId},
        {QStringLiteral("ver"), QStringLiteral("2.0")},
    };
    if (!nonce.isEmpty())
        payload.insert(QStringLiteral("nonce"), nonce);
    return sign(payload);
}

std::optional<TokenClaims> TokenService::verify(QByteArrayView token, qint64 nowMs, Failure *failure) const
{
    *failure = Failure::None;
    if (token.isEmpty()) {
        *failure = Failure::Empty;
        return std::nullopt;
    }
    const QList<QByteArrayView> parts = [&] {
        QList<QByteArrayView> out;
        qsizetype start = 0;
        for (qsizetype i = 0; i <= token.size(); ++i) {
            if (i == token.size() || token[i] == '.') {
                out.append(token.sliced(start, i - start));
                start = i + 1;
            }
        }
        return out;
    }();
    if (parts.size() != 3) {
        *failure = Failure::Malformed;
        return std::nullopt;
    }
    const QByteArray signingInput = token.first(parts[0].size() + 1 + parts[1].size()).toByteArray();
    const QByteArray mac = base64Url(QMessageAuthenticationCode::hash(signingInput, m_key, QCryptographicHash::Sha256));
    if (!constantTimeEquals(mac, parts[2])) {
        *failure = Failure::BadSignature;
        return std::nullopt;
    }
    const QJsonObject payload = QJsonDocument::fromJson(QByteArray::fromBase64(
                                                            parts[1].toByteArray(), QByteArray::Base64UrlEncoding))
                                    .object();
    TokenClaims claims;
    claims.raw = payload;
    claims.userId = payload.value(QStringLiteral("oid")).toString();
    claims.userPrincipalName = payload.value(QStringLiteral("upn")).toString();
    claims.clientId = payload.value(QStringLiteral("appid")).toString();
    claims.scopes = payload.value(QStringLiteral("scp")).toString().split(u' ', Qt::SkipEmptyParts);
    claims.expiresMs = qint64(payload.value(QStringLiteral("exp")).toDouble()) * 1000;
    const QJsonArray wids = payload.value(QStringLiteral("wids")).toArray();
    for (const QJsonValue &w : wids)
        claims.role = qMax(claims.role, roleFromTemplate(w.toString()));
    if (nowMs >= claims.expiresMs) {
        *failure = Failure::Expired;
        return std::nullopt;
    }
    return claims;
}

} // namespace graphsim
