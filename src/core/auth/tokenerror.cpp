#include "tokenerror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace vigil::core {

TokenError TokenError::fromResponse(int httpStatus, const QByteArray &body)
{
    TokenError e;
    e.httpStatus = httpStatus;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        e.error = QStringLiteral("http_%1").arg(httpStatus);
        e.description = QString::fromUtf8(body.left(500)).trimmed();
        return e;
    }
    const QJsonObject o = doc.object();
    e.error = o.value(QLatin1String("error")).toString();
    e.description = o.value(QLatin1String("error_description")).toString();
    const QJsonArray codes = o.value(QLatin1String("error_codes")).toArray();
    for (const QJsonValue &code : codes)
        e.codes.append(code.toInt());
    e.traceId = o.value(QLatin1String("trace_id")).toString();
    e.correlationId = o.value(QLatin1String("correlation_id")).toString();
    e.timestamp = o.value(QLatin1String("timestamp")).toString();
    return e;
}

TokenError TokenError::networkFailure(const QString &message)
{
    TokenError e;
    e.error = QStringLiteral("network_error");
    e.description = message;
    return e;
}

int TokenError::aadstsCode() const
{
    if (!codes.isEmpty())
        return codes.constFirst();
    static const QRegularExpression re(QStringLiteral("AADSTS(\\d+)"));
    const QRegularExpressionMatch m = re.match(description);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

bool TokenError::requiresInteractiveSignIn() const
{
    if (error == QLatin1String("invalid_grant") || error == QLatin1String("interaction_required")
        || error == QLatin1String("consent_required") || error == QLatin1String("login_required"))
        return true;
    switch (aadstsCode()) {
    case 50076: case 50079: case 50173: case 54005: case 65001: case 70008: case 700082: case 70043:
        return true;
    default:
        return false;
    }
}

QString TokenError::advice() const
{
    switch (aadstsCode()) {
    case 50011:
        return tr("The redirect URI Vigil uses is not registered for this application. In the app registration, "
                  "under Authentication, add the platform \"Mobile and desktop applications\" with the redirect URI "
                  "http://localhost/login/authorized.");
    case 65001:
    case 65004:
        return tr("The permissions Vigil needs have not been granted. Ask an administrator to grant admin consent for "
                  "the app registration (API permissions → Grant admin consent), or use Account → Request admin "
                  "consent.");
    case 7000218:
        return tr("The app registration treats Vigil as a web application, which needs a client secret. Register the "
                  "redirect URI under \"Mobile and desktop applications\" instead of \"Web\", and set \"Allow public "
                  "client flows\" to Yes.");
    case 700025:
        return tr("The sign-in request carried a client secret, which a desktop (public) client must not send. "
                  "Remove any secret from Vigil's configuration.");
    case 50076:
    case 50079:
        return tr("Your organisation requires multi-factor authentication. Sign in again and complete the second step; "
                  "if the embedded window cannot show it, use \"Use my browser instead\".");
    case 53003:
        return tr("A Conditional Access policy blocked the sign-in (for example: device not compliant, or location not "
                  "allowed). Ask your administrator which policy applies to Vigil.");
    case 700016:
        return tr("No application with this client ID exists in the tenant. Check the client ID and the tenant in "
                  "Settings.");
    case 90002:
    case 90023:
        return tr("The tenant was not found. Check the tenant name or ID in Settings.");
    case 501481:
        return tr("The sign-in could not be verified (PKCE check failed). Sign in again.");
    case 70008:
    case 700082:
        return tr("Your sign-in has expired. Sign in again.");
    case 54005:
    case 70000:
        return tr("The sign-in code was already used or is invalid. Sign in again.");
    default:
        break;
    }
    if (httpStatus == 0)
        return tr("The sign-in service could not be reached: %1").arg(description);
    if (requiresInteractiveSignIn())
        return tr("Your sign-in is no longer valid. Sign in again.");
    return tr("Sign-in failed: %1").arg(description.section(QLatin1Char('\n'), 0, 0).trimmed());
}

QString TokenError::userMessage() const
{
    QStringList details;
    if (const int code = aadstsCode())
        details << QStringLiteral("AADSTS%1").arg(code);
    if (!error.isEmpty())
        details << error;
    if (!traceId.isEmpty())
        details << tr("trace ID %1").arg(traceId);
    if (!correlationId.isEmpty())
        details << tr("correlation ID %1").arg(correlationId);
    if (details.isEmpty())
        return advice();
    return advice() + QStringLiteral("\n(") + details.join(QStringLiteral(", ")) + QLatin1Char(')');
}

} // namespace vigil::core
