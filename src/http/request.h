#pragma once

#include "header.h"

#include <QHostAddress>
#include <QString>
#include <QUrlQuery>

namespace vigil::http {

/// A complete, parsed HTTP/1.x request. Produced by RequestParser, handed to a RequestHandler.
struct Request
{
    QByteArray method;          ///< "GET", "POST", … as sent
    QByteArray target;          ///< the raw request-target, e.g. "/v1.0/me?$select=id"
    int versionMajor = 1;
    int versionMinor = 1;
    HeaderList headers;
    QByteArray body;
    bool keepAlive = true;      ///< what the client asked for (HTTP/1.1 default, Connection header)

    QHostAddress peerAddress;   ///< filled in by the server
    quint16 peerPort = 0;
    bool secure = false;        ///< received over TLS

    /// Percent-decoded path of the target, without the query ("/v1.0/me").
    QString path() const;
    /// The query part of the target, still percent-encoded ("$select=id").
    QByteArray rawQuery() const;
    /// The query as a QUrlQuery; read values with QUrl::FullyDecoded.
    QUrlQuery query() const;
    /// Value of one query parameter, fully decoded; `+` stays `+` as in RFC 3986 queries.
    QString queryValue(const QString &key) const;

    QByteArray header(QByteArrayView name) const { return headerValue(headers, name); }
    bool hasHeader(QByteArrayView name) const { return headerCount(headers, name) > 0; }
};

/// Fields of an application/x-www-form-urlencoded body ('+' is a space there), in order.
QList<std::pair<QString, QString>> parseFormUrlEncoded(QByteArrayView body);

} // namespace vigil::http
