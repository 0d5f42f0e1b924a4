#pragma once

#include "core/alerts/alert.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace vigil::core {

/// A lifecycle change to one alert, as the edit dialog or bulk triage produce it. Only the fields
/// set are sent.
struct AlertUpdate
{
    // alerts_v2
    std::optional<QString> status;
    std::optional<QString> classification;
    std::optional<QString> determination;
    std::optional<QString> assignedTo;     ///< "" unassigns
    QString comment;                       ///< added with POST …/comments (v2)

    // legacy /security/alerts
    std::optional<QString> feedback;
    std::optional<QStringList> tags;
    std::optional<QStringList> comments;   ///< replaces the list, as the legacy API does
    bool returnRepresentation = true;      ///< Prefer: return=representation (200 + alert) or 204

    bool isEmpty() const;
    /// The PATCH body for `current`. For legacy alerts vendorInformation is copied from the alert,
    /// as that API requires.
    QJsonObject patchBody(const Alert &current) const;
    /// Why this update cannot be sent (empty when fine): e.g. a determination that does not belong
    /// to the classification.
    QString problem(AlertApi api) const;

    static QStringList classifications();
    /// The determinations Microsoft Defender allows with `classification`.
    static QStringList determinationsFor(const QString &classification);
    static QStringList statuses(AlertApi api);
    static QStringList feedbacks();

    Q_DECLARE_TR_FUNCTIONS(AlertUpdate)
};

} // namespace vigil::core
