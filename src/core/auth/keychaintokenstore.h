#pragma once

#include "core/auth/tokenstore.h"

namespace vigil::core {

/// Secrets in the operating system's keychain through QtKeychain: Secret Service (GNOME Keyring,
/// KWallet) on Linux, Keychain on macOS, Credential Manager on Windows. Never falls back to a
/// plain-text file.
class KeychainTokenStore final : public TokenStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainTokenStore)

public:
    explicit KeychainTokenStore(const QString &service = QStringLiteral("Vigil"), QObject *parent = nullptr);

    void read(const QString &key, ReadDone done) override;
    void write(const QString &key, const QString &secret, Done done) override;
    void remove(const QString &key, Done done) override;
    bool isPersistent() const override { return true; }

private:
    QString m_service;
};

} // namespace vigil::core
