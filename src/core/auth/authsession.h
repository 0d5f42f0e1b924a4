#pragma once

#include "core/auth/memorytokenstore.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

namespace vigil::core {

class SignInFlow;
class TokenStore;

/// The signed-in user, as Microsoft Graph's /me reports it.
struct Account
{
    QString displayName;
    QString userPrincipalName;
    QString id;
    QString tenantId;
    bool isEmpty() const { return userPrincipalName.isEmpty() && displayName.isEmpty(); }
};

/// Ties a SignInFlow to a TokenStore and to the user's profile: restores a sign-in silently at
/// start-up from the stored refresh token, stores every rotated refresh token, forgets it on sign-out
/// or when the service refuses it, falls back to memory-only (and says so once) where no keychain
/// works, and loads /me after each sign-in.
class AuthSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthSession)

public:
    AuthSession(SignInFlow *flow, TokenStore *store, QNetworkAccessManager *network, QObject *parent = nullptr);
    ~AuthSession() override;

    SignInFlow *flow() const { return m_flow; }

    /// Silent sign-in with the refresh token stored for the remembered account, if any. Emits
    /// restoreFinished() either way.
    void restore();
    /// Signs out: tokens forgotten in memory and removed from the keychain.
    void signOut();

    Account account() const { return m_account; }
    bool isMemoryOnly() const { return !m_store->isPersistent(); }
    /// The key the current account's refresh token is stored under (empty when signed out).
    QString storageKey() const { return m_storageKey; }

Q_SIGNALS:
    void restoreFinished(bool signedIn, const QString &message);
    void accountChanged(const vigil::core::Account &account);
    /// Emitted once when tokens cannot be kept in a keychain and live in memory only.
    void memoryOnly(const QString &reason);
    /// A keychain operation failed in a way the user should hear about.
    void storageProblem(const QString &message);

private:
    void onRefreshTokenChanged(const QString &refreshToken);
    void onSignedIn();
    void loadProfile();
    void switchToMemory(const QString &reason);
    QString accountName() const;
    QString keyForAccount(const QString &account) const;

    SignInFlow *m_flow = nullptr;
    TokenStore *m_store = nullptr;
    MemoryTokenStore *m_fallback = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    QPointer<QNetworkReply> m_profileReply;
    Account m_account;
    QString m_storageKey;
    bool m_restoring = false;
    bool m_warnedMemoryOnly = false;
};

} // namespace vigil::core
