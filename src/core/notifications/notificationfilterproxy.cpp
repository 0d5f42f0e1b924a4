#include "notificationfilterproxy.h"

#include "core/notifications/notificationmodel.h"

namespace vigil::core {

NotificationFilterProxy::NotificationFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(NotificationModel::SortRole);
    setDynamicSortFilter(true);
}

void NotificationFilterProxy::setText(const QString &text)
{
    if (text.trimmed() == m_text)
        return;
    m_text = text.trimmed();
    invalidateFilter();
}

void NotificationFilterProxy::setFeed(std::optional<Notification::Feed> feed)
{
    if (feed == m_feed)
        return;
    m_feed = feed;
    invalidateFilter();
}

void NotificationFilterProxy::setUnreadOnly(bool on)
{
    if (on == m_unreadOnly)
        return;
    m_unreadOnly = on;
    invalidateFilter();
}

bool NotificationFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *model = qobject_cast<const NotificationModel *>(sourceModel());
    if (!model || sourceParent.isValid())
        return true;
    const Notification &n = model->at(sourceRow);
    if (m_feed && n.feed != *m_feed)
        return false;
    if (m_unreadOnly && n.read)
        return false;
    if (m_text.isEmpty())
        return true;
    const auto has = [this](const QString &value) { return value.contains(m_text, Qt::CaseInsensitive); };
    return has(n.title) || has(n.alertId) || has(n.resource) || has(n.subscriptionId) || has(n.details)
        || has(displayChange(n.change, n.feed)) || has(displayFeed(n.feed))
        || (n.severity != Severity::Unknown && has(displaySeverity(n.severity)));
}

} // namespace vigil::core
