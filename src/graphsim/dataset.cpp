#include "dataset.h"

#include "alertcatalog.h"
#include "graphenum.h"
#include "jsonwriter.h"

namespace graphsim {

namespace {
constexpr qint64 kIdBase = 638000000000000000LL;
constexpr qint64 kIdStride = 1000003;
} // namespace

quint64 Dataset::mix(quint64 a, quint64 b, quint64 c)
{
    // splitmix64 over the three inputs: cheap, well distributed, reproducible everywhere.
    quint64 z = a * 0x9E3779B97F4A7C15ULL ^ (b + 0x632BE59BD9B4E019ULL) * 0xBF58476D1CE4E5B9ULL
                ^ (c + 0x85EBCA77C2B2AE63ULL) * 0x94D049BB133111EBULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

QString Dataset::guid(quint64 a, quint64 b)
{
    // A version-4-shaped GUID from 128 bits.
    const QString hex = QString::number(a, 16).rightJustified(16, u'0')
                        + QString::number(b, 16).rightJustified(16, u'0');
    return hex.mid(0, 8) + u'-' + hex.mid(8, 4) + u"-4" + hex.mid(13, 3) + u'-'
           + QChar(u"89ab"[b >> 62]) + hex.mid(17, 3) + u'-' + hex.mid(20, 12);
}

const SimUser *Dataset::findUser(QStringView key) const
{
    for (const SimUser &user : m_users) {
        if (user.id.compare(key, Qt::CaseInsensitive) == 0
            || user.userPrincipalName.compare(key, Qt::CaseInsensitive) == 0
            || user.displayName.compare(key, Qt::CaseInsensitive) == 0)
            return &user;
    }
    return nullptr;
}

QByteArray Dataset::alertId(int index) const
{
    const quint64 salt = mix(m_seed, quint64(index), 0x1d);
    return "da" + QByteArray::number(kIdBase + qint64(index) * kIdStride + qint64(salt % kIdStride)) + '_'
           + QByteArray::number(qint32(quint32(salt >> 32)));
}

int Dataset::findAlert(QStringView id) const
{
    if (id.size() < 22 || !id.startsWith(u"da"))
        return -1;
    const qsizetype underscore = id.indexOf(u'_');
    if (underscore < 3)
        return -1;
    bool ok = false;
    const qint64 number = id.mid(2, underscore - 2).toLongLong(&ok);
    if (!ok || number < kIdBase)
        return -1;
    const qint64 index = (number - kIdBase) / kIdStride;
    if (index >= qint64(m_alerts.size()))
        return -1;
    return alertId(int(index)) == id.toLatin1() ? int(index) : -1;
}

int Dataset::alertPerson(int index) const
{
    const quint64 h = mix(m_seed, quint64(index), 0x9e);
    // Alerts of one incident mostly involve the incident's user.
    if (h % 10 < 7)
        return int(mix(m_seed, m_alerts[size_t(index)].incident, 0x7a) % m_people.size());
    return int((h >> 8) % m_people.size());
}

int Dataset::alertDevice(int index) const
{
    const quint64 h = mix(m_seed, quint64(index), 0x9f);
    if (h % 10 < 7)
        return int(mix(m_seed, m_alerts[size_t(index)].incident, 0x7b) % m_devices.size());
    return int((h >> 8) % m_devices.size());
}

quint64 Dataset::alertSalt(int index) const
{
    return mix(m_seed, quint64(index), 0xe1);
}

QList<AlertComment> Dataset::generatedComments(int index) const
{
    QList<AlertComment> comments;
    const AlertRecord &r = m_alerts[size_t(index)];
    if (r.status == alertstatus::New || r.assignedTo < 0)
        return comments;
    const quint64 h = mix(m_seed, quint64(index), 0xc0);
    const int count = int(h % 8) < 5 ? 0 : int(1 + (h >> 8) % 2);
    int textCount = 0;
    const char *const *texts = catalog::commentTexts(&textCount);
    for (int i = 0; i < count; ++i) {
        const qint64 span = qMax<qint64>(1, r.lastUpdateTicks - r.createdTicks);
        comments.append({QString::fromUtf8(texts[(h >> (16 + 8 * i)) % textCount]), string(r.assignedTo),
                         r.createdTicks + span * (i + 1) / (count + 1)});
    }
    return comments;
}

QList<AlertComment> Dataset::comments(int index) const
{
    const AlertExtra *e = extra(index);
    if (e && e->commentsSet)
        return e->comments;
    return generatedComments(index);
}

const AlertExtra *Dataset::extra(int index) const
{
    const qint32 e = m_alerts[size_t(index)].extra;
    return e < 0 ? nullptr : &m_extras[size_t(e)];
}

AlertExtra &Dataset::extraFor(int index)
{
    AlertRecord &r = m_alerts[size_t(index)];
    if (r.extra < 0) {
        r.extra = qint32(m_extras.size());
        m_extras.emplace_back();
    }
    return m_extras[size_t(r.extra)];
}

qint32 Dataset::intern(const QString &value)
{
    if (value.isNull())
        return -1;
    const auto it = m_stringIndex.constFind(value);
    if (it != m_stringIndex.cend())
        return it.value();
    const qint32 index = qint32(m_strings.size());
    m_strings.append(value);
    m_stringsUtf8.append(value.toUtf8());
    m_stringIndex.insert(value, index);
    return index;
}

int Dataset::addAlert(AlertRecord record, int incident)
{
    const int index = int(m_alerts.size());
    if (incident < 0 || incident >= int(m_incidents.size())) {
        IncidentRecord ir;
        ir.createdTicks = record.createdTicks;
        ir.assignedTo = record.assignedTo;
        ir.classification = record.classification;
        ir.determination = record.determination;
        incident = int(m_incidents.size());
        m_incidents.push_back(ir);
    }
    record.incident = quint32(incident);
    m_alerts.push_back(record);
    m_incidents[size_t(incident)].alerts.append(quint32(index));
    refreshIncident(incident);
    return index;
}

int Dataset::findIncident(QStringView id) const
{
    bool ok = false;
    const qint64 n = id.toLongLong(&ok);
    if (!ok || n < kIncidentBase || n - kIncidentBase >= qint64(m_incidents.size()))
        return -1;
    return int(n - kIncidentBase);
}

const IncidentExtra *Dataset::incidentExtra(int index) const
{
    const qint32 e = m_incidents[size_t(index)].extra;
    return e < 0 ? nullptr : &m_incidentExtras[size_t(e)];
}

IncidentExtra &Dataset::incidentExtraFor(int index)
{
    IncidentRecord &r = m_incidents[size_t(index)];
    if (r.extra < 0) {
        r.extra = qint32(m_incidentExtras.size());
        m_incidentExtras.emplace_back();
    }
    return m_incidentExtras[size_t(r.extra)];
}

void Dataset::refreshIncident(int index)
{
    IncidentRecord &ir = m_incidents[size_t(index)];
    quint8 sev = 0;
    bool allResolved = true;
    bool anyInProgress = false;
    qint64 last = ir.lastUpdateTicks;
    for (quint32 a : std::as_const(ir.alerts)) {
        const AlertRecord &r = m_alerts[a];
        sev = qMax(sev, r.severity);
        allResolved = allResolved && r.status == alertstatus::Resolved;
        anyInProgress = anyInProgress || r.status == alertstatus::InProgress;
        last = qMax(last, r.lastUpdateTicks);
    }
    ir.severity = sev;
    ir.status = allResolved ? incidentstatus::Resolved
                            : (anyInProgress ? incidentstatus::InProgress : incidentstatus::Active);
    ir.lastUpdateTicks = last;
}

int Dataset::addLegacy(LegacyAlertRecord record)
{
    const int index = int(m_legacy.size());
    m_legacyIndex.insert(record.id, index);
    m_legacy.push_back(std::move(record));
    return index;
}

} // namespace graphsim
