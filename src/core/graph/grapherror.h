#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace vigil::core {

/// A failed Microsoft Graph call, as a value: the HTTP status, Graph's error code and message, and
/// the request id to quote to support. Never built from assumptions about the message text.
struct GraphError
{
    int httpStatus = 0;        ///< 0: no HTTP answer (network failure, cancelled)
    QString code;              ///< error.code: "BadRequest", "InvalidAuthenticationToken", …
    QString message;           ///< error.message, or the transport error
    QString requestId;         ///< innerError.request-id, or the request-id header
    QString clientRequestId;   ///< the id Vigil sent in client-request-id
    QString date;              ///< innerError.date
    double retryAfterSeconds = -1;
    bool cancelled = false;

    /// Parses Graph's OData error body; anything else becomes the message.
    static GraphError fromResponse(int status, const QByteArray &body, const QByteArray &requestIdHeader,
                                   const QString &clientRequestId);
    static GraphError network(const QString &message, const QString &clientRequestId);
    static GraphError cancelledByUser();

    /// A translated sentence with the request id and date ("… (request ID …, 2026-11-27T12:00:00)").
    QString userMessage() const;

    Q_DECLARE_TR_FUNCTIONS(GraphError)
};

/// Parses a Retry-After header: seconds, possibly fractional ("2.128"), or an HTTP date. -1 if absent or invalid.
double parseRetryAfter(const QByteArray &value);

} // namespace vigil::core
