#include "identityservice.h"

#include "authorizepage.h"
#include "clock.h"
#include "dataset.h"
#include "graphresponse.h"
#include "scopes.h"
#include "tokenservice.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QUrlQuery>
#include <QUuid>

Q_LOGGING_CATEGORY(lcIdentity, "graphsim.identity", QtInfoMsg)

namespace graphsim {

using vigil::http::Request;
using vigil::http::Responder;
using vigil::http::Response;

namespace {
constexpr qint64 kCodeLifetimeMs = 10 * 60 * 1000;                  // codes live about 10 minutes
constexpr qint64 kRefreshInactivityMs = 90LL * 24 * 3600 * 1000;    // 90 days of inactivity
constexpr qint64 kPendingLifetimeMs = 60 * 60 * 1000;

QHash<QString, QString> toHash(const QList<std::pair<QString, QString>> &items)
{
    QHash<QString, QString> hash;
    for (const auto &[k, v] : items) {
        if (!hash.contains(k))
            hash.insert(k, v);
    }
    return hash;
}

QString segmentsAfterTenant(const QString &path, QString *tenant)
{
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    if (parts.size() < 2)
        return {};
    *tenant = parts.first();
    return parts.mid(1).join(u'/').toLower();
}
} // namespace

IdentityService::IdentityService(const Dataset *dataset, const Clock *clock, const TokenService *tokens,
                                 QObject *parent)
    : QObject(parent)
    , m_dataset(dataset)
    , m_clock(clock)
    , m_tokens(tokens)
{
}

void IdentityService::reset()
{
    m_pending.clear();
    m_codes.clear();
    m_refreshTokens.clear();
    m_autoApprove.clear();
}

bool IdentityService::handles(const QString &path)
{
    QString tenant;
    const QString rest = segmentsAfterTenant(path, &tenant);
    return rest == u"oauth2/v2.0/authorize" || rest == u"oauth2/v2.0/token" || rest == u"v2.0/adminconsent"
           || rest == u"adminconsent" || rest == u"v2.0/.well-known/openid-configuration";
}

bool IdentityService::isGuid(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return re.match(text).hasMatch();
}

bool IdentityService::knownTenant(const QString &tenant) const
{
    return tenant.compare(u"common", Qt::CaseInsensitive) == 0
           || tenant.compare(u"organizations", Qt::CaseInsensitive) == 0
           || tenant.compare(m_dataset->tenantId(), Qt::CaseInsensitive) == 0
           || tenant.compare(m_dataset->tenantDomain(), Qt::CaseInsensitive) == 0;
}

bool IdentityService::acceptableRedirectUri(const QString &uri)
{
    // A desktop app registered with http://localhost: any port, any path (RFC 8252). 127.0.0.1 is
    // accepted too (Entra needs it added through the manifest, which a simulated tenant has done).
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != u"http" || !url.fragment().isEmpty() || !url.userInfo().isEmpty())
        return false;
    return url.host() == u"localhost" || url.host() == u"127.0.0.1";
}

void IdentityService::handleRequest(const Request &request, Responder responder)
{
    QString tenant;
    const QString rest = segmentsAfterTenant(request.path(), &tenant);
    if (rest == u"oauth2/v2.0/authorize") {
        if (request.method == "POST")
            authorizeForm(request, responder);
        else if (request.method == "GET" || request.method == "HEAD")
            authorize(request, tenant, responder);
        else
            responder.send(Response::text(405, "Method Not Allowed\n").setHeader("Allow", "GET, POST"));
    } else if (rest == u"oauth2/v2.0/token") {
        token(request, tenant, responder);
    } else if (rest == u"v2.0/adminconsent" || rest == u"adminconsent") {
        adminConsent(request, tenant, rest.startsWith(u"v2.0"), responder);
    } else if (rest == u"v2.0/.well-known/openid-configuration") {
        openIdConfiguration(request, tenant, responder);
    } else {
        responder.send(errorPage(404, 900561, QStringLiteral("The endpoint does not exist.")));
    }
}

