#pragma once

#include <QString>
#include <QStringList>

namespace graphsim {

/// Microsoft Graph delegated permissions the simulator knows, and how requested scope strings map
/// onto them ("https://graph.microsoft.com/User.Read", "user.read" and "User.Read" are one scope).
namespace scopes {

/// Canonical spellings of every Graph scope the simulated tenant has consented to.
const QStringList &graphScopes();
/// "openid", "profile", "email", "offline_access".
bool isOidcScope(const QString &scope);
/// A user-facing sentence for the consent page ("Read and update your organization's security alerts").
QString description(const QString &scope);

/// The result of reading a `scope` parameter.
struct Parsed
{
    QStringList graph;      ///< canonical Graph scopes
    QStringList oidc;       ///< lower-case OIDC scopes
    QString invalid;        ///< first scope that is neither (empty when all are fine)
};
Parsed parse(const QString &scopeParameter);

} // namespace scopes
} // namespace graphsim
