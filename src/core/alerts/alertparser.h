#pragma once

#include "core/alerts/alert.h"

#include <QHash>
#include <QList>
#include <QUrl>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace vigil::core {

/// One page of a Graph collection, parsed.
struct AlertPage
{
    QList<Alert> alerts;
    QUrl nextLink;                  ///< empty on the last page
    std::optional<qint64> count;    ///< @odata.count when asked for
    QString error;                  ///< set when the page is not a valid collection
};

/// Turns Graph JSON into Alert values. Safe to run on a worker thread (one page at a time per
/// parser). Keeps each alert's JSON as the exact bytes received, without re-serialising, and
/// shares the storage of strings that repeat across alerts.
class AlertParser final
{
public:
    explicit AlertParser(AlertApi api) : m_api(api) {}

    AlertPage parsePage(const QByteArray &json);
    /// One alert object (GET by id, PATCH answer). nullopt if it is not an alert.
    std::optional<Alert> parseAlert(const QByteArray &json);

private:
    QString intern(const QString &value);
    QString intern(std::string_view utf8);
    AlertPage parsePageWithQt(const QByteArray &json);
#ifdef VIGIL_HAVE_SIMDJSON
    AlertPage parsePageWithSimdjson(const QByteArray &json);
#endif

    AlertApi m_api;
    QHash<QString, QString> m_pool;
    std::unordered_map<std::string, QString> m_utf8Pool;
};

/// Milliseconds since the epoch of an ISO 8601 UTC time as Graph writes it
/// ("2026-11-27T13:00:31.7202180Z", fractions of any length, "Z" or "+00:00"); 0 if not one.
qint64 parseGraphTime(std::string_view text);

/// Splits the top-level "value" array of a collection page into the raw bytes of its elements and
/// returns the page without them ("value":[]), for reading @odata.nextLink and @odata.count.
/// False if the text is not a JSON object with such an array.
bool splitCollection(const QByteArray &json, QList<QByteArrayView> *elements, QByteArray *rest);

} // namespace vigil::core
