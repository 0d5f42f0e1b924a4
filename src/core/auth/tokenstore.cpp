#include "tokenstore.h"

namespace vigil::core {

QString TokenStore::keyFor(const QUrl &authority, const QString &clientId, const QString &account)
{
    return QStringLiteral("refresh-token|%1|%2|%3")
        .arg(authority.adjusted(QUrl::StripTrailingSlash).toString(), clientId.toLower(), account.toLower());
}

} // namespace vigil::core
