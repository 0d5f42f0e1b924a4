#include "graphresponse.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace graphsim::graphresponse {

using vigil::http::Request;
using vigil::http::Response;

QByteArray newRequestId()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

QString origin(const Request &request, const QUrl &fallback)
{
    const QString scheme = request.secure ? QStringLiteral("https") : QStringLiteral("http");
    const QByteArray host = request.header("Host").trimmed();
    // Only a plain host[:port] is echoed back; anything else falls back to the bound address.
    static const auto valid = [](const QByteArray &h) {
        if (h.isEmpty() || h.size() > 255)
            return false;
        for (char c : h) {
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '['
                  || c == ']'))
                return false;
        }
        return true;
    };
    if (valid(host))
        return scheme + QStringLiteral("://") + QString::fromLatin1(host);
    QUrl url = fallback;
    url.setScheme(scheme);
    return url.toString(QUrl::RemovePath | QUrl::StripTrailingSlash);
}

void addStandardHeaders(Response &response, const Request &request, const QByteArray &requestId)
{
    response.setHeader("request-id", requestId);
    const QByteArray clientRequestId = request.header("client-request-id");
    response.setHeader("client-request-id", clientRequestId.isEmpty() ? requestId : clientRequestId);
    response.setHeader("x-ms-ags-diagnostic",
                       QByteArrayLiteral("{\"ServerInfo\":{\"DataCenter\":\"Local\",\"Slice\":\"E\",\"Ring\":\"SIM\","
                                         "\"ScaleUnit\":\"000\",\"RoleInstance\":\"GRAPHSIM\"}}"));
    response.setHeader("Strict-Transport-Security", "max-age=31536000");
    response.setHeader("Cache-Control", "no-cache");
}

Response json(int status, QByteArray body, const Request &request)
{
    Response r = Response::text(status, body,
                                QByteArrayLiteral("application/json;odata.metadata=minimal;odata.streaming=true;"
                                                  "IEEE754Compatible=false;charset=utf-8"));
    r.setHeader("OData-Version", "4.0");
    addStandardHeaders(r, request, newRequestId());
    return r;
}

Response error(int status, const QString &code, const QString &message, const Request &request)
{
    const QByteArray requestId = newRequestId();
    const QByteArray clientRequestId = request.header("client-request-id");
    QJsonObject inner{
        {QStringLiteral("date"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {QStringLiteral("request-id"), QString::fromLatin1(requestId)},
        {QStringLiteral("client-request-id"),
         QString::fromLatin1(clientRequestId.isEmpty() ? requestId : clientRequestId)},
    };
    const QJsonObject body{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code},
                                                                 {QStringLiteral("message"), message},
                                                                 {QStringLiteral("innerError"), inner}}}};
    Response r = Response::text(status, QJsonDocument(body).toJson(QJsonDocument::Compact),
                                QByteArrayLiteral("application/json"));
    addStandardHeaders(r, request, requestId);
    return r;
}

Response empty(int status, const Request &request)
{
    Response r = Response::empty(status);
    addStandardHeaders(r, request, newRequestId());
    return r;
}

Response tooManyRequests(double retryAfterSeconds, const Request &request)
{
    const QByteArray requestId = newRequestId();
    const QJsonObject inner{
        {QStringLiteral("code"), QStringLiteral("429")},
        {QStringLiteral("date"), QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))},
        {QStringLiteral("message"), QStringLiteral("Please retry after")},
        {QStringLiteral("request-id"), QString::fromLatin1(requestId)},
        {QStringLiteral("status"), QStringLiteral("429")},
    };
    const QJsonObject body{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QStringLiteral("TooManyRequests")},
                                                                 {QStringLiteral("innerError"), inner},
                                                                 {QStringLiteral("message"),
                                                                  QStringLiteral("Please retry again later.")}}}};
    Response r = Response::text(429, QJsonDocument(body).toJson(QJsonDocument::Compact),
                                QByteArrayLiteral("application/json"));
    addStandardHeaders(r, request, requestId);
    QByteArray seconds = QByteArray::number(retryAfterSeconds, 'f', 3);
    while (seconds.endsWith('0'))
        seconds.chop(1);
    if (seconds.endsWith('.'))
        seconds.chop(1);
    r.setHeader("Retry-After", seconds.isEmpty() || seconds == "0" ? QByteArrayLiteral("1") : seconds);
    return r;
}

QList<std::pair<QString, QString>> queryItems(const Request &request)
{
    return vigil::http::parseFormUrlEncoded(request.rawQuery());
}

} // namespace graphsim::graphresponse
