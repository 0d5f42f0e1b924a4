#pragma once

#include "core/alerts/alert.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace vigil::core {

/// One entry of the notifications pane: something happened to an alert (or to a subscription),
/// told by one of the three feeds. A value; the model gives it an id and keeps it on disk.
struct Notification
{
    /// Where it came from.
    enum class Feed : quint8 {
        Graph = 0, ///< a Graph change or lifecycle notification received by the webhook receiver
        Push = 1, ///< the authenticated /push endpoint (automation)
        Poller = 2, ///< the alerts_v2 change poller
    };
    /// What happened.
    enum class Change : quint8 {
        Created = 0, ///< Graph changeType "created"; the poller's "new alert"
        Updated = 1, ///< Graph changeType "updated"; the poller's "alert changed"
        Deleted = 2,
        Pushed = 3, ///< an alert posted to /push
        ReauthorizationRequired = 4, ///< lifecycle events of a subscription
        SubscriptionRemoved = 5,
        Missed = 6,
    };

    qint64 id = 0; ///< assigned by NotificationModel; 0 until then
    qint64 receivedMs = 0; ///< ms since the epoch, UTC
    Feed feed = Feed::Graph;
    Change change = Change::Updated;
    AlertApi api = AlertApi::Legacy;
    QString alertId; ///< empty for lifecycle events
    QString title; ///< the alert's title, once known
    Severity severity = Severity::Unknown;
    QString resource; ///< Graph resource path ("security/alerts/{id}") or the alert's URL path
    QString subscriptionId;
    QStringList changedFields; ///< poller: status, severity, assignedTo, classification, determination
    QString details; ///< "status: new → inProgress; …", or what a lifecycle event means
    bool read = false;

    bool isLifecycle() const { return isLifecycleChange(change); }
    static bool isLifecycleChange(Change change)
    {
        return change == Change::ReauthorizationRequired || change == Change::SubscriptionRemoved
            || change == Change::Missed;
    }

    /// Graph's changeType / lifecycleEvent wire names; nullopt for unknown values.
    static std::optional<Change> changeFromWire(QStringView value);
    static QString changeToWire(Change change);
};

/// Translated names, for display.
QString displayFeed(Notification::Feed feed);
QString displayChange(Notification::Change change, Notification::Feed feed);
/// Translated names of alert fields the poller compares ("status" → "Status").
QString displayAlertField(const QString &field);

} // namespace vigil::core

Q_DECLARE_METATYPE(vigil::core::Notification)
