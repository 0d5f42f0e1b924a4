#pragma once

#include "core/notifications/subscription.h"

#include <QDialog>
#include <QTimer>

#include <memory>

namespace Ui {
class SubscriptionsDialog;
}

namespace vigil::core {
class SubscriptionManager;
class WebhookReceiver;
} // namespace vigil::core

namespace vigil::gui {

/// Tools → Subscriptions: create a Graph subscription for the current legacy filter or one alert
/// (change types, lifetime up to 30 days), list the tenant's subscriptions with an expiry
/// countdown, renew and delete them. Failures are explained in words (a failed validation names
/// its likely cause: URL not public, not HTTPS, tunnel down).
class SubscriptionsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubscriptionsDialog)

public:
    /// `currentFilter` is the legacy $filter of the alerts page (may be empty); `alertId` a
    /// selected legacy alert (may be empty).
    SubscriptionsDialog(core::SubscriptionManager *manager, core::WebhookReceiver *receiver,
                        const QString &currentFilter, const QString &alertId, QWidget *parent = nullptr);
    ~SubscriptionsDialog() override;

    /// Lists the subscriptions (also done when the dialog opens).
    void refresh();
    void create();
    void renewSelected();
    void deleteSelected();
    QString statusText() const;
    int subscriptionCount() const;

Q_SIGNALS:
    /// An operation finished (tests).
    void operationFinished(bool ok);

private:
    enum Column { ResourceColumn, ChangesColumn, ExpiresColumn, LeftColumn, OwnerColumn, IdColumn, ColumnCount };

    void showSubscriptions(const QList<core::Subscription> &subscriptions);
    void updateCountdown();
    void updateControls();
    void setBusy(bool busy);
    void report(bool ok, const QString &text);
    QString selectedId() const;

    std::unique_ptr<Ui::SubscriptionsDialog> m_ui;
    core::SubscriptionManager *m_manager = nullptr;
    core::WebhookReceiver *m_receiver = nullptr;
    QList<core::Subscription> m_subscriptions;
    QTimer m_countdown;
    bool m_busy = false;
};

} // namespace vigil::gui
