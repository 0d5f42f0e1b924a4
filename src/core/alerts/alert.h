#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace vigil::core {

enum class AlertApi : quint8 { V2, Legacy };

/// Alert severity, ordered so that comparisons sort by importance.
enum class Severity : quint8 { Unknown = 0, Informational = 1, Low = 2, Medium = 3, High = 4 };

/// One alert as the table needs it: the fields shown and sorted, plus the alert's JSON exactly as
/// Graph sent it (for the details view, editing and export). Repeated strings (titles, enum
/// values, assignees) share storage, so a row costs little beyond its JSON.
struct Alert
{
    QString id;
    QString title;
    Severity severity = Severity::Unknown;
    QString status;           ///< wire value: new, inProgress, resolved (legacy: newAlert, …)
    QString classification;   ///< v2 only; legacy: feedback
    QString determination;    ///< v2 only
    QString serviceSource;    ///< v2: serviceSource; legacy: vendorInformation.provider
    QString assignedTo;
    QString incidentId;
    QString category;
    qint64 createdMs = 0;     ///< ms since the epoch, UTC
    qint64 lastUpdatedMs = 0;
    QByteArray json;          ///< the alert object, compact JSON
    AlertApi api = AlertApi::V2;
};

Severity severityFromWire(QStringView value);
QString severityToWire(Severity severity);

/// Translated names for wire values, for display ("inProgress" → "In progress").
QString displaySeverity(Severity severity);
QString displayStatus(const QString &status);
QString displayClassification(const QString &classification);
QString displayDetermination(const QString &determination);
QString displayServiceSource(const QString &serviceSource);

} // namespace vigil::core

Q_DECLARE_METATYPE(vigil::core::Alert)
