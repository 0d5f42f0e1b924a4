#pragma once

#include "core/alerts/alert.h"

#include <QDockWidget>

#include <memory>

class QTableView;

namespace Ui {
class NotificationsPane;
}

namespace vigil::core {
class NotificationFilterProxy;
class NotificationModel;
} // namespace vigil::core

namespace vigil::gui {

/// The dockable notifications pane: time, feed, change, alert title and severity, resource and
/// subscription of every notification, newest first; details of the selected one; unread count;
/// filter; mark read; clear. Activating a notification asks for its alert (alertActivated()).
class NotificationsPane final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationsPane)

public:
    explicit NotificationsPane(core::NotificationModel *model, QWidget *parent = nullptr);
    ~NotificationsPane() override;

    QTableView *table() const;
    core::NotificationFilterProxy *proxy() const { return m_proxy; }
    /// The receiver line at the bottom: where it listens, or why it does not.
    void setReceiverStatus(bool listening, const QString &text);
    QString receiverStatus() const;
    QString detailsText() const;
    /// Opens the notification in this row of the (filtered) table, as a double-click does.
    void activateRow(int row);

    void saveState() const;

Q_SIGNALS:
    void alertActivated(const QString &alertId, vigil::core::AlertApi api);
    void subscriptionsRequested();

private:
    void updateTitle();
    void showCurrent();

    std::unique_ptr<Ui::NotificationsPane> m_ui;
    core::NotificationModel *m_model = nullptr;
    core::NotificationFilterProxy *m_proxy = nullptr;
};

} // namespace vigil::gui
