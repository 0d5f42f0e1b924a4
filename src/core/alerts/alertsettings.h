#pragma once

#include "core/settings.h"

namespace vigil::core {

/// Settings of the Alerts page (Settings → Alerts).
struct AlertSettings
{
    /// Use the legacy /security/alerts API instead of alerts_v2 (retired by Microsoft on 2026-08-31;
    /// still served by some clouds and by the simulator). Needs SecurityEvents.ReadWrite.All.
    static const Setting<bool> &useLegacyApi()
    {
        static const Setting<bool> setting{QStringLiteral("alerts/useLegacyApi"), false};
        return setting;
    }
};

} // namespace vigil::core
