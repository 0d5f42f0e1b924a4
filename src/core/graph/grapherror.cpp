#include "grapherror.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace vigil::core {

GraphError GraphError::fromResponse(int status, const QByteArray &body, const QByteArray &requestIdHeader,
                                    const QString &clientRequestId)
{
    GraphError e;
    e.httpStatus = status;
    e.clientRequestId = clientRequestId;
    e.requestId = QString::fromLatin1(requestIdHeader);
    const QJsonObject error = QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toObject();
    if (error.isEmpty()) {
        e.message = QString::fromUtf8(body.left(300)).trimmed();
        return e;
    }
    e.code = error.value(QLatin1String("code")).toString();
    e.message = error.value(QLatin1String("message")).toString();
    QJsonObject inner = error.value(QLatin1String("innerError")).toObject();
    if (inner.isEmpty())
        inner = error.value(QLatin1String("innererror")).toObject();
    if (const QString id = inner.value(QLatin1String("request-id")).toString(); !id.isEmpty())
        e.requestId = id;
    e.date = inner.value(QLatin1String("date")).toString();
    return e;
}

GraphError GraphError::network(const QString &message, const QString &clientRequestId)
{
    GraphError e;
    e.message = message;
    e.clientRequestId = clientRequestId;
    return e;
}

GraphError GraphError::cancelledByUser()
{
    GraphError e;
    e.cancelled = true;
    e.message = tr("Cancelled.");
    return e;
}

QString GraphError::userMessage() const
{
    QString sentence;
    switch (httpStatus) {
    case 0:
        sentence = cancelled ? message : tr("Microsoft Graph could not be reached: %1").arg(message);
        break;
    case 401:
        sentence = tr("Microsoft Graph did not accept the sign-in (%1). Sign in again.").arg(message);
        break;
    case 403:
        sentence = tr("Access denied: %1 Check that the app has the permission (with admin consent) and that your "
                      "account has a security role such as Security Reader or Security Operator.").arg(message);
        break;
    case 404:
        sentence = tr("Not found: %1").arg(message);
        break;
    case 429:
        sentence = tr("Microsoft Graph is throttling requests: %1").arg(message);
        break;
    default:
        sentence = message.isEmpty() ? tr("Microsoft Graph answered with HTTP %1.").arg(httpStatus)
                                     : tr("Microsoft Graph: %1").arg(message);
        break;
    }
    QStringList details;
    if (!code.isEmpty())
        details << code;
    if (!requestId.isEmpty())
        details << tr("request ID %1").arg(requestId);
    if (!date.isEmpty())
        details << date;
    return details.isEmpty() ? sentence : sentence + QStringLiteral(" (") + details.join(QStringLiteral(", ")) + QLatin1Char(')');
}

double parseRetryAfter(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return -1;
    bool ok = false;
    const double seconds = trimmed.toDouble(&ok);
    if (ok)
        return seconds >= 0 ? seconds : -1;
    const QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(trimmed), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    if (!when.isValid())
        return -1;
    QDateTime utc = when;
    utc.setTimeSpec(Qt::UTC);
    return qMax<double>(0, double(QDateTime::currentDateTimeUtc().msecsTo(utc)) / 1000.0);
}

} // namespace vigil::core
