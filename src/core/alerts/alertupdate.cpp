#include "alertupdate.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace vigil::core {

bool AlertUpdate::isEmpty() const
{
    return !status && !classification && !determination && !assignedTo && comment.trimmed().isEmpty() && !feedback
        && !tags && !comments;
}

QStringList AlertUpdate::classifications()
{
    return {QStringLiteral("truePositive"), QStringLiteral("informationalExpectedActivity"),
            QStringLiteral("falsePositive")};
}

QStringList AlertUpdate::determinationsFor(const QString &classification)
{
    // The pairs Microsoft Defender's classify dialog offers.
    if (classification == QLatin1String("truePositive"))
        return {QStringLiteral("multiStagedAttack"), QStringLiteral("maliciousUserActivity"),
                QStringLiteral("compromisedAccount"), QStringLiteral("malware"), QStringLiteral("phishing"),
                QStringLiteral("unwantedSoftware"), QStringLiteral("apt"), QStringLiteral("other")};
    if (classification == QLatin1String("informationalExpectedActivity"))
        return {QStringLiteral("securityTesting"), QStringLiteral("lineOfBusinessApplication"),
                QStringLiteral("confirmedActivity"), QStringLiteral("securityPersonnel"), QStringLiteral("other")};
    if (classification == QLatin1String("falsePositive"))
        return {QStringLiteral("notMalicious"), QStringLiteral("notEnoughDataToValidate"), QStringLiteral("other")};
    return {};
}

QStringList AlertUpdate::statuses(AlertApi api)
{
    if (api == AlertApi::Legacy)
        return {QStringLiteral("newAlert"), QStringLiteral("inProgress"), QStringLiteral("resolved")};
    return {QStringLiteral("new"), QStringLiteral("inProgress"), QStringLiteral("resolved")};
}

QStringList AlertUpdate::feedbacks()
{
    return {QStringLiteral("unknown"), QStringLiteral("truePositive"), QStringLiteral("falsePositive"),
            QStringLiteral("benignPositive")};
}

QString AlertUpdate::problem(AlertApi api) const
{
    if (isEmpty())
        return tr("Nothing to change.");
    if (api == AlertApi::V2) {
        if (status && !statuses(api).contains(*status))
            return tr("\"%1\" is not a status of alerts.").arg(*status);
        if (determination && !determination->isEmpty()) {
            if (!classification || classification->isEmpty())
                return tr("Choose a classification together with the determination.");
            if (!determinationsFor(*classification).contains(*determination))
                return tr("The determination \"%1\" does not go with the classification \"%2\".")
                    .arg(displayDetermination(*determination), displayClassification(*classification));
        }
        if (classification && !classification->isEmpty() && !classifications().contains(*classification))
            return tr("\"%1\" is not a classification.").arg(*classification);
    } else {
        if (status && !statuses(api).contains(*status))
            return tr("\"%1\" is not a status of legacy alerts.").arg(*status);
        if (feedback && !feedbacks().contains(*feedback))
            return tr("\"%1\" is not a feedback value.").arg(*feedback);
    }
    if (assignedTo && !assignedTo->isEmpty() && !assignedTo->contains(QLatin1Char('@')))
        return tr("Assign to a user principal name such as analyst@contoso.com.");
    return {};
}

QJsonObject AlertUpdate::patchBody(const Alert &current) const
{
    QJsonObject body;
    if (status)
        body.insert(QStringLiteral("status"), *status);
    if (assignedTo)
        body.insert(QStringLiteral("assignedTo"), assignedTo->isEmpty() ? QJsonValue() : QJsonValue(*assignedTo));
    if (current.api == AlertApi::V2) {
        if (classification)
            body.insert(QStringLiteral("classification"), *classification);
        if (determination)
            body.insert(QStringLiteral("determination"), *determination);
        return body;
    }
    if (feedback)
        body.insert(QStringLiteral("feedback"), *feedback);
    if (tags)
        body.insert(QStringLiteral("tags"), QJsonArray::fromStringList(*tags));
    if (comments)
        body.insert(QStringLiteral("comments"), QJsonArray::fromStringList(*comments));
    if (status && *status == QLatin1String("resolved"))
        body.insert(QStringLiteral("closedDateTime"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    // The legacy API refuses a PATCH without the alert's provider and vendor.
    const QJsonObject vendor = QJsonDocument::fromJson(current.json).object().value(QLatin1String("vendorInformation")).toObject();
    body.insert(QStringLiteral("vendorInformation"),
                QJsonObject{{QStringLiteral("provider"), vendor.value(QLatin1String("provider"))},
                            {QStringLiteral("vendor"), vendor.value(QLatin1String("vendor"))}});
    return body;
}

} // namespace vigil::core
