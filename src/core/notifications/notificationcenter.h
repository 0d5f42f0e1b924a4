#pragma once

#include "core/alerts/alert.h"
#include "core/graph/graphresult.h"
#include "core/notifications/notification.h"
#include "core/notifications/notificationsettings.h"

#include <QHash>
#include <QObject>

#include <qcoro/qcorotask.h>

#include <optional>

namespace vigil::core {

class AlertPoller;
class AlertSource;
class GraphClient;
class NotificationModel;
class SubscriptionManager;
class TokenStore;
class WebhookReceiver;

/// Where the three feeds meet: Graph change notifications and pushes from the WebhookReceiver,
/// changes from the AlertPoller, lifecycle events handled by the SubscriptionManager. Each becomes
/// a Notification in the NotificationModel; for a Graph notification the alert is fetched (one
/// request per alert however many notifications arrive meanwhile) so its title, severity and table
/// row are current. notificationReady() is emitted once a notification is complete, for the
/// desktop notifier; alertUpdated() carries every fresh copy of an alert, for the table.
class NotificationCenter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationCenter)

public:
    explicit NotificationCenter(NotificationModel *model, QObject *parent = nullptr);
    ~NotificationCenter() override;

    NotificationModel *model() const { return m_model; }
    void setReceiver(WebhookReceiver *receiver);
    WebhookReceiver *receiver() const { return m_receiver; }
    void setSubscriptions(SubscriptionManager *subscriptions);
    SubscriptionManager *subscriptions() const { return m_subscriptions; }
    void setPoller(AlertPoller *poller);
    AlertPoller *poller() const { return m_poller; }
    /// For fetching the alerts Graph notifications name; without it they keep the id only.
    void setGraphClient(GraphClient *client);

    /// Starts, restarts or stops the receiver for these settings: on when `forceOn` (demo mode),
    /// enabled in the settings, or given `listen` (the command line, which also wins over the
    /// settings' address, as `publicUrl` does). False with receiverError() on failure.
    bool applyReceiverSettings(const NotificationSettings::Values &values, bool forceOn,
                               const std::optional<ListenAddress> &listen = {},
                               const std::optional<QUrl> &publicUrl = {});
    QString receiverError() const { return m_receiverError; }
    /// Poller on or off, and its interval; it only runs while signed in with a permission to read alerts.
    void applyPollerSettings(bool enabled, int seconds);
    /// Sign-in changed: the poller runs only while signed in; the subscriptions are listed once
    /// after sign-in so their expiry (for renewal) is current.
    void setSignedIn(bool signedIn, bool canReadAlertsV2);

    /// The push secret is kept in `store` (the keychain); created on first use.
    void setSecretStore(TokenStore *store);
    void loadPushSecret();
    void regeneratePushSecret();
    QString pushSecret() const { return m_pushSecret; }
    /// A curl command line that pushes a sample alert to `pushUrl` with `secret`.
    static QString curlExample(const QUrl &pushUrl, const QString &secret);

    /// Adds a notification made elsewhere (it is complete: notificationReady follows at once).
    void add(Notification notification);
    /// The alert as the service has it now (activating a notification whose alert is not loaded).
    QCoro::Task<GraphResult<Alert>> fetchAlert(QString id, AlertApi api);

Q_SIGNALS:
    void notificationReady(const vigil::core::Notification &notification);
    void alertUpdated(const vigil::core::Alert &alert);
    void receiverStateChanged(bool listening, const QString &error);
    void pushSecretChanged(const QString &secret);
    /// Something the user should read in the status bar (renewals, lifecycle handling).
    void message(const QString &text);

private:
    struct Fetch
    {
        QList<qint64> notificationIds;
        bool again = false;
    };
    struct ReceiverConfig
    {
        bool on = false;
        QString listen;
        QUrl publicUrl;
        QString certificate;
        QString key;
        friend bool operator==(const ReceiverConfig &, const ReceiverConfig &) = default;
    };

    void onGraphNotification(const Notification &notification);
    void onLifecycle(const QString &subscriptionId, Notification::Change event);
    void onPushed(const QList<Alert> &alerts);
    void onPolled(const Notification &notification, const Alert &alert);
    void ready(qint64 id);
    QCoro::Task<> runFetch(QString key, QString id, AlertApi api);
    AlertSource *source(AlertApi api);
    void updatePoller();

    NotificationModel *m_model = nullptr;
    WebhookReceiver *m_receiver = nullptr;
    SubscriptionManager *m_subscriptions = nullptr;
    AlertPoller *m_poller = nullptr;
    GraphClient *m_client = nullptr;
    AlertSource *m_legacySource = nullptr;
    AlertSource *m_v2Source = nullptr;
    TokenStore *m_secrets = nullptr;
    QString m_pushSecret;
    QString m_receiverError;
    std::optional<ReceiverConfig> m_receiverConfig;
    QHash<QString, Fetch> m_fetches; ///< "api/alert id" → notifications waiting for it
    QHash<QString, qint64> m_lifecycleNotes; ///< subscription id → its latest lifecycle notification
    bool m_pollerEnabled = true;
    bool m_signedIn = false;
    bool m_canPoll = false;
    bool m_listedSubscriptions = false;
};

} // namespace vigil::core
