#pragma once

#include "tokenservice.h"

#include "http/request.h"
#include "http/response.h"

#include <QJsonObject>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

namespace graphsim {

class AlertSerializer;
class Clock;
class Dataset;

/// What a Graph endpoint handler gets for one request: the data, the caller's verified token and
/// helpers for the shapes every answer shares.
struct GraphCall
{
    vigil::http::Request request;
    QStringList segments;           ///< path after /v1.0/, split, as sent
    QString version;                ///< "v1.0" or "beta"
    TokenClaims claims;
    QString origin;                 ///< scheme://host:port as the client used it

    /// origin + "/" + version + "/" + rest
    QString url(const QString &rest) const { return origin + u'/' + version + u'/' + rest; }
    bool includeUnknownEnums() const;
    bool prefers(QByteArrayView token) const;
    bool hasScope(std::initializer_list<const char *> anyOf) const;
    /// Parses the body as a JSON object; on failure sets `error` to a sentence.
    std::optional<QJsonObject> jsonBody(QString *error) const;

    vigil::http::Response error(int status, const QString &code, const QString &message) const;
    vigil::http::Response json(int status, QByteArray body) const;
    vigil::http::Response json(int status, const QJsonObject &object) const;
    vigil::http::Response empty(int status) const;
    /// 403 for a missing permission, naming the ones that would do.
    vigil::http::Response missingScope(std::initializer_list<const char *> anyOf, const char *code = "Forbidden") const;
};

} // namespace graphsim
