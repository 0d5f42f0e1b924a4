// Deterministic generation of the simulated tenant (part of Dataset).
#include "dataset.h"

#include "alertcatalog.h"
#include "graphenum.h"
#include "jsonwriter.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcDataset, "graphsim.dataset", QtInfoMsg)

namespace graphsim {

namespace {
constexpr qint64 kTicksPerSecond = 10'000'000;
constexpr qint64 kTicksPerHour = 3600 * kTicksPerSecond;
constexpr qint64 kTicksPerDay = 24 * kTicksPerHour;

struct UserSeed
{
    const char *given;
    const char *surname;
    const char *alias;
    const char *jobTitle;
    const char *office;
    SecurityRole role;
    bool mailbox;
};

const UserSeed kUsers[] = {
    {"Avery", "Chen", "AveryC", "Security Administrator", "Seattle", SecurityRole::Administrator, true},
    {"Jordan", "Patel", "JordanP", "SOC Analyst", "Dublin", SecurityRole::Operator, true},
    {"Riley", "Novak", "RileyN", "SOC Analyst", "Dublin", SecurityRole::Operator, true},
    {"Sam", "Rivera", "SamR", "Compliance Auditor", "Austin", SecurityRole::Reader, true},
    {"Morgan", "Lee", "MorganL", "Finance Manager", "Seattle", SecurityRole::None, true},
    {"Casey", "Okafor", "CaseyO", "Contractor", "Remote", SecurityRole::None, false},
};

} // namespace

void Dataset::generate(quint64 seed, int alerts, int legacyAlerts, qint64 nowTicks)
{
    m_seed = seed;
    m_alerts.clear();
    m_extras.clear();
    m_incidents.clear();
    m_incidentExtras.clear();
    m_legacy.clear();
    m_legacyIndex.clear();
    m_strings.clear();
    m_stringsUtf8.clear();
    m_stringIndex.clear();
    generateDirectory();
    generateAlerts(qMax(0, alerts), nowTicks);
    generateLegacy(qMax(0, legacyAlerts), nowTicks);
    qCDebug(lcDataset) << "generated" << m_alerts.size() << "alerts in" << m_incidents.size() << "incidents and"
                       << m_legacy.size() << "legacy alerts";
}

void Dataset::generateDirectory()
{
    m_tenantId = guid(mix(m_seed, 1, 0x7e), mix(m_seed, 2, 0x7e));
    m_tenantDomain = QStringLiteral("contoso.onmicrosoft.com");
    m_users.clear();
    m_analysts.clear();
    int u = 0;
    for (const UserSeed &s : kUsers) {
        SimUser user;
        user.id = guid(mix(m_seed, quint64(u), 0x05e), mix(m_seed, quint64(u), 0x05f));
        user.givenName = QString::fromUtf8(s.given);
        user.surname = QString::fromUtf8(s.surname);
        user.displayName = user.givenName + u' ' + user.surname;
        user.userPrincipalName = QString::fromUtf8(s.alias) + u'@' + m_tenantDomain;
        if (s.mailbox)
            user.mail = user.userPrincipalName;
        user.jobTitle = QString::fromUtf8(s.jobTitle);
        user.officeLocation = QString::fromUtf8(s.office);
        user.businessPhones = {QStringLiteral("+1 425 555 01%1").arg(10 + u)};
        user.mobilePhone = QStringLiteral("+1 206 555 02%1").arg(10 + u);
        user.role = s.role;
        if (s.role == SecurityRole::Operator || s.role == SecurityRole::Administrator)
            m_analysts.append(user.userPrincipalName);
        m_users.append(user);
        ++u;
    }

    int firstCount = 0, lastCount = 0, deptCount = 0;
    const char *const *first = catalog::firstNames(&firstCount);
    const char *const *last = catalog::lastNames(&lastCount);
    const char *const *depts = catalog::departments(&deptCount);
    m_people.clear();
    const int peopleCount = 400;
    for (int i = 0; i < peopleCount; ++i) {
        const int a = i % firstCount;
        const int b = (a + 7 * (i / firstCount)) % lastCount;
        Person p;
        const QString given = QString::fromUtf8(first[a]);
        const QString surname = QString::fromUtf8(last[b]);
        p.displayName = given + u' ' + surname;
        p.accountName = (given.left(1) + surname).toLower();
        if (i >= firstCount * lastCount)
            p.accountName += QString::number(i);
        p.userPrincipalName = p.accountName + u'@' + m_tenantDomain;
        p.id = guid(mix(m_seed, quint64(i), 0xbe0), mix(m_seed, quint64(i), 0xbe1));
        const quint64 h = mix(m_seed, quint64(i), 0x51d);
        p.sid = QStringLiteral("S-1-5-21-%1-%2-%3-%4")
                    .arg(1004336348 + int(m_seed % 1000))
                    .arg(1177238915)
                    .arg(682003330)
                    .arg(1100 + int(h % 50000));
        m_people.push_back(p);
    }

    m_devices.clear();
    const int deviceCount = 300;
    for (int i = 0; i < deviceCount; ++i) {
        const quint64 h = mix(m_seed, quint64(i), 0xde7);
        Device d;
        const bool server = h % 10 == 0;
        if (server) {
            static const char *const roles[] = {"DC", "FS", "SQL", "WEB", "APP", "EXCH"};
            d.hostName = QStringLiteral("SRV-%1%2").arg(QString::fromUtf8(roles[(h >> 8) % 6])).arg(i % 90 + 10, 2, 10, QChar(u'0'));
            d.osPlatform = QStringLiteral("WindowsServer2022");
            d.osBuild = 20348;
        } else {
            d.hostName = QStringLiteral("%1-WS-%2").arg(QString::fromUtf8(depts[(h >> 8) % deptCount])).arg(1000 + i);
            const bool win11 = (h >> 16) % 3 != 0;
            d.osPlatform = win11 ? QStringLiteral("Windows11") : QStringLiteral("Windows10");
            d.osBuild = win11 ? 22631 : 19045;
        }
        d.fqdn = d.hostName.toLower() + QStringLiteral(".corp.contoso.com");
        d.mdeDeviceId = (QString::number(mix(m_seed, quint64(i), 0xd1), 16).rightJustified(16, u'0')
                         + QString::number(mix(m_seed, quint64(i), 0xd2), 16).rightJustified(16, u'0')
                         + QString::number(mix(m_seed, quint64(i), 0xd3) >> 32, 16).rightJustified(8, u'0'));
        d.azureAdDeviceId = guid(mix(m_seed, quint64(i), 0xd4), mix(m_seed, quint64(i), 0xd5));
        d.ipAddress = QStringLiteral("10.%1.%2.%3").arg((h >> 24) % 8 + 1).arg((h >> 32) % 250 + 1).arg((h >> 40) % 250 + 2);
        m_devices.push_back(d);
    }
}

void Dataset::fillAlertState(AlertRecord &r, quint64 h, qint64 nowTicks) const
{
    int templateCount = 0;
    const AlertTemplate *templates = catalog::alertTemplates(&templateCount);
    const AlertTemplate &t = templates[r.templateIndex];
    r.serviceSource = t.serviceSource;
    r.detectionSource = t.detectionSource;
    const quint64 sv = h % 10;
    r.severity = sv < 6 ? t.baseSeverity
                        : (sv < 8 ? quint8(qMax(int(severity::Informational), t.baseSeverity - 1))
                                  : quint8(qMin(int(severity::High), t.baseSeverity + 1)));
    const qint64 age = nowTicks - r.createdTicks;
    const quint64 s = (h >> 8) % 100;
    if (age < kTicksPerDay)
        r.status = s < 70 ? alertstatus::New : (s < 90 ? alertstatus::InProgress : alertstatus::Resolved);
    else if (age < 7 * kTicksPerDay)
        r.status = s < 35 ? alertstatus::New : (s < 60 ? alertstatus::InProgress : alertstatus::Resolved);
    else
        r.status = s < 10 ? alertstatus::New : (s < 20 ? alertstatus::InProgress : alertstatus::Resolved);

    const quint64 c = (h >> 16) % 100;
    if (r.status == alertstatus::Resolved)
        r.classification = c < 35 ? classification::TruePositive
                                  : (c < 55 ? classification::FalsePositive
                                            : classification::InformationalExpectedActivity);
    else
        r.classification = c < 15 ? classification::TruePositive : classification::Unknown;

    const GraphEnum &det = enums::alertDetermination();
    const quint64 d = h >> 24;
    static const char *const tp[] = {"malware", "phishing", "compromisedAccount", "maliciousUserActivity",
                                     "multiStagedAttack", "unwantedSoftware", "apt"};
    static const char *const fp[] = {"notMalicious", "notEnoughDataToValidate", "other"};
    static const char *const iea[] = {"securityTesting", "lineOfBusinessApplication", "confirmedActivity",
                                      "securityPersonnel"};
    switch (r.classification) {
    case classification::TruePositive: r.determination = quint8(det.parse(QString::fromLatin1(tp[d % 7]))); break;
    case classification::FalsePositive: r.determination = quint8(det.parse(QString::fromLatin1(fp[d % 3]))); break;
    case classification::InformationalExpectedActivity:
        r.determination = quint8(det.parse(QString::fromLatin1(iea[d % 4])));
        break;
    default: r.determination = 0; break;
    }

    const quint64 a = (h >> 32) % 100;
    const bool assigned = r.status != alertstatus::New || a < 40;
    r.assignedTo = -1;
    if (assigned && !m_analysts.isEmpty())
        r.assignedTo = m_stringIndex.value(m_analysts.at(int((h >> 40) % quint64(m_analysts.size()))), -1);

    r.activitySpanSeconds = quint32((h >> 44) % 7200);
    if (r.status == alertstatus::New) {
        r.lastUpdateTicks = r.createdTicks + qint64((h >> 48) % 600) * kTicksPerSecond;
    } else {
        const qint64 work = qint64((h >> 48) % 120 + 1) * kTicksPerHour / 4;
        r.lastUpdateTicks = r.createdTicks + work;
    }
    r.lastUpdateTicks = qMin(r.lastUpdateTicks, nowTicks);
    r.resolvedTicks = r.status == alertstatus::Resolved ? r.lastUpdateTicks : 0;
}

void Dataset::generateAlerts(int count, qint64 nowTicks)
{
    for (const QString &analyst : std::as_const(m_analysts))
        intern(analyst);
    m_alerts.reserve(size_t(count) + 1024);
    int templateCount = 0;
    const AlertTemplate *templates = catalog::alertTemplates(&templateCount);
    const int weightTotal = catalog::alertTemplateWeightTotal();
    // A busy tenant: the alerts span 30 days, or 90 days for big datasets.
    const qint64 span = (count > 50'000 ? 90 : 30) * kTicksPerDay;
    const qint64 start = nowTicks - span;
    const qint64 step = count > 0 ? qMax<qint64>(1, span / count) : 1;
    int currentIncident = -1;
    qint64 incidentStart = 0;
    for (int i = 0; i < count; ++i) {
        const quint64 h = mix(m_seed, quint64(i), 0xa1);
        AlertRecord r;
        r.createdTicks = start + qint64(i) * step + qint64(h % quint64(step));
        int w = int((h >> 20) % quint64(weightTotal));
        int ti = 0;
        while (ti < templateCount - 1 && w >= templates[ti].weight) {
            w -= templates[ti].weight;
            ++ti;
        }
        r.templateIndex = quint16(ti);
        fillAlertState(r, mix(m_seed, quint64(i), 0xa2), nowTicks);
        // Related alerts close in time share an incident (1 to a handful per incident).
        const bool join = currentIncident >= 0 && (h >> 40) % 100 < 45
                          && r.createdTicks - incidentStart < 6 * kTicksPerHour
                          && m_incidents[size_t(currentIncident)].alerts.size() < 8;
        if (join) {
            r.incident = quint32(currentIncident);
            m_alerts.push_back(r);
            m_incidents[size_t(currentIncident)].alerts.append(quint32(i));
        } else {
            IncidentRecord ir;
            ir.createdTicks = r.createdTicks;
            ir.assignedTo = r.assignedTo;
            ir.classification = r.classification;
            ir.determination = r.determination;
            currentIncident = int(m_incidents.size());
            incidentStart = r.createdTicks;
            r.incident = quint32(currentIncident);
            m_incidents.push_back(ir);
            m_alerts.push_back(r);
            m_incidents.back().alerts.append(quint32(i));
        }
    }
    for (int i = 0; i < int(m_incidents.size()); ++i)
        refreshIncident(i);
}

AlertRecord Dataset::makeAlert(quint64 bits, qint64 nowTicks, int templateIndex) const
{
    AlertRecord r;
    r.createdTicks = m_alerts.empty() ? nowTicks : qMax(nowTicks, m_alerts.back().createdTicks + 1);
    r.templateIndex = quint16(templateIndex);
    fillAlertState(r, bits, r.createdTicks);
    r.status = alertstatus::New;
    r.classification = classification::Unknown;
    r.determination = 0;
    r.resolvedTicks = 0;
    r.lastUpdateTicks = r.createdTicks;
    return r;
}

LegacyAlertRecord Dataset::makeLegacy(quint64 h, qint64 nowTicks) const
{
    int templateCount = 0;
    const LegacyTemplate *templates = catalog::legacyTemplates(&templateCount);
    int providerCount = 0;
    catalog::legacyProviders(&providerCount);
    LegacyAlertRecord r;
    r.templateIndex = int(h % quint64(templateCount));
    const LegacyTemplate &t = templates[r.templateIndex];
    r.provider = t.provider;
    r.salt = mix(h, 0x1e, m_seed);
    r.id = guid(r.salt, mix(r.salt, 1)).toUpper();
    if (t.provider == 5)    // Defender ATP ids look like alerts_v2 ids of the endpoint product
        r.id = QStringLiteral("da%1_%2").arg(kUnixEpochTicks + qint64(r.salt % 100'000'000'000'000'000ULL))
                   .arg(qint32(quint32(r.salt >> 32)));
    r.createdTicks = nowTicks;
    r.eventTicks = nowTicks - qint64((h >> 8) % 3600) * kTicksPerSecond;
    r.lastModifiedTicks = nowTicks;
    const quint64 sv = (h >> 16) % 10;
    r.severity = sv < 7 ? t.severity : quint8(qBound(1, t.severity + (sv < 9 ? -1 : 1), 4));
    r.status = legacystatus::NewAlert;
    r.feedback = legacyfeedback::Unknown;
    r.confidence = int((h >> 24) % 60) + 40;
    r.user = int((h >> 32) % m_people.size());
    r.host = int((h >> 40) % m_devices.size());
    return r;
}

void Dataset::generateLegacy(int count, qint64 nowTicks)
{
    const qint64 span = 30 * kTicksPerDay;
    const qint64 step = count > 0 ? qMax<qint64>(1, span / count) : 1;
    for (int i = 0; i < count; ++i) {
        const quint64 h = mix(m_seed, quint64(i), 0x1e9);
        const qint64 created = nowTicks - span + qint64(i) * step + qint64(h % quint64(step));
        LegacyAlertRecord r = makeLegacy(h, created);
        const qint64 age = nowTicks - created;
        const quint64 s = (h >> 48) % 100;
        if (age > 2 * kTicksPerDay && s < 70) {
            r.status = legacystatus::Resolved;
            r.feedback = quint8(1 + (h >> 56) % 3);
            r.lastModifiedTicks = created + qint64(s + 1) * kTicksPerHour;
            r.closedTicks = r.lastModifiedTicks;
            if (!m_analysts.isEmpty())
                r.assignedTo = m_analysts.at(int(s % quint64(m_analysts.size())));
        } else if (s < 85) {
            r.status = legacystatus::InProgress;
            r.lastModifiedTicks = qMin(nowTicks, created + qint64(s % 10 + 1) * kTicksPerHour);
            if (!m_analysts.isEmpty())
                r.assignedTo = m_analysts.at(int(s % quint64(m_analysts.size())));
        }
        addLegacy(r);
    }
}

} // namespace graphsim
