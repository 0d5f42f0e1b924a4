// Simulator: creating and changing alerts outside the Graph API (control API, activity generator).
#include "simulator.h"

#include "alertcatalog.h"
#include "clock.h"
#include "dataset.h"
#include "graphenum.h"
#include "jsonwriter.h"
#include "legacyalertsapi.h"

#include <QJsonArray>

namespace graphsim {

namespace {
bool setEnum(const QJsonObject &fields, const char *key, const GraphEnum &e, quint8 *target, QString *error)
{
    const QJsonValue v = fields.value(QLatin1StringView(key));
    if (v.isUndefined())
        return true;
    const int m = v.isString() ? e.parse(v.toString()) : -1;
    if (m < 0) {
        if (error)
            *error = QStringLiteral("'%1' is not a valid %2.").arg(v.toString(), QLatin1StringView(key));
        return false;
    }
    *target = quint8(m);
    return true;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array)
        list.append(v.toString());
    return list;
}
} // namespace

QString Simulator::createAlert(const QJsonObject &fields, QString *error)
{
    int templateCount = 0;
    const AlertTemplate *templates = catalog::alertTemplates(&templateCount);
    const quint64 bits = Dataset::mix(m_options.seed, quint64(m_dataset->alertCount()), 0xc7ea7e);
    int templateIndex = int(bits % quint64(templateCount));
    if (fields.contains(QStringLiteral("serviceSource"))) {
        const int source = enums::serviceSource().parse(fields.value(QStringLiteral("serviceSource")).toString());
        if (source < 0) {
            if (error)
                *error = QStringLiteral("Unknown serviceSource.");
            return {};
        }
        QList<int> candidates;
        for (int i = 0; i < templateCount; ++i) {
            if (templates[i].serviceSource == source)
                candidates.append(i);
        }
        if (!candidates.isEmpty())
            templateIndex = candidates.at(int((bits >> 8) % quint64(candidates.size())));
    }
    AlertRecord r = m_dataset->makeAlert(bits, ticksFromMs(m_clock->nowMs()), templateIndex);
    if (!setEnum(fields, "severity", enums::alertSeverity(), &r.severity, error)
        || !setEnum(fields, "status", enums::alertStatus(), &r.status, error)
        || !setEnum(fields, "classification", enums::alertClassification(), &r.classification, error)
        || !setEnum(fields, "determination", enums::alertDetermination(), &r.determination, error))
        return {};
    if (fields.contains(QStringLiteral("serviceSource")))
        r.serviceSource = quint8(enums::serviceSource().parse(fields.value(QStringLiteral("serviceSource")).toString()));
    if (fields.contains(QStringLiteral("assignedTo")))
        r.assignedTo = fields.value(QStringLiteral("assignedTo")).isString()
                           ? m_dataset->intern(fields.value(QStringLiteral("assignedTo")).toString())
                           : -1;
    if (r.status == alertstatus::Resolved)
        r.resolvedTicks = r.lastUpdateTicks;
    int incident = -1;
    if (fields.contains(QStringLiteral("incidentId"))) {
        incident = m_dataset->findIncident(fields.value(QStringLiteral("incidentId")).toVariant().toString());
        if (incident < 0) {
            if (error)
                *error = QStringLiteral("No incident with that id.");
            return {};
        }
    }
    const int index = m_dataset->addAlert(r, incident);
    if (fields.contains(QStringLiteral("title")) || fields.contains(QStringLiteral("description"))) {
        AlertExtra &extra = m_dataset->extraFor(index);
        if (fields.contains(QStringLiteral("title")))
            extra.title = fields.value(QStringLiteral("title")).toString();
        if (fields.contains(QStringLiteral("description")))
            extra.description = fields.value(QStringLiteral("description")).toString();
    }
    const QString id = QString::fromLatin1(m_dataset->alertId(index));
    Q_EMIT alertChanged(id);
    return id;
}

