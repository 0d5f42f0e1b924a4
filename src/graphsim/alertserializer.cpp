#include "alertserializer.h"

#include "alertcatalog.h"
#include "dataset.h"
#include "graphenum.h"
#include "jsonwriter.h"

#include <QJsonDocument>

namespace graphsim {

namespace {
constexpr qint64 kTicksPerSecond = 10'000'000;

const char *verdictFor(quint8 classificationIndex)
{
    switch (classificationIndex) {
    case classification::TruePositive: return "malicious";
    case classification::FalsePositive: return "noThreatsFound";
    default: return "suspicious";
    }
}

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
/// A GUID-shaped hex string (8-4-4-4-12) from `salt`.
void writeGuid(JsonWriter &w, quint64 salt)
{
    char hex[32];
    pseudoHexInto(hex, salt, 16);
    char out[36];
    int o = 0;
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20)
            out[o++] = '-';
        out[o++] = hex[i];
    }
    w.valueTrusted(QByteArrayView(out, 36));
}

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

void AlertSerializer::writeEvidenceBase(JsonWriter &w, const char *type, qint64 ticks, const char *verdict,
                                        const char *role) const
{
    w.beginObject();
    w.memberTrusted("@odata.type", type);
    w.memberTicks("createdDateTime", ticks);
    w.memberTrusted("verdict", verdict);
    w.memberTrusted("remediationStatus", "none");
    w.memberNull("remediationStatusDetails");
    w.key("roles");
    w.beginArray();
    if (role)
        w.value(role);
    w.endArray();
    w.key("detailedRoles");
    w.beginArray();
    w.endArray();
    w.key("tags");
    w.beginArray();
    w.endArray();
}

void AlertSerializer::writeUserAccount(JsonWriter &w, const PersonBytes &p) const
{
    w.key("userAccount");
    w.beginObject();
    w.memberTrusted("accountName", p.accountName);
    w.memberTrusted("domainName", "CONTOSO");
    w.memberTrusted("userSid", p.sid);
    w.memberTrusted("azureAdUserId", p.id);
    w.memberTrusted("userPrincipalName", p.upn);
    w.member("displayName", p.displayName);
    w.endObject();
}

