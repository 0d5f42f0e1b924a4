#pragma once

#include "core/graph/graphclient.h"
#include "core/graph/graphresult.h"
#include "core/mail/maildraft.h"

#include <QObject>
#include <QStringList>

namespace vigil::core {

/// Sends alert mail as the signed-in user with POST /me/sendMail (Mail.Send, asked for the first
/// time mail is used — incremental consent — not at sign-in), and remembers recent recipients.
class MailSender final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MailSender)

public:
    static constexpr QLatin1StringView kPermission{"Mail.Send"};

    explicit MailSender(GraphClient *client, QObject *parent = nullptr);

    /// 202 Accepted gives a value; anything else the Graph error (message and request id).
    QCoro::Task<GraphResult<bool>> send(MailDraft draft, QList<Alert> alerts);

    static QStringList recentRecipients();
    static void rememberRecipients(const QStringList &addresses);

private:
    GraphClient *m_client = nullptr;
};

} // namespace vigil::core