bool Simulator::updateAlert(const QString &id, const QJsonObject &fields, QString *error)
{
    const int index = m_dataset->findAlert(id);
    if (index < 0) {
        if (error)
            *error = QStringLiteral("No alert with id '%1'.").arg(id);
        return false;
    }
    AlertRecord r = m_dataset->alert(index);
    if (!setEnum(fields, "severity", enums::alertSeverity(), &r.severity, error)
        || !setEnum(fields, "status", enums::alertStatus(), &r.status, error)
        || !setEnum(fields, "classification", enums::alertClassification(), &r.classification, error)
        || !setEnum(fields, "determination", enums::alertDetermination(), &r.determination, error))
        return false;
    if (fields.contains(QStringLiteral("assignedTo")))
        r.assignedTo = fields.value(QStringLiteral("assignedTo")).isString()
                           ? m_dataset->intern(fields.value(QStringLiteral("assignedTo")).toString())
                           : -1;
    const qint64 now = ticksFromMs(m_clock->nowMs());
    r.lastUpdateTicks = qMax(now, r.lastUpdateTicks + 1);
    r.resolvedTicks = r.status == alertstatus::Resolved ? (r.resolvedTicks ? r.resolvedTicks : now) : 0;
    m_dataset->alert(index) = r;
    if (fields.contains(QStringLiteral("title")))
        m_dataset->extraFor(index).title = fields.value(QStringLiteral("title")).toString();
    if (fields.contains(QStringLiteral("description")))
        m_dataset->extraFor(index).description = fields.value(QStringLiteral("description")).toString();
    m_dataset->refreshIncident(int(r.incident));
    Q_EMIT alertChanged(id);
    return true;
}

QString Simulator::createLegacyAlert(const QJsonObject &fields, QString *error)
{
    int templateCount = 0, providerCount = 0;
    const LegacyTemplate *templates = catalog::legacyTemplates(&templateCount);
    const LegacyProvider *providers = catalog::legacyProviders(&providerCount);
    const quint64 bits = Dataset::mix(m_options.seed, quint64(m_dataset->legacyCount()), 0x1e6acf);
    LegacyAlertRecord r = m_dataset->makeLegacy(bits, ticksFromMs(m_clock->nowMs()));
    if (fields.contains(QStringLiteral("provider"))) {
        const QString name = fields.value(QStringLiteral("provider")).toString();
        QList<int> candidates;
        for (int i = 0; i < templateCount; ++i) {
            if (name.compare(QLatin1StringView(providers[templates[i].provider].provider), Qt::CaseInsensitive) == 0)
                candidates.append(i);
        }
        if (candidates.isEmpty()) {
            if (error)
                *error = QStringLiteral("Unknown provider '%1'.").arg(name);
            return {};
        }
        r.templateIndex = candidates.at(int((bits >> 4) % quint64(candidates.size())));
        r.provider = templates[r.templateIndex].provider;
        r.severity = templates[r.templateIndex].severity;
    }
    while (m_dataset->findLegacy(r.id) >= 0)
        r.id = Dataset::guid(Dataset::mix(r.salt, 7), Dataset::mix(r.salt, 8)).toUpper();
    if (!setEnum(fields, "severity", enums::legacySeverity(), &r.severity, error)
        || !setEnum(fields, "status", enums::legacyStatus(), &r.status, error))
        return {};
    if (fields.contains(QStringLiteral("assignedTo")))
        r.assignedTo = fields.value(QStringLiteral("assignedTo")).toString();
    if (fields.contains(QStringLiteral("tags")))
        r.tags = stringList(fields.value(QStringLiteral("tags")));
    const int index = m_dataset->addLegacy(r);
    legacyChanged(index, QStringLiteral("created"));
    return r.id;
}

bool Simulator::updateLegacyAlert(const QString &id, const QJsonObject &fields, QString *error)
{
    const int index = m_dataset->findLegacy(id);
    if (index < 0) {
        if (error)
            *error = QStringLiteral("No legacy alert with id '%1'.").arg(id);
        return false;
    }
    LegacyAlertRecord r = m_dataset->legacy(index);
    if (!setEnum(fields, "severity", enums::legacySeverity(), &r.severity, error)
        || !setEnum(fields, "status", enums::legacyStatus(), &r.status, error)
        || !setEnum(fields, "feedback", enums::legacyFeedback(), &r.feedback, error))
        return false;
    if (fields.contains(QStringLiteral("assignedTo")))
        r.assignedTo = fields.value(QStringLiteral("assignedTo")).toString();
    if (fields.contains(QStringLiteral("tags")))
        r.tags = stringList(fields.value(QStringLiteral("tags")));
    if (fields.contains(QStringLiteral("comments")))
        r.comments = stringList(fields.value(QStringLiteral("comments")));
    const qint64 now = ticksFromMs(m_clock->nowMs());
    r.lastModifiedTicks = now;
    if (r.status == legacystatus::Resolved && r.closedTicks == 0)
        r.closedTicks = now;
    m_dataset->legacy(index) = r;
    legacyChanged(index, QStringLiteral("updated"));
    return true;
}

} // namespace graphsim
