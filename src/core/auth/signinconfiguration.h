#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace vigil::core {

/// Where and as whom Vigil signs in. Built from the settings, overridden by the command line.
struct SignInConfiguration
{
    QUrl authorityUrl{QStringLiteral("https://login.microsoftonline.com")};
    QString tenant = QStringLiteral("organizations");
    QString clientId;
    quint16 redirectPort = 0;   ///< 0 = any free port
    QUrl graphUrl{QStringLiteral("https://graph.microsoft.com")};
    QString loginHint;          ///< UPN to preselect on the sign-in page

    QUrl authorizeEndpoint() const;
    QUrl tokenEndpoint() const;
    QUrl adminConsentEndpoint() const;
    bool isComplete() const;

    /// Scope strings for Graph permissions: short names ("User.Read") for the global cloud, fully
    /// qualified ("https://graph.microsoft.us/User.Read") for national clouds.
    QString qualifiedScope(const QString &permission) const;
};

} // namespace vigil::core