Response IdentityService::errorPage(int status, int aadsts, const QString &message) const
{
    return Response::html(status, renderErrorPage(aadsts, message, QUuid::createUuid().toString(QUuid::WithoutBraces)));
}

Response IdentityService::redirectWith(const AuthorizeRequest &ar, QList<std::pair<QString, QString>> params) const
{
    if (!ar.state.isNull())
        params.append({QStringLiteral("state"), ar.state});
    QUrl target(ar.redirectUri);
    if (target.path().isEmpty())
        target.setPath(QStringLiteral("/"));
    if (ar.responseMode == u"form_post")
        return Response::html(200, renderFormPost(target.toString(), params));
    QUrlQuery query;
    if (ar.responseMode != u"fragment")
        query = QUrlQuery(target);
    for (const auto &[k, v] : params) {
        // Encode everything outside the unreserved set so values survive any client parser.
        query.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(k)), QString::fromLatin1(QUrl::toPercentEncoding(v)));
    }
    if (ar.responseMode == u"fragment")
        target.setFragment(query.toString(QUrl::FullyEncoded), QUrl::TolerantMode);
    else
        target.setQuery(query.toString(QUrl::FullyEncoded), QUrl::TolerantMode);
    const QByteArray location = target.toEncoded();
    Response r = Response::html(302, "<html><body>Redirecting…</body></html>");
    r.setHeader("Location", location);
    r.setHeader("Cache-Control", "no-store, no-cache");
    return r;
}

