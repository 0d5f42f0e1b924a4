#include "notificationcenter.h"

#include "core/alerts/alertsource.h"
#include "core/auth/tokenstore.h"
#include "core/notifications/alertpoller.h"
#include "core/notifications/notificationmodel.h"
#include "core/notifications/secret.h"
#include "core/notifications/subscriptionmanager.h"
#include "core/notifications/webhookreceiver.h"

#include <QLoggingCategory>
#include <QPointer>

Q_LOGGING_CATEGORY(lcNotificationCenter, "vigil.core.notifications.center", QtInfoMsg)

namespace vigil::core {

NotificationCenter::NotificationCenter(NotificationModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{ }

NotificationCenter::~NotificationCenter() = default;

void NotificationCenter::setReceiver(WebhookReceiver *receiver)
{
    m_receiver = receiver;
    connect(receiver, &WebhookReceiver::notificationReceived, this, &NotificationCenter::onGraphNotification);
    connect(receiver, &WebhookReceiver::lifecycleReceived, this, &NotificationCenter::onLifecycle);
    connect(receiver, &WebhookReceiver::alertsPushed, this, &NotificationCenter::onPushed);
}

void NotificationCenter::setSubscriptions(SubscriptionManager *subscriptions)
{
    m_subscriptions = subscriptions;
    connect(subscriptions, &SubscriptionManager::renewalFailed, this,
            [this](const QString &, const QString &text) { Q_EMIT message(text); });
    connect(subscriptions, &SubscriptionManager::lifecycleHandled, this,
            [this](const QString &id, Notification::Change, bool, const QString &text) {
                if (const qint64 note = m_lifecycleNotes.value(id); note > 0) {
                    const std::optional<Notification> n = m_model->find(note);
                    if (n)
                        m_model->updateAlertInfo(note, {}, Severity::Unknown, n->details + QLatin1Char('\n') + text);
                }
                Q_EMIT message(text);
            });
}

void NotificationCenter::setPoller(AlertPoller *poller)
{
    m_poller = poller;
    connect(poller, &AlertPoller::changeDetected, this, &NotificationCenter::onPolled);
    updatePoller();
}

void NotificationCenter::setGraphClient(GraphClient *client)
{
    m_client = client;
}

AlertSource *NotificationCenter::source(AlertApi api)
{
    if (!m_client)
        return nullptr;
    if (api == AlertApi::Legacy) {
        if (!m_legacySource)
            m_legacySource = new LegacyAlertSource(m_client, this);
        return m_legacySource;
    }
    if (!m_v2Source)
        m_v2Source = new AlertsV2Source(m_client, this);
    return m_v2Source;
}

bool NotificationCenter::applyReceiverSettings(const NotificationSettings::Values &values, bool forceOn,
                                               const std::optional<ListenAddress> &listen,
                                               const std::optional<QUrl> &publicUrl)
{
    if (!m_receiver)
        return false;
    ReceiverConfig config;
    config.on = forceOn || values.receiverEnabled || listen.has_value();
    config.listen = listen.value_or(values.listen).toString();
    config.publicUrl = publicUrl.value_or(values.publicUrl);
    config.certificate = values.tlsCertificateFile;
    config.key = values.tlsKeyFile;
    if (m_receiverConfig == config && (m_receiver->isListening() || !config.on))
        return m_receiverError.isEmpty();
    m_receiverConfig = config;
    m_receiver->setPublicUrl(config.publicUrl);
    if (!config.on) {
        m_receiver->stop();
        m_receiverError.clear();
        Q_EMIT receiverStateChanged(false, {});
        return true;
    }
    bool ok = true;
    if (!config.certificate.isEmpty() && !config.key.isEmpty())
        ok = m_receiver->setTlsFiles(config.certificate, config.key);
    else
        m_receiver->setTlsConfiguration(std::nullopt);
    if (ok)
        ok = m_receiver->start(listen.value_or(values.listen));
    m_receiverError = ok ? QString() : m_receiver->errorString();
    Q_EMIT receiverStateChanged(ok, m_receiverError);
    return ok;
}

void NotificationCenter::applyPollerSettings(bool enabled, int seconds)
{
    m_pollerEnabled = enabled;
    if (m_poller)
        m_poller->setInterval(std::chrono::seconds(seconds));
    updatePoller();
}

void NotificationCenter::setSignedIn(bool signedIn, bool canReadAlertsV2)
{
    const bool wasSignedIn = m_signedIn;
    m_signedIn = signedIn;
    m_canPoll = canReadAlertsV2;
    updatePoller();
    if (signedIn && !wasSignedIn && m_subscriptions && !m_listedSubscriptions && !m_subscriptions->known().isEmpty()) {
        // Learn the current expiry of this install's subscriptions, so renewal happens in time.
        m_listedSubscriptions = true;
        m_subscriptions->list();
    }
}

void NotificationCenter::updatePoller()
{
    if (!m_poller)
        return;
    const bool run = m_pollerEnabled && m_signedIn && m_canPoll;
    if (run && !m_poller->isRunning()) {
        m_poller->start();
        m_poller->pollNow(); // sets the watermark at once on a first run
    } else if (!run && m_poller->isRunning()) {
        m_poller->stop();
    }
}

void NotificationCenter::setSecretStore(TokenStore *store)
{
    m_secrets = store;
}

void NotificationCenter::loadPushSecret()
{
    if (!m_secrets)
        return;
    QPointer<NotificationCenter> self(this);
    m_secrets->read(NotificationSettings::pushSecretKey(),
                    [self](bool found, const QString &secret, const QString &error) {
                        if (!self)
                            return;
                        if (found && !secret.isEmpty()) {
                            self->m_pushSecret = secret;
                            if (self->m_receiver)
                                self->m_receiver->setPushSecret(secret);
                            Q_EMIT self->pushSecretChanged(secret);
                            return;
                        }
                        if (!error.isEmpty())
                            qCWarning(lcNotificationCenter).noquote()
                                << "the push secret could not be read from the keychain:" << error;
                        self->regeneratePushSecret();
                    });
}

void NotificationCenter::regeneratePushSecret()
{
    m_pushSecret = generateSecret(32);
    if (m_receiver)
        m_receiver->setPushSecret(m_pushSecret);
    if (m_secrets) {
        m_secrets->write(NotificationSettings::pushSecretKey(), m_pushSecret, [](bool ok, const QString &error) {
            if (!ok)
                qCWarning(lcNotificationCenter).noquote()
                    << "the push secret could not be kept in the keychain:" << error;
        });
    }
    Q_EMIT pushSecretChanged(m_pushSecret);
}

QString NotificationCenter::curlExample(const QUrl &pushUrl, const QString &secret)
{
    // The secret is base64url (no quotes or spaces), so single quotes keep the line shell-safe.
    return QStringLiteral("curl -X POST '%1' -H 'Authorization: Bearer %2' -H 'Content-Type: application/json' "
                          "-d '{\"id\":\"da0000000000000000_1\",\"title\":\"Suspicious sign-in from a new country\","
                          "\"severity\":\"high\",\"status\":\"new\",\"serviceSource\":\"microsoftSentinel\"}'")
        .arg(pushUrl.toString(QUrl::FullyEncoded), secret);
}

void NotificationCenter::add(Notification notification)
{
    const qint64 id = m_model->add(std::move(notification));
    ready(id);
}

void NotificationCenter::ready(qint64 id)
{
    if (const std::optional<Notification> n = m_model->find(id))
        Q_EMIT notificationReady(*n);
}

void NotificationCenter::onGraphNotification(const Notification &notification)
{
    const qint64 id = m_model->add(notification);
    if (notification.alertId.isEmpty() || notification.change == Notification::Change::Deleted
        || !source(notification.api)) {
        ready(id);
        return;
    }
    const QString key = QString::number(int(notification.api)) + QLatin1Char('/') + notification.alertId;
    auto it = m_fetches.find(key);
    if (it != m_fetches.end()) {
        // Already being fetched: this notification waits for it, and the alert is read once more
        // afterwards, since it changed again meanwhile.
        it->notificationIds.append(id);
        it->again = true;
        return;
    }
    m_fetches.insert(key, Fetch { { id }, false });
    runFetch(key, notification.alertId, notification.api);
}

QCoro::Task<> NotificationCenter::runFetch(QString key, QString id, AlertApi api)
{
    QPointer<NotificationCenter> self(this);
    AlertSource *alerts = source(api);
    while (true) {
        GraphResult<Alert> result = co_await alerts->get(id);
        if (!self)
            co_return;
        auto it = m_fetches.find(key);
        if (it == m_fetches.end())
            co_return;
        const QList<qint64> waiting = std::exchange(it->notificationIds, {});
        const bool again = std::exchange(it->again, false);
        if (result.ok()) {
            const Alert &alert = result.value();
            for (const qint64 n : waiting)
                m_model->updateAlertInfo(n, alert.title, alert.severity);
            Q_EMIT alertUpdated(alert);
        } else {
            const QString details = tr("The alert could not be fetched: %1").arg(result.error().userMessage());
            qCWarning(lcNotificationCenter) << "alert of a notification not fetched: HTTP" << result.error().httpStatus;
            for (const qint64 n : waiting)
                m_model->updateAlertInfo(n, {}, Severity::Unknown, details);
        }
        for (const qint64 n : waiting)
            ready(n);
        if (!again || !result.ok()) {
            m_fetches.remove(key);
            co_return;
        }
    }
}

void NotificationCenter::onLifecycle(const QString &subscriptionId, Notification::Change event)
{
    Notification n;
    n.feed = Notification::Feed::Graph;
    n.change = event;
    n.subscriptionId = subscriptionId;
    switch (event) {
    case Notification::Change::ReauthorizationRequired:
        n.details = tr("Microsoft Graph asks for the subscription to be reauthorized; otherwise it stops delivering.");
        break;
    case Notification::Change::SubscriptionRemoved:
        n.details = tr("Microsoft Graph removed the subscription; no more notifications will arrive for it.");
        break;
    case Notification::Change::Missed:
        n.details = tr("Microsoft Graph could not deliver some notifications.");
        break;
    default:
        break;
    }
    const qint64 id = m_model->add(n);
    m_lifecycleNotes.insert(subscriptionId, id);
    ready(id);
    if (m_subscriptions)
        m_subscriptions->handleLifecycle(subscriptionId, event);
}

void NotificationCenter::onPushed(const QList<Alert> &alerts)
{
    for (const Alert &alert : alerts) {
        Notification n;
        n.feed = Notification::Feed::Push;
        n.change = Notification::Change::Pushed;
        n.api = AlertApi::V2;
        n.alertId = alert.id;
        n.title = alert.title;
        n.severity = alert.severity;
        n.resource = QStringLiteral("security/alerts_v2/") + alert.id;
        add(n);
        Q_EMIT alertUpdated(alert);
    }
}

void NotificationCenter::onPolled(const Notification &notification, const Alert &alert)
{
    add(notification);
    Q_EMIT alertUpdated(alert);
}

QCoro::Task<GraphResult<Alert>> NotificationCenter::fetchAlert(QString id, AlertApi api)
{
    AlertSource *alerts = source(api);
    if (!alerts) {
        GraphError e;
        e.message = tr("Not connected to Microsoft Graph.");
        GraphResult<Alert> failed(e);
        co_return failed;
    }
    GraphResult<Alert> result = co_await alerts->get(id);
    co_return result;
}

} // namespace vigil::core
