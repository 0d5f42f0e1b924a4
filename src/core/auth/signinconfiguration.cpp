#include "signinconfiguration.h"

#include "core/commandline.h"

namespace vigil::core {

namespace {
QUrl endpoint(const QUrl &authority, const QString &tenant, const QString &tail)
{
    QUrl url = authority;
    QString path = url.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QLatin1Char('/') + tenant + tail);
    url.setQuery(QString());
    return url;
}
} // namespace

QUrl SignInConfiguration::authorizeEndpoint() const
{
    return endpoint(authorityUrl, tenant, QStringLiteral("/oauth2/v2.0/authorize"));
}

QUrl SignInConfiguration::tokenEndpoint() const
{
    return endpoint(authorityUrl, tenant, QStringLiteral("/oauth2/v2.0/token"));
}

QUrl SignInConfiguration::adminConsentEndpoint() const
{
    return endpoint(authorityUrl, tenant, QStringLiteral("/v2.0/adminconsent"));
}

bool SignInConfiguration::isComplete() const
{
    return authorityUrl.isValid() && !authorityUrl.host().isEmpty() && CommandLine::isValidTenant(tenant)
        && CommandLine::isValidGuid(clientId);
}

QString SignInConfiguration::qualifiedScope(const QString &permission) const
{
    static const QStringList oidc = {QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("email"),
                                     QStringLiteral("offline_access")};
    const QString host = graphUrl.host();
    const bool national = host.endsWith(QLatin1String(".us")) || host.endsWith(QLatin1String(".cn"))
                       || host.contains(QLatin1String("chinacloudapi"));
    if (oidc.contains(permission) || !national)
        return permission;
    return QStringLiteral("%1://%2/%3").arg(graphUrl.scheme(), host, permission);
}

} // namespace vigil::core
