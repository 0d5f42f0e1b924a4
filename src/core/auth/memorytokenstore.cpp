#include "memorytokenstore.h"

#include <QTimer>

namespace vigil::core {

void MemoryTokenStore::read(const QString &key, ReadDone done)
{
    const auto it = m_secrets.constFind(key);
    const bool found = it != m_secrets.constEnd();
    const QString secret = found ? *it : QString();
    QTimer::singleShot(0, this, [done = std::move(done), found, secret] { done(found, secret, {}); });
}

void MemoryTokenStore::write(const QString &key, const QString &secret, Done done)
{
    m_secrets.insert(key, secret);
    QTimer::singleShot(0, this, [done = std::move(done)] { done(true, {}); });
}

void MemoryTokenStore::remove(const QString &key, Done done)
{
    m_secrets.remove(key);
    QTimer::singleShot(0, this, [done = std::move(done)] { done(true, {}); });
}

} // namespace vigil::core
