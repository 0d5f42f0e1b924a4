#include "tenantsettings.h"

#include "core/settings.h"

namespace vigil::core {

namespace {
const Setting<QString> kCloud{QStringLiteral("tenant/cloud"), QStringLiteral("global")};
const Setting<QString> kTenant{QStringLiteral("tenant/tenant"), QStringLiteral("organizations")};
const Setting<QString> kClientId{QStringLiteral("tenant/clientId"), {}};
const Setting<int> kRedirectPort{QStringLiteral("tenant/redirectPort"), 0};
const Setting<QString> kMethod{QStringLiteral("tenant/signInMethod"), QStringLiteral("embedded")};
} // namespace

TenantSettings::Values TenantSettings::load()
{
    Values v;
    v.cloud = cloudFromKey(kCloud.value());
    const QString tenant = kTenant.value();
    v.tenant = CommandLine::isValidTenant(tenant) ? tenant : QStringLiteral("organizations");
    const QString clientId = kClientId.value();
    v.clientId = CommandLine::isValidGuid(clientId) ? clientId : QString();
    v.redirectPort = quint16(qBound(0, kRedirectPort.value(), 65535));
    v.method = kMethod.value() == QLatin1String("browser") ? SignInMethod::SystemBrowser : SignInMethod::EmbeddedWindow;
    return v;
}

void TenantSettings::save(const Values &values)
{
    kCloud.setValue(cloudKey(values.cloud));
    kTenant.setValue(values.tenant);
    kClientId.setValue(values.clientId);
    kRedirectPort.setValue(values.redirectPort);
    kMethod.setValue(values.method == SignInMethod::SystemBrowser ? QStringLiteral("browser") : QStringLiteral("embedded"));
}

QUrl TenantSettings::authorityUrl(Cloud cloud)
{
    switch (cloud) {
    case Cloud::UsGovernment:
        return QUrl(QStringLiteral("https://login.microsoftonline.us"));
    case Cloud::China:
        return QUrl(QStringLiteral("https://login.chinacloudapi.cn"));
    case Cloud::Global:
        break;
    }
    return QUrl(QStringLiteral("https://login.microsoftonline.com"));
}

QUrl TenantSettings::graphUrl(Cloud cloud)
{
    switch (cloud) {
    case Cloud::UsGovernment:
        return QUrl(QStringLiteral("https://graph.microsoft.us"));
    case Cloud::China:
        return QUrl(QStringLiteral("https://microsoftgraph.chinacloudapi.cn"));
    case Cloud::Global:
        break;
    }
    return QUrl(QStringLiteral("https://graph.microsoft.com"));
}

QString TenantSettings::cloudKey(Cloud cloud)
{
    switch (cloud) {
    case Cloud::UsGovernment:
        return QStringLiteral("usgov");
    case Cloud::China:
        return QStringLiteral("china");
    case Cloud::Global:
        break;
    }
    return QStringLiteral("global");
}

TenantSettings::Cloud TenantSettings::cloudFromKey(const QString &key)
{
    if (key == QLatin1String("usgov"))
        return Cloud::UsGovernment;
    if (key == QLatin1String("china"))
        return Cloud::China;
    return Cloud::Global;
}

SignInConfiguration TenantSettings::configuration(const Values &values, const LaunchOptions &options)
{
    SignInConfiguration c;
    c.authorityUrl = options.authorityUrl.value_or(authorityUrl(values.cloud));
    c.graphUrl = options.graphUrl.value_or(graphUrl(values.cloud));
    c.tenant = options.tenant.value_or(values.tenant);
    c.clientId = options.clientId.value_or(values.clientId);
    c.redirectPort = values.redirectPort;
    return c;
}

} // namespace vigil::core
