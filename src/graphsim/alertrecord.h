#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace graphsim {

/// One alerts_v2 alert, compact: 48 bytes. Everything not stored here (texts, evidence, URLs)
/// is derived on demand from the dataset seed, the record's index and its template, so a
/// million-alert tenant costs ~50 MB instead of gigabytes of JSON objects.
struct AlertRecord
{
    qint64 createdTicks = 0;
    qint64 lastUpdateTicks = 0;
    qint64 resolvedTicks = 0;           ///< 0 = null
    quint32 incident = 0;               ///< index into the incident table
    qint32 assignedTo = -1;             ///< string-pool index; -1 = null (unassigned)
    qint32 extra = -1;                  ///< index into the extras table; -1 = none
    quint32 activitySpanSeconds = 0;    ///< firstActivityDateTime = createdDateTime - span
    quint16 templateIndex = 0;
    quint8 severity = 0;
    quint8 status = 0;
    quint8 classification = 0;
    quint8 determination = 0;
    quint8 serviceSource = 0;
    quint8 detectionSource = 0;
};

/// What an alert has beyond its generated form: comments, custom details, texts set through the
/// control API.
struct AlertComment
{
    QString comment;
    QString createdByDisplayName;
    qint64 createdTicks = 0;
};

struct AlertExtra
{
    QList<AlertComment> comments;
    bool commentsSet = false;   ///< comments replaces the generated ones
    QJsonObject customDetails;
    QString title;          ///< overrides the template's title when not null
    QString description;    ///< overrides the template's description when not null
};

/// One security incident grouping related alerts.
struct IncidentRecord
{
    qint64 createdTicks = 0;
    qint64 lastUpdateTicks = 0;
    QList<quint32> alerts;              ///< alert indexes, oldest first
    qint32 assignedTo = -1;
    qint32 extra = -1;                  ///< comments only (customTags live there too)
    quint8 severity = 0;
    quint8 status = 0;                  ///< incidentStatus member index
    quint8 classification = 0;
    quint8 determination = 0;
};

struct IncidentExtra
{
    QList<AlertComment> comments;
    QStringList customTags;
};

/// One legacy security/alerts alert (microsoft.graph.alert); few enough to keep as values.
struct LegacyAlertRecord
{
    QString id;
    int provider = 0;                   ///< index into the legacy provider table
    int templateIndex = 0;
    qint64 createdTicks = 0;
    qint64 eventTicks = 0;
    qint64 lastModifiedTicks = 0;
    qint64 closedTicks = 0;             ///< 0 = null
    quint8 severity = 0;
    quint8 status = 0;
    quint8 feedback = 0;
    int confidence = 0;
    int user = 0;                       ///< index into the dataset's people
    int host = 0;                       ///< index into the dataset's devices
    quint64 salt = 0;                   ///< per-alert random bits for IPs, hashes, ids
    QString assignedTo;
    QStringList comments;
    QStringList tags;
};

} // namespace graphsim
