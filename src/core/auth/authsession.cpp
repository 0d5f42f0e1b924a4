#include "authsession.h"

#include "core/auth/signinflow.h"
#include "core/auth/tokenstore.h"
#include "core/settings.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUuid>

Q_LOGGING_CATEGORY(lcSession, "vigil.core.auth.session", QtInfoMsg)

namespace vigil::core {

namespace {
// The last signed-in account (not a secret) per authority and client id: "authority|clientId|upn".
const Setting<QString> kRememberedAccount{QStringLiteral("auth/rememberedAccount"), {}};

QString authorityOf(const SignInConfiguration &c)
{
    return c.authorityUrl.adjusted(QUrl::StripTrailingSlash).toString() + QLatin1Char('/') + c.tenant;
}
} // namespace

AuthSession::AuthSession(SignInFlow *flow, TokenStore *store, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_flow(flow)
    , m_store(store)
    , m_fallback(new MemoryTokenStore(this))
    , m_network(network)
{
    connect(m_flow, &SignInFlow::refreshTokenChanged, this, &AuthSession::onRefreshTokenChanged);
    connect(m_flow, &SignInFlow::signedIn, this, &AuthSession::onSignedIn);
    connect(m_flow, &SignInFlow::failed, this, [this](const TokenError &error) {
        if (m_restoring) {
            m_restoring = false;
            Q_EMIT restoreFinished(false, error.userMessage());
        }
    });
    connect(m_flow, &SignInFlow::signInRequired, this, [this](const QString &reason) {
        m_account = {};
        Q_EMIT accountChanged(m_account);
        if (m_restoring) {
            m_restoring = false;
            Q_EMIT restoreFinished(false, reason);
        }
    });
}

AuthSession::~AuthSession() = default;

QString AuthSession::keyForAccount(const QString &account) const
{
    const SignInConfiguration &c = m_flow->configuration();
    return TokenStore::keyFor(QUrl(authorityOf(c)), c.clientId, account);
}

QString AuthSession::accountName() const
{
    const QJsonObject claims = m_flow->identityClaims();
    for (const char *claim : {"preferred_username", "upn", "unique_name", "email", "oid"}) {
        const QString value = claims.value(QLatin1String(claim)).toString();
        if (!value.isEmpty())
            return value;
    }
    return {};
}

void AuthSession::restore()
{
    const SignInConfiguration &c = m_flow->configuration();
    const QStringList remembered = kRememberedAccount.value().split(QLatin1Char('|'));
    if (!c.isComplete() || remembered.size() != 3 || remembered.at(0) != authorityOf(c)
        || remembered.at(1).compare(c.clientId, Qt::CaseInsensitive) != 0) {
        Q_EMIT restoreFinished(false, {});
        return;
    }
    const QString key = keyForAccount(remembered.at(2));
    m_restoring = true;
    m_store->read(key, [this, key](bool found, const QString &secret, const QString &error) {
        if (!error.isEmpty() && m_store->isPersistent())
            switchToMemory(error);
        if (!found) {
            m_restoring = false;
            Q_EMIT restoreFinished(false, {});
            return;
        }
        m_storageKey = key;
        qCInfo(lcSession) << "signing in silently with the stored refresh token";
        m_flow->signInWithRefreshToken(secret);
    });
}

void AuthSession::onSignedIn()
{
    if (m_restoring) {
        m_restoring = false;
        Q_EMIT restoreFinished(true, {});
    }
    loadProfile();
}

void AuthSession::onRefreshTokenChanged(const QString &refreshToken)
{
    if (refreshToken.isEmpty()) {
        if (!m_storageKey.isEmpty()) {
            m_store->remove(m_storageKey, [](bool, const QString &) {});
            m_storageKey.clear();
        }
        return;
    }
    const QString account = accountName();
    if (account.isEmpty()) {
        qCWarning(lcSession) << "refresh token without an account name; not stored";
        return;
    }
    const QString key = keyForAccount(account);
    if (!m_storageKey.isEmpty() && m_storageKey != key)
        m_store->remove(m_storageKey, [](bool, const QString &) {});
    m_storageKey = key;
    kRememberedAccount.setValue(QStringList{authorityOf(m_flow->configuration()), m_flow->configuration().clientId,
                                            account}.join(QLatin1Char('|')));
    m_store->write(key, refreshToken, [this, key, refreshToken](bool ok, const QString &error) {
        if (ok || !m_store->isPersistent())
            return;
        switchToMemory(error);
        m_fallback->write(key, refreshToken, [](bool, const QString &) {});
    });
}

void AuthSession::switchToMemory(const QString &reason)
{
    m_store = m_fallback;
    if (m_warnedMemoryOnly)
        return;
    m_warnedMemoryOnly = true;
    qCWarning(lcSession) << "no usable keychain; tokens are kept in memory only:" << reason;
    Q_EMIT memoryOnly(tr("No keychain is available (%1). You stay signed in until Vigil closes, "
                         "and will have to sign in again next time.").arg(reason));
}

void AuthSession::signOut()
{
    const QString key = m_storageKey;
    m_flow->signOut();  // emits refreshTokenChanged("") which removes the stored token
    if (!key.isEmpty() && m_storageKey == key)
        m_store->remove(key, [](bool, const QString &) {});
    m_storageKey.clear();
    kRememberedAccount.reset();
    if (m_profileReply)
        m_profileReply->abort();
    m_account = {};
    Q_EMIT accountChanged(m_account);
}

void AuthSession::loadProfile()
{
    if (m_profileReply)
        m_profileReply->abort();
    QUrl url = m_flow->configuration().graphUrl;
    url.setPath(url.path().section(QLatin1Char('/'), 0, -1, QString::SectionSkipEmpty).prepend(QLatin1Char('/'))
                + QStringLiteral("/v1.0/me"));
    if (url.path().startsWith(QLatin1String("//")))
        url.setPath(url.path().mid(1));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_flow->accessToken().toLatin1());
    request.setRawHeader("client-request-id", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = m_network->get(request);
    m_profileReply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const QJsonObject claims = m_flow->identityClaims();
        Account account;
        account.tenantId = claims.value(QLatin1String("tid")).toString();
        if (reply->error() == QNetworkReply::NoError) {
            const QJsonObject me = QJsonDocument::fromJson(reply->readAll()).object();
            account.displayName = me.value(QLatin1String("displayName")).toString();
            account.userPrincipalName = me.value(QLatin1String("userPrincipalName")).toString();
            account.id = me.value(QLatin1String("id")).toString();
        } else if (reply->error() == QNetworkReply::OperationCanceledError) {
            return;
        } else {
            qCWarning(lcSession) << "cannot load the profile:" << reply->errorString();
        }
        // Without /me (no User.Read, network trouble) the ID token still names the user.
        if (account.displayName.isEmpty())
            account.displayName = claims.value(QLatin1String("name")).toString();
        if (account.userPrincipalName.isEmpty())
            account.userPrincipalName = accountName();
        m_account = account;
        Q_EMIT accountChanged(m_account);
    });
}

} // namespace vigil::core
