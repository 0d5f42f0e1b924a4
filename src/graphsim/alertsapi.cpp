#include "alertsapi.h"

#include "alertserializer.h"
#include "clock.h"
#include "dataset.h"
#include "graphcontext.h"
#include "graphenum.h"
#include "jsonwriter.h"
#include "listquery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAlerts, "graphsim.alerts", QtInfoMsg)

namespace graphsim {

using vigil::http::Response;

namespace {
const QStringList kAlertProperties{
    QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("description"), QStringLiteral("category"),
    QStringLiteral("detectionSource"), QStringLiteral("incidentId"), QStringLiteral("productName"),
    QStringLiteral("resolvedDateTime"), QStringLiteral("firstActivityDateTime"), QStringLiteral("lastActivityDateTime"),
    QStringLiteral("mitreTechniques"), QStringLiteral("evidence"), QStringLiteral("comments"),
    QStringLiteral("tenantId"), QStringLiteral("providerAlertId"), QStringLiteral("threatDisplayName"),
    QStringLiteral("threatFamilyName"), QStringLiteral("actorDisplayName"), QStringLiteral("detectorId")};

QString roleSentence()
{
    return QStringLiteral("The signed-in user needs the Security Reader, Security Operator or Security Administrator "
                          "role in Microsoft Entra ID to read security data, and Security Operator or Security "
                          "Administrator to update it.");
}
} // namespace

AlertsApi::AlertsApi(Dataset *dataset, const Clock *clock, const AlertSerializer *serializer)
    : m_dataset(dataset)
    , m_clock(clock)
    , m_serializer(serializer)
    , m_alertFilter(QStringLiteral("microsoft.graph.security.alert"),
                    {
                        {QStringLiteral("assignedTo"), FilterField::Type::String, nullptr, {}, {},
                         [dataset](int i) { return dataset->string(dataset->alert(i).assignedTo); }, {}, {}},
                        {QStringLiteral("classification"), FilterField::Type::Enum, &enums::alertClassification(),
                         [dataset](int i) { return int(dataset->alert(i).classification); }, {}, {}, {}, {}},
                        {QStringLiteral("determination"), FilterField::Type::Enum, &enums::alertDetermination(),
                         [dataset](int i) { return int(dataset->alert(i).determination); }, {}, {}, {}, {}},
                        {QStringLiteral("createdDateTime"), FilterField::Type::DateTime, nullptr, {},
                         [dataset](int i) { return dataset->alert(i).createdTicks; }, {}, {}, {}},
                        {QStringLiteral("lastUpdateDateTime"), FilterField::Type::DateTime, nullptr, {},
                         [dataset](int i) { return dataset->alert(i).lastUpdateTicks; }, {}, {}, {}},
                        {QStringLiteral("severity"), FilterField::Type::Enum, &enums::alertSeverity(),
                         [dataset](int i) { return int(dataset->alert(i).severity); }, {}, {}, {}, {}},
                        {QStringLiteral("serviceSource"), FilterField::Type::Enum, &enums::serviceSource(),
                         [dataset](int i) { return int(dataset->alert(i).serviceSource); }, {}, {}, {}, {}},
                        {QStringLiteral("status"), FilterField::Type::Enum, &enums::alertStatus(),
                         [dataset](int i) { return int(dataset->alert(i).status); }, {}, {}, {}, {}},
                    },
                    kAlertProperties)
    , m_incidentFilter(QStringLiteral("microsoft.graph.security.incident"),
                       {
                           {QStringLiteral("assignedTo"), FilterField::Type::String, nullptr, {}, {},
                            [dataset](int i) { return dataset->string(dataset->incident(i).assignedTo); }, {}, {}},
                           {QStringLiteral("classification"), FilterField::Type::Enum, &enums::alertClassification(),
                            [dataset](int i) { return int(dataset->incident(i).classification); }, {}, {}, {}, {}},
                           {QStringLiteral("determination"), FilterField::Type::Enum, &enums::alertDetermination(),
                            [dataset](int i) { return int(dataset->incident(i).determination); }, {}, {}, {}, {}},
                           {QStringLiteral("createdDateTime"), FilterField::Type::DateTime, nullptr, {},
                            [dataset](int i) { return dataset->incident(i).createdTicks; }, {}, {}, {}},
                           {QStringLiteral("lastUpdateDateTime"), FilterField::Type::DateTime, nullptr, {},
                            [dataset](int i) { return dataset->incident(i).lastUpdateTicks; }, {}, {}, {}},
                           {QStringLiteral("severity"), FilterField::Type::Enum, &enums::alertSeverity(),
                            [dataset](int i) { return int(dataset->incident(i).severity); }, {}, {}, {}, {}},
                           {QStringLiteral("status"), FilterField::Type::Enum, &enums::incidentStatus(),
                            [dataset](int i) { return int(dataset->incident(i).status); }, {}, {}, {}, {}},
                       },
                       {QStringLiteral("id"), QStringLiteral("displayName"), QStringLiteral("description"),
                        QStringLiteral("customTags"), QStringLiteral("priorityScore")})
{
}

std::optional<Response> AlertsApi::denied(const GraphCall &call, bool write, bool incidents) const
{
    if (incidents) {
        if (write ? !call.hasScope({"SecurityIncident.ReadWrite.All"})
                  : !call.hasScope({"SecurityIncident.Read.All", "SecurityIncident.ReadWrite.All"}))
            return write ? call.missingScope({"SecurityIncident.ReadWrite.All"})
                         : call.missingScope({"SecurityIncident.Read.All", "SecurityIncident.ReadWrite.All"});
    } else if (write ? !call.hasScope({"SecurityAlert.ReadWrite.All"})
                     : !call.hasScope({"SecurityAlert.Read.All", "SecurityAlert.ReadWrite.All"})) {
        return write ? call.missingScope({"SecurityAlert.ReadWrite.All"})
                     : call.missingScope({"SecurityAlert.Read.All", "SecurityAlert.ReadWrite.All"});
    }
    const SecurityRole needed = write ? SecurityRole::Operator : SecurityRole::Reader;
    if (call.claims.role < needed)
        return call.error(403, QStringLiteral("Forbidden"), roleSentence());
    return std::nullopt;
}

Response AlertsApi::handle(const GraphCall &call)
{
    const QStringList &s = call.segments;
    const QByteArray &method = call.request.method;
    const bool incidents = s.value(1).compare(u"incidents", Qt::CaseInsensitive) == 0;
    const bool write = method != "GET" && method != "HEAD";
    if (auto refusal = denied(call, write, incidents))
        return *refusal;
    if (!incidents) {
        if (s.size() == 2) {
            if (method == "GET" || method == "HEAD")
                return listAlerts(call);
            return call.error(405, QStringLiteral("Request_BadRequest"),
                              QStringLiteral("The HTTP method '%1' is not supported on this resource.")
                                  .arg(QString::fromLatin1(method)));
        }
        const int index = m_dataset->findAlert(s.at(2));
        if (index < 0)
            return call.error(404, QStringLiteral("NotFound"),
                              QStringLiteral("Alert with id '%1' was not found.").arg(s.at(2)));
        if (s.size() == 3) {
            if (method == "GET" || method == "HEAD")
                return alert(call, index);
            if (method == "PATCH")
                return patchAlert(call, index);
        } else if (s.size() == 4 && s.at(3).compare(u"comments", Qt::CaseInsensitive) == 0) {
            if (method == "POST")
                return addAlertComment(call, index);
        } else {
            return call.error(400, QStringLiteral("BadRequest"),
                              QStringLiteral("Resource not found for the segment '%1'.").arg(s.at(3)));
        }
        return call.error(405, QStringLiteral("Request_BadRequest"),
                          QStringLiteral("The HTTP method '%1' is not supported on this resource.")
                              .arg(QString::fromLatin1(method)));
    }
    if (s.size() == 2) {
        if (method == "GET" || method == "HEAD")
            return listIncidents(call);
        return call.error(405, QStringLiteral("Request_BadRequest"),
                          QStringLiteral("The HTTP method '%1' is not supported on this resource.")
                              .arg(QString::fromLatin1(method)));
    }
    const int index = m_dataset->findIncident(s.at(2));
    if (index < 0)
        return call.error(404, QStringLiteral("NotFound"),
                          QStringLiteral("Incident with id '%1' was not found.").arg(s.at(2)));
    if (s.size() == 3) {
        if (method == "GET" || method == "HEAD") {
            QString error;
            const auto q = ListQuery::parse(call, m_incidentFilter, {QStringLiteral("$expand")}, &error);
            if (!q)
                return call.error(400, QStringLiteral("BadRequest"), error);
            return incident(call, index, q->expand);
        }
        if (method == "PATCH")
            return patchIncident(call, index);
    } else if (s.size() == 4 && s.at(3).compare(u"comments", Qt::CaseInsensitive) == 0 && method == "POST") {
        return addIncidentComment(call, index);
    } else if (s.size() == 4 && s.at(3).compare(u"alerts", Qt::CaseInsensitive) == 0 && method == "GET") {
        return incidentAlerts(call, index);
    } else if (s.size() >= 4) {
        return call.error(400, QStringLiteral("BadRequest"),
                          QStringLiteral("Resource not found for the segment '%1'.").arg(s.at(3)));
    }
    return call.error(405, QStringLiteral("Request_BadRequest"),
                      QStringLiteral("The HTTP method '%1' is not supported on this resource.")
                          .arg(QString::fromLatin1(method)));
}

Response AlertsApi::listAlerts(const GraphCall &call)
{
    QString error;
    const auto q = ListQuery::parse(call, m_alertFilter, {}, &error);
    if (!q)
        return call.error(400, QStringLiteral("BadRequest"), error);
    const ListQuery::Page page = q->run(m_dataset->alertCount(), m_maxPageSize);
    JsonWriter w(4096 + page.indexes.size() * 4000);
    w.beginObject();
    w.member("@odata.context", call.url(QStringLiteral("$metadata#security/alerts_v2")));
    if (page.total >= 0)
        w.memberNumber("@odata.count", page.total);
    const QString next = q->nextLink(call.url(QStringLiteral("security/alerts_v2")), page, m_maxPageSize);
    if (!next.isEmpty())
        w.member("@odata.nextLink", next);
    w.key("value");
    w.beginArray();
    const bool unknown = call.includeUnknownEnums();
    for (int index : page.indexes)
        m_serializer->writeAlert(w, index, unknown);
    w.endArray();
    w.endObject();
    return call.json(200, w.take());
}

Response AlertsApi::alert(const GraphCall &call, int index)
{
    JsonWriter w;
    m_serializer->writeAlert(w, index, call.includeUnknownEnums());
    QByteArray body = w.take();
    // Graph puts @odata.context first; splice it into the serialised object.
    body.insert(1, "\"@odata.context\":\"" + call.url(QStringLiteral("$metadata#security/alerts_v2/$entity")).toUtf8()
                       + "\",");
    return call.json(200, std::move(body));
}

Response AlertsApi::patchAlert(const GraphCall &call, int index)
{
    QString error;
    const auto body = call.jsonBody(&error);
    if (!body)
        return call.error(400, QStringLiteral("BadRequest"), error);
    AlertRecord updated = m_dataset->alert(index);
    std::optional<QJsonObject> customDetails;
    static const QStringList readOnly = kAlertProperties
                                        + QStringList{QStringLiteral("severity"), QStringLiteral("serviceSource"),
                                                      QStringLiteral("createdDateTime"),
                                                      QStringLiteral("lastUpdateDateTime"),
                                                      QStringLiteral("alertWebUrl"), QStringLiteral("incidentWebUrl"),
                                                      QStringLiteral("recommendedActions"),
                                                      QStringLiteral("systemTags"), QStringLiteral("categories"),
                                                      QStringLiteral("alertPolicyId"), QStringLiteral("additionalData")};
    for (auto it = body->begin(); it != body->end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        const auto enumValue = [&](const GraphEnum &e, quint8 *target) -> bool {
            if (!v.isString()) {
                error = QStringLiteral("Cannot convert the literal '%1' to the expected type '%2'.")
                            .arg(QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1),
                                 QLatin1StringView(e.typeName()));
                return false;
            }
            const int m = e.parse(v.toString());
            if (m < 0 || m == e.unknownFutureValue()) {
                error = QStringLiteral("Requested value '%1' was not found.").arg(v.toString());
                return false;
            }
            *target = quint8(m);
            return true;
        };
        if (key.startsWith(u'@'))
            continue;
        if (key == u"status") {
            if (!enumValue(enums::alertStatus(), &updated.status))
                return call.error(400, QStringLiteral("BadRequest"), error);
        } else if (key == u"classification") {
            if (!enumValue(enums::alertClassification(), &updated.classification))
                return call.error(400, QStringLiteral("BadRequest"), error);
        } else if (key == u"determination") {
            if (!enumValue(enums::alertDetermination(), &updated.determination))
                return call.error(400, QStringLiteral("BadRequest"), error);
        } else if (key == u"assignedTo") {
            if (!v.isString() && !v.isNull())
                return call.error(400, QStringLiteral("BadRequest"),
                                  QStringLiteral("Cannot convert the value of 'assignedTo' to 'Edm.String'."));
            updated.assignedTo = v.isNull() ? -1 : m_dataset->intern(v.toString());
        } else if (key == u"customDetails") {
            if (!v.isObject())
                return call.error(400, QStringLiteral("BadRequest"),
                                  QStringLiteral("The property 'customDetails' must be an object."));
            customDetails = v.toObject();
        } else if (readOnly.contains(key)) {
            return call.error(400, QStringLiteral("BadRequest"),
                              QStringLiteral("The property '%1' is read-only and cannot be updated. Updatable "
                                             "properties: status, classification, determination, assignedTo, "
                                             "customDetails.").arg(key));
        } else {
            return call.error(400, QStringLiteral("BadRequest"),
                              QStringLiteral("The property '%1' does not exist on type "
                                             "'microsoft.graph.security.alert'. Make sure to only use property names "
                                             "that are defined by the type.").arg(key));
        }
    }
    AlertRecord &r = m_dataset->alert(index);
    const qint64 now = ticksFromMs(m_clock->nowMs());
    if (updated.status == alertstatus::Resolved && r.status != alertstatus::Resolved)
        updated.resolvedTicks = now;
    else if (updated.status != alertstatus::Resolved)
        updated.resolvedTicks = 0;
    updated.lastUpdateTicks = qMax(now, r.lastUpdateTicks + 1);
    r = updated;
    if (customDetails)
        m_dataset->extraFor(index).customDetails = *customDetails;
    m_dataset->refreshIncident(int(r.incident));
    qCDebug(lcAlerts) << "alert updated" << m_dataset->alertId(index);
    return alert(call, index);
}

