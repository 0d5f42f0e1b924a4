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

QByteArray publicIp(quint64 salt)
{
    static const int firstOctets[] = {20, 31, 40, 45, 51, 77, 89, 102, 146, 176, 185, 194, 203, 212};
    return QByteArray::number(firstOctets[salt % 14]) + '.' + QByteArray::number((salt >> 8) % 254 + 1) + '.'
           + QByteArray::number((salt >> 16) % 254 + 1) + '.' + QByteArray::number((salt >> 24) % 253 + 2);
}
} // namespace

QByteArray pseudoHex(quint64 salt, int bytes)
{
    static const char hex[] = "0123456789abcdef";
    QByteArray out(bytes * 2, Qt::Uninitialized);
    quint64 state = salt;
    for (int i = 0; i < bytes; ++i) {
        if (i % 8 == 0)
            state = Dataset::mix(salt, quint64(i), 0x4e);
        const auto b = quint8(state >> ((i % 8) * 8));
        out[2 * i] = hex[b >> 4];
        out[2 * i + 1] = hex[b & 0xf];
    }
    return out;
}

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
}

AlertSerializer::Context AlertSerializer::context(int index) const
{
    const quint64 salt = m_dataset->alertSalt(index);
    int domainCount = 0, fileCount = 0;
    const char *const *domains = catalog::maliciousDomains(&domainCount);
    const char *const *files = catalog::suspiciousFiles(&fileCount);
    Context c{&m_people[size_t(m_dataset->alertPerson(index))], &m_devices[size_t(m_dataset->alertDevice(index))],
              publicIp(salt), QByteArray(), QByteArray(files[(salt >> 40) % quint64(fileCount)]),
              int(2 + (salt >> 48) % 240), salt};
    c.url = "https://" + QByteArray(domains[(salt >> 32) % quint64(domainCount)]) + "/" + pseudoHex(salt, 4);
    return c;
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
            out += c.ip;
        else if (name == "url")
            out += c.url;
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
    w.member("@odata.type", "#microsoft.graph.security.alert");
    w.member("id", id);
    w.member("providerAlertId", id.mid(2));
    w.member("incidentId", incidentId);
    w.member("status", enums::alertStatus().wireName(r.status, includeUnknown));
    w.member("severity", enums::alertSeverity().wireName(r.severity, includeUnknown));
    w.member("classification", enums::alertClassification().wireName(r.classification, includeUnknown));
    w.member("determination", enums::alertDetermination().wireName(r.determination, includeUnknown));
    w.member("serviceSource", enums::serviceSource().wireName(r.serviceSource, includeUnknown));
    w.member("detectionSource", enums::detectionSource().wireName(r.detectionSource, includeUnknown));
    w.member("productName", t.productName);
    w.member("detectorId", pseudoHex(Dataset::mix(m_dataset->seed(), r.templateIndex, 0xde), 16)
                               .insert(8, '-').insert(13, '-').insert(18, '-').insert(23, '-'));
    w.member("tenantId", m_tenantId);
    if (extra && !extra->title.isNull())
        w.member("title", extra->title);
    else
        w.member("title", expand(t.title, c));
    if (extra && !extra->description.isNull())
        w.member("description", extra->description);
    else
        w.member("description", expand(t.description, c));
    w.member("recommendedActions", expand(t.recommendedActions, c));
    w.member("category", t.category);
    w.key("assignedTo");
    if (r.assignedTo < 0)
        w.valueNull();
    else
        w.value(m_dataset->string(r.assignedTo));
    w.member("alertWebUrl", QByteArray("https://security.microsoft.com/alerts/" + id + "?tid=" + m_tenantId));
    w.member("incidentWebUrl", QByteArray("https://security.microsoft.com/incidents/" + incidentId + "?tid=" + m_tenantId));
    w.memberNull("actorDisplayName");
    w.memberNull("alertPolicyId");
    w.key("threatDisplayName");
    if (t.threatFamily)
        w.value(t.threatFamily);
    else
        w.valueNull();
    w.key("threatFamilyName");
    if (t.threatFamily)
        w.value(QByteArrayView(t.threatFamily).sliced(QByteArrayView(t.threatFamily).lastIndexOf('/') + 1));
    else
        w.valueNull();
    w.key("mitreTechniques");
    writeMitre(w, t.mitreTechniques);
    w.key("categories");
    w.beginArray();
    w.value(t.category);
    w.endArray();
    w.memberTicks("createdDateTime", r.createdTicks);
    w.memberTicks("lastUpdateDateTime", r.lastUpdateTicks);
    w.memberTicks("resolvedDateTime", r.resolvedTicks);
    w.memberTicks("firstActivityDateTime", r.createdTicks - qint64(r.activitySpanSeconds) * kTicksPerSecond);
    w.memberTicks("lastActivityDateTime", r.createdTicks - qint64(r.activitySpanSeconds % 300) * kTicksPerSecond);
    w.key("comments");
    writeComments(w, m_dataset->comments(index));
    w.key("systemTags");
    w.beginArray();
    if (r.severity == severity::High && (c.salt & 0xf) == 0)
        w.value("Attack Disruption");
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
    w.member("@odata.type", type);
    w.memberTicks("createdDateTime", ticks);
    w.member("verdict", verdict);
    w.member("remediationStatus", "none");
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
    w.member("accountName", p.accountName);
    w.member("domainName", "CONTOSO");
    w.member("userSid", p.sid);
    w.member("azureAdUserId", p.id);
    w.member("userPrincipalName", p.upn);
    w.member("displayName", p.displayName);
    w.endObject();
}

