#include "signinflow.h"

#include "core/auth/loopbackreplyhandler.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QOAuth2AuthorizationCodeFlow>

Q_LOGGING_CATEGORY(lcSignIn, "vigil.core.auth.signin", QtInfoMsg)

namespace vigil::core {

/// Exposes the protected status setter, which is how a 6.4 flow is brought back from a failed
/// code exchange or refresh (QTBUG-102279, QTBUG-106821).
class OAuthCodeFlow final : public QOAuth2AuthorizationCodeFlow
{
public:
    using QOAuth2AuthorizationCodeFlow::QOAuth2AuthorizationCodeFlow;
    using QAbstractOAuth::setStatus;
};

namespace {
const QStringList kOidcScopes = {QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("offline_access")};

// "https://graph.microsoft.com/User.Read" and "User.Read" both become "user.read".
QString shortScope(const QString &scope)
{
    return scope.section(QLatin1Char('/'), -1).toLower();
}
} // namespace

QJsonObject decodeJwtClaims(const QString &token)
{
    const QStringList parts = token.split(QLatin1Char('.'));
    if (parts.size() < 2)
        return {};
    const QByteArray payload = QByteArray::fromBase64(parts.at(1).toLatin1(),
                                                      QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return QJsonDocument::fromJson(payload).object();
}

SignInFlow::SignInFlow(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_permissions(defaultPermissions())
    , m_oauth(new OAuthCodeFlow(network, this))
    , m_handler(new LoopbackReplyHandler(this))
{
    m_oauth->setReplyHandler(m_handler);
    m_oauth->setModifyParametersFunction([this](QAbstractOAuth::Stage stage, QMultiMap<QString, QVariant> *p) {
        switch (stage) {
        case QAbstractOAuth::Stage::RequestingAuthorization:
            p->insert(QStringLiteral("code_challenge"), m_pkce.challenge);
            p->insert(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
            p->insert(QStringLiteral("prompt"), QStringLiteral("select_account"));
            if (!m_configuration.loginHint.isEmpty())
                p->insert(QStringLiteral("login_hint"), m_configuration.loginHint);
            break;
        case QAbstractOAuth::Stage::RequestingAccessToken:
            // The handler already decoded the code once; Qt encodes it once more for the form body.
            p->remove(QStringLiteral("client_secret"));
            p->insert(QStringLiteral("code_verifier"), m_pkce.verifier);
            break;
        case QAbstractOAuth::Stage::RefreshingAccessToken:
            // A public client sends neither a secret (AADSTS700025) nor a redirect URI, but the scopes.
            p->remove(QStringLiteral("client_secret"));
            p->remove(QStringLiteral("redirect_uri"));
            p->replace(QStringLiteral("scope"), requestedScopes().join(QLatin1Char(' ')));
            break;
        default:
            break;
        }
    });
    connect(m_oauth, &QAbstractOAuth::authorizeWithBrowser, this, &SignInFlow::authorizationRequested);
    connect(m_oauth, &QAbstractOAuth::granted, this, &SignInFlow::onGranted);
    connect(m_oauth, &QAbstractOAuth2::error, this,
            [this](const QString &error, const QString &description, const QUrl &) {
                onAuthorizationError(error, description);
            });
    connect(m_handler, &LoopbackReplyHandler::tokenRequestFailed, this, &SignInFlow::onTokenRequestFailed);
    connect(m_handler, &LoopbackReplyHandler::redirectReceived, this, [this] {
        setState(State::RedeemingCode);
        Q_EMIT redirectReceived();
    });
    connect(m_handler, &LoopbackReplyHandler::adminConsentReceived, this,
            [this](bool granted, const QString &tenant, const QString &error, const QString &description) {
                if (granted) {
                    Q_EMIT adminConsentFinished(true, tr("An administrator granted consent for tenant %1. "
                                                         "Sign in again to use the new permissions.").arg(tenant));
                    return;
                }
                TokenError e;
                e.error = error;
                e.description = description;
                Q_EMIT adminConsentFinished(false, e.userMessage());
            });
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &SignInFlow::refresh);
}

SignInFlow::~SignInFlow() = default;

QStringList SignInFlow::defaultPermissions()
{
    return {QStringLiteral("User.Read"), QStringLiteral("SecurityAlert.ReadWrite.All"),
            QStringLiteral("SecurityIncident.Read.All")};
}

void SignInFlow::setConfiguration(const SignInConfiguration &configuration)
{
    m_configuration = configuration;
    applyEndpoints();
}

void SignInFlow::applyEndpoints()
{
    m_oauth->setClientIdentifier(m_configuration.clientId);
    m_oauth->setAuthorizationUrl(m_configuration.authorizeEndpoint());
    m_oauth->setAccessTokenUrl(m_configuration.tokenEndpoint());
}

void SignInFlow::setPermissions(const QStringList &permissions)
{
    m_permissions = permissions;
    m_permissions.removeDuplicates();
}

QStringList SignInFlow::requestedScopes() const
{
    QStringList scopes = kOidcScopes;
    for (const QString &permission : m_permissions)
        scopes.append(m_configuration.qualifiedScope(permission));
    return scopes;
}

bool SignInFlow::hasPermission(const QString &permission) const
{
    return m_granted.contains(permission.toLower());
}

QString SignInFlow::redirectUri() const
{
    return m_handler->callback();
}

void SignInFlow::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

bool SignInFlow::signIn()
{
    if (!m_configuration.isComplete()) {
        Q_EMIT failed(TokenError::networkFailure(
            tr("Sign-in is not configured: set a tenant and the application (client) ID in Settings.")));
        return false;
    }
    if (!m_handler->listen(m_configuration.redirectPort)) {
        Q_EMIT failed(TokenError::networkFailure(m_handler->errorString()));
        return false;
    }
    if (m_state != State::WaitingForUser && m_state != State::RedeemingCode)
        m_stateBeforeAttempt = m_state;
    applyEndpoints();
    m_pkce = Pkce::generate();
    const QByteArray state = randomState();
    m_handler->setExpectedState(state);
    m_oauth->setState(QString::fromLatin1(state));
    // 6.4 overwrites the scope with the server's answer, dropping offline_access (QTBUG-66415).
    m_oauth->setScope(requestedScopes().join(QLatin1Char(' ')));
    if (m_oauth->status() != QAbstractOAuth::Status::NotAuthenticated && m_accessToken.isEmpty())
        m_oauth->setStatus(QAbstractOAuth::Status::NotAuthenticated);
    setState(State::WaitingForUser);
    qCInfo(lcSignIn) << "starting interactive sign-in at" << m_configuration.authorizeEndpoint().toString();
    m_oauth->grant();
    return true;
}

bool SignInFlow::requestPermissions(const QStringList &extra)
{
    QStringList wanted = m_permissions;
    wanted.append(extra);
    setPermissions(wanted);
    return signIn();
}

void SignInFlow::cancel()
{
    if (m_state != State::WaitingForUser && m_state != State::RedeemingCode)
        return;
    m_handler->setExpectedState({});
    m_handler->close();
    m_oauth->setStatus(m_accessToken.isEmpty() ? QAbstractOAuth::Status::NotAuthenticated
                                               : QAbstractOAuth::Status::Granted);
    setState(m_stateBeforeAttempt);
    qCInfo(lcSignIn) << "sign-in cancelled";
}

void SignInFlow::signInWithRefreshToken(const QString &refreshToken)
{
    if (refreshToken.isEmpty() || !m_configuration.isComplete())
        return;
    m_refreshToken = refreshToken;
    m_oauth->setRefreshToken(refreshToken);
    refresh();
}

void SignInFlow::refresh()
{
    if (m_refreshToken.isEmpty() || m_state == State::Refreshing)
        return;
    applyEndpoints();
    m_oauth->setScope(requestedScopes().join(QLatin1Char(' ')));
    if (m_oauth->status() == QAbstractOAuth::Status::RefreshingToken)
        m_oauth->setStatus(QAbstractOAuth::Status::Granted);
    m_stateBeforeAttempt = m_state;
    setState(State::Refreshing);
    qCDebug(lcSignIn) << "refreshing the access token";
    m_oauth->refreshAccessToken();
}

void SignInFlow::signOut()
{
    cancel();
    clearTokens();
    m_oauth->setStatus(QAbstractOAuth::Status::NotAuthenticated);
    setState(State::SignedOut);
}

void SignInFlow::clearTokens()
{
    m_refreshTimer.stop();
    m_accessToken.clear();
    m_expiresAt = {};
    m_granted.clear();
    m_claims = {};
    m_oauth->setToken(QString());
    m_oauth->setRefreshToken(QString());
    if (!m_refreshToken.isEmpty()) {
        m_refreshToken.clear();
        Q_EMIT refreshTokenChanged(QString());
    }
}

bool SignInFlow::handleRedirect(const QUrl &url)
{
    return m_handler->handleRedirect(url);
}

void SignInFlow::onGranted()
{
    const bool wasSignedIn = !m_accessToken.isEmpty();
    m_accessToken = m_oauth->token();
    m_expiresAt = m_oauth->expirationAt();

    m_granted.clear();
    const QStringList reported = m_oauth->scope().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QStringList granted = reported.isEmpty() ? requestedScopes() : reported;
    for (const QString &scope : granted)
        m_granted.insert(shortScope(scope));
    m_oauth->setScope(requestedScopes().join(QLatin1Char(' ')));

    const QString idToken = m_oauth->extraTokens().value(QStringLiteral("id_token")).toString();
    const QJsonObject claims = decodeJwtClaims(idToken.isEmpty() ? m_accessToken : idToken);
    if (!claims.isEmpty())
        m_claims = claims;

    const QString refreshToken = m_oauth->refreshToken();
    if (!refreshToken.isEmpty() && refreshToken != m_refreshToken) {
        m_refreshToken = refreshToken;
        Q_EMIT refreshTokenChanged(refreshToken);
    }
    m_handler->close();  // RFC 8252: the loopback listener is only needed for the redirect
    setState(State::SignedIn);
    scheduleRefresh();
    qCInfo(lcSignIn) << (wasSignedIn ? "access token refreshed" : "signed in") << "- expires"
                     << m_expiresAt.toString(Qt::ISODate) << "- scopes" << m_granted.size();
    if (wasSignedIn)
        Q_EMIT accessTokenRefreshed();
    else
        Q_EMIT signedIn();
}

void SignInFlow::scheduleRefresh()
{
    if (!m_expiresAt.isValid() || m_refreshToken.isEmpty()) {
        m_refreshTimer.stop();
        return;
    }
    const qint64 lifetime = QDateTime::currentDateTimeUtc().secsTo(m_expiresAt);
    const qint64 lead = qMin<qint64>(m_refreshLead.count(), lifetime / 4);
    m_refreshTimer.start(std::chrono::seconds(qMax<qint64>(1, lifetime - lead)));
}

void SignInFlow::onTokenRequestFailed(const TokenError &error)
{
    const State failedIn = m_state;
    m_oauth->setStatus(m_accessToken.isEmpty() ? QAbstractOAuth::Status::NotAuthenticated
                                               : QAbstractOAuth::Status::Granted);
    if (failedIn == State::Refreshing && error.requiresInteractiveSignIn()) {
        qCWarning(lcSignIn) << "refresh refused, sign-in required:" << error.error << error.aadstsCode();
        clearTokens();
        setState(State::SignedOut);
        Q_EMIT signInRequired(error.advice());
        return;
    }
    setState(failedIn == State::Refreshing ? m_stateBeforeAttempt
                                           : (m_accessToken.isEmpty() ? State::SignedOut : State::SignedIn));
    if (failedIn == State::Refreshing && !m_accessToken.isEmpty())
        m_refreshTimer.start(std::chrono::seconds(30));  // transient failure: try again soon
    Q_EMIT failed(error);
}

void SignInFlow::onAuthorizationError(const QString &error, const QString &description)
{
    TokenError e;
    e.error = error;
    e.description = description;
    m_handler->close();
    m_oauth->setStatus(m_accessToken.isEmpty() ? QAbstractOAuth::Status::NotAuthenticated
                                               : QAbstractOAuth::Status::Granted);
    setState(m_stateBeforeAttempt);
    qCInfo(lcSignIn) << "authorization ended with" << error;
    Q_EMIT failed(e);
}

bool SignInFlow::requestAdminConsent(const QStringList &permissions)
{
    if (!m_configuration.isComplete() || !m_handler->listen(m_configuration.redirectPort)) {
        Q_EMIT adminConsentFinished(false, m_configuration.isComplete() ? m_handler->errorString()
                                                                        : tr("Sign-in is not configured."));
        return false;
    }
    const QByteArray state = randomState();
    m_handler->setExpectedState(state);
    Q_EMIT adminConsentRequested(adminConsentUrl(permissions, state));
    return true;
}

QUrl SignInFlow::adminConsentUrl(const QStringList &permissions, const QByteArray &state) const
{
    QUrl url = m_configuration.adminConsentEndpoint();
    QStringList scopes;
    for (const QString &permission : permissions) {
        const QString qualified = m_configuration.qualifiedScope(permission);
        scopes.append(qualified.contains(QLatin1Char('/')) ? qualified
                                                           : QStringLiteral("https://graph.microsoft.com/") + qualified);
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("client_id"), m_configuration.clientId);
    query.addQueryItem(QStringLiteral("scope"), QString::fromLatin1(QUrl::toPercentEncoding(scopes.join(QLatin1Char(' ')))));
    query.addQueryItem(QStringLiteral("redirect_uri"), QString::fromLatin1(QUrl::toPercentEncoding(redirectUri())));
    query.addQueryItem(QStringLiteral("state"), QString::fromLatin1(state));
    url.setQuery(query);
    return url;
}

} // namespace vigil::core