Response AlertsApi::addAlertComment(const GraphCall &call, int index)
{
    QString error;
    const auto body = call.jsonBody(&error);
    if (!body)
        return call.error(400, QStringLiteral("BadRequest"), error);
    const QJsonValue comment = body->value(QStringLiteral("comment"));
    if (!comment.isString() || comment.toString().trimmed().isEmpty())
        return call.error(400, QStringLiteral("BadRequest"),
                          QStringLiteral("The 'comment' property is required and must be a non-empty string."));
    const qint64 now = ticksFromMs(m_clock->nowMs());
    QList<AlertComment> comments = m_dataset->comments(index);
    comments.append({comment.toString(), call.claims.userPrincipalName, now});
    AlertExtra &extra = m_dataset->extraFor(index);
    extra.comments = comments;
    extra.commentsSet = true;
    AlertRecord &r = m_dataset->alert(index);
    r.lastUpdateTicks = qMax(now, r.lastUpdateTicks + 1);
    m_dataset->refreshIncident(int(r.incident));
    JsonWriter w;
    w.beginObject();
    w.member("@odata.context", call.url(QStringLiteral("$metadata#security/alerts_v2('%1')/comments")
                                            .arg(QString::fromLatin1(m_dataset->alertId(index)))));
    w.key("value");
    AlertSerializer::writeComments(w, comments);
    w.endObject();
    return call.json(200, w.take());
}

