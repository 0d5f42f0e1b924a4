#include "graphcontext.h"

#include "graphresponse.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace graphsim {

using vigil::http::Response;

bool GraphCall::prefers(QByteArrayView token) const
{
    for (const vigil::http::Header &h : request.headers) {
        if (QByteArrayView(h.name).compare("Prefer", Qt::CaseInsensitive) != 0)
            continue;
        const QList<QByteArray> parts = h.value.split(',');
        for (const QByteArray &p : parts) {
            if (QByteArrayView(p.trimmed()).compare(token, Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

bool GraphCall::includeUnknownEnums() const
{
    return prefers("include-unknown-enum-members");
}

bool GraphCall::hasScope(std::initializer_list<const char *> anyOf) const
{
    for (const char *scope : anyOf) {
        if (claims.scopes.contains(QLatin1StringView(scope), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

std::optional<QJsonObject> GraphCall::jsonBody(QString *error) const
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = request.body.trimmed().isEmpty()
                     ? QStringLiteral("Empty Payload. JSON content expected.")
                     : QStringLiteral("Unable to read JSON request payload. Please ensure Content-Type header is set "
                                      "and payload is of valid JSON format. (%1 at offset %2)")
                           .arg(parseError.errorString())
                           .arg(parseError.offset);
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("The request payload must be a JSON object.");
        return std::nullopt;
    }
    return doc.object();
}

Response GraphCall::error(int status, const QString &code, const QString &message) const
{
    return graphresponse::error(status, code, message, request);
}

Response GraphCall::json(int status, QByteArray body) const
{
    return graphresponse::json(status, std::move(body), request);
}

Response GraphCall::json(int status, const QJsonObject &object) const
{
    return graphresponse::json(status, QJsonDocument(object).toJson(QJsonDocument::Compact), request);
}

Response GraphCall::empty(int status) const
{
    return graphresponse::empty(status, request);
}

Response GraphCall::missingScope(std::initializer_list<const char *> anyOf, const char *code) const
{
    QStringList names;
    for (const char *s : anyOf)
        names.append(QString::fromLatin1(s));
    return error(403, QString::fromLatin1(code),
                 QStringLiteral("Missing scope permissions on the request. API requires one of '%1'. Scopes on the "
                                "request '%2'")
                     .arg(names.join(QStringLiteral(", ")), claims.scopes.join(QStringLiteral(", "))));
}

} // namespace graphsim