void AlertSerializer::writeFileDetails(JsonWriter &w, QByteArrayView name, const QByteArray &path,
                                       quint64 salt) const
{
    w.beginObject();
    w.memberTrusted("fileName", name);
    w.member("filePath", path);
    w.memberNull("filePublisher");
    w.memberNumber("fileSize", qint64(20'000 + salt % 4'000'000));
    w.memberNull("issuer");
    w.memberTrusted("md5", pseudoHex(salt ^ 0x3d5, 16));
    w.memberTrusted("sha1", pseudoHex(salt ^ 0x5a1, 20));
    w.memberTrusted("sha256", pseudoHex(salt ^ 0x256, 32));
    w.memberNull("sha256Ac");
    w.memberNull("signer");
    w.endObject();
}

void AlertSerializer::writeEvidence(JsonWriter &w, int index, const Context &c) const
{
    const AlertRecord &r = m_dataset->alert(index);
    int n = 0;
    const AlertTemplate &t = catalog::alertTemplates(&n)[r.templateIndex];
    const char *verdict = verdictFor(r.classification);
    const qint64 ticks = r.createdTicks;
    const PersonBytes &p = *c.person;
    const DeviceBytes &d = *c.device;
    const QByteArray filePath = "C:\\Users\\" + p.accountName + "\\AppData\\Local\\Temp";
    w.beginArray();
    if (t.evidence & evidence::Device) {
        writeEvidenceBase(w, "#microsoft.graph.security.deviceEvidence", ticks, verdict, "compromised");
        w.memberTrusted("mdeDeviceId", d.mdeDeviceId);
        w.memberTrusted("azureAdDeviceId", d.aadDeviceId);
        w.memberTrusted("deviceDnsName", d.fqdn);
        w.memberTrusted("hostName", d.hostName);
        w.memberTrusted("ntDomain", "CONTOSO");
        w.memberTrusted("dnsDomain", "corp.contoso.com");
        w.memberTrusted("osPlatform", d.osPlatform);
        w.memberNumber("osBuild", d.osBuild);
        w.memberTrusted("version", d.osBuild >= 22000 ? "23H2" : "22H2");
        w.memberTrusted("healthStatus", "active");
        w.memberTrusted("riskScore", r.severity >= severity::High ? "high" : "medium");
        w.memberNumber("rbacGroupId", 0);
        w.memberNull("rbacGroupName");
        w.memberTrusted("onboardingStatus", "onboarded");
        w.memberTrusted("defenderAvStatus", "updated");
        w.memberTicks("firstSeenDateTime", ticks - qint64(400 + c.salt % 300) * 86'400 * kTicksPerSecond);
        w.memberTrusted("lastIpAddress", d.ip);
        w.memberTrusted("lastExternalIpAddress", c.ipView());
        w.key("ipInterfaces");
        w.beginArray();
        w.valueTrusted(d.ip);
        w.endArray();
        w.key("loggedOnUsers");
        w.beginArray();
        w.beginObject();
        w.memberTrusted("accountName", p.accountName);
        w.memberTrusted("domainName", "CONTOSO");
        w.endObject();
        w.endArray();
        w.memberNull("vmMetadata");
        w.endObject();
    }
    if (t.evidence & evidence::User) {
        writeEvidenceBase(w, "#microsoft.graph.security.userEvidence", ticks, verdict,
                          t.evidence & evidence::Device ? "contextual" : "compromised");
        w.memberNull("stream");
        writeUserAccount(w, p);
        w.endObject();
    }
    if (t.evidence & evidence::Mailbox) {
        writeEvidenceBase(w, "#microsoft.graph.security.mailboxEvidence", ticks, verdict, "contextual");
        w.member("displayName", p.displayName);
        w.memberTrusted("primaryAddress", p.upn);
        w.memberTrusted("upn", p.upn);
        writeUserAccount(w, p);
        w.endObject();
    }
    if (t.evidence & evidence::Message) {
        writeEvidenceBase(w, "#microsoft.graph.security.analyzedMessageEvidence", ticks, verdict, nullptr);
        w.key("networkMessageId");
        writeGuid(w, c.salt ^ 0x11);
        w.memberTrusted("internetMessageId", QByteArray("<" + pseudoHex(c.salt ^ 0x12, 12) + "@mail.fabrikam-billing.com>"));
        w.key("subject");
        w.beginString();
        w.appendTrusted("Action required: invoice ");
        w.appendNumber(c.count * 1117);
        w.endString();
        w.key("p1Sender");
        w.beginObject();
        w.memberTrusted("emailAddress", "billing@fabrikam-billing.com");
        w.memberTrusted("displayName", "Fabrikam Billing");
        w.memberTrusted("domainName", "fabrikam-billing.com");
        w.endObject();
        w.key("p2Sender");
        w.beginObject();
        w.memberTrusted("emailAddress", "billing@fabrikam-billing.com");
        w.memberTrusted("displayName", "Fabrikam Billing");
        w.memberTrusted("domainName", "fabrikam-billing.com");
        w.endObject();
        w.memberTrusted("recipientEmailAddress", p.upn);
        w.memberTrusted("senderIp", c.ipView());
        w.memberTrusted("deliveryAction", "delivered");
        w.memberTrusted("deliveryLocation", "inbox");
        w.memberTrusted("antiSpamDirection", "inbound");
        w.memberTrusted("language", "en");
        w.memberTicks("receivedDateTime", ticks - 90 * kTicksPerSecond);
        w.memberNumber("attachmentsCount", 0);
        w.memberNumber("urlCount", 1);
        w.key("urls");
        w.beginArray();
        w.value(c.urlView());
        w.endArray();
        w.key("threats");
        w.beginArray();
        w.value("Phish");
        w.endArray();
        w.key("threatDetectionMethods");
        w.beginArray();
        w.value("urlDetonationReputation");
        w.endArray();
        w.endObject();
    }
    if (t.evidence & evidence::Process) {
        writeEvidenceBase(w, "#microsoft.graph.security.processEvidence", ticks, verdict, nullptr);
        w.memberNumber("processId", qint64(1000 + c.salt % 30000));
        w.memberNumber("parentProcessId", qint64(500 + (c.salt >> 16) % 10000));
        w.memberTrusted("processCommandLine", QByteArray("powershell.exe -NoProfile -ExecutionPolicy Bypass -EncodedCommand "
                                                         + QByteArray(pseudoHex(c.salt, 12)).toBase64()));
        w.memberTicks("processCreationDateTime", ticks - 30 * kTicksPerSecond);
        w.memberTicks("parentProcessCreationDateTime", ticks - 3600 * kTicksPerSecond);
        w.memberTrusted("detectionStatus", "detected");
        w.memberTrusted("mdeDeviceId", d.mdeDeviceId);
        w.key("imageFile");
        writeFileDetails(w, "powershell.exe", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0", 0x9051);
        w.key("parentProcessImageFile");
        writeFileDetails(w, "explorer.exe", "C:\\Windows", 0xe791);
        writeUserAccount(w, p);
        w.endObject();
    }
    if (t.evidence & evidence::File) {
        writeEvidenceBase(w, "#microsoft.graph.security.fileEvidence", ticks, verdict, nullptr);
        w.memberTrusted("detectionStatus", r.status == alertstatus::Resolved ? "prevented" : "detected");
        w.memberTrusted("mdeDeviceId", d.mdeDeviceId);
        w.key("fileDetails");
        writeFileDetails(w, c.file, filePath, c.salt);
        w.endObject();
    }
    if (t.evidence & evidence::Registry) {
        writeEvidenceBase(w, "#microsoft.graph.security.registryKeyEvidence", ticks, verdict, nullptr);
        w.memberTrusted("registryHive", "HKEY_CURRENT_USER");
        w.member("registryKey", "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run");
        w.endObject();
    }
    if (t.evidence & evidence::Ip) {
        int countryCount = 0;
        const char *const *countries = catalog::countries(&countryCount);
        const int ci = int((c.salt >> 36) % quint64(countryCount));
        writeEvidenceBase(w, "#microsoft.graph.security.ipEvidence", ticks, verdict, "attacker");
        w.memberTrusted("ipAddress", c.ipView());
        w.memberTrusted("countryLetterCode", countries[2 * ci]);
        w.key("location");
        w.beginObject();
        w.memberTrusted("city", countries[2 * ci + 1]);
        w.memberTrusted("countryName", countries[2 * ci]);
        w.endObject();
        w.memberNull("stream");
        w.endObject();
    }
    if (t.evidence & evidence::Url) {
        writeEvidenceBase(w, "#microsoft.graph.security.urlEvidence", ticks, verdict, nullptr);
        w.memberTrusted("url", c.urlView());
        w.endObject();
    }
    if (t.evidence & evidence::CloudApp) {
        writeEvidenceBase(w, "#microsoft.graph.security.cloudApplicationEvidence", ticks, verdict, nullptr);
        w.memberNumber("appId", 11161);
        w.memberTrusted("displayName", "Office 365");
        w.memberNumber("instanceId", 0);
        w.memberTrusted("instanceName", "Office 365");
        w.memberNumber("saasAppId", 11161);
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