Response AlertsApi::listIncidents(const GraphCall &call)
{
    QString error;
    const auto q = ListQuery::parse(call, m_incidentFilter, {QStringLiteral("$expand")}, &error);
    if (!q)
        return call.error(400, QStringLiteral("BadRequest"), error);
    if (!q->expand.isNull() && q->expand.compare(u"alerts", Qt::CaseInsensitive) != 0)
        return call.error(400, QStringLiteral("BadRequest"),
                          QStringLiteral("Could not find a property named '%1' on type "
                                         "'microsoft.graph.security.incident'.").arg(q->expand));
    // Expanded incidents are heavy: pages are smaller, like the service's.
    const int pageSize = q->expand.isNull() ? m_maxPageSize : qMin(m_maxPageSize, 50);
    const ListQuery::Page page = q->run(m_dataset->incidentCount(), pageSize);
    JsonWriter w;
    w.beginObject();
    w.member("@odata.context", call.url(q->expand.isNull() ? QStringLiteral("$metadata#security/incidents")
                                                           : QStringLiteral("$metadata#security/incidents(alerts())")));
    if (page.total >= 0)
        w.memberNumber("@odata.count", page.total);
    const QString next = q->nextLink(call.url(QStringLiteral("security/incidents")), page, pageSize);
    if (!next.isEmpty())
        w.member("@odata.nextLink", next);
    w.key("value");
    w.beginArray();
    for (int index : page.indexes) {
        m_serializer->writeIncident(w, index, call.includeUnknownEnums(),
                                    q->expand.isNull() ? QString()
                                                       : call.url(QStringLiteral("$metadata#security/incidents('%1')/alerts")
                                                                      .arg(QString::fromLatin1(m_dataset->incidentId(index)))));
    }
    w.endArray();
    w.endObject();
    return call.json(200, w.take());
}

