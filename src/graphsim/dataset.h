#pragma once

#include "alertrecord.h"
#include "simuser.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <vector>

namespace graphsim {

/// A person that appears in alert evidence (not necessarily a sign-in account).
struct Person
{
    QString displayName;
    QString userPrincipalName;
    QString accountName;
    QString id;         ///< Entra object id
    QString sid;        ///< on-premises SID
};

/// A device that appears in alert evidence.
struct Device
{
    QString hostName;
    QString fqdn;
    QString mdeDeviceId;
    QString azureAdDeviceId;
    QString osPlatform;
    qint64 osBuild = 0;
    QString ipAddress;
};

/// The simulated tenant's data: accounts, alerts_v2 alerts, incidents and legacy alerts, generated
/// deterministically from a seed. Alerts are compact records (see AlertRecord) kept in creation
/// order; an alert's id encodes its index, so finding one needs no index table.
class Dataset
{
public:
    /// Regenerates everything. `nowTicks` anchors the timeline: alerts span the time before it.
    void generate(quint64 seed, int alerts, int legacyAlerts, qint64 nowTicks);

    quint64 seed() const { return m_seed; }
    const QString &tenantId() const { return m_tenantId; }
    const QString &tenantDomain() const { return m_tenantDomain; }
    const QList<SimUser> &users() const { return m_users; }
    const SimUser *findUser(QStringView idOrUpnOrName) const;
    const std::vector<Person> &people() const { return m_people; }
    const std::vector<Device> &devices() const { return m_devices; }

    // alerts_v2
    int alertCount() const { return int(m_alerts.size()); }
    const AlertRecord &alert(int index) const { return m_alerts[size_t(index)]; }
    AlertRecord &alert(int index) { return m_alerts[size_t(index)]; }
    QByteArray alertId(int index) const;
    int findAlert(QStringView id) const;
    /// Appends a new alert (created now); returns its index. It joins `incident`, or a new one when -1.
    int addAlert(AlertRecord record, int incident = -1);
    /// A fresh, new alert of `templateIndex` created at `nowTicks` (not yet added).
    AlertRecord makeAlert(quint64 randomBits, qint64 nowTicks, int templateIndex) const;
    /// Deterministic per-alert context used when serialising.
    int alertPerson(int index) const;
    int alertDevice(int index) const;
    quint64 alertSalt(int index) const;
    /// Generated comments (before any change through the API).
    QList<AlertComment> generatedComments(int index) const;
    QList<AlertComment> comments(int index) const;

    const AlertExtra *extra(int index) const;
    AlertExtra &extraFor(int index);

    // Strings shared by many records (assignedTo values).
    QString string(qint32 index) const { return index < 0 ? QString() : m_strings.at(index); }
    const QByteArray &stringUtf8(qint32 index) const { return m_stringsUtf8.at(index); }
    qint32 intern(const QString &value);

    // incidents
    int incidentCount() const { return int(m_incidents.size()); }
    const IncidentRecord &incident(int index) const { return m_incidents[size_t(index)]; }
    IncidentRecord &incident(int index) { return m_incidents[size_t(index)]; }
    QByteArray incidentId(int index) const { return QByteArray::number(kIncidentBase + index); }
    int findIncident(QStringView id) const;
    const IncidentExtra *incidentExtra(int index) const;
    IncidentExtra &incidentExtraFor(int index);
    /// Recomputes an incident's severity, status and lastUpdate from its alerts.
    void refreshIncident(int index);

    // legacy alerts
    int legacyCount() const { return int(m_legacy.size()); }
    const LegacyAlertRecord &legacy(int index) const { return m_legacy[size_t(index)]; }
    LegacyAlertRecord &legacy(int index) { return m_legacy[size_t(index)]; }
    int findLegacy(QStringView id) const { return m_legacyIndex.value(id.toString(), -1); }
    int addLegacy(LegacyAlertRecord record);
    /// A legacy alert of a random template, created at `nowTicks`.
    LegacyAlertRecord makeLegacy(quint64 randomBits, qint64 nowTicks) const;

    /// UPNs of the analysts alerts get assigned to.
    const QStringList &analysts() const { return m_analysts; }

    static quint64 mix(quint64 a, quint64 b, quint64 c = 0);
    static QString guid(quint64 a, quint64 b);

    static constexpr int kIncidentBase = 1000;

private:
    void generateDirectory();
    void generateAlerts(int count, qint64 nowTicks);
    void generateLegacy(int count, qint64 nowTicks);
    void fillAlertState(AlertRecord &record, quint64 bits, qint64 nowTicks) const;

    quint64 m_seed = 1;
    QString m_tenantId;
    QString m_tenantDomain;
    QList<SimUser> m_users;
    QStringList m_analysts;
    std::vector<Person> m_people;
    std::vector<Device> m_devices;
    std::vector<AlertRecord> m_alerts;
    std::vector<AlertExtra> m_extras;
    std::vector<IncidentRecord> m_incidents;
    std::vector<IncidentExtra> m_incidentExtras;
    std::vector<LegacyAlertRecord> m_legacy;
    QHash<QString, int> m_legacyIndex;
    QStringList m_strings;
    QList<QByteArray> m_stringsUtf8;
    QHash<QString, qint32> m_stringIndex;
};

} // namespace graphsim
