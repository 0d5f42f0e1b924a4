#pragma once

#include "core/auth/tokenstore.h"

#include <QHash>

namespace vigil::core {

/// Keeps secrets in memory only, answering asynchronously like a keychain would.
class MemoryTokenStore final : public TokenStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemoryTokenStore)

public:
    using TokenStore::TokenStore;

    void read(const QString &key, ReadDone done) override;
    void write(const QString &key, const QString &secret, Done done) override;
    void remove(const QString &key, Done done) override;
    bool isPersistent() const override { return false; }

    int size() const { return int(m_secrets.size()); }

private:
    QHash<QString, QString> m_secrets;
};

} // namespace vigil::core
