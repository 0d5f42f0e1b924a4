#include "alertparser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#ifdef VIGIL_HAVE_SIMDJSON
#include <simdjson.h>
#endif

namespace vigil::core {

namespace {
qint64 parseTime(const QJsonValue &value)
{
    const QByteArray utf8 = value.toString().toUtf8();
    return parseGraphTime(std::string_view(utf8.constData(), size_t(utf8.size())));
}

// Days since 1970-01-01 of a civil date (proleptic Gregorian), after H. Hinnant's algorithm.
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}
} // namespace

qint64 parseGraphTime(std::string_view t)
{
    // yyyy-MM-ddTHH:mm:ss[.f…](Z|±hh:mm)
    if (t.size() < 19 || t[4] != '-' || t[7] != '-' || (t[10] != 'T' && t[10] != ' ') || t[13] != ':' || t[16] != ':')
        return 0;
    const auto number = [&t](size_t at, size_t len, bool *ok) {
        int v = 0;
        for (size_t i = at; i < at + len; ++i) {
            if (t[i] < '0' || t[i] > '9') {
                *ok = false;
                return 0;
            }
            v = v * 10 + (t[i] - '0');
        }
        return v;
    };
    bool ok = true;
    const int year = number(0, 4, &ok), month = number(5, 2, &ok), day = number(8, 2, &ok);
    const int hour = number(11, 2, &ok), minute = number(14, 2, &ok), second = number(17, 2, &ok);
    if (!ok || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return 0;
    size_t i = 19;
    int millis = 0;
    if (i < t.size() && t[i] == '.') {
        ++i;
        int digits = 0;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') {
            if (digits < 3)
                millis = millis * 10 + (t[i] - '0');
            ++digits;
            ++i;
        }
        for (; digits < 3; ++digits)
            millis *= 10;
    }
    qint64 offsetSeconds = 0;
    if (i < t.size() && (t[i] == '+' || t[i] == '-') && i + 6 <= t.size() && t[i + 3] == ':') {
        const int oh = number(i + 1, 2, &ok), om = number(i + 4, 2, &ok);
        if (!ok)
            return 0;
        offsetSeconds = (qint64(oh) * 3600 + om * 60) * (t[i] == '-' ? -1 : 1);
    }
    const qint64 days = daysFromCivil(year, unsigned(month), unsigned(day));
    return ((days * 86400 + hour * 3600 + minute * 60 + second) - offsetSeconds) * 1000 + millis;
}

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

