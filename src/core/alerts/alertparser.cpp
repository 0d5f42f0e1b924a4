#include "alertparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigil::core {

namespace {
qint64 parseTime(const QJsonValue &value)
{
    const QString text = value.toString();
    if (text.isEmpty())
        return 0;
    // Graph sends 7 fractional digits, which Qt::ISODateWithMs does not take: cut to milliseconds.
    QString trimmed = text;
    const qsizetype dot = trimmed.indexOf(QLatin1Char('.'));
    if (dot > 0) {
        qsizetype end = dot + 1;
        while (end < trimmed.size() && trimmed.at(end).isDigit())
            ++end;
        trimmed = trimmed.left(qMin(end, dot + 4)) + trimmed.mid(end);
    }
    QDateTime t = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}
} // namespace

bool splitCollection(const QByteArray &json, QList<QByteArrayView> *elements, QByteArray *rest)
{
    const char *data = json.constData();
    const qsizetype n = json.size();
    qsizetype i = 0;
    const auto skipSpace = [&] {
        while (i < n && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t'))
            ++i;
    };
    // Skips a string starting at data[i] == '"'; leaves i after the closing quote.
    const auto skipString = [&]() -> bool {
        ++i;
        while (i < n) {
            if (data[i] == '\\') {
                i += 2;
                continue;
            }
            if (data[i] == '"') {
                ++i;
                return true;
            }
            ++i;
        }
        return false;
    };
    // Skips any value; leaves i after it.
    const auto skipValue = [&]() -> bool {
        skipSpace();
        if (i >= n)
            return false;
        if (data[i] == '"')
            return skipString();
        if (data[i] == '{' || data[i] == '[') {
            int depth = 0;
            while (i < n) {
                const char c = data[i];
                if (c == '"') {
                    if (!skipString())
                        return false;
                    continue;
                }
                if (c == '{' || c == '[')
                    ++depth;
                else if (c == '}' || c == ']') {
                    if (--depth == 0) {
                        ++i;
                        return true;
                    }
                }
                ++i;
            }
            return false;
        }
        while (i < n && data[i] != ',' && data[i] != '}' && data[i] != ']')
            ++i;
        return true;
    };

    skipSpace();
    if (i >= n || data[i] != '{')
        return false;
    ++i;
    bool found = false;
    while (true) {
        skipSpace();
        if (i >= n)
            return false;
        if (data[i] == '}')
            break;
        if (data[i] == ',') {
            ++i;
            continue;
        }
        if (data[i] != '"')
            return false;
        const qsizetype keyStart = i;
        if (!skipString())
            return false;
        const QByteArrayView key(data + keyStart + 1, i - keyStart - 2);
        skipSpace();
        if (i >= n || data[i] != ':')
            return false;
        ++i;
        skipSpace();
        if (key == "value" && i < n && data[i] == '[') {
            const qsizetype arrayStart = i;
            ++i;
            while (true) {
                skipSpace();
                if (i >= n)
                    return false;
                if (data[i] == ']') {
                    ++i;
                    break;
                }
                if (data[i] == ',') {
                    ++i;
                    continue;
                }
                const qsizetype start = i;
                if (!skipValue())
                    return false;
                elements->append(QByteArrayView(data + start, i - start));
            }
            *rest = json.left(arrayStart) + "[]" + json.mid(i);
            found = true;
            continue;
        }
        if (!skipValue())
            return false;
    }
    return found;
}

QString AlertParser::intern(const QString &value)
{
    if (value.isEmpty())
        return {};
    const auto it = m_pool.constFind(value);
    if (it != m_pool.constEnd())
        return *it;
    if (m_pool.size() > 200'000)
        m_pool.clear();  // unbounded variety (ids in titles, …): stop sharing rather than grow forever
    m_pool.insert(value, value);
    return value;
}

std::optional<Alert> AlertParser::parseAlert(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    Alert a;
    a.id = o.value(QLatin1String("id")).toString();
    if (a.id.isEmpty())
        return std::nullopt;
    a.api = m_api;
    a.title = intern(o.value(QLatin1String("title")).toString());
    a.severity = severityFromWire(o.value(QLatin1String("severity")).toString());
    a.status = intern(o.value(QLatin1String("status")).toString());
    a.assignedTo = intern(o.value(QLatin1String("assignedTo")).toString());
    a.category = intern(o.value(QLatin1String("category")).toString());
    a.createdMs = parseTime(o.value(QLatin1String("createdDateTime")));
    if (m_api == AlertApi::V2) {
        a.classification = intern(o.value(QLatin1String("classification")).toString());
        a.determination = intern(o.value(QLatin1String("determination")).toString());
        a.serviceSource = intern(o.value(QLatin1String("serviceSource")).toString());
        a.incidentId = intern(o.value(QLatin1String("incidentId")).toString());
        a.lastUpdatedMs = parseTime(o.value(QLatin1String("lastUpdateDateTime")));
    } else {
        a.classification = intern(o.value(QLatin1String("feedback")).toString());
        a.serviceSource = intern(o.value(QLatin1String("vendorInformation")).toObject().value(QLatin1String("provider")).toString());
        const QJsonArray incidents = o.value(QLatin1String("incidentIds")).toArray();
        a.incidentId = incidents.isEmpty() ? QString() : intern(incidents.first().toString());
        a.lastUpdatedMs = parseTime(o.value(QLatin1String("lastModifiedDateTime")));
    }
    if (a.lastUpdatedMs == 0)
        a.lastUpdatedMs = a.createdMs;
    a.json = json;
    return a;
}

AlertPage AlertParser::parsePage(const QByteArray &json)
{
    AlertPage page;
    QList<QByteArrayView> elements;
    QByteArray rest;
    if (!splitCollection(json, &elements, &rest)) {
        page.error = QStringLiteral("The answer is not a collection of alerts.");
        return page;
    }
    const QJsonObject envelope = QJsonDocument::fromJson(rest).object();
    page.nextLink = QUrl(envelope.value(QLatin1String("@odata.nextLink")).toString(), QUrl::StrictMode);
    if (envelope.contains(QLatin1String("@odata.count")))
        page.count = envelope.value(QLatin1String("@odata.count")).toInteger();
    page.alerts.reserve(elements.size());
    for (const QByteArrayView element : std::as_const(elements)) {
        if (auto alert = parseAlert(element.toByteArray()))
            page.alerts.append(std::move(*alert));
    }
    return page;
}

} // namespace vigil::core
