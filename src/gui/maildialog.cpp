#include "maildialog.h"

#include "alertdetailsview.h"
#include "core/auth/signinflow.h"
#include "core/mail/mailsender.h"
#include "safehtmlview.h"
#include "theme.h"
#include "ui_maildialog.h"

#include <QCompleter>
#include <QPointer>
#include <QPushButton>

namespace vigil::gui {

MailDialog::MailDialog(core::MailSender *sender, core::SignInFlow *flow, const QList<core::Alert> &alerts, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::MailDialog>())
    , m_sender(sender)
    , m_flow(flow)
    , m_alerts(alerts)
{
    m_ui->setupUi(this);
    setWindowTitle(alerts.size() == 1 ? tr("Email Alert") : tr("Email %n Alerts", nullptr, int(alerts.size())));
    m_sendButton = m_ui->buttonBox->addButton(tr("&Send"), QDialogButtonBox::AcceptRole);
    m_sendButton->setDefault(true);

    m_preview = new SafeHtmlView(m_ui->previewContainer);
    m_ui->previewLayout->addWidget(m_preview);

    auto *completer = new QCompleter(core::MailSender::recentRecipients(), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_ui->toEdit->setCompleter(completer);
    m_ui->subjectEdit->setText(core::MailDraft::defaultSubject(alerts));

    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(250);
    connect(&m_previewTimer, &QTimer::timeout, this, &MailDialog::updatePreview);
    connect(m_ui->noteEdit, &QPlainTextEdit::textChanged, &m_previewTimer, qOverload<>(&QTimer::start));
    connect(m_ui->toEdit, &QLineEdit::textChanged, this, &MailDialog::validate);
    connect(m_ui->subjectEdit, &QLineEdit::textChanged, this, &MailDialog::validate);
    connect(m_sendButton, &QPushButton::clicked, this, &MailDialog::send);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Permission granted after the consent prompt (a new token for the signed-in user): send.
    const auto granted = [this] {
        if (m_waitingForConsent && m_flow->hasPermission(QString(core::MailSender::kPermission)))
            sendNow();
    };
    connect(m_flow, &core::SignInFlow::signedIn, this, granted);
    connect(m_flow, &core::SignInFlow::accessTokenRefreshed, this, granted);
    connect(m_flow, &core::SignInFlow::failed, this, [this](const core::TokenError &error) {
        if (!m_waitingForConsent)
            return;
        m_waitingForConsent = false;
        setBusy(false, error.userMessage());
    });
    updatePreview();
    validate();
    m_ui->toEdit->setFocus();
}

MailDialog::~MailDialog() = default;

core::MailDraft MailDialog::draft() const
{
    core::MailDraft d;
    d.recipients = m_ui->toEdit->text();
    d.subject = m_ui->subjectEdit->text();
    d.note = m_ui->noteEdit->toPlainText();
    d.saveToSentItems = m_ui->sentItemsCheck->isChecked();
    return d;
}

void MailDialog::validate()
{
    const QString problem = draft().problem();
    // An empty "To" is not worth a red sentence yet; anything typed wrongly is.
    const bool typed = !m_ui->toEdit->text().trimmed().isEmpty();
    m_ui->problemLabel->setText(typed ? problem : QString());
    m_ui->problemLabel->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::statusColor(Theme::Status::Error).name()));
    m_sendButton->setEnabled(problem.isEmpty() && !m_waitingForConsent);
}

void MailDialog::updatePreview()
{
    m_preview->setHtml(draft().htmlBody(m_alerts));
}

void MailDialog::setBusy(bool busy, const QString &message)
{
    m_ui->toEdit->setEnabled(!busy);
    m_ui->subjectEdit->setEnabled(!busy);
    m_ui->noteEdit->setEnabled(!busy);
    m_ui->sentItemsCheck->setEnabled(!busy);
    m_sendButton->setEnabled(!busy);
    m_ui->problemLabel->setText(message);
    if (!busy)
        validate();
    if (!message.isEmpty())
        m_ui->problemLabel->setText(message);
}

void MailDialog::send()
{
    const QString problem = draft().problem();
    if (!problem.isEmpty()) {
        m_ui->problemLabel->setText(problem);
        return;
    }
    if (!m_flow->hasPermission(QString(core::MailSender::kPermission))) {
        // Incremental consent: Mail.Send is asked for now, not at sign-in.
        m_waitingForConsent = true;
        setBusy(true, tr("Vigil needs your permission to send mail as you (Mail.Send). Complete the sign-in that "
                         "opened; the message is sent right after."));
        if (!m_flow->requestPermissions({QString(core::MailSender::kPermission)})) {
            m_waitingForConsent = false;
            setBusy(false, tr("The permission to send mail could not be requested."));
        }
        return;
    }
    sendNow();
}

void MailDialog::sendNow()
{
    m_waitingForConsent = false;
    setBusy(true, tr("Sending…"));
    const core::MailDraft d = draft();
    const int recipients = int(core::MailDraft::parseRecipients(d.recipients).size());
    QPointer<MailDialog> self(this);
    QCoro::connect(m_sender->send(d, m_alerts), this, [self, recipients](const core::GraphResult<bool> &result) {
        if (!self)
            return;
        if (!result.ok()) {
            self->setBusy(false, tr("Not sent: %1").arg(result.error().userMessage()));
            return;
        }
        Q_EMIT self->sent(tr("Mail sent to %n recipients.", nullptr, recipients));
        self->accept();
    });
}

} // namespace vigil::gui
