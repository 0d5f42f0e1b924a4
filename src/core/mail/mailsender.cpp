#include "mailsender.h"

#include "core/settings.h"

namespace vigil::core {

namespace {
const Setting<QStringList> kRecent{QStringLiteral("mail/recentRecipients"), {}};
constexpr int kRecentCount = 15;
} // namespace

MailSender::MailSender(GraphClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

QCoro::Task<GraphResult<bool>> MailSender::send(MailDraft draft, QList<Alert> alerts)
{
    const QJsonObject body = draft.sendMailRequest(alerts);
    QStringList path;
    path << QStringLiteral("me") << QStringLiteral("sendMail");
    const QUrl url = m_client->endpoint(path);
    GraphResponse response = co_await m_client->post(url, body);
    if (!response.ok()) {
        GraphResult<bool> failed(*response.error);
        co_return failed;
    }
    rememberRecipients(MailDraft::parseRecipients(draft.recipients));
    GraphResult<bool> sent(true);
    co_return sent;
}

QStringList MailSender::recentRecipients()
{
    return kRecent.value();
}

void MailSender::rememberRecipients(const QStringList &addresses)
{
    QStringList recent = kRecent.value();
    for (const QString &address : addresses) {
        recent.removeAll(address);
        recent.prepend(address);
    }
    kRecent.setValue(recent.mid(0, kRecentCount));
}

} // namespace vigil::core
