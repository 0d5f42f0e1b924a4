#include "alertcatalog.h"

#include "graphenum.h"

#include <iterator>

namespace graphsim::catalog {

namespace {
using namespace evidence;
// serviceSource member indexes
constexpr quint8 MDE = 1, MDI = 2, MDCA = 3, MDO = 4, M365D = 5, AADIP = 6, APPGOV = 7, DLP = 8, MDC = 10,
                 SENTINEL = 11, IRM = 12;
// detectionSource member indexes
constexpr quint8 D_MDE = 1, D_AV = 2, D_SMARTSCREEN = 3, D_MDO = 5, D_AIR = 6, D_CUSTOM = 8, D_MDI = 9,
                 D_MCAS = 10, D_M365D = 11, D_AADIP = 12, D_DLP = 14, D_APPGOV = 16, D_SERVERS = 20,
                 D_STORAGE = 21, D_SCHEDULED = 31, D_IRM = 34;
constexpr quint8 INFO = severity::Informational, LOW = severity::Low, MED = severity::Medium, HIGH = severity::High;

const AlertTemplate kTemplates[] = {
    {"Suspicious execution of hidden file",
     "A hidden file was launched on {device} by {user}. Attackers hide payloads as hidden files to avoid detection; {file} ran from a user-writable folder.",
     "DefenseEvasion", "T1564.001", MDE, D_MDE, "Microsoft Defender for Endpoint",
     "Review the process tree on {device}, collect an investigation package and isolate the device if the file is unknown.",
     User | Device | File | Process, MED, nullptr, 8},
    {"Suspicious PowerShell command line",
     "A suspicious PowerShell command line was run by {user} on {device}. The command downloads and runs content from {url}.",
     "Execution", "T1059.001,T1105", MDE, D_MDE, "Microsoft Defender for Endpoint",
     "Examine the full command line, block {url} with a custom indicator and check other devices for the same command.",
     User | Device | Process | Url, MED, nullptr, 10},
    {"Possible credential theft via LSASS memory access",
     "A process on {device} read the memory of the LSASS process, a common way to steal credentials of signed-in users such as {user}.",
     "CredentialAccess", "T1003.001", MDE, D_MDE, "Microsoft Defender for Endpoint",
     "Reset the credentials of accounts that signed in to {device} and investigate the process that accessed LSASS.",
     User | Device | Process | File, HIGH, nullptr, 5},
    {"Ransomware behavior detected in the file system",
     "Files on {device} were encrypted and renamed in rapid succession by {file}, consistent with ransomware. {count} files were affected.",
     "Impact", "T1486,T1490", MDE, D_MDE, "Microsoft Defender for Endpoint",
     "Isolate {device} immediately, stop the process, and restore affected files from backup.",
     User | Device | File | Process, HIGH, "Ransom:Win32/LockBit", 2},
    {"'Emotet' malware was prevented",
     "Microsoft Defender Antivirus detected and blocked {file} on {device}. The file is associated with the Emotet family.",
     "Malware", "T1204.002", MDE, D_AV, "Microsoft Defender for Endpoint",
     "Run a full antivirus scan on {device} and check where {file} came from.",
     User | Device | File, LOW, "Emotet", 9},
    {"Suspicious scheduled task created",
     "A scheduled task that runs {file} at logon was created on {device}, a common persistence technique.",
     "Persistence", "T1053.005", MDE, D_MDE, "Microsoft Defender for Endpoint",
     "Review the scheduled task and remove it if it is not authorised.",
     Device | Process | File | Registry, MED, nullptr, 6},
    {"Connection to a custom network indicator",
     "{device} connected to {ip}, which matches a network indicator defined by your organisation.",
     "CommandAndControl", "T1071", MDE, D_CUSTOM, "Microsoft Defender for Endpoint",
     "Check what process made the connection and whether data was sent.",
     Device | Ip | Process, MED, nullptr, 4},
    {"Email messages containing malicious URL removed after delivery",
     "Emails containing a malicious URL ({url}) were delivered to {count} mailboxes, including {user}, and later removed by zero-hour auto purge.",
     "InitialAccess", "T1566.002", MDO, D_MDO, "Microsoft Defender for Office 365",
     "Check whether any recipient clicked the link and reset credentials where needed.",
     User | Mailbox | Message | Url, MED, nullptr, 8},
    {"A potentially malicious URL click was detected",
     "{user} clicked a link to {url} that Safe Links later classified as malicious.",
     "InitialAccess", "T1566.002", MDO, D_MDO, "Microsoft Defender for Office 365",
     "Investigate the user's activity after the click and block the URL.",
     User | Mailbox | Url | Ip, HIGH, nullptr, 5},
    {"Email reported by user as malware or phish",
     "{user} reported an email as phishing. The message came from an external sender and contains a link to {url}.",
     "InitialAccess", "T1566.001", MDO, D_MDO, "Microsoft Defender for Office 365",
     "Review the submission and purge similar messages from other mailboxes.",
     User | Mailbox | Message, INFO, nullptr, 7},
    {"Suspicious email forwarding activity",
     "{user} set up an inbox rule forwarding mail to an external address, a sign of a compromised mailbox.",
     "Exfiltration", "T1114.003", MDO, D_MDO, "Microsoft Defender for Office 365",
     "Remove the forwarding rule and review recent sign-ins of {user}.",
     User | Mailbox | Ip, MED, nullptr, 4},
    {"Suspected DCSync attack (replication of directory services)",
     "{user} on {device} sent a replication request to a domain controller. Only domain controllers should replicate the directory.",
     "CredentialAccess", "T1003.006", MDI, D_MDI, "Microsoft Defender for Identity",
     "Check whether {device} is a legitimate domain controller and reset the krbtgt password if not.",
     User | Device | Ip, HIGH, nullptr, 3},
    {"Suspected brute-force attack (LDAP)",
     "{count} failed LDAP authentication attempts against {user} came from {device} ({ip}).",
     "CredentialAccess", "T1110.001", MDI, D_MDI, "Microsoft Defender for Identity",
     "Enforce strong passwords and investigate {device}.",
     User | Device | Ip, MED, nullptr, 5},
    {"Account enumeration reconnaissance",
     "{device} ran account enumeration queries against the domain controller, listing {count} accounts.",
     "Discovery", "T1087.002", MDI, D_MDI, "Microsoft Defender for Identity",
     "Find out which process on {device} made the queries.",
     User | Device | Ip, LOW, nullptr, 4},
    {"Impossible travel activity",
     "{user} signed in from {ip} and from a distant location within a time frame that makes travel between them impossible.",
     "InitialAccess", "T1078", MDCA, D_MCAS, "Microsoft Defender for Cloud Apps",
     "Confirm with {user} whether both sign-ins were theirs; otherwise revoke sessions and reset the password.",
     User | Ip | CloudApp, MED, nullptr, 7},
    {"Mass download by a single user",
     "{user} downloaded {count} files from SharePoint in a single session, far above their usual activity.",
     "Exfiltration", "T1530", MDCA, D_MCAS, "Microsoft Defender for Cloud Apps",
     "Review the downloaded files and the device used.",
     User | Ip | CloudApp, MED, nullptr, 4},
    {"Activity from infrequent country",
     "{user} performed activity from {ip}, in a country not seen for this user or organisation recently.",
     "InitialAccess", "T1078", MDCA, D_MCAS, "Microsoft Defender for Cloud Apps",
     "Check whether the user travels or uses a VPN.",
     User | Ip | CloudApp, LOW, nullptr, 6},
    {"Unfamiliar sign-in properties",
     "A sign-in for {user} from {ip} had properties (device, location, network) not seen for this user before.",
     "InitialAccess", "T1078.004", AADIP, D_AADIP, "Microsoft Entra ID Protection",
     "Require the user to confirm the sign-in with multifactor authentication.",
     User | Ip, LOW, nullptr, 9},
    {"Anonymous IP address",
     "{user} signed in from {ip}, an anonymous proxy or Tor exit node.",
     "InitialAccess", "T1090.003", AADIP, D_AADIP, "Microsoft Entra ID Protection",
     "Block sign-ins from anonymous networks with Conditional Access.",
     User | Ip, MED, nullptr, 5},
    {"Leaked credentials",
     "Credentials of {user} were found in a public leak.",
     "CredentialAccess", "T1589.001", AADIP, D_AADIP, "Microsoft Entra ID Protection",
     "Require a secure password change for {user}.",
     User, HIGH, nullptr, 2},
    {"Password spray",
     "A password spray attack from {ip} targeted {count} accounts including {user}.",
     "CredentialAccess", "T1110.003", AADIP, D_AADIP, "Microsoft Entra ID Protection",
     "Block {ip} and require MFA for the targeted accounts.",
     User | Ip, HIGH, nullptr, 3},
    {"Multi-stage incident involving Initial access & Execution",
     "Microsoft Defender XDR correlated activity on {device} and the mailbox of {user} into a multi-stage attack.",
     "Execution", "T1566,T1204", M365D, D_M365D, "Microsoft Defender XDR",
     "Investigate the incident graph and contain the affected assets.",
     User | Device | Mailbox | Url, HIGH, nullptr, 3},
    {"Suspicious OAuth app consent",
     "{user} granted a newly registered OAuth application broad mail permissions.",
     "Persistence", "T1098.003", APPGOV, D_APPGOV, "Microsoft Defender for Cloud Apps",
     "Review the app's permissions and revoke consent if needed.",
     User | CloudApp, MED, nullptr, 2},
    {"DLP policy (Financial data) matched for email",
     "An email sent by {user} to an external recipient matched the financial-data DLP policy ({count} sensitive items).",
     "Exfiltration", "T1048", DLP, D_DLP, "Microsoft Data Loss Prevention",
     "Review the message and the policy tip the user saw.",
     User | Mailbox, LOW, nullptr, 4},
    {"Suspicious process executed on a server",
     "Analysis of host data on {device} detected a suspicious process ({file}) commonly used by attackers.",
     "Execution", "T1059", MDC, D_SERVERS, "Microsoft Defender for Cloud",
     "Review the process on {device} and its parent.",
     Device | Process | File, MED, nullptr, 3},
    {"Access from a suspicious IP to a storage account",
     "A storage account was accessed from {ip}, which threat intelligence associates with malicious activity.",
     "InitialAccess", "T1190", MDC, D_STORAGE, "Microsoft Defender for Cloud",
     "Rotate the storage account keys and review access logs.",
     Ip | CloudApp, MED, nullptr, 2},
    {"Rare subscription-level operations in Azure",
     "{user} performed {count} rare subscription-level operations from {ip}.",
     "Persistence", "T1078.004", SENTINEL, D_SCHEDULED, "Microsoft Sentinel",
     "Confirm the operations with {user}.",
     User | Ip, LOW, nullptr, 3},
    {"Multiple RDP connections from a single system",
     "{device} opened RDP connections to {count} systems within an hour.",
     "LateralMovement", "T1021.001", SENTINEL, D_SCHEDULED, "Microsoft Sentinel",
     "Check whether the connections were administrative work.",
     Device | Ip | User, MED, nullptr, 3},
    {"Data exfiltration by a departing employee",
     "{user}, who has a resignation date set, copied {count} files to a personal cloud storage location.",
     "Exfiltration", "T1567.002", IRM, D_IRM, "Microsoft Purview Insider Risk Management",
     "Review the activity with HR and legal.",
     User | File, MED, nullptr, 1},
    {"Automated investigation started manually",
     "An automated investigation was started on {device} by a security analyst.",
     "SuspiciousActivity", "", MDE, D_AIR, "Microsoft Defender for Endpoint",
     "Review the investigation's findings.",
     Device, INFO, nullptr, 3},
    {"Malicious URL blocked by SmartScreen",
     "SmartScreen blocked {user} from opening {url} on {device}.",
     "InitialAccess", "T1189", MDE, D_SMARTSCREEN, "Microsoft Defender for Endpoint",
     "No action needed unless the user bypassed the warning.",
     User | Device | Url, INFO, nullptr, 4},
};

const LegacyProvider kProviders[] = {
    {"IPC", "2.0", nullptr, true},
    {"MCAS", "0.1", nullptr, true},
    {"Azure Advanced Threat Protection", "1.0", nullptr, true},
    {"ASC", "3", "Detection", true},
    {"Azure Sentinel", "1.0", nullptr, true},
    {"Microsoft Defender ATP", "2.0", "MicrosoftDefenderATP", false},
};

const LegacyTemplate kLegacy[] = {
    {0, "Anonymous IP address", "Sign-in from an anonymous IP address (e.g. Tor browser, anonymizer VPNs)", "anonymousLogin", MED, User | Ip},
    {0, "Unfamiliar sign-in properties", "Sign-in with properties not seen recently for the given user", "unfamiliarLocation", LOW, User | Ip},
    {0, "Leaked credentials", "User credentials were found in a public leak", "credentialLeakage", HIGH, User},
    {0, "Impossible travel to atypical locations", "Sign-ins from locations that are too far apart for the time between them", "impossibleTravel", MED, User | Ip},
    {1, "Mass download by a single user", "A user downloaded an unusually large number of files", "anomalousDataAccess", MED, User | Ip},
    {1, "Activity from infrequent country", "Activity from a country not recently visited by any user in the organisation", "abnormalLogin", LOW, User | Ip},
    {1, "Sensitive file exfiltration", "Files labelled confidential were shared to a personal account", "sensitiveFileExfiltration", HIGH, User | File},
    {2, "Reconnaissance using directory services queries", "A device enumerated users and groups with SAM-R queries", "reconnaissance", MED, User | Device},
    {2, "Suspected brute force attack (Kerberos, NTLM)", "Many authentication failures against one account", "abnormalLogin", MED, User | Device | Ip},
    {3, "Suspicious PowerShell Activity Detected", "Analysis of host data detected a PowerShell script with suspicious features", "suspiciousPowerShell", MED, Device | Process},
    {3, "Failed RDP Brute Force Attack", "Several remote desktop login failures from one source", "rdpBruteforce", LOW, Device | Ip},
    {3, "Antimalware Action Taken", "Microsoft Antimalware took an action to protect the machine", "antimalwareActionTaken", LOW, Device | File},
    {4, "Threat intelligence map matching", "Traffic to an IP address listed in threat intelligence", "threatIntelligence", HIGH, Device | Ip},
    {4, "Communication with suspicious domain", "A device resolved a domain used by a known attacker", "suspiciousDomain", MED, Device | Ip},
    {5, "Ransomware behavior detected", "Files were encrypted in rapid succession", "ransomware", HIGH, User | Device | File | Process},
    {5, "Keylogger trojan detected", "A keylogging component was found running", "keyloggerTrojan", HIGH, Device | File | Process},
    {5, "Exploit attempt detected", "A document attempted to exploit a vulnerability", "exploit", MED, User | Device | File},
    {5, "Malware detected", "Microsoft Defender Antivirus found malware", "malware", LOW, Device | File},
};

const char *const kFirst[] = {"Ava", "Liam", "Noah", "Emma", "Olivia", "Mateo", "Sofia", "Lucas", "Mia", "Ethan",
                              "Isla", "Hugo", "Chloe", "Arjun", "Priya", "Kenji", "Yuki", "Amara", "Tomas", "Elena",
                              "Omar", "Leila", "Jonas", "Freya", "Diego", "Nadia", "Felix", "Zara", "Ravi", "Ines"};
const char *const kLast[] = {"Garcia", "Nguyen", "Smith", "Kowalski", "Haddad", "Okafor", "Tanaka", "Schmidt",
                             "Rossi", "Dubois", "Silva", "Johansson", "Murphy", "Khan", "Novak", "Ivanova",
                             "Larsen", "Moreau", "Costa", "Fischer", "Yilmaz", "Park", "Chen", "Brown"};
const char *const kDepartments[] = {"FIN", "HR", "ENG", "SALES", "OPS", "LEGAL", "IT", "MKT"};
const char *const kDomains[] = {"login-micros0ft-online.com", "invoice-docs-share.net", "secure-payroll-update.info",
                                "cdn-fileshare-sync.xyz", "account-verify-portal.org", "dropbox-files-secure.com",
                                "office365-auth-check.net", "tracking-parcel-notice.biz"};
const char *const kFiles[] = {"invoice_2024.pdf.exe", "update.ps1", "svchost32.exe", "payload.dll", "mimikatz.exe",
                              "rclone.exe", "setup_helper.vbs", "ChromeUpdate.exe", "procdump64.exe", "winlogin.scr"};
const char *const kCountries[] = {"US", "Seattle", "NL", "Amsterdam", "DE", "Frankfurt", "BR", "Sao Paulo", "NG",
                                  "Lagos", "RU", "Moscow", "SG", "Singapore", "FR", "Paris", "IN", "Mumbai"};
const char *const kComments[] = {"Investigating with the device owner.", "Confirmed with the user: expected activity.",
                                 "Isolated the device pending analysis.", "Escalated to tier 2.",
                                 "Password reset and sessions revoked.", "Known pen-test window, closing."};
} // namespace

const AlertTemplate *alertTemplates(int *count)
{
    *count = int(std::size(kTemplates));
    return kTemplates;
}

int alertTemplateWeightTotal()
{
    int total = 0;
    for (const AlertTemplate &t : kTemplates)
        total += t.weight;
    return total;
}

const LegacyTemplate *legacyTemplates(int *count)
{
    *count = int(std::size(kLegacy));
    return kLegacy;
}

const LegacyProvider *legacyProviders(int *count)
{
    *count = int(std::size(kProviders));
    return kProviders;
}

const char *const *firstNames(int *count) { *count = int(std::size(kFirst)); return kFirst; }
const char *const *lastNames(int *count) { *count = int(std::size(kLast)); return kLast; }
const char *const *departments(int *count) { *count = int(std::size(kDepartments)); return kDepartments; }
const char *const *maliciousDomains(int *count) { *count = int(std::size(kDomains)); return kDomains; }
const char *const *suspiciousFiles(int *count) { *count = int(std::size(kFiles)); return kFiles; }
const char *const *countries(int *count) { *count = int(std::size(kCountries) / 2); return kCountries; }
const char *const *commentTexts(int *count) { *count = int(std::size(kComments)); return kComments; }

} // namespace graphsim::catalog
