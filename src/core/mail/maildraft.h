#pragma once

#include "core/alerts/alert.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace vigil::core {

/// An e-mail about one or more alerts, as the mail dialog edits it, and the Graph sendMail body
/// made from it. The body is AlertReport's mail style (styles inlined), so the message shows the
/// same report as the details view.
struct MailDraft
{
    QString recipients;            ///< as typed: addresses separated by ',' or ';'
    QString subject;
    QString note;                  ///< optional personal note, plain text, shown above the report
    bool saveToSentItems = true;

    /// The addresses of `recipients`, trimmed, without duplicates; `invalid` receives the entries
    /// that are not e-mail addresses.
    static QStringList parseRecipients(const QString &text, QStringList *invalid = nullptr);
    static bool isValidAddress(const QString &address);
    /// "New alert – '<title>' (<severity>) from <service source>", or a summary line for several.
    static QString defaultSubject(const QList<Alert> &alerts);

    /// Why this draft cannot be sent (empty when it can).
    QString problem() const;
    /// The HTML body: the note, then the report of the alert or the summary of several.
    QString htmlBody(const QList<Alert> &alerts) const;
    /// The JSON body of POST /me/sendMail.
    QJsonObject sendMailRequest(const QList<Alert> &alerts) const;

    Q_DECLARE_TR_FUNCTIONS(MailDraft)
};

} // namespace vigil::core
