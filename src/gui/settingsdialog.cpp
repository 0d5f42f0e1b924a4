#include "settingsdialog.h"

#include "notificationsettingspage.h"
#include "ui_settingsdialog.h"

#include "core/settings.h"

#include <QPushButton>

namespace vigil::gui {

using core::TenantSettings;

namespace {
// The user interface language: a locale name ("en", "zh_CN"), or empty for the system language.
// main.cpp reads it once at start-up, so a change applies after a restart.
const core::Setting<QString> kLanguage{QStringLiteral("ui/language"), {}};
} // namespace

SettingsDialog::SettingsDialog(const TenantSettings::Values &values, const QStringList &overriddenByCommandLine,
                               QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
{
    m_ui->setupUi(this);
    // Languages are named in their own language, so that everyone finds theirs.
    m_ui->languageCombo->addItem(tr("System"), QString());
    m_ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_ui->languageCombo->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    const QString language = kLanguage.value();
    if (m_ui->languageCombo->findData(language) < 0)
        m_ui->languageCombo->addItem(language, language);
    m_ui->languageCombo->setCurrentIndex(m_ui->languageCombo->findData(language));
    m_ui->cloudCombo->addItem(tr("Global (login.microsoftonline.com)"), int(TenantSettings::Cloud::Global));
    m_ui->cloudCombo->addItem(tr("US Government (login.microsoftonline.us)"), int(TenantSettings::Cloud::UsGovernment));
    m_ui->cloudCombo->addItem(tr("China, operated by 21Vianet (login.chinacloudapi.cn)"), int(TenantSettings::Cloud::China));
    m_ui->methodCombo->addItem(tr("A window inside Vigil"), int(TenantSettings::SignInMethod::EmbeddedWindow));
    m_ui->methodCombo->addItem(tr("My web browser"), int(TenantSettings::SignInMethod::SystemBrowser));

    m_ui->cloudCombo->setCurrentIndex(m_ui->cloudCombo->findData(int(values.cloud)));
    m_ui->tenantEdit->setText(values.tenant);
    m_ui->clientIdEdit->setText(values.clientId);
    m_ui->portSpin->setValue(values.redirectPort);
    m_ui->methodCombo->setCurrentIndex(m_ui->methodCombo->findData(int(values.method)));

    QString hint = tr("Register Vigil in Microsoft Entra ID as a \"Mobile and desktop applications\" platform with "
                      "the redirect URI <b>http://localhost/login/authorized</b> (see the README). Entra ignores "
                      "the port of loopback redirect URIs.");
    if (!overriddenByCommandLine.isEmpty())
        hint += QStringLiteral("<p>")
              + tr("For this run the command line overrides: %1.").arg(overriddenByCommandLine.join(QStringLiteral(", ")))
              + QStringLiteral("</p>");
    m_ui->hintLabel->setText(hint);

    connect(m_ui->tenantEdit, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_ui->clientIdEdit, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_ui->notificationsPage, &NotificationSettingsPage::changed, this, &SettingsDialog::validate);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(this, &QDialog::accepted, this, &SettingsDialog::saveLanguage);
    validate();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::validate()
{
    QStringList problems;
    const QString tenant = m_ui->tenantEdit->text().trimmed();
    const QString clientId = m_ui->clientIdEdit->text().trimmed();
    if (!core::CommandLine::isValidTenant(tenant))
        problems << tr("The tenant must be \"organizations\", a tenant ID (GUID) or a domain such as contoso.onmicrosoft.com.");
    if (!clientId.isEmpty() && !core::CommandLine::isValidGuid(clientId))
        problems << tr("The application (client) ID is a GUID such as 00001111-aaaa-2222-bbbb-3333cccc4444.");
    const auto mark = [](QWidget *w, bool bad) {
        w->setStyleSheet(bad ? QStringLiteral("border: 1px solid #c62828;") : QString());
    };
    mark(m_ui->tenantEdit, !core::CommandLine::isValidTenant(tenant));
    mark(m_ui->clientIdEdit, !clientId.isEmpty() && !core::CommandLine::isValidGuid(clientId));
    if (problems.isEmpty() && clientId.isEmpty())
        m_ui->problemLabel->setText(tr("Without an application (client) ID Vigil cannot sign in."));
    else
        m_ui->problemLabel->setText(problems.join(QLatin1Char('\n')));
    m_ui->problemLabel->setStyleSheet(problems.isEmpty() ? QString() : QStringLiteral("color: #c62828;"));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(problems.isEmpty()
                                                              && m_ui->notificationsPage->problems().isEmpty());
}

bool SettingsDialog::useLegacyAlertsApi() const
{
    return m_ui->legacyCheck->isChecked();
}

void SettingsDialog::setUseLegacyAlertsApi(bool on)
{
    m_ui->legacyCheck->setChecked(on);
}

void SettingsDialog::saveLanguage()
{
    const QString language = m_ui->languageCombo->currentData().toString();
    if (language.isEmpty())
        kLanguage.reset();
    else
        kLanguage.setValue(language);
}

TenantSettings::Values SettingsDialog::tenantValues() const
{
    TenantSettings::Values v;
    v.cloud = TenantSettings::Cloud(m_ui->cloudCombo->currentData().toInt());
    v.tenant = m_ui->tenantEdit->text().trimmed();
    v.clientId = m_ui->clientIdEdit->text().trimmed();
    v.redirectPort = quint16(m_ui->portSpin->value());
    v.method = TenantSettings::SignInMethod(m_ui->methodCombo->currentData().toInt());
    return v;
}

} // namespace vigil::gui
