#pragma once

#include "core/notifications/notification.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace vigil::core {

/// The notifications pane's filter: text (title, alert id, resource, subscription, details, change,
/// severity; case-insensitive), one feed, unread only. Sorting uses NotificationModel::SortRole.
class NotificationFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationFilterProxy)

public:
    explicit NotificationFilterProxy(QObject *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    void setFeed(std::optional<Notification::Feed> feed);
    std::optional<Notification::Feed> feed() const { return m_feed; }
    void setUnreadOnly(bool on);
    bool unreadOnly() const { return m_unreadOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    std::optional<Notification::Feed> m_feed;
    bool m_unreadOnly = false;
};

} // namespace vigil::core
