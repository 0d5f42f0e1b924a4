#include "notificationsettingspage.h"

#include "core/notifications/notificationcenter.h"
#include "ui_notificationsettingspage.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>

namespace vigil::gui {

using core::NotificationSettings;
using core::Severity;

NotificationSettingsPage::NotificationSettingsPage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::NotificationSettingsPage>())
{
    m_ui->setupUi(this);
    for (const Severity s :
         { Severity::Unknown, Severity::Informational, Severity::Low, Severity::Medium, Severity::High })
        m_ui->severityCombo->addItem(
            s == Severity::Unknown ? tr("every severity") : tr("%1 and above").arg(core::displaySeverity(s)), int(s));
    m_ui->notificationHintLabel->setText(
        tr("Microsoft Graph sends change notifications only for legacy security alerts, and only to a public HTTPS "
           "address. Behind a router, run a tunnel (ngrok, dev tunnels, cloudflared) to the listen address and enter "
           "its address as the public URL, or start Vigil with <code>--public-url</code>. The poller needs none of "
           "this and covers alerts_v2. See <a "
           "href=\"https://github.com/vigil-desktop/vigil/blob/main/docs/notifications.md\">"
           "docs/notifications.md</a>."));
    connect(m_ui->secretShow, &QToolButton::toggled, this,
            [this](bool on) { m_ui->secretEdit->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password); });
    connect(m_ui->secretCopy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(pushSecret()); });
    connect(m_ui->curlCopy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(curlCommand()); });
    connect(m_ui->secretRegenerate, &QPushButton::clicked, this, &NotificationSettingsPage::newPushSecretRequested);
    connect(m_ui->certificateBrowse, &QPushButton::clicked, this,
            [this] { browse(m_ui->certificateEdit, tr("TLS Certificate")); });
    connect(m_ui->keyBrowse, &QPushButton::clicked, this, [this] { browse(m_ui->keyEdit, tr("TLS Private Key")); });
    for (QLineEdit *edit : { m_ui->listenEdit, m_ui->publicUrlEdit, m_ui->certificateEdit, m_ui->keyEdit })
        connect(edit, &QLineEdit::textChanged, this, &NotificationSettingsPage::validate);
    connect(m_ui->receiverGroup, &QGroupBox::toggled, this, &NotificationSettingsPage::validate);
    connect(m_ui->pollerCheck, &QCheckBox::toggled, m_ui->pollSpin, &QWidget::setEnabled);
    connect(m_ui->desktopCheck, &QCheckBox::toggled, m_ui->severityCombo, &QWidget::setEnabled);
    setValues({});
}

NotificationSettingsPage::~NotificationSettingsPage() = default;

void NotificationSettingsPage::setValues(const NotificationSettings::Values &v)
{
    m_ui->receiverGroup->setChecked(v.receiverEnabled);
    m_ui->listenEdit->setText(v.listen.toString());
    m_ui->publicUrlEdit->setText(v.publicUrl.toString());
    m_ui->certificateEdit->setText(v.tlsCertificateFile);
    m_ui->keyEdit->setText(v.tlsKeyFile);
    m_ui->pollerCheck->setChecked(v.pollerEnabled);
    m_ui->pollSpin->setValue(v.pollSeconds);
    m_ui->pollSpin->setEnabled(v.pollerEnabled);
    m_ui->desktopCheck->setChecked(v.desktopNotifications);
    m_ui->severityCombo->setCurrentIndex(qMax(0, m_ui->severityCombo->findData(int(v.minimumSeverity))));
    m_ui->severityCombo->setEnabled(v.desktopNotifications);
    m_ui->retentionSpin->setValue(v.retentionCount);
    m_ui->retentionDaysSpin->setValue(v.retentionDays);
    validate();
}

NotificationSettings::Values NotificationSettingsPage::values() const
{
    NotificationSettings::Values v;
    v.receiverEnabled = m_ui->receiverGroup->isChecked();
    if (const auto listen = core::ListenAddress::parse(m_ui->listenEdit->text().trimmed()))
        v.listen = *listen;
    v.publicUrl = QUrl(m_ui->publicUrlEdit->text().trimmed(), QUrl::StrictMode);
    v.tlsCertificateFile = m_ui->certificateEdit->text().trimmed();
    v.tlsKeyFile = m_ui->keyEdit->text().trimmed();
    v.pollerEnabled = m_ui->pollerCheck->isChecked();
    v.pollSeconds = m_ui->pollSpin->value();
    v.desktopNotifications = m_ui->desktopCheck->isChecked();
    v.minimumSeverity = Severity(m_ui->severityCombo->currentData().toInt());
    v.retentionCount = m_ui->retentionSpin->value();
    v.retentionDays = m_ui->retentionDaysSpin->value();
    return v;
}

void NotificationSettingsPage::setReceiverState(const QUrl &listening)
{
    m_ui->receiverStateLabel->setText(listening.isValid()
                                          ? tr("Right now the receiver is listening on %1.").arg(listening.toString())
                                          : tr("Right now the receiver is not listening."));
}

void NotificationSettingsPage::setPush(const QUrl &pushUrl, const QString &secret)
{
    m_pushUrl = pushUrl;
    m_ui->secretEdit->setText(secret);
    updateCurl();
}

QString NotificationSettingsPage::pushSecret() const
{
    return m_ui->secretEdit->text();
}

QString NotificationSettingsPage::curlCommand() const
{
    return m_ui->curlEdit->toPlainText();
}

void NotificationSettingsPage::updateCurl()
{
    QUrl url = m_pushUrl;
    if (url.isEmpty()) {
        const auto listen = core::ListenAddress::parse(m_ui->listenEdit->text().trimmed());
        url = QUrl(
            QStringLiteral("http://127.0.0.1:%1/push").arg(listen ? listen->port : NotificationSettings::kDefaultPort));
    }
    m_ui->curlEdit->setPlainText(pushSecret().isEmpty() ? tr("The receiver has no push secret yet.")
                                                        : core::NotificationCenter::curlExample(url, pushSecret()));
}

void NotificationSettingsPage::browse(QLineEdit *edit, const QString &title)
{
    const QString file
        = QFileDialog::getOpenFileName(this, title, edit->text(), tr("PEM files (*.pem *.crt *.key);;All files (*)"));
    if (!file.isEmpty())
        edit->setText(file);
}

QStringList NotificationSettingsPage::problems() const
{
    QStringList list;
    if (!core::ListenAddress::parse(m_ui->listenEdit->text().trimmed()))
        list << tr("The listen address is HOST:PORT, for example 127.0.0.1:5000.");
    const QString publicText = m_ui->publicUrlEdit->text().trimmed();
    if (!publicText.isEmpty()) {
        const QUrl url(publicText, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            list << tr("The public URL is an address such as https://example.ngrok-free.app.");
    }
    const QString cert = m_ui->certificateEdit->text().trimmed();
    const QString key = m_ui->keyEdit->text().trimmed();
    if (cert.isEmpty() != key.isEmpty())
        list << tr("HTTPS needs both a certificate and its private key.");
    for (const QString &file : { cert, key }) {
        if (!file.isEmpty() && !QFileInfo(file).isReadable())
            list << tr("%1 cannot be read.").arg(file);
    }
    return list;
}

void NotificationSettingsPage::validate()
{
    const QStringList list = problems();
    m_ui->notificationProblemLabel->setText(list.join(QLatin1Char('\n')));
    m_ui->notificationProblemLabel->setStyleSheet(list.isEmpty() ? QString() : QStringLiteral("color: #c62828;"));
    updateCurl();
    Q_EMIT changed();
}

} // namespace vigil::gui