void AlertSerializer::writeFileDetails(JsonWriter &w, const QByteArray &name, const QByteArray &path,
                                       quint64 salt) const
{
    w.beginObject();
    w.member("fileName", name);
    w.member("filePath", path);
    w.memberNull("filePublisher");
    w.memberNumber("fileSize", qint64(20'000 + salt % 4'000'000));
    w.memberNull("issuer");
    w.member("md5", pseudoHex(salt ^ 0x3d5, 16));
    w.member("sha1", pseudoHex(salt ^ 0x5a1, 20));
    w.member("sha256", pseudoHex(salt ^ 0x256, 32));
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
        w.member("mdeDeviceId", d.mdeDeviceId);
        w.member("azureAdDeviceId", d.aadDeviceId);
        w.member("deviceDnsName", d.fqdn);
        w.member("hostName", d.hostName);
        w.member("ntDomain", "CONTOSO");
        w.member("dnsDomain", "corp.contoso.com");
        w.member("osPlatform", d.osPlatform);
        w.memberNumber("osBuild", d.osBuild);
        w.member("version", d.osBuild >= 22000 ? "23H2" : "22H2");
        w.member("healthStatus", "active");
        w.member("riskScore", r.severity >= severity::High ? "high" : "medium");
        w.memberNumber("rbacGroupId", 0);
        w.memberNull("rbacGroupName");
        w.member("onboardingStatus", "onboarded");
        w.member("defenderAvStatus", "updated");
        w.memberTicks("firstSeenDateTime", ticks - qint64(400 + c.salt % 300) * 86'400 * kTicksPerSecond);
        w.member("lastIpAddress", d.ip);
        w.member("lastExternalIpAddress", c.ip);
        w.key("ipInterfaces");
        w.beginArray();
        w.value(d.ip);
        w.endArray();
        w.key("loggedOnUsers");
        w.beginArray();
        w.beginObject();
        w.member("accountName", p.accountName);
        w.member("domainName", "CONTOSO");
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
        w.member("primaryAddress", p.upn);
        w.member("upn", p.upn);
        writeUserAccount(w, p);
        w.endObject();
    }
    if (t.evidence & evidence::Message) {
        writeEvidenceBase(w, "#microsoft.graph.security.analyzedMessageEvidence", ticks, verdict, nullptr);
        w.member("networkMessageId", pseudoHex(c.salt ^ 0x11, 16).insert(8, '-').insert(13, '-').insert(18, '-').insert(23, '-'));
        w.member("internetMessageId", "<" + pseudoHex(c.salt ^ 0x12, 12) + "@mail.fabrikam-billing.com>");
        w.member("subject", "Action required: invoice " + QByteArray::number(c.count * 1117));
        w.key("p1Sender");
        w.beginObject();
        w.member("emailAddress", "billing@fabrikam-billing.com");
        w.member("displayName", "Fabrikam Billing");
        w.member("domainName", "fabrikam-billing.com");
        w.endObject();
        w.key("p2Sender");
        w.beginObject();
        w.member("emailAddress", "billing@fabrikam-billing.com");
        w.member("displayName", "Fabrikam Billing");
        w.member("domainName", "fabrikam-billing.com");
        w.endObject();
        w.member("recipientEmailAddress", p.upn);
        w.member("senderIp", c.ip);
        w.member("deliveryAction", "delivered");
        w.member("deliveryLocation", "inbox");
        w.member("antiSpamDirection", "inbound");
        w.member("language", "en");
        w.memberTicks("receivedDateTime", ticks - 90 * kTicksPerSecond);
        w.memberNumber("attachmentsCount", 0);
        w.memberNumber("urlCount", 1);
        w.key("urls");
        w.beginArray();
        w.value(c.url);
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
        w.member("processCommandLine", "powershell.exe -NoProfile -ExecutionPolicy Bypass -EncodedCommand "
                                           + QByteArray(pseudoHex(c.salt, 12)).toBase64());
        w.memberTicks("processCreationDateTime", ticks - 30 * kTicksPerSecond);
        w.memberTicks("parentProcessCreationDateTime", ticks - 3600 * kTicksPerSecond);
        w.member("detectionStatus", "detected");
        w.member("mdeDeviceId", d.mdeDeviceId);
        w.key("imageFile");
        writeFileDetails(w, "powershell.exe", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0", 0x9051);
        w.key("parentProcessImageFile");
        writeFileDetails(w, "explorer.exe", "C:\\Windows", 0xe791);
        writeUserAccount(w, p);
        w.endObject();
    }
    if (t.evidence & evidence::File) {
        writeEvidenceBase(w, "#microsoft.graph.security.fileEvidence", ticks, verdict, nullptr);
        w.member("detectionStatus", r.status == alertstatus::Resolved ? "prevented" : "detected");
        w.member("mdeDeviceId", d.mdeDeviceId);
        w.key("fileDetails");
        writeFileDetails(w, c.file, filePath, c.salt);
        w.endObject();
    }
    if (t.evidence & evidence::Registry) {
        writeEvidenceBase(w, "#microsoft.graph.security.registryKeyEvidence", ticks, verdict, nullptr);
        w.member("registryHive", "HKEY_CURRENT_USER");
        w.member("registryKey", "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run");
        w.endObject();
    }
    if (t.evidence & evidence::Ip) {
        int countryCount = 0;
        const char *const *countries = catalog::countries(&countryCount);
        const int ci = int((c.salt >> 36) % quint64(countryCount));
        writeEvidenceBase(w, "#microsoft.graph.security.ipEvidence", ticks, verdict, "attacker");
        w.member("ipAddress", c.ip);
        w.member("countryLetterCode", countries[2 * ci]);
        w.key("location");
        w.beginObject();
        w.member("city", countries[2 * ci + 1]);
        w.member("countryName", countries[2 * ci]);
        w.endObject();
        w.memberNull("stream");
        w.endObject();
    }
    if (t.evidence & evidence::Url) {
        writeEvidenceBase(w, "#microsoft.graph.security.urlEvidence", ticks, verdict, nullptr);
        w.member("url", c.url);
        w.endObject();
    }
    if (t.evidence & evidence::CloudApp) {
        writeEvidenceBase(w, "#microsoft.graph.security.cloudApplicationEvidence", ticks, verdict, nullptr);
        w.memberNumber("appId", 11161);
        w.member("displayName", "Office 365");
        w.memberNumber("instanceId", 0);
        w.member("instanceName", "Office 365");
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
