#include "maildraft.h"

#include "core/alerts/alertreport.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace vigil::core {

bool MailDraft::isValidAddress(const QString &address)
{
    // A practical check: local part, one @, a dotted domain, no spaces or angle brackets.
    static const QRegularExpression re(
        QStringLiteral("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                       "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"));
    return address.size() <= 254 && re.match(address).hasMatch();
}

QStringList MailDraft::parseRecipients(const QString &text, QStringList *invalid)
{
    QStringList addresses;
    static const QRegularExpression separators(QStringLiteral("[,;\\n]"));
    for (QString entry : text.split(separators, Qt::SkipEmptyParts)) {
        entry = entry.trimmed();
        // "Name <address>" is accepted and reduced to the address.
        const qsizetype lt = entry.lastIndexOf(QLatin1Char('<'));
        if (lt >= 0 && entry.endsWith(QLatin1Char('>')))
            entry = entry.mid(lt + 1, entry.size() - lt - 2).trimmed();
        if (entry.isEmpty())
            continue;
        if (!isValidAddress(entry)) {
            if (invalid)
                invalid->append(entry);
            continue;
        }
        if (!addresses.contains(entry, Qt::CaseInsensitive))
            addresses.append(entry);
    }
    return addresses;
}

QString MailDraft::defaultSubject(const QList<Alert> &alerts)
{
    if (alerts.isEmpty())
        return {};
    const Alert &a = alerts.constFirst();
    if (alerts.size() == 1) {
        return tr("New alert – '%1' (%2) from %3")
            .arg(a.title, displaySeverity(a.severity), displayServiceSource(a.serviceSource));
    }
    return tr("%n alerts – '%1' and more", nullptr, int(alerts.size())).arg(a.title);
}

QString MailDraft::problem() const
{
    QStringList invalid;
    const QStringList to = parseRecipients(recipients, &invalid);
    if (!invalid.isEmpty())
        return tr("Not an e-mail address: %1").arg(invalid.join(QStringLiteral(", ")));
    if (to.isEmpty())
        return tr("Enter at least one recipient.");
    if (to.size() > 100)
        return tr("At most 100 recipients.");
    if (subject.trimmed().isEmpty())
        return tr("Enter a subject.");
    return {};
}

QString MailDraft::htmlBody(const QList<Alert> &alerts) const
{
    QString html = alerts.size() == 1 ? AlertReport::html(alerts.constFirst(), AlertReport::Style::Mail)
                                      : AlertReport::summaryHtml(alerts, AlertReport::Style::Mail);
    const QString trimmed = note.trimmed();
    if (trimmed.isEmpty())
        return html;
    QString paragraphs;
    for (const QString &paragraph : trimmed.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts)) {
        QString escaped = paragraph.trimmed().toHtmlEscaped();
        escaped.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
        paragraphs += QStringLiteral("<p style=\"margin:0 0 12px 0;font-family:Segoe UI,Arial,sans-serif;"
                                     "font-size:14px;color:#222;\">%1</p>").arg(escaped);
    }
    // The note goes first inside <body>.
    const qsizetype body = html.indexOf(QLatin1String("<body"));
    const qsizetype open = body >= 0 ? html.indexOf(QLatin1Char('>'), body) : -1;
    if (open < 0)
        return paragraphs + html;
    return html.left(open + 1) + paragraphs + QStringLiteral("<hr style=\"border:0;border-top:1px solid #ddd;\">")
         + html.mid(open + 1);
}

QJsonObject MailDraft::sendMailRequest(const QList<Alert> &alerts) const
{
    QJsonArray to;
    for (const QString &address : parseRecipients(recipients))
        to.append(QJsonObject{{QStringLiteral("emailAddress"), QJsonObject{{QStringLiteral("address"), address}}}});
    const QJsonObject message{
        {QStringLiteral("subject"), subject.trimmed()},
        {QStringLiteral("body"), QJsonObject{{QStringLiteral("contentType"), QStringLiteral("HTML")},
                                             {QStringLiteral("content"), htmlBody(alerts)}}},
        {QStringLiteral("toRecipients"), to},
    };
    return {{QStringLiteral("message"), message}, {QStringLiteral("saveToSentItems"), saveToSentItems}};
}

} // namespace vigil::core
