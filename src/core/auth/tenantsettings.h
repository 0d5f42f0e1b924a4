#pragma once

#include "core/auth/signinconfiguration.h"
#include "core/commandline.h"

namespace vigil::core {

/// The Tenant settings page: which cloud, tenant and app registration to sign in with, and how.
/// Stored with core::Setting; the command line overrides them for one run.
class TenantSettings final
{
public:
    enum class Cloud { Global, UsGovernment, China };
    enum class SignInMethod { EmbeddedWindow, SystemBrowser };

    struct Values
    {
        Cloud cloud = Cloud::Global;
        QString tenant = QStringLiteral("organizations");
        QString clientId;
        quint16 redirectPort = 0;
        SignInMethod method = SignInMethod::EmbeddedWindow;
    };

    static Values load();
    static void save(const Values &values);

    static QUrl authorityUrl(Cloud cloud);
    static QUrl graphUrl(Cloud cloud);
    static QString cloudKey(Cloud cloud);
    static Cloud cloudFromKey(const QString &key);

    /// The configuration to sign in with: the settings, overridden by the command line.
    static SignInConfiguration configuration(const Values &values, const LaunchOptions &options);
};

} // namespace vigil::core