QString AlertParser::intern(std::string_view utf8)
{
    if (utf8.empty())
        return {};
    // Looked up by the raw bytes: no QString is made for values seen before.
    const auto it = m_utf8Pool.find(std::string(utf8));
    if (it != m_utf8Pool.end())
        return it->second;
    if (m_utf8Pool.size() > 200'000)
        m_utf8Pool.clear();
    QString value = QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
    m_utf8Pool.emplace(std::string(utf8), value);
    return value;
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
#ifdef VIGIL_HAVE_SIMDJSON
    return parsePageWithSimdjson(json);
#else
    return parsePageWithQt(json);
#endif
}

#ifdef VIGIL_HAVE_SIMDJSON
AlertPage AlertParser::parsePageWithSimdjson(const QByteArray &json)
{
    using namespace simdjson;
    AlertPage page;
    // simdjson reads up to SIMDJSON_PADDING bytes past the end: give it a padded copy.
    const padded_string padded(json.constData(), size_t(json.size()));
    thread_local ondemand::parser pageParser;
    thread_local ondemand::parser alertParser;
    const auto fail = [&page](const char *what) {
        page.alerts.clear();
        page.error = QCoreApplication::translate("AlertParser", "The answer is not a collection of alerts (%1).")
                         .arg(QLatin1String(what));
        return page;
    };
    ondemand::document doc;
    if (pageParser.iterate(padded).get(doc) != SUCCESS)
        return fail("not JSON");
    ondemand::object top;
    if (doc.get_object().get(top) != SUCCESS)
        return fail("not an object");
    bool sawValue = false;
    for (auto field : top) {
        std::string_view key;
        if (field.unescaped_key().get(key) != SUCCESS)
            return fail("bad key");
        ondemand::value v;
        if (field.value().get(v) != SUCCESS)
            return fail("bad value");
        if (key == "value") {
            ondemand::array array;
            if (v.get_array().get(array) != SUCCESS)
                return fail("value is not an array");
            sawValue = true;
            for (auto element : array) {
                ondemand::object elementObject;
                if (element.get_object().get(elementObject) != SUCCESS)
                    return fail("element is not an object");
                std::string_view raw;
                if (elementObject.raw_json().get(raw) != SUCCESS)
                    return fail("bad element");
                // Second pass over the element alone: its bytes are inside the padded page, so the
                // padding requirement holds for the slice too.
                const char *begin = raw.data();
                const size_t capacity = size_t(padded.data() + padded.size() + SIMDJSON_PADDING - begin);
                while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t'))
                    raw.remove_suffix(1);
                ondemand::document alertDoc;
                if (alertParser.iterate(begin, raw.size(), capacity).get(alertDoc) != SUCCESS)
                    continue;
                ondemand::object o;
                if (alertDoc.get_object().get(o) != SUCCESS)
                    continue;
                Alert a;
                a.api = m_api;
                for (auto f : o) {
                    std::string_view k;
                    if (f.unescaped_key().get(k) != SUCCESS)
                        break;
                    ondemand::value fv;
                    if (f.value().get(fv) != SUCCESS)
                        break;
                    std::string_view text;
                    const auto str = [&fv, &text]() { return fv.get_string().get(text) == SUCCESS; };
                    if (k == "id") {
                        if (str())
                            a.id = QString::fromUtf8(text.data(), qsizetype(text.size()));
                    } else if (k == "title") {
                        if (str())
                            a.title = intern(text);
                    } else if (k == "severity") {
                        if (str())
                            a.severity = severityFromWire(QString::fromLatin1(text.data(), qsizetype(text.size())));
                    } else if (k == "status") {
                        if (str())
                            a.status = intern(text);
                    } else if (k == "assignedTo") {
                        if (str())
                            a.assignedTo = intern(text);
                    } else if (k == "category") {
                        if (str())
                            a.category = intern(text);
                    } else if (k == "createdDateTime") {
                        if (str())
                            a.createdMs = parseGraphTime(text);
                    } else if (m_api == AlertApi::V2) {
                        if (k == "classification") {
                            if (str())
                                a.classification = intern(text);
                        } else if (k == "determination") {
                            if (str())
                                a.determination = intern(text);
                        } else if (k == "serviceSource") {
                            if (str())
                                a.serviceSource = intern(text);
                        } else if (k == "incidentId") {
                            if (str())
                                a.incidentId = intern(text);
                        } else if (k == "lastUpdateDateTime") {
                            if (str())
                                a.lastUpdatedMs = parseGraphTime(text);
                        }
                    } else {
                        if (k == "feedback") {
                            if (str())
                                a.classification = intern(text);
                        } else if (k == "lastModifiedDateTime") {
                            if (str())
                                a.lastUpdatedMs = parseGraphTime(text);
                        } else if (k == "vendorInformation") {
                            ondemand::object vendor;
                            if (fv.get_object().get(vendor) == SUCCESS) {
                                std::string_view provider;
                                if (vendor.find_field_unordered("provider").get_string().get(provider) == SUCCESS)
                                    a.serviceSource = intern(provider);
                            }
                        } else if (k == "incidentIds") {
                            ondemand::array ids;
                            if (fv.get_array().get(ids) == SUCCESS) {
                                for (auto idValue : ids) {
                                    std::string_view id;
                                    if (idValue.get_string().get(id) == SUCCESS)
                                        a.incidentId = intern(id);
                                    break;
                                }
                            }
                        }
                    }
                }
                if (a.id.isEmpty())
                    continue;
                if (a.lastUpdatedMs == 0)
                    a.lastUpdatedMs = a.createdMs;
                a.json = QByteArray(begin, qsizetype(raw.size()));
                page.alerts.append(std::move(a));
            }
        } else if (key == "@odata.nextLink") {
            std::string_view link;
            if (v.get_string().get(link) == SUCCESS)
                page.nextLink = QUrl(QString::fromUtf8(link.data(), qsizetype(link.size())), QUrl::StrictMode);
        } else if (key == "@odata.count") {
            int64_t count = 0;
            if (v.get_int64().get(count) == SUCCESS)
                page.count = count;
        }
    }
    if (!sawValue)
        return fail("no value array");
    return page;
}
#endif

AlertPage AlertParser::parsePageWithQt(const QByteArray &json)
{
    AlertPage page;
    QList<QByteArrayView> elements;
    QByteArray rest;
    if (!splitCollection(json, &elements, &rest)) {
        page.error = QCoreApplication::translate("AlertParser", "The answer is not a collection of alerts.");
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
