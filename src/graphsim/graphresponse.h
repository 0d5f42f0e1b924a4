#pragma once

#include "http/request.h"
#include "http/response.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace graphsim {

/// Building blocks every Graph answer shares: request ids, the OData JSON content type, the
/// `{"error":{code,message,innerError}}` body, and absolute URLs on the host the client used.
namespace graphresponse {

/// A fresh request id (GUID).
QByteArray newRequestId();

/// "http(s)://host:port" as the client addressed this server (Host header, TLS or not).
QString origin(const vigil::http::Request &request, const QUrl &fallback);

/// A Graph JSON answer: body as given, OData headers, request-id / client-request-id.
vigil::http::Response json(int status, QByteArray body, const vigil::http::Request &request);

/// A Graph error answer with the documented body shape.
vigil::http::Response error(int status, const QString &code, const QString &message,
                            const vigil::http::Request &request);

/// An empty Graph answer (202, 204) carrying the request id headers.
vigil::http::Response empty(int status, const vigil::http::Request &request);

/// Adds request-id, client-request-id (echoed), x-ms-ags-diagnostic-like headers.
void addStandardHeaders(vigil::http::Response &response, const vigil::http::Request &request,
                        const QByteArray &requestId);

/// The 429 answer of the throttling doc: Retry-After (seconds, may be fractional) and the
/// TooManyRequests body with its innerError.
vigil::http::Response tooManyRequests(double retryAfterSeconds, const vigil::http::Request &request);

/// Fields of a query string with '+' read as a space (OData clients send either %20 or '+').
QList<std::pair<QString, QString>> queryItems(const vigil::http::Request &request);

} // namespace graphresponse
} // namespace graphsim
