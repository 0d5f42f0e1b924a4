#pragma once

#include "core/graph/graphclient.h"
#include "core/graph/graphresult.h"
#include "core/notifications/notification.h"
#include "core/notifications/subscription.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <functional>

namespace vigil::core {

class TokenStore;
class WebhookReceiver;

/// Graph change-notification subscriptions for legacy security alerts: creates them (for a legacy
/// $filter with at least one clause, or one alert id) with a random clientState each, kept as a
/// secret (receiver + keychain, never settings or logs); lists, renews, deletes and reauthorizes
/// them; renews this install's subscriptions before they expire (the clock is injectable so tests
/// can use the simulator's); answers lifecycle notifications. Failed validations are explained.
class SubscriptionManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubscriptionManager)

public:
    static constexpr int kMinMinutes = 45; ///< Graph bumps shorter lifetimes to 45 minutes
    static constexpr int kMaxMinutes = 43'200; ///< the documented maximum for security alerts
    static constexpr int kDefaultMinutes = 4'320; ///< three days

    using Clock = std::function<QDateTime()>;

    SubscriptionManager(GraphClient *client, WebhookReceiver *receiver, TokenStore *secrets, QObject *parent = nullptr);
    ~SubscriptionManager() override;

    /// "Now" for expiry and renewal (UTC); the default is the system clock.
    void setClock(Clock clock);
    QDateTime now() const;
    /// How often the renewal check runs (default one minute); zero stops it.
    void setRenewalCheckInterval(std::chrono::milliseconds interval);

    /// The resource of a subscription on a legacy $filter (which must not be empty), or on one alert.
    static QString resourceForFilter(const QString &filter);
    static QString resourceForAlert(const QString &alertId);
    /// Renew when this much is left: a quarter of the lifetime, between 5 and 60 minutes.
    static std::chrono::minutes renewalLead(int lifetimeMinutes);

    /// Whether this install's subscriptions are remembered in the settings (not in demo mode, whose
    /// subscriptions live only as long as the simulator). On by default.
    void setPersistent(bool persistent) { m_persistent = persistent; }

    /// Reads the clientStates of this install's subscriptions from the keychain into the receiver,
    /// so notifications are accepted from the first moment, before any sign-in. Emits restored().
    void restore();

    QCoro::Task<GraphResult<Subscription>> create(QString resource, QString changeType, int lifetimeMinutes);
    /// The tenant's subscriptions for this app and user (clientState is never returned by Graph).
    QCoro::Task<GraphResult<QList<Subscription>>> list();
    /// New expiry: now + `lifetimeMinutes` (0: the lifetime it was created with, or the default).
    QCoro::Task<GraphResult<Subscription>> renew(QString id, int lifetimeMinutes = 0);
    QCoro::Task<GraphResult<bool>> remove(QString id);
    QCoro::Task<GraphResult<bool>> reauthorize(QString id);

    /// Subscriptions this install knows about (from create, renew and list), by id.
    QList<Subscription> known() const { return m_known.values(); }
    bool isManaged(const QString &id) const { return m_lifetimes.contains(id); }

    /// Renews, now, every subscription of this install that is within its renewal lead.
    void checkRenewals();
    /// A lifecycle notification for `id` arrived (its clientState already checked).
    void handleLifecycle(const QString &id, vigil::core::Notification::Change event);

    /// The sentence for a failed create or renew: for a failed validation, the likely cause.
    QString explain(const GraphError &error, bool validationSeen) const;

Q_SIGNALS:
    void restored();
    void subscriptionsChanged();
    void renewed(const vigil::core::Subscription &subscription);
    void renewalFailed(const QString &id, const QString &message);
    /// What was done about a lifecycle notification, in words.
    void lifecycleHandled(const QString &id, vigil::core::Notification::Change event, bool ok, const QString &message);

private:
    QCoro::Task<> renewInBackground(QString id);
    QCoro::Task<> handleLifecycleAsync(QString id, Notification::Change event);
    void remember(const Subscription &subscription);
    void forget(const QString &id);
    void saveIndex() const;
    QString expirationLiteral(int lifetimeMinutes) const;

    GraphClient *m_client = nullptr;
    WebhookReceiver *m_receiver = nullptr;
    TokenStore *m_secrets = nullptr;
    Clock m_clock;
    QTimer m_renewTimer;
    QHash<QString, Subscription> m_known;
    QHash<QString, int> m_lifetimes; ///< this install's subscriptions → lifetime in minutes
    QSet<QString> m_renewing;
    bool m_persistent = true;
    QHash<QString, QDateTime> m_lastReauthorization; ///< wall clock, per subscription
    QSet<QString> m_reauthorizationQueued;
};

} // namespace vigil::core
