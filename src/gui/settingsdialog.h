#pragma once

#include "core/auth/tenantsettings.h"

#include <QDialog>

#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace vigil::gui {

/// Settings, one tab per area. Values are checked as they are typed; OK is only possible with
/// valid values, and nothing is written until OK. The General tab's language is written by the
/// dialog itself on OK: it takes effect at the next start, so nothing else needs to react.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    /// `overriddenByCommandLine` lists settings the command line overrides for this run (shown as a note).
    explicit SettingsDialog(const core::TenantSettings::Values &values, const QStringList &overriddenByCommandLine,
                            QWidget *parent = nullptr);
    ~SettingsDialog() override;

    core::TenantSettings::Values tenantValues() const;
    bool useLegacyAlertsApi() const;
    void setUseLegacyAlertsApi(bool on);

private:
    void validate();
    void saveLanguage();

    std::unique_ptr<Ui::SettingsDialog> m_ui;
};

} // namespace vigil::gui
