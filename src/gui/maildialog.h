#pragma once

#include "core/alerts/alert.h"
#include "core/mail/maildraft.h"

#include <QDialog>
#include <QTimer>

#include <memory>

namespace Ui {
class MailDialog;
}

namespace vigil::core {
class MailSender;
class SignInFlow;
}

namespace vigil::gui {

class SafeHtmlView;

/// "Email alert…": recipients (validated, recent ones offered), subject, a personal note, Sent
/// Items, and a live preview of the exact HTML body in a safe web view. Asks for the Mail.Send
/// permission the first time (incremental consent). A failure shows Graph's message and request id
/// and keeps everything typed.
class MailDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MailDialog)

public:
    MailDialog(core::MailSender *sender, core::SignInFlow *flow, const QList<core::Alert> &alerts,
               QWidget *parent = nullptr);
    ~MailDialog() override;

    core::MailDraft draft() const;
    /// What the Send button does.
    void send();
    SafeHtmlView *preview() const { return m_preview; }

Q_SIGNALS:
    /// The message was accepted by Microsoft Graph (202).
    void sent(const QString &summary);

private:
    void validate();
    void updatePreview();
    void sendNow();
    void setBusy(bool busy, const QString &message = {});

    std::unique_ptr<Ui::MailDialog> m_ui;
    core::MailSender *m_sender = nullptr;
    core::SignInFlow *m_flow = nullptr;
    QList<core::Alert> m_alerts;
    SafeHtmlView *m_preview = nullptr;
    QPushButton *m_sendButton = nullptr;
    QTimer m_previewTimer;
    bool m_waitingForConsent = false;
};

} // namespace vigil::gui
