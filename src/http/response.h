#pragma once

#include "header.h"

class QJsonDocument;
class QJsonObject;

namespace vigil::http {

/// One HTTP response written by a RequestHandler. The server adds Content-Length, Date and
/// Connection; a handler sets everything else.
struct Response
{
    int status = 200;
    HeaderList headers;
    QByteArray body;
    bool closeConnection = false;   ///< close the connection after this response

    static Response empty(int status);
    static Response text(int status, const QByteArray &body,
                         const QByteArray &contentType = QByteArrayLiteral("text/plain; charset=utf-8"));
    static Response html(int status, const QByteArray &body);
    static Response json(int status, const QJsonObject &object);
    static Response json(int status, const QJsonDocument &document);

    /// Replace every field called `name` (case-insensitive) with one field.
    Response &setHeader(const QByteArray &name, const QByteArray &value);
    Response &addHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(QByteArrayView name) const { return headerValue(headers, name); }
};

/// The standard reason phrase for `status` ("Not Found"), or "Unknown".
QByteArray reasonPhrase(int status);

} // namespace vigil::http
