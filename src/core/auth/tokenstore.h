#pragma once

#include <QObject>
#include <QUrl>

#include <functional>

namespace vigil::core {

/// Where refresh tokens are kept between runs. Asynchronous like the OS keychains behind it.
/// Implementations: KeychainTokenStore (QtKeychain), MemoryTokenStore (tests, and the fallback
/// where no keychain exists).
class TokenStore : public QObject
{
    Q_OBJECT

public:
    /// `ok` false with a sentence in `error` on failure.
    using Done = std::function<void(bool ok, const QString &error)>;
    /// `found` false (and no error) when nothing is stored under the key.
    using ReadDone = std::function<void(bool found, const QString &secret, const QString &error)>;

    using QObject::QObject;

    virtual void read(const QString &key, ReadDone done) = 0;
    virtual void write(const QString &key, const QString &secret, Done done) = 0;
    virtual void remove(const QString &key, Done done) = 0;
    /// False when secrets are lost at exit.
    virtual bool isPersistent() const = 0;

    /// The key of an account's refresh token: authority, client id and account together, so that
    /// tenants, clouds and app registrations never share a token.
    static QString keyFor(const QUrl &authority, const QString &clientId, const QString &account);
};

} // namespace vigil::core
