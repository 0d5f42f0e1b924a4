#include "notificationscontroller.h"

#include "alertquerybar.h"
#include "alertspage.h"
#include "core/alerts/alerttablemodel.h"
#include "core/auth/authsession.h"
#include "core/notifications/alertpoller.h"
#include "core/notifications/notificationcenter.h"
#include "core/notifications/notificationmodel.h"
#include "core/notifications/subscriptionmanager.h"
#include "core/notifications/webhookreceiver.h"
#include "desktopnotifier.h"
#include "notificationbanner.h"
#include "notificationsettingspage.h"
#include "notificationspane.h"
#include "subscriptionsdialog.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QApplication>
#include <QMainWindow>
#include <QPointer>
#include <QTableView>

namespace vigil::gui {

using core::AlertApi;

NotificationsController::NotificationsController(core::NotificationCenter *center, core::AuthSession *session,
                                                 QMainWindow *window, AlertsPage *alerts)
    : QObject(window)
    , m_center(center)
    , m_session(session)
    , m_window(window)
    , m_alerts(alerts)
{
    m_pane = new NotificationsPane(center->model(), window);
    m_notifier = new DesktopNotifier(this);
    m_banner = new NotificationBanner(window);
    m_subscriptionsAction = new QAction(tr("Su&bscriptions…"), this);
    m_subscriptionsAction->setToolTip(tr("Microsoft Graph change-notification subscriptions for legacy alerts"));

    connect(m_subscriptionsAction, &QAction::triggered, this, &NotificationsController::showSubscriptions);
    connect(m_pane, &NotificationsPane::subscriptionsRequested, this, &NotificationsController::showSubscriptions);
    connect(m_pane, &NotificationsPane::alertActivated, this, &NotificationsController::revealAlert);
    connect(m_notifier, &DesktopNotifier::activated, this, &NotificationsController::revealAlert);
    connect(m_banner, &NotificationBanner::activated, this, &NotificationsController::revealAlert);
    connect(m_notifier, &DesktopNotifier::bannerRequested, m_banner, &NotificationBanner::showMessage);
    connect(m_notifier, &DesktopNotifier::showWindowRequested, this, [this] { revealAlert({}, AlertApi::V2); });
    connect(m_notifier, &DesktopNotifier::quitRequested, window, &QWidget::close);
    connect(center->model(), &core::NotificationModel::unreadCountChanged, m_notifier,
            &DesktopNotifier::setUnreadCount);
    m_notifier->setUnreadCount(center->model()->unreadCount());
    connect(center, &core::NotificationCenter::notificationReady, m_notifier, &DesktopNotifier::notify);
    connect(center, &core::NotificationCenter::message, this, &NotificationsController::statusMessage);
    connect(center, &core::NotificationCenter::receiverStateChanged, this, &NotificationsController::showReceiverState);
    if (alerts) {
        connect(center, &core::NotificationCenter::alertUpdated, alerts, &AlertsPage::showUpdatedAlert);
        if (core::AlertPoller *poller = center->poller()) {
            // The poller compares with what the table shows when it has not seen an alert yet.
            QPointer<AlertsPage> page(alerts);
            poller->setPreviousLookup([page](const QString &id) -> std::optional<core::Alert> {
                if (!page || page->api() != AlertApi::V2)
                    return std::nullopt;
                const int row = page->model()->rowOf(id);
                return row < 0 ? std::nullopt : std::optional<core::Alert>(page->model()->alertAt(row));
            });
        }
    }
    if (center->receiver())
        showReceiverState(center->receiver()->isListening(), center->receiverError());
    applyNotifierSettings(core::NotificationSettings::load());
}

NotificationsController::~NotificationsController() = default;

void NotificationsController::showReceiverState(bool listening, const QString &error)
{
    core::WebhookReceiver *receiver = m_center->receiver();
    if (!listening) {
        m_pane->setReceiverStatus(
            false, error.isEmpty() ? tr("Webhook receiver off; the poller still reports alerts_v2 changes.") : error);
        if (!error.isEmpty())
            Q_EMIT problem(tr("Webhook receiver"), error);
        return;
    }
    QString text = tr("Receiving on %1").arg(receiver->localUrl().toString());
    if (receiver->publicBaseUrl() != receiver->localUrl())
        text += tr(" (public: %1)").arg(receiver->publicBaseUrl().toString());
    m_pane->setReceiverStatus(true, text);
}

void NotificationsController::applyNotifierSettings(const core::NotificationSettings::Values &values)
{
    m_notifier->setEnabled(values.desktopNotifications);
    m_notifier->setMinimumSeverity(values.minimumSeverity);
    m_center->model()->setRetention(values.retentionCount, values.retentionDays);
}

void NotificationsController::prepareSettings(NotificationSettingsPage *page)
{
    page->setValues(core::NotificationSettings::load());
    if (core::WebhookReceiver *receiver = m_center->receiver()) {
        page->setPush(receiver->isListening() ? receiver->pushUrl() : QUrl(), m_center->pushSecret());
        page->setReceiverState(receiver->isListening() ? receiver->localUrl() : QUrl());
    }
    connect(page, &NotificationSettingsPage::newPushSecretRequested, m_center,
            &core::NotificationCenter::regeneratePushSecret);
    connect(m_center, &core::NotificationCenter::pushSecretChanged, page, [this, page](const QString &secret) {
        core::WebhookReceiver *receiver = m_center->receiver();
        page->setPush(receiver && receiver->isListening() ? receiver->pushUrl() : QUrl(), secret);
    });
}

void NotificationsController::applySettings(NotificationSettingsPage *page)
{
    const core::NotificationSettings::Values values = page->values();
    if (values == core::NotificationSettings::load())
        return;
    core::NotificationSettings::save(values);
    applyNotifierSettings(values);
    Q_EMIT settingsChanged(values);
}

void NotificationsController::showSubscriptions()
{
    if (!m_center->subscriptions() || !m_center->receiver())
        return;
    QString filter;
    QString alertId;
    if (m_alerts) {
        if (const auto *bar = m_alerts->findChild<AlertQueryBar *>()) {
            // The legacy half of the query bar's query, whichever API the page shows.
            core::AlertQuery query = bar->query();
            query.api = AlertApi::Legacy;
            filter = query.filter(m_session ? m_session->account().userPrincipalName : QString(),
                                  QDateTime::currentDateTimeUtc());
        }
        const QList<core::Alert> selected = m_alerts->selectedAlerts();
        if (!selected.isEmpty() && selected.constFirst().api == AlertApi::Legacy)
            alertId = selected.constFirst().id;
    }
    auto *dialog = new SubscriptionsDialog(m_center->subscriptions(), m_center->receiver(), filter, alertId, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

bool NotificationsController::selectAlert(const QString &alertId)
{
    const int row = m_alerts->model()->rowOf(alertId);
    if (row < 0)
        return false;
    QTableView *table = m_alerts->table();
    QModelIndex index = m_alerts->model()->index(row, core::AlertTableModel::TitleColumn);
    if (auto *proxy = qobject_cast<QAbstractProxyModel *>(table->model()))
        index = proxy->mapFromSource(index);
    if (!index.isValid()) {
        Q_EMIT statusMessage(tr("The alert is loaded but hidden by the table's filter."));
        return true;
    }
    table->setCurrentIndex(index);
    table->selectRow(index.row());
    table->scrollTo(index, QAbstractItemView::PositionAtCenter);
    table->setFocus();
    return true;
}

void NotificationsController::revealAlert(const QString &alertId, AlertApi api)
{
    if (m_window->isMinimized())
        m_window->setWindowState(m_window->windowState() & ~Qt::WindowMinimized);
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    if (alertId.isEmpty() || !m_alerts) {
        m_pane->show();
        m_pane->raise();
        return;
    }
    if (m_alerts->api() != api) {
        const QString text = api == AlertApi::Legacy
            ? tr("Alert %1 comes from the legacy alerts API; switch to it in Settings → Alerts "
                 "to see it in the table.")
            : tr("Alert %1 comes from alerts_v2; switch off the legacy API in Settings → Alerts "
                 "to see it in the table.");
        Q_EMIT statusMessage(text.arg(alertId));
        return;
    }
    if (selectAlert(alertId))
        return;
    Q_EMIT statusMessage(tr("Fetching alert %1…").arg(alertId));
    QCoro::connect(m_center->fetchAlert(alertId, api), this,
                   [this, alertId](const core::GraphResult<core::Alert> &result) {
                       if (!result.ok()) {
                           Q_EMIT problem(tr("Alert not available"), result.error().userMessage());
                           return;
                       }
                       m_alerts->showUpdatedAlert(result.value());
                       selectAlert(alertId);
                   });
}

void NotificationsController::saveState() const
{
    m_pane->saveState();
}

} // namespace vigil::gui
