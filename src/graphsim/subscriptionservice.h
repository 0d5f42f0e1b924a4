#pragma once

#include "filtercompiler.h"

#include "http/responder.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

namespace graphsim {

class Clock;
class Dataset;
class LegacyAlertsApi;
class NotificationSender;
struct GraphCall;

/// `/subscriptions`: create (validation handshake against notificationUrl and
/// lifecycleNotificationUrl), list (clientState blanked), get, renew (PATCH), delete, reauthorize;
/// the duplicate and expiry rules of the real service; change notifications for every change of a
/// legacy alert a subscription's resource matches; `reauthorizationRequired` lifecycle events when
/// the token that authorised a subscription expires.
class SubscriptionService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubscriptionService)

public:
    SubscriptionService(Dataset *dataset, const Clock *clock, LegacyAlertsApi *legacy, NotificationSender *sender,
                        QObject *parent = nullptr);

    void setAllowHttp(bool allow) { m_allowHttp = allow; }
    void handle(const GraphCall &call, vigil::http::Responder responder);

    /// A legacy alert changed ("created" or "updated").
    void legacyAlertChanged(int index, const QString &changeType);
    /// Expires subscriptions and sends due lifecycle notifications (called on a timer and when the
    /// clock is advanced).
    void checkLifecycle();
    /// Sends a lifecycle notification now (control API).
    bool sendLifecycle(const QString &subscriptionId, const QString &event);

    /// Every subscription, clientState included (control API).
    QList<QJsonObject> all() const;
    void reset();

private:
    struct Subscription
    {
        QString id;
        QString resource;
        QString changeType;
        QString clientState;
        bool hasClientState = false;
        QUrl notificationUrl;
        QUrl lifecycleUrl;
        QString tlsVersion;
        QString applicationId;
        QString creatorId;
        qint64 expirationMs = 0;
        qint64 authExpiresMs = 0;       ///< when the authorising access token expires
        bool reauthorizationSent = false;
        QString alertId;                ///< for security/alerts/{id}
        FilterPredicate filter;         ///< for security/alerts?$filter=
    };

    void create(const GraphCall &call, vigil::http::Responder responder);
    void renew(const GraphCall &call, int index, vigil::http::Responder responder);
    QJsonObject toJson(const Subscription &s, bool withClientState) const;
    int find(const QString &id, const GraphCall &call) const;
    bool parseExpiration(const QJsonValue &value, qint64 *ms, QString *error) const;
    bool checkUrl(const QString &text, QUrl *url, QString *error) const;

    Dataset *m_dataset = nullptr;
    const Clock *m_clock = nullptr;
    LegacyAlertsApi *m_legacy = nullptr;
    NotificationSender *m_sender = nullptr;
    bool m_allowHttp = false;
    QList<Subscription> m_subscriptions;
    quint64 m_generation = 0;
};

} // namespace graphsim
