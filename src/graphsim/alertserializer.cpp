#include "alertserializer.h"

#include "alertcatalog.h"
#include "dataset.h"
#include "graphenum.h"
#include "jsonwriter.h"

#include <QJsonDocument>

namespace graphsim {

namespace {
constexpr qint64 kTicksPerSecond = 10'000'000;

void writeMitre(JsonWriter &w, const char *list)
{
    w.beginArray();
    QByteArrayView all(list);
    while (!all.isEmpty()) {
        const qsizetype comma = all.indexOf(',');
        w.value(comma < 0 ? all : all.first(comma));
        all = comma < 0 ? QByteArrayView() : all.sliced(comma + 1);
    }
    w.endArray();
}

} // namespace

void pseudoHexInto(char *out, quint64 salt, int bytes)
{
    static const char hex[] = "0123456789abcdef";
    quint64 state = salt;
    for (int i = 0; i < bytes; ++i) {
        if (i % 8 == 0)
            state = Dataset::mix(salt, quint64(i), 0x4e);
        const auto b = quint8(state >> ((i % 8) * 8));
        out[2 * i] = hex[b >> 4];
        out[2 * i + 1] = hex[b & 0xf];
    }
}

QByteArray pseudoHex(quint64 salt, int bytes)
{
    QByteArray out(bytes * 2, Qt::Uninitialized);
    pseudoHexInto(out.data(), salt, bytes);
    return out;
}

namespace {
int writeDecimal(char *out, quint64 v)
{
    char buffer[24];
    int n = 0;
    do {
        buffer[n++] = char('0' + v % 10);
        v /= 10;
    } while (v);
    for (int i = 0; i < n; ++i)
        out[i] = buffer[n - 1 - i];
    return n;
}
} // namespace

AlertSerializer::AlertSerializer(const Dataset *dataset)
    : m_dataset(dataset)
{
    rebuild();
}

void AlertSerializer::rebuild()
{
    m_people.clear();
    m_devices.clear();
    for (const Person &p : m_dataset->people())
        m_people.push_back({p.displayName.toUtf8(), p.userPrincipalName.toUtf8(), p.accountName.toUtf8(), p.id.toUtf8(),
                            p.sid.toUtf8()});
    for (const Device &d : m_dataset->devices())
        m_devices.push_back({d.hostName.toUtf8(), d.fqdn.toUtf8(), d.mdeDeviceId.toUtf8(), d.azureAdDeviceId.toUtf8(),
                             d.osPlatform.toUtf8(), d.ipAddress.toUtf8(), d.osBuild});
    m_tenantId = m_dataset->tenantId().toUtf8();
    int templateCount = 0;
    catalog::alertTemplates(&templateCount);
    m_detectorIds.clear();
    for (int t = 0; t < templateCount; ++t)
        m_detectorIds.push_back(pseudoHex(Dataset::mix(m_dataset->seed(), quint64(t), 0xde), 16)
                                    .insert(8, '-').insert(13, '-').insert(18, '-').insert(23, '-'));
}

AlertSerializer::Context AlertSerializer::context(int index) const
{
    Context c;
    c.salt = m_dataset->alertSalt(index);
    int domainCount = 0, fileCount = 0;
    const char *const *domains = catalog::maliciousDomains(&domainCount);
    const char *const *files = catalog::suspiciousFiles(&fileCount);
    c.person = &m_people[size_t(m_dataset->alertPerson(index))];
    c.device = &m_devices[size_t(m_dataset->alertDevice(index))];
    c.file = files[(c.salt >> 40) % quint64(fileCount)];
    c.count = int(2 + (c.salt >> 48) % 240);
    static const int firstOctets[] = {20, 31, 40, 45, 51, 77, 89, 102, 146, 176, 185, 194, 203, 212};
    char *p = c.ip;
    p += writeDecimal(p, quint64(firstOctets[c.salt % 14]));
    *p++ = '.';
    p += writeDecimal(p, (c.salt >> 8) % 254 + 1);
    *p++ = '.';
    p += writeDecimal(p, (c.salt >> 16) % 254 + 1);
    *p++ = '.';
    p += writeDecimal(p, (c.salt >> 24) % 253 + 2);
    c.ipLength = int(p - c.ip);
    const char *domain = domains[(c.salt >> 32) % quint64(domainCount)];
    const size_t domainLength = std::strlen(domain);
    p = c.url;
    std::memcpy(p, "https://", 8);
    p += 8;
    std::memcpy(p, domain, domainLength);
    p += domainLength;
    *p++ = '/';
    pseudoHexInto(p, c.salt, 4);
    p += 8;
    c.urlLength = int(p - c.url);
    return c;
}

void AlertSerializer::writeExpanded(JsonWriter &w, const char *text, const Context &c) const
{
    w.beginString();
    const char *p = text;
    while (*p) {
        const char *start = p;
        while (*p && *p != '{')
            ++p;
        w.appendTrusted(QByteArrayView(start, p - start));
        if (!*p)
            break;
        const char *end = p + 1;
        while (*end && *end != '}')
            ++end;
        const QByteArrayView name(p + 1, end - p - 1);
        if (name == "user")
            w.appendTrusted(c.person->upn);
        else if (name == "device")
            w.appendTrusted(c.device->hostName);
        else if (name == "ip")
            w.appendTrusted(c.ipView());
        else if (name == "url")
            w.appendTrusted(c.urlView());
        else if (name == "file")
            w.appendTrusted(c.file);
        else if (name == "count")
            w.appendNumber(c.count);
        p = *end ? end + 1 : end;
    }
    w.endString();
}

QByteArray AlertSerializer::expand(const char *text, const Context &c) const
{
    QByteArray out;
    const char *p = text;
    while (*p) {
        if (*p != '{') {
            const char *start = p;
            while (*p && *p != '{')
                ++p;
            out.append(start, p - start);
            continue;
        }
        const char *end = p + 1;
        while (*end && *end != '}')
            ++end;
        const QByteArrayView name(p + 1, end - p - 1);
        if (name == "user")
            out += c.person->upn;
        else if (name == "device")
            out += c.device->hostName;
        else if (name == "ip")
            out += c.ipView();
        else if (name == "url")
            out += c.urlView();
        else if (name == "file")
            out += c.file;
        else if (name == "count")
            out += QByteArray::number(c.count);
        p = *end ? end + 1 : end;
    }
    return out;
}

QByteArray AlertSerializer::alertTitle(int index) const
{
    const AlertExtra *extra = m_dataset->extra(index);
    if (extra && !extra->title.isNull())
        return extra->title.toUtf8();
    int n = 0;
    const AlertTemplate &t = catalog::alertTemplates(&n)[m_dataset->alert(index).templateIndex];
    return expand(t.title, context(index));
}

void AlertSerializer::writeAlert(JsonWriter &w, int index, bool includeUnknown) const
{
    const AlertRecord &r = m_dataset->alert(index);
    int n = 0;
    const AlertTemplate &t = catalog::alertTemplates(&n)[r.templateIndex];
    const Context c = context(index);
    const AlertExtra *extra = m_dataset->extra(index);
    const QByteArray id = m_dataset->alertId(index);
    const QByteArray incidentId = m_dataset->incidentId(int(r.incident));
    w.beginObject();
    w.memberTrusted("@odata.type", "#microsoft.graph.security.alert");
    w.memberTrusted("id", id);
    w.memberTrusted("providerAlertId", QByteArrayView(id).sliced(2));
    w.memberTrusted("incidentId", incidentId);
    w.memberTrusted("status", enums::alertStatus().wireName(r.status, includeUnknown));
    w.memberTrusted("severity", enums::alertSeverity().wireName(r.severity, includeUnknown));
    w.memberTrusted("classification", enums::alertClassification().wireName(r.classification, includeUnknown));
    w.memberTrusted("determination", enums::alertDetermination().wireName(r.determination, includeUnknown));
    w.memberTrusted("serviceSource", enums::serviceSource().wireName(r.serviceSource, includeUnknown));
    w.memberTrusted("detectionSource", enums::detectionSource().wireName(r.detectionSource, includeUnknown));
    w.memberTrusted("productName", t.productName);
    w.memberTrusted("detectorId", m_detectorIds[r.templateIndex]);
    w.memberTrusted("tenantId", m_tenantId);
    w.key("title");
    if (extra && !extra->title.isNull())
        w.value(extra->title);
    else
        writeExpanded(w, t.title, c);
    w.key("description");
    if (extra && !extra->description.isNull())
        w.value(extra->description);
    else
        writeExpanded(w, t.description, c);
    w.key("recommendedActions");
    writeExpanded(w, t.recommendedActions, c);
    w.memberTrusted("category", t.category);
    w.key("assignedTo");
    if (r.assignedTo < 0)
        w.valueNull();
    else
        w.value(m_dataset->stringUtf8(r.assignedTo));
    w.key("alertWebUrl");
    w.beginString();
    w.appendTrusted("https://security.microsoft.com/alerts/");
    w.appendTrusted(id);
    w.appendTrusted("?tid=");
    w.appendTrusted(m_tenantId);
    w.endString();
    w.key("incidentWebUrl");
    w.beginString();
    w.appendTrusted("https://security.microsoft.com/incidents/");
    w.appendTrusted(incidentId);
    w.appendTrusted("?tid=");
    w.appendTrusted(m_tenantId);
    w.endString();
    w.memberNull("actorDisplayName");
    w.memberNull("alertPolicyId");
    w.key("threatDisplayName");
    if (t.threatFamily)
        w.valueTrusted(t.threatFamily);
    else
        w.valueNull();
    w.key("threatFamilyName");
    if (t.threatFamily)
        w.valueTrusted(QByteArrayView(t.threatFamily).sliced(QByteArrayView(t.threatFamily).lastIndexOf('/') + 1));
    else
        w.valueNull();
    w.key("mitreTechniques");
    writeMitre(w, t.mitreTechniques);
    w.key("categories");
    w.beginArray();
    w.valueTrusted(t.category);
    w.endArray();
    w.memberTicks("createdDateTime", r.createdTicks);
    w.memberTicks("lastUpdateDateTime", r.lastUpdateTicks);
    w.memberTicks("resolvedDateTime", r.resolvedTicks);
    w.memberTicks("firstActivityDateTime", r.createdTicks - qint64(r.activitySpanSeconds) * kTicksPerSecond);
    w.memberTicks("lastActivityDateTime", r.createdTicks - qint64(r.activitySpanSeconds % 300) * kTicksPerSecond);
    w.key("comments");
    if (extra && extra->commentsSet)
        writeComments(w, extra->comments);
    else
        writeGeneratedComments(w, index);
    w.key("systemTags");
    w.beginArray();
    if (r.severity == severity::High && (c.salt & 0xf) == 0)
        w.valueTrusted("Attack Disruption");
    w.endArray();
    w.key("customDetails");
    if (extra && !extra->customDetails.isEmpty()) {
        w.valueRaw(QJsonDocument(extra->customDetails).toJson(QJsonDocument::Compact));
    } else {
        w.beginObject();
        w.endObject();
    }
    w.key("additionalData");
    w.beginObject();
    w.endObject();
    w.key("evidence");
    writeEvidence(w, index, c);
    w.endObject();
}

void AlertSerializer::writeGeneratedComments(JsonWriter &w, int index) const
{
    w.beginArray();
    const AlertRecord &r = m_dataset->alert(index);
    if (r.status != alertstatus::New && r.assignedTo >= 0) {
        const quint64 h = Dataset::mix(m_dataset->seed(), quint64(index), 0xc0);
        const int count = int(h % 8) < 5 ? 0 : int(1 + (h >> 8) % 2);
        int textCount = 0;
        const char *const *texts = catalog::commentTexts(&textCount);
        const qint64 span = qMax<qint64>(1, r.lastUpdateTicks - r.createdTicks);
        for (int i = 0; i < count; ++i) {
            w.beginObject();
            w.memberTrusted("@odata.type", "#microsoft.graph.security.alertComment");
            w.memberTrusted("comment", texts[(h >> (16 + 8 * i)) % quint64(textCount)]);
            w.key("createdByDisplayName");
            w.value(m_dataset->stringUtf8(r.assignedTo));
            w.memberTicks("createdDateTime", r.createdTicks + span * (i + 1) / (count + 1));
            w.endObject();
        }
    }
    w.endArray();
}

void AlertSerializer::writeComments(JsonWriter &w, const QList<AlertComment> &comments)
{
    w.beginArray();
    for (const AlertComment &comment : comments) {
        w.beginObject();
        w.member("@odata.type", "#microsoft.graph.security.alertComment");
        w.member("comment", comment.comment);
        w.member("createdByDisplayName", comment.createdByDisplayName);
        w.memberTicks("createdDateTime", comment.createdTicks);
        w.endObject();
    }
    w.endArray();
}

void AlertSerializer::writeIncident(JsonWriter &w, int index, bool includeUnknown, const QString &alertsContext) const
{
    const IncidentRecord &ir = m_dataset->incident(index);
    const IncidentExtra *extra = m_dataset->incidentExtra(index);
    const QByteArray id = m_dataset->incidentId(index);
    QByteArray displayName;
    if (!ir.alerts.isEmpty()) {
        const QByteArray first = alertTitle(int(ir.alerts.first()));
        if (ir.alerts.size() == 1)
            displayName = first + " involving one user";
        else
            displayName = "Multi-stage incident involving " + first + " on one endpoint";
    }
    w.beginObject();
    w.member("@odata.type", "#microsoft.graph.security.incident");
    w.member("id", id);
    w.member("tenantId", m_tenantId);
    w.member("status", enums::incidentStatus().wireName(ir.status, includeUnknown));
    w.member("incidentWebUrl", QByteArray("https://security.microsoft.com/incidents/" + id + "?tid=" + m_tenantId));
    w.memberNull("redirectIncidentId");
    w.member("displayName", displayName);
    w.memberNull("description");
    w.memberTicks("createdDateTime", ir.createdTicks);
    w.memberTicks("lastUpdateDateTime", ir.lastUpdateTicks);
    w.key("assignedTo");
    if (ir.assignedTo < 0)
        w.valueNull();
    else
        w.value(m_dataset->string(ir.assignedTo));
    w.member("classification", enums::alertClassification().wireName(ir.classification, includeUnknown));
    w.member("determination", enums::alertDetermination().wireName(ir.determination, includeUnknown));
    w.member("severity", enums::alertSeverity().wireName(ir.severity, includeUnknown));
    w.memberNumber("priorityScore", qint64(ir.severity) * 20 + qint64(ir.alerts.size()));
    w.key("customTags");
    w.beginArray();
    if (extra) {
        for (const QString &tag : extra->customTags)
            w.value(tag);
    }
    w.endArray();
    w.key("systemTags");
    w.beginArray();
    w.endArray();
    w.memberNull("lastModifiedBy");
    w.memberNull("resolvingComment");
    w.memberNull("summary");
    w.key("comments");
    writeComments(w, extra ? extra->comments : QList<AlertComment>());
    if (!alertsContext.isNull()) {
        w.member("alerts@odata.context", alertsContext);
        w.key("alerts");
        w.beginArray();
        for (quint32 a : ir.alerts)
            writeAlert(w, int(a), includeUnknown);
        w.endArray();
    }
    w.endObject();
}

} // namespace graphsim