Response AlertsApi::incident(const GraphCall &call, int index, const QString &expand)
{
    if (!expand.isNull() && expand.compare(u"alerts", Qt::CaseInsensitive) != 0)
        return call.error(400, QStringLiteral("BadRequest"),
                          QStringLiteral("Could not find a property named '%1' on type "
                                         "'microsoft.graph.security.incident'.").arg(expand));
    JsonWriter w;
    const QString id = QString::fromLatin1(m_dataset->incidentId(index));
    m_serializer->writeIncident(w, index, call.includeUnknownEnums(),
                                expand.isNull() ? QString()
                                                : call.url(QStringLiteral("$metadata#security/incidents('%1')/alerts").arg(id)));
    QByteArray body = w.take();
    body.insert(1, "\"@odata.context\":\"" + call.url(QStringLiteral("$metadata#security/incidents/$entity")).toUtf8()
                       + "\",");
    return call.json(200, std::move(body));
}

Response AlertsApi::patchIncident(const GraphCall &call, int index)
{
    QString error;
    const auto body = call.jsonBody(&error);
    if (!body)
        return call.error(400, QStringLiteral("BadRequest"), error);
    IncidentRecord updated = m_dataset->incident(index);
    std::optional<QStringList> tags;
    for (auto it = body->begin(); it != body->end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        const auto enumValue = [&](const GraphEnum &e, quint8 *target) {
            const int m = v.isString() ? e.parse(v.toString()) : -1;
            if (m < 0 || m == e.unknownFutureValue())
                return false;
            *target = quint8(m);
            return true;
        };
        bool ok = true;
        if (key.startsWith(u'@'))
            continue;
        if (key == u"status")
            ok = enumValue(enums::incidentStatus(), &updated.status);
        else if (key == u"classification")
            ok = enumValue(enums::alertClassification(), &updated.classification);
        else if (key == u"determination")
            ok = enumValue(enums::alertDetermination(), &updated.determination);
        else if (key == u"assignedTo") {
            ok = v.isString() || v.isNull();
            updated.assignedTo = v.isString() ? m_dataset->intern(v.toString()) : -1;
        } else if (key == u"customTags") {
            ok = v.isArray();
            QStringList list;
            const QJsonArray array = v.toArray();
            for (const QJsonValue &t : array)
                list.append(t.toString());
            tags = list;
        } else {
            return call.error(400, QStringLiteral("BadRequest"),
                              QStringLiteral("The property '%1' cannot be updated. Updatable properties: status, "
                                             "classification, determination, assignedTo, customTags.").arg(key));
        }
        if (!ok)
            return call.error(400, QStringLiteral("BadRequest"),
                              QStringLiteral("Invalid value for the property '%1'.").arg(key));
    }
    updated.lastUpdateTicks = ticksFromMs(m_clock->nowMs());
    m_dataset->incident(index) = updated;
    if (tags)
        m_dataset->incidentExtraFor(index).customTags = *tags;
    return incident(call, index, QString());
}

