// Evidence of alerts_v2 alerts (part of AlertSerializer): one object per evidence kind the
// alert's template names, each with its @odata.type and the base alertEvidence properties.
#include "alertserializer.h"

#include "alertcatalog.h"
#include "dataset.h"
#include "graphenum.h"
#include "jsonwriter.h"

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
} // namespace

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

} // namespace graphsim