Response IdentityService::redirectError(const AuthorizeRequest &ar, const QString &error, int aadsts,
                                        const QString &message) const
{
    const QString trace = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString description = QStringLiteral("AADSTS%1: %2 Trace ID: %3 Correlation ID: %4 Timestamp: %5")
                                    .arg(aadsts)
                                    .arg(message, trace, QUuid::createUuid().toString(QUuid::WithoutBraces),
                                         m_clock->now().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss'Z'")));
    QList<std::pair<QString, QString>> params{{QStringLiteral("error"), error},
                                              {QStringLiteral("error_description"), description}};
    if (ar.adminConsent)
        params.prepend({QStringLiteral("admin_consent"), QStringLiteral("True")});
    return redirectWith(ar, params);
}

void IdentityService::authorize(const Request &request, const QString &tenant, Responder &responder)
{
    const QHash<QString, QString> q = toHash(graphresponse::queryItems(request));
    AuthorizeRequest ar;
    ar.tenant = tenant;
    ar.clientId = q.value(QStringLiteral("client_id"));
    ar.redirectUri = q.value(QStringLiteral("redirect_uri"));
    ar.state = q.contains(QStringLiteral("state")) ? q.value(QStringLiteral("state")) : QString();
    ar.nonce = q.value(QStringLiteral("nonce"));
    ar.responseMode = q.value(QStringLiteral("response_mode"), QStringLiteral("query"));
    ar.codeChallenge = q.value(QStringLiteral("code_challenge"));
    ar.codeChallengeMethod = q.value(QStringLiteral("code_challenge_method"));
    ar.loginHint = q.value(QStringLiteral("login_hint"));
    ar.createdMs = m_clock->nowMs();

    // Problems that make it unsafe to redirect are shown on a page.
    if (!knownTenant(tenant))
        return responder.send(errorPage(400, 90002, QStringLiteral("Tenant '%1' not found.").arg(tenant)));
    if (ar.clientId.isEmpty())
        return responder.send(errorPage(400, 900144, QStringLiteral("The request body must contain the following "
                                                                    "parameter: 'client_id'.")));
    if (!isGuid(ar.clientId))
        return responder.send(errorPage(400, 700016, QStringLiteral("Application with identifier '%1' was not found "
                                                                    "in the directory '%2'.")
                                                         .arg(ar.clientId, m_dataset->tenantDomain())));
    if (!acceptableRedirectUri(ar.redirectUri))
        return responder.send(errorPage(400, 50011, QStringLiteral("The redirect URI '%1' specified in the request "
                                                                   "does not match the redirect URIs configured for "
                                                                   "the application '%2'.")
                                                        .arg(ar.redirectUri, ar.clientId)));
    if (ar.responseMode != u"query" && ar.responseMode != u"fragment" && ar.responseMode != u"form_post") {
        ar.responseMode = QStringLiteral("query");
        return responder.send(redirectError(ar, QStringLiteral("invalid_request"), 900144,
                                            QStringLiteral("The provided value for the input parameter "
                                                           "'response_mode' is not valid.")));
    }
    if (q.value(QStringLiteral("response_type")) != u"code")
        return responder.send(redirectError(ar, QStringLiteral("unsupported_response_type"), 700054,
                                            QStringLiteral("response_type '%1' is not enabled for the application.")
                                                .arg(q.value(QStringLiteral("response_type")))));
    const scopes::Parsed parsed = scopes::parse(q.value(QStringLiteral("scope")));
    if (parsed.graph.isEmpty() && parsed.oidc.isEmpty() && parsed.invalid.isEmpty())
        return responder.send(redirectError(ar, QStringLiteral("invalid_request"), 900144,
                                            QStringLiteral("The request body must contain the following parameter: "
                                                           "'scope'.")));
    if (!parsed.invalid.isEmpty())
        return responder.send(redirectError(ar, QStringLiteral("invalid_scope"), 70011,
                                            QStringLiteral("The provided value for the input parameter 'scope' isn't "
                                                           "valid. The scope '%1' does not exist.")
                                                .arg(parsed.invalid)));
    ar.graphScopes = parsed.graph;
    ar.oidcScopes = parsed.oidc;
    if (!ar.codeChallenge.isEmpty() && ar.codeChallengeMethod.isEmpty())
        ar.codeChallengeMethod = QStringLiteral("plain");
    if (!ar.codeChallenge.isEmpty() && ar.codeChallengeMethod != u"S256" && ar.codeChallengeMethod != u"plain")
        return responder.send(redirectError(ar, QStringLiteral("invalid_request"), 501491,
                                            QStringLiteral("Invalid code_challenge_method '%1'.")
                                                .arg(ar.codeChallengeMethod)));

    if (!m_autoApprove.isEmpty()) {
        if (const SimUser *user = m_dataset->findUser(m_autoApprove))
            return responder.send(approve(ar, *user));
    }
    if (q.value(QStringLiteral("prompt")) == u"none")
        return responder.send(redirectError(ar, QStringLiteral("login_required"), 50058,
                                            QStringLiteral("A silent sign-in request was sent but no user is signed "
                                                           "in.")));

    const QString flow = QString::fromLatin1(TokenService::randomToken(24));
    // Drop abandoned pages so a long-running simulator does not accumulate them.
    const qint64 now = m_clock->nowMs();
    m_pending.removeIf([now](const auto &it) { return now - it.value().createdMs > kPendingLifetimeMs; });
    m_pending.insert(flow, ar);
    AuthorizePageModel model;
    model.formAction = request.path();
    model.flowId = flow;
    model.clientId = ar.clientId;
    model.tenantDomain = m_dataset->tenantDomain();
    model.users = m_dataset->users();
    if (const SimUser *hinted = m_dataset->findUser(ar.loginHint))
        model.preselectedUserId = hinted->id;
    model.scopes = ar.graphScopes + ar.oidcScopes;
    model.adminConsent = ar.adminConsent;
    Response page = Response::html(200, renderAuthorizePage(model));
    page.setHeader("Cache-Control", "no-store, no-cache");
    page.setHeader("X-Frame-Options", "DENY");
    // Browsers apply form-action to the redirect that answers the form too, so the application's
    // redirect URI (validated above) must be allowed next to 'self'.
    const QUrl redirect(ar.redirectUri);
    const QByteArray redirectOrigin = redirect.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
                                          .toString(QUrl::FullyEncoded)
                                          .toLatin1();
    page.setHeader("Content-Security-Policy",
                   "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' " + redirectOrigin);
    responder.send(page);
}

void IdentityService::authorizeForm(const Request &request, Responder &responder)
{
    const QHash<QString, QString> form = toHash(vigil::http::parseFormUrlEncoded(request.body));
    const auto it = m_pending.constFind(form.value(QStringLiteral("flow")));
    if (it == m_pending.cend())
        return responder.send(errorPage(400, 90015, QStringLiteral("The sign-in request has expired or is not "
                                                                   "valid. Start the sign-in again.")));
    const AuthorizeRequest ar = it.value();
    m_pending.erase(it);
    if (form.value(QStringLiteral("action")) != u"accept") {
        return responder.send(redirectError(ar, QStringLiteral("access_denied"), 65004,
                                            QStringLiteral("User declined to consent to access the app.")));
    }
    const SimUser *user = m_dataset->findUser(form.value(QStringLiteral("account")));
    if (!user)
        return responder.send(errorPage(400, 50034, QStringLiteral("The user account does not exist in the '%1' "
                                                                   "directory.")
                                                        .arg(m_dataset->tenantDomain())));
    responder.send(approve(ar, *user));
}

Response IdentityService::approve(const AuthorizeRequest &ar, const SimUser &user)
{
    if (ar.adminConsent) {
        if (user.role != SecurityRole::Administrator)
            return redirectError(ar, QStringLiteral("access_denied"), 90094,
                                 QStringLiteral("Admin consent is required for the permissions requested by this "
                                                "application; %1 is not an administrator.")
                                     .arg(user.userPrincipalName));
        QList<std::pair<QString, QString>> params{{QStringLiteral("admin_consent"), QStringLiteral("True")},
                                                  {QStringLiteral("tenant"), m_dataset->tenantId()}};
        if (!ar.graphScopes.isEmpty()) {
            QStringList full;
            for (const QString &s : ar.graphScopes)
                full.append(QStringLiteral("https://graph.microsoft.com/") + s);
            params.append({QStringLiteral("scope"), full.join(u' ')});
        }
        qCInfo(lcIdentity) << "admin consent granted by" << user.userPrincipalName;
        return redirectWith(ar, params);
    }
    const QString code = QStringLiteral("0.A") + QString::fromLatin1(TokenService::randomToken(96));
    m_codes.removeIf([now = m_clock->nowMs()](const auto &it) { return it.value().expiresMs + kCodeLifetimeMs < now; });
    m_codes.insert(code, CodeGrant{ar, user.id, m_clock->nowMs() + kCodeLifetimeMs, false});
    qCInfo(lcIdentity) << "sign-in approved for" << user.userPrincipalName << "client" << ar.clientId;
    return redirectWith(ar, {{QStringLiteral("code"), code},
                             {QStringLiteral("session_state"), QUuid::createUuid().toString(QUuid::WithoutBraces)}});
}

void IdentityService::adminConsent(const Request &request, const QString &tenant, bool v2, Responder &responder)
{
    const QHash<QString, QString> q = toHash(graphresponse::queryItems(request));
    AuthorizeRequest ar;
    ar.adminConsent = true;
    ar.tenant = tenant;
    ar.clientId = q.value(QStringLiteral("client_id"));
    ar.redirectUri = q.value(QStringLiteral("redirect_uri"));
    ar.state = q.contains(QStringLiteral("state")) ? q.value(QStringLiteral("state")) : QString();
    ar.responseMode = QStringLiteral("query");
    ar.createdMs = m_clock->nowMs();
    if (!knownTenant(tenant) || (v2 && tenant.compare(u"common", Qt::CaseInsensitive) == 0))
        return responder.send(errorPage(400, 90002, QStringLiteral("Tenant '%1' cannot be used for admin consent; "
                                                                   "use the tenant id, a domain or 'organizations'.")
                                                        .arg(tenant)));
    if (!isGuid(ar.clientId))
        return responder.send(errorPage(400, 700016, QStringLiteral("Application with identifier '%1' was not found "
                                                                    "in the directory.").arg(ar.clientId)));
    if (!acceptableRedirectUri(ar.redirectUri))
        return responder.send(errorPage(400, 50011, QStringLiteral("The redirect URI '%1' specified in the request "
                                                                   "does not match the redirect URIs configured for "
                                                                   "the application.").arg(ar.redirectUri)));
    const scopes::Parsed parsed = scopes::parse(q.value(QStringLiteral("scope"), v2 ? QString() : QStringLiteral(".default")));
    if (v2 && parsed.graph.isEmpty())
        return responder.send(redirectError(ar, QStringLiteral("invalid_request"), 900144,
                                            QStringLiteral("The request body must contain the following parameter: "
                                                           "'scope'.")));
    if (!parsed.invalid.isEmpty())
        return responder.send(redirectError(ar, QStringLiteral("invalid_scope"), 70011,
                                            QStringLiteral("The scope '%1' does not exist.").arg(parsed.invalid)));
    ar.graphScopes = parsed.graph;
    if (!m_autoApprove.isEmpty()) {
        if (const SimUser *user = m_dataset->findUser(m_autoApprove))
            return responder.send(approve(ar, *user));
    }
    const QString flow = QString::fromLatin1(TokenService::randomToken(24));
    m_pending.insert(flow, ar);
    AuthorizePageModel model;
    model.formAction = QStringLiteral("/%1/oauth2/v2.0/authorize").arg(tenant);
    model.flowId = flow;
    model.clientId = ar.clientId;
    model.tenantDomain = m_dataset->tenantDomain();
    model.users = m_dataset->users();
    model.scopes = ar.graphScopes;
    model.adminConsent = true;
    responder.send(Response::html(200, renderAuthorizePage(model)));
}

Response IdentityService::tokenError(const Request &request, int status, const QString &error, int aadsts,
                                     const QString &message) const
{
    const QString trace = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString correlation = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString timestamp = m_clock->now().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss'Z'"));
    const QJsonObject body{
        {QStringLiteral("error"), error},
        {QStringLiteral("error_description"),
         QStringLiteral("AADSTS%1: %2\r\nTrace ID: %3\r\nCorrelation ID: %4\r\nTimestamp: %5")
             .arg(aadsts)
             .arg(message, trace, correlation, timestamp)},
        {QStringLiteral("error_codes"), QJsonArray{aadsts}},
        {QStringLiteral("timestamp"), timestamp},
        {QStringLiteral("trace_id"), trace},
        {QStringLiteral("correlation_id"), correlation},
        {QStringLiteral("error_uri"), QString(graphresponse::origin(request, m_baseUrl) + QStringLiteral("/error?code=")
                                                  + QString::number(aadsts))},
    };
    Response r = Response::json(status, body);
    r.setHeader("Content-Type", "application/json; charset=utf-8");
    r.setHeader("Cache-Control", "no-store, no-cache");
    r.setHeader("Pragma", "no-cache");
    if (status == 401)
        r.setHeader("WWW-Authenticate", "Basic realm=\"graphsim\"");
    return r;
}

void IdentityService::token(const Request &request, const QString &tenant, Responder &responder)
{
    if (request.method != "POST")
        return responder.send(tokenError(request, 400, QStringLiteral("invalid_request"), 900561,
                                         QStringLiteral("The endpoint only accepts POST, OPTIONS requests. Received a "
                                                        "%1 request.").arg(QString::fromLatin1(request.method))));
    if (!knownTenant(tenant))
        return responder.send(tokenError(request, 400, QStringLiteral("invalid_request"), 90002,
                                         QStringLiteral("Tenant '%1' not found.").arg(tenant)));
    const QByteArray contentType = request.header("Content-Type").toLower();
    if (!contentType.startsWith("application/x-www-form-urlencoded"))
        return responder.send(tokenError(request, 400, QStringLiteral("invalid_request"), 900144,
                                         QStringLiteral("The request body must contain the following parameter: "
                                                        "'grant_type'.")));
    const QHash<QString, QString> form = toHash(vigil::http::parseFormUrlEncoded(request.body));
    const QString grantType = form.value(QStringLiteral("grant_type"));
    if (grantType.isEmpty())
        return responder.send(tokenError(request, 400, QStringLiteral("invalid_request"), 900144,
                                         QStringLiteral("The request body must contain the following parameter: "
                                                        "'grant_type'.")));
    if (form.value(QStringLiteral("client_id")).isEmpty())
        return responder.send(tokenError(request, 400, QStringLiteral("invalid_request"), 900144,
                                         QStringLiteral("The request body must contain the following parameter: "
                                                        "'client_id'.")));
    if (form.contains(QStringLiteral("client_secret")) || form.contains(QStringLiteral("client_assertion")))
        return responder.send(tokenError(request, 401, QStringLiteral("invalid_client"), 700025,
                                         QStringLiteral("Client is public so neither 'client_assertion' nor "
                                                        "'client_secret' should be presented.")));
    if (grantType == u"authorization_code")
        return redeemCode(request, form, responder);
    if (grantType == u"refresh_token")
        return redeemRefreshToken(request, form, responder);
    if (grantType == u"client_credentials")
        return responder.send(tokenError(request, 401, QStringLiteral("invalid_client"), 7000218,
                                         QStringLiteral("The request body must contain the following parameter: "
                                                        "'client_assertion' or 'client_secret'.")));
    responder.send(tokenError(request, 400, QStringLiteral("unsupported_grant_type"), 70003,
                              QStringLiteral("The app requested an unsupported grant type '%1'.").arg(grantType)));
}

void IdentityService::redeemCode(const Request &request, const QHash<QString, QString> &form, Responder &responder)
{
    const QString code = form.value(QStringLiteral("code"));
    if (code.isEmpty())
        return responder.send(tokenError(request, 400, QStringLiteral("invalid_request"), 900144,
                                         QStringLiteral("The request body must contain the following parameter: "
                                                        "'code'.")));
    const auto it = m_codes.find(code);
    if (it == m_codes.end())
        return responder.send(tokenError(request, 400, QStringLiteral("invalid_grant"), 9002313,
                                         QStringLiteral("Invalid request. Request is malformed or invalid.")));
    CodeGrant &grant = it.value();
    if (grant.redeemed)
        return responder.send(tokenError(request, 400, QStringLiteral("invalid_grant"), 54005,
                                         QStringLiteral("OAuth2 Authorization code was already redeemed, please retry "
                                                        "with a new valid code or use an existing refresh token.")));
    if (m_clock->nowMs() >= grant.expiresMs)
        return responder.send(tokenError(request, 400, QStringLiteral("invalid_grant"), 70008,
                                         QStringLiteral("The provided authorization code or refresh token has expired "
                                                        "due to inactivity. Send a new interactive authorization "
                                                        "request for this user and resource.")));
    const AuthorizeRequest &ar = grant.request;
    if (form.value(QStringLiteral("client_id")).compare(ar.clientId, Qt::CaseInsensitive) != 0)
        return responder.send(tokenError(request, 400, QStringLiteral("invalid_grant"), 70000,
                                         QStringLiteral("The provided value for the 'code' parameter is not valid. "
                                                        "The code was issued to a different client.")));
    if (form.value(QStringLiteral("redirect_uri")) != ar.redirectUri)
        return responder.send(tokenError(request, 400, QStringLiteral("invalid_grant"), 50011,
                                         QStringLiteral("The redirect URI '%1' does not match the redirect URI used "
                                                        "to request the authorization code.")
                                             .arg(form.value(QStringLiteral("redirect_uri")))));
    if (!ar.codeChallenge.isEmpty()) {
        const QString verifier = form.value(QStringLiteral("code_verifier"));
        if (verifier.isEmpty())
            return responder.send(tokenError(request, 400, QStringLiteral("invalid_request"), 900144,
                                             QStringLiteral("The request body must contain the following parameter: "
                                                            "'code_verifier'.")));
        const QString computed = ar.codeChallengeMethod == u"S256"
                                     ? QString::fromLatin1(TokenService::base64Url(QCryptographicHash::hash(
                                           verifier.toLatin1(), QCryptographicHash::Sha256)))
                                     : verifier;
        if (computed != ar.codeChallenge) {
            // The code stays unredeemed: Entra lets the client retry with the right verifier.
            return responder.send(tokenError(request, 400, QStringLiteral("invalid_grant"), 501481,
                                             QStringLiteral("The Code_Verifier does not match the code_challenge "
                                                            "supplied in the authorization request.")));
        }
    }
    const SimUser *user = m_dataset->findUser(grant.userId);
    if (!user)
        return responder.send(tokenError(request, 400, QStringLiteral("invalid_grant"), 50034,
                                         QStringLiteral("The user account does not exist in the directory.")));
    QStringList graph = ar.graphScopes;
    if (form.contains(QStringLiteral("scope"))) {
        const scopes::Parsed asked = scopes::parse(form.value(QStringLiteral("scope")));
        for (const QString &s : asked.graph) {
            if (!graph.contains(s))
                return responder.send(tokenError(request, 400, QStringLiteral("invalid_grant"), 65001,
                                                 QStringLiteral("The user or administrator has not consented to use "
                                                                "the application with ID '%1'. Scope '%2' was not "
                                                                "part of the authorization request.")
                                                     .arg(ar.clientId, s)));
        }
    }
    grant.redeemed = true;
    responder.send(issueTokens(request, *user, ar.clientId, graph, ar.oidcScopes, ar.nonce));
}

void IdentityService::redeemRefreshToken(const Request &request, const QHash<QString, QString> &form,
                                         Responder &responder)
{
    const QString token = form.value(QStringLiteral("refresh_token"));
    if (token.isEmpty())
        return responder.send(tokenError(request, 400, QStringLiteral("invalid_request"), 900144,
                                         QStringLiteral("The request body must contain the following parameter: "
                                                        "'refresh_token'.")));
    const auto it = m_refreshTokens.find(token);
    if (it == m_refreshTokens.end())
        return responder.send(tokenError(request, 400, QStringLiteral("invalid_grant"), 9002313,
                                         QStringLiteral("Invalid request. Request is malformed or invalid.")));
    RefreshGrant &grant = it.value();
    if (grant.revoked)
        return responder.send(tokenError(request, 400, QStringLiteral("invalid_grant"), 50173,
                                         QStringLiteral("The provided grant has expired due to it being revoked, a "
                                                        "fresh auth token is needed. The refresh token was already "
                                                        "used and replaced by a newer one.")));
    if (m_clock->nowMs() - grant.lastUsedMs > kRefreshInactivityMs)
        return responder.send(tokenError(request, 400, QStringLiteral("invalid_grant"), 700082,
                                         QStringLiteral("The refresh token has expired due to inactivity.")));
    if (form.value(QStringLiteral("client_id")).compare(grant.clientId, Qt::CaseInsensitive) != 0)
        return responder.send(tokenError(request, 400, QStringLiteral("invalid_grant"), 70000,
                                         QStringLiteral("The refresh token was issued to a different client.")));
    QStringList graph = grant.graphScopes;
    if (form.contains(QStringLiteral("scope"))) {
        const scopes::Parsed asked = scopes::parse(form.value(QStringLiteral("scope")));
        if (!asked.invalid.isEmpty())
            return responder.send(tokenError(request, 400, QStringLiteral("invalid_scope"), 70011,
                                             QStringLiteral("The provided value for the input parameter 'scope' isn't "
                                                            "valid. The scope '%1' does not exist.")
                                                 .arg(asked.invalid)));
        for (const QString &s : asked.graph) {
            if (!grant.graphScopes.contains(s))
                return responder.send(tokenError(request, 400, QStringLiteral("invalid_grant"), 65001,
                                                 QStringLiteral("The user or administrator has not consented to use "
                                                                "the application with ID '%1'. Send an interactive "
                                                                "authorization request for this user and resource.")
                                                     .arg(grant.clientId)));
        }
        if (!asked.graph.isEmpty())
            graph = asked.graph;
    }
    const SimUser *user = m_dataset->findUser(grant.userId);
    if (!user)
        return responder.send(tokenError(request, 400, QStringLiteral("invalid_grant"), 50034,
                                         QStringLiteral("The user account does not exist in the directory.")));
    // Rotation: the presented refresh token stops working once a new one is issued.
    grant.revoked = true;
    const RefreshGrant copy = grant;
    QStringList oidc = copy.oidcScopes;
    responder.send(issueTokens(request, *user, copy.clientId, graph, oidc, QString()));
}

Response IdentityService::issueTokens(const Request &request, const SimUser &user, const QString &clientId,
                                      const QStringList &graphScopes, const QStringList &oidcScopes,
                                      const QString &nonce)
{
    const qint64 now = m_clock->nowMs();
    QJsonObject body{
        {QStringLiteral("token_type"), QStringLiteral("Bearer")},
        {QStringLiteral("scope"), (graphScopes + QStringList(oidcScopes).filter(QRegularExpression(
                                                     QStringLiteral("^(openid|profile|email)$"))))
                                      .join(u' ')},
        {QStringLiteral("expires_in"), m_tokenLifetime},
        {QStringLiteral("ext_expires_in"), m_tokenLifetime},
        {QStringLiteral("access_token"), QString::fromLatin1(m_tokens->issueAccessToken(
                                             user, m_dataset->tenantId(), clientId, graphScopes, now, m_tokenLifetime))},
    };
    if (oidcScopes.contains(QStringLiteral("offline_access"))) {
        const QString refresh = QStringLiteral("1.A") + QString::fromLatin1(TokenService::randomToken(120));
        if (m_refreshTokens.size() > 50'000)
            m_refreshTokens.removeIf([](const auto &it) { return it.value().revoked; });
        m_refreshTokens.insert(refresh, RefreshGrant{clientId, user.id, graphScopes, oidcScopes, now, false});
        body.insert(QStringLiteral("refresh_token"), refresh);
    }
    if (oidcScopes.contains(QStringLiteral("openid"))) {
        body.insert(QStringLiteral("id_token"),
                    QString::fromLatin1(m_tokens->issueIdToken(user, m_dataset->tenantId(), clientId,
                                                               graphresponse::origin(request, m_baseUrl), nonce, now,
                                                               m_tokenLifetime)));
    }
    Response r = Response::json(200, body);
    r.setHeader("Content-Type", "application/json; charset=utf-8");
    r.setHeader("Cache-Control", "no-store, no-cache");
    r.setHeader("Pragma", "no-cache");
    return r;
}

void IdentityService::openIdConfiguration(const Request &request, const QString &tenant, Responder &responder)
{
    const QString origin = graphresponse::origin(request, m_baseUrl);
    const QString tid = m_dataset->tenantId();
    const QJsonObject body{
        {QStringLiteral("authorization_endpoint"), QString(origin + u'/' + tenant + QStringLiteral("/oauth2/v2.0/authorize"))},
        {QStringLiteral("token_endpoint"), QString(origin + u'/' + tenant + QStringLiteral("/oauth2/v2.0/token"))},
        {QStringLiteral("issuer"), QString(origin + u'/' + tid + QStringLiteral("/v2.0"))},
        {QStringLiteral("response_types_supported"), QJsonArray{QStringLiteral("code")}},
        {QStringLiteral("response_modes_supported"),
         QJsonArray{QStringLiteral("query"), QStringLiteral("fragment"), QStringLiteral("form_post")}},
        {QStringLiteral("code_challenge_methods_supported"), QJsonArray{QStringLiteral("S256"), QStringLiteral("plain")}},
        {QStringLiteral("scopes_supported"), QJsonArray{QStringLiteral("openid"), QStringLiteral("profile"),
                                                        QStringLiteral("email"), QStringLiteral("offline_access")}},
        {QStringLiteral("tenant_region_scope"), QStringLiteral("NA")},
        {QStringLiteral("msgraph_host"), QUrl(origin).authority()},
    };
    responder.send(Response::json(200, body));
}

} // namespace graphsim