Response AlertsApi::addIncidentComment(const GraphCall &call, int index)
{
    QString error;
    const auto body = call.jsonBody(&error);
    if (!body)
        return call.error(400, QStringLiteral("BadRequest"), error);
    const QString comment = body->value(QStringLiteral("comment")).toString();
    if (comment.trimmed().isEmpty())
        return call.error(400, QStringLiteral("BadRequest"),
                          QStringLiteral("The 'comment' property is required and must be a non-empty string."));
    IncidentExtra &extra = m_dataset->incidentExtraFor(index);
    extra.comments.append({comment, call.claims.userPrincipalName, ticksFromMs(m_clock->nowMs())});
    JsonWriter w;
    w.beginObject();
    w.member("@odata.context", call.url(QStringLiteral("$metadata#security/incidents('%1')/comments")
                                            .arg(QString::fromLatin1(m_dataset->incidentId(index)))));
    w.key("value");
    AlertSerializer::writeComments(w, extra.comments);
    w.endObject();
    return call.json(200, w.take());
}

Response AlertsApi::incidentAlerts(const GraphCall &call, int index)
{
    JsonWriter w;
    w.beginObject();
    w.member("@odata.context", call.url(QStringLiteral("$metadata#security/incidents('%1')/alerts")
                                            .arg(QString::fromLatin1(m_dataset->incidentId(index)))));
    w.key("value");
    w.beginArray();
    for (quint32 a : m_dataset->incident(index).alerts)
        m_serializer->writeAlert(w, int(a), call.includeUnknownEnums());
    w.endArray();
    w.endObject();
    return call.json(200, w.take());
}

} // namespace graphsim
