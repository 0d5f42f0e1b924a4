#include "notification.h"

#include <QCoreApplication>

namespace vigil::core {

std::optional<Notification::Change> Notification::changeFromWire(QStringView value)
{
    if (value == u"created")
        return Change::Created;
    if (value == u"updated")
        return Change::Updated;
    if (value == u"deleted")
        return Change::Deleted;
    if (value == u"reauthorizationRequired")
        return Change::ReauthorizationRequired;
    if (value == u"subscriptionRemoved")
        return Change::SubscriptionRemoved;
    if (value == u"missed")
        return Change::Missed;
    return std::nullopt;
}

QString Notification::changeToWire(Change change)
{
    switch (change) {
    case Change::Created:
        return QStringLiteral("created");
    case Change::Updated:
        return QStringLiteral("updated");
    case Change::Deleted:
        return QStringLiteral("deleted");
    case Change::Pushed:
        return QStringLiteral("pushed");
    case Change::ReauthorizationRequired:
        return QStringLiteral("reauthorizationRequired");
    case Change::SubscriptionRemoved:
        return QStringLiteral("subscriptionRemoved");
    case Change::Missed:
        return QStringLiteral("missed");
    }
    return {};
}

QString displayFeed(Notification::Feed feed)
{
    switch (feed) {
    case Notification::Feed::Graph:
        return QCoreApplication::translate("Notification", "Graph webhook");
    case Notification::Feed::Push:
        return QCoreApplication::translate("Notification", "Push");
    case Notification::Feed::Poller:
        return QCoreApplication::translate("Notification", "Poller");
    }
    return {};
}

QString displayChange(Notification::Change change, Notification::Feed feed)
{
    switch (change) {
    case Notification::Change::Created:
        return QCoreApplication::translate("Notification", "New alert");
    case Notification::Change::Updated:
        return feed == Notification::Feed::Poller ? QCoreApplication::translate("Notification", "Alert changed")
                                                  : QCoreApplication::translate("Notification", "Updated");
    case Notification::Change::Deleted:
        return QCoreApplication::translate("Notification", "Deleted");
    case Notification::Change::Pushed:
        return QCoreApplication::translate("Notification", "Pushed");
    case Notification::Change::ReauthorizationRequired:
        return QCoreApplication::translate("Notification", "Reauthorization required");
    case Notification::Change::SubscriptionRemoved:
        return QCoreApplication::translate("Notification", "Subscription removed");
    case Notification::Change::Missed:
        return QCoreApplication::translate("Notification", "Notifications missed");
    }
    return {};
}

QString displayAlertField(const QString &field)
{
    if (field == u"status")
        return QCoreApplication::translate("Notification", "Status");
    if (field == u"severity")
        return QCoreApplication::translate("Notification", "Severity");
    if (field == u"assignedTo")
        return QCoreApplication::translate("Notification", "Assigned to");
    if (field == u"classification")
        return QCoreApplication::translate("Notification", "Classification");
    if (field == u"determination")
        return QCoreApplication::translate("Notification", "Determination");
    return field;
}

} // namespace vigil::core
