#include "subscriptionmanager.h"

#include "core/auth/tokenstore.h"
#include "core/notifications/notificationsettings.h"
#include "core/notifications/secret.h"
#include "core/notifications/webhookreceiver.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimeZone>

Q_LOGGING_CATEGORY(lcSubscriptionManager, "vigil.core.notifications.subscriptions", QtInfoMsg)

namespace vigil::core {

namespace {

bool isPublicHost(const QString &host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0 || host.endsWith(u".localhost", Qt::CaseInsensitive))
        return false;
    const QHostAddress address(host);
    if (address.isNull())
        return true; // a name: assume it resolves publicly (a tunnel's host)
    if (address.isLoopback() || address.isLinkLocal() || address.isUniqueLocalUnicast())
        return false;
    // Private and shared (carrier-grade NAT) IPv4 ranges.
    for (const char *subnet : { "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10" }) {
        if (address.isInSubnet(QHostAddress::parseSubnet(QString::fromLatin1(subnet))))
            return false;
    }
    return true;
}

GraphError clientError(const QString &message)
{
    GraphError e;
    e.code = QStringLiteral("InvalidRequest");
    e.message = message;
    return e;
}

} // namespace

SubscriptionManager::SubscriptionManager(GraphClient *client, WebhookReceiver *receiver, TokenStore *secrets,
                                         QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_receiver(receiver)
    , m_secrets(secrets)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    connect(&m_renewTimer, &QTimer::timeout, this, &SubscriptionManager::checkRenewals);
    m_renewTimer.start(std::chrono::minutes(1));
}

SubscriptionManager::~SubscriptionManager() = default;

void SubscriptionManager::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); });
}

QDateTime SubscriptionManager::now() const
{
    return m_clock().toUTC();
}

void SubscriptionManager::setRenewalCheckInterval(std::chrono::milliseconds interval)
{
    if (interval.count() <= 0)
        m_renewTimer.stop();
    else
        m_renewTimer.start(interval);
}

QString SubscriptionManager::resourceForFilter(const QString &filter)
{
    // Graph takes the filter as written ("security/alerts?$filter=status eq 'newAlert'"); only the
    // characters that would end or change a query value are escaped.
    QString escaped;
    escaped.reserve(filter.size());
    for (const QChar c : filter) {
        if (c == u'%' || c == u'&' || c == u'+' || c == u'#')
            escaped += QString::fromLatin1(QUrl::toPercentEncoding(QString(c)));
        else
            escaped += c;
    }
    return QStringLiteral("security/alerts?$filter=") + escaped;
}

QString SubscriptionManager::resourceForAlert(const QString &alertId)
{
    return QStringLiteral("security/alerts/") + QString::fromLatin1(QUrl::toPercentEncoding(alertId));
}

std::chrono::minutes SubscriptionManager::renewalLead(int lifetimeMinutes)
{
    return std::chrono::minutes(qBound(5, lifetimeMinutes / 4, 60));
}

QString SubscriptionManager::expirationLiteral(int lifetimeMinutes) const
{
    const int minutes = qBound(kMinMinutes, lifetimeMinutes, kMaxMinutes);
    // A minute short of the maximum, so clock skew never makes Graph refuse it as too long.
    const qint64 seconds = minutes >= kMaxMinutes ? qint64(minutes) * 60 - 60 : qint64(minutes) * 60;
    return now().addSecs(seconds).toString(Qt::ISODateWithMs);
}

void SubscriptionManager::saveIndex() const
{
    if (!m_persistent)
        return;
    QStringList index;
    for (auto it = m_lifetimes.constBegin(); it != m_lifetimes.constEnd(); ++it) {
        const QDateTime expiration = m_known.value(it.key()).expiration;
        index << QStringLiteral("%1|%2|%3")
                     .arg(it.key())
                     .arg(it.value())
                     .arg(expiration.isValid() ? expiration.toMSecsSinceEpoch() : 0);
    }
    NotificationSettings::subscriptionIndex().setValue(index);
}

void SubscriptionManager::restore()
{
    const QStringList index = m_persistent ? NotificationSettings::subscriptionIndex().value() : QStringList();
    auto remaining = std::make_shared<int>(0);
    QList<QString> ids;
    for (const QString &entry : index) {
        const QStringList parts = entry.split(QLatin1Char('|'));
        if (parts.size() != 3 || parts.at(0).isEmpty())
            continue;
        Subscription s;
        s.id = parts.at(0);
        s.managed = true;
        s.lifetimeMinutes = qBound(kMinMinutes, parts.at(1).toInt(), kMaxMinutes);
        if (const qint64 ms = parts.at(2).toLongLong(); ms > 0)
            s.expiration = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
        m_known.insert(s.id, s);
        m_lifetimes.insert(s.id, s.lifetimeMinutes);
        ids << s.id;
    }
    if (ids.isEmpty() || !m_secrets) {
        QMetaObject::invokeMethod(this, &SubscriptionManager::restored, Qt::QueuedConnection);
        return;
    }
    *remaining = int(ids.size());
    QPointer<SubscriptionManager> self(this);
    for (const QString &id : std::as_const(ids)) {
        m_secrets->read(NotificationSettings::clientStateKey(id),
                        [self, id, remaining](bool found, const QString &secret, const QString &error) {
                            if (!self)
                                return;
                            if (found && !secret.isEmpty()) {
                                self->m_receiver->setClientState(id, secret);
                            } else {
                                // Without its clientState no notification of it can be trusted.
                                qCWarning(lcSubscriptionManager).noquote()
                                    << "no clientState in the keychain for subscription" << id
                                    << (error.isEmpty() ? QString() : QStringLiteral("(%1)").arg(error));
                                self->m_lifetimes.remove(id);
                                self->m_known.remove(id);
                                self->saveIndex();
                            }
                            if (--*remaining == 0) {
                                Q_EMIT self->subscriptionsChanged();
                                Q_EMIT self->restored();
                            }
                        });
    }
}

void SubscriptionManager::remember(const Subscription &subscription)
{
    Subscription s = subscription;
    s.managed = m_lifetimes.contains(s.id);
    s.lifetimeMinutes = m_lifetimes.value(s.id, 0);
    m_known.insert(s.id, s);
    if (s.managed)
        saveIndex();
}

void SubscriptionManager::forget(const QString &id)
{
    m_known.remove(id);
    m_renewing.remove(id);
    if (m_lifetimes.remove(id) == 0)
        return;
    m_receiver->removeClientState(id);
    if (m_secrets) {
        m_secrets->remove(NotificationSettings::clientStateKey(id), [id](bool ok, const QString &error) {
            if (!ok)
                qCWarning(lcSubscriptionManager).noquote() << "cannot remove the clientState of" << id << ":" << error;
        });
    }
    saveIndex();
}

QCoro::Task<GraphResult<Subscription>> SubscriptionManager::create(QString resource, QString changeType,
                                                                   int lifetimeMinutes)
{
    const qsizetype q = resource.indexOf(QLatin1String("?$filter="));
    if (resource.trimmed().isEmpty() || (q >= 0 && resource.mid(q + 9).trimmed().isEmpty())
        || resource.trimmed().compare(QLatin1String("security/alerts"), Qt::CaseInsensitive) == 0) {
        GraphResult<Subscription> refused(clientError(
            tr("A subscription needs at least one filter clause or one alert: Microsoft Graph does not allow a "
               "subscription on all security alerts.")));
        co_return refused;
    }
    if (!m_receiver->isListening() && m_receiver->publicBaseUrl().isEmpty()) {
        GraphResult<Subscription> refused(clientError(
            tr("The webhook receiver is not running, so Microsoft Graph would have nowhere to send notifications. "
               "Turn it on in Settings → Notifications.")));
        co_return refused;
    }
    const int minutes = qBound(kMinMinutes, lifetimeMinutes, kMaxMinutes);
    const QString clientState = generateSecret(32);
    m_receiver->addPendingClientState(clientState);
    const int validationsBefore = m_receiver->validationCount();

    QJsonObject body {
        { QStringLiteral("changeType"), changeType },
        { QStringLiteral("notificationUrl"), m_receiver->notificationUrl().toString(QUrl::FullyEncoded) },
        { QStringLiteral("lifecycleNotificationUrl"), m_receiver->lifecycleUrl().toString(QUrl::FullyEncoded) },
        { QStringLiteral("resource"), resource },
        { QStringLiteral("expirationDateTime"), expirationLiteral(minutes) },
        { QStringLiteral("clientState"), clientState },
        { QStringLiteral("latestSupportedTlsVersion"), QStringLiteral("v1_2") },
    };
    const QUrl url = m_client->endpoint({ QStringLiteral("subscriptions") });
    QPointer<SubscriptionManager> self(this);
    GraphResponse response = co_await m_client->post(url, body);
    if (!self) {
        GraphResult<Subscription> gone(clientError(QStringLiteral("cancelled")));
        co_return gone;
    }
    if (!response.ok()) {
        m_receiver->removePendingClientState(clientState);
        GraphError error = *response.error;
        error.message = explain(error, m_receiver->validationCount() > validationsBefore);
        qCWarning(lcSubscriptionManager) << "subscription not created: HTTP" << error.httpStatus << error.code;
        GraphResult<Subscription> failed(error);
        co_return failed;
    }
    Subscription created = Subscription::fromJson(response.json());
    if (created.id.isEmpty()) {
        m_receiver->removePendingClientState(clientState);
        GraphResult<Subscription> failed(clientError(tr("Microsoft Graph answered without a subscription id.")));
        co_return failed;
    }
    m_receiver->setClientState(created.id, clientState);
    m_receiver->removePendingClientState(clientState);
    m_lifetimes.insert(created.id, minutes);
    if (m_secrets) {
        const QString id = created.id;
        m_secrets->write(NotificationSettings::clientStateKey(id), clientState, [id](bool ok, const QString &error) {
            if (!ok)
                qCWarning(lcSubscriptionManager).noquote()
                    << "the clientState of" << id << "could not be kept in the keychain:" << error;
        });
    }
    remember(created);
    created.managed = true;
    created.lifetimeMinutes = minutes;
    qCInfo(lcSubscriptionManager).noquote() << "subscription" << created.id << "created on" << created.resource
                                            << "until" << created.expiration.toString(Qt::ISODate);
    Q_EMIT subscriptionsChanged();
    GraphResult<Subscription> result(created);
    co_return result;
}

QCoro::Task<GraphResult<QList<Subscription>>> SubscriptionManager::list()
{
    QList<Subscription> all;
    QUrl url = m_client->endpoint({ QStringLiteral("subscriptions") });
    QPointer<SubscriptionManager> self(this);
    for (int page = 0; page < 50 && url.isValid() && !url.isEmpty(); ++page) {
        GraphResponse response = co_await m_client->get(url);
        if (!self || !response.ok()) {
            GraphResult<QList<Subscription>> failed(response.error ? *response.error
                                                                   : clientError(QStringLiteral("cancelled")));
            co_return failed;
        }
        const QJsonObject json = response.json();
        for (const QJsonValue &value : json.value(QLatin1String("value")).toArray()) {
            Subscription s = Subscription::fromJson(value.toObject());
            if (!s.id.isEmpty())
                all.append(s);
        }
        url = QUrl(json.value(QLatin1String("@odata.nextLink")).toString(), QUrl::StrictMode);
    }
    QSet<QString> listed;
    for (Subscription &s : all) {
        listed.insert(s.id);
        remember(s);
        s.managed = m_lifetimes.contains(s.id);
        s.lifetimeMinutes = m_lifetimes.value(s.id, 0);
    }
    // Ours that Graph no longer has: expired or deleted elsewhere.
    const QList<QString> ours = m_lifetimes.keys();
    for (const QString &id : ours) {
        if (!listed.contains(id))
            forget(id);
    }
    for (auto it = m_known.begin(); it != m_known.end();) {
        if (!listed.contains(it.key()))
            it = m_known.erase(it);
        else
            ++it;
    }
    Q_EMIT subscriptionsChanged();
    GraphResult<QList<Subscription>> result(all);
    co_return result;
}

QCoro::Task<GraphResult<Subscription>> SubscriptionManager::renew(QString id, int lifetimeMinutes)
{
    const int minutes = lifetimeMinutes > 0 ? lifetimeMinutes : m_lifetimes.value(id, kDefaultMinutes);
    QJsonObject body { { QStringLiteral("expirationDateTime"), expirationLiteral(minutes) } };
    const QUrl url = m_client->endpoint({ QStringLiteral("subscriptions"), id });
    QPointer<SubscriptionManager> self(this);
    GraphResponse response = co_await m_client->patch(url, body);
    if (!self) {
        GraphResult<Subscription> gone(clientError(QStringLiteral("cancelled")));
        co_return gone;
    }
    if (!response.ok()) {
        GraphError error = *response.error;
        if (error.httpStatus == 404)
            forget(id);
        else
            error.message = explain(error, true);
        GraphResult<Subscription> failed(error);
        co_return failed;
    }
    Subscription renewed = Subscription::fromJson(response.json());
    if (m_lifetimes.contains(id) && lifetimeMinutes > 0)
        m_lifetimes.insert(id, qBound(kMinMinutes, lifetimeMinutes, kMaxMinutes));
    remember(renewed);
    renewed.managed = m_lifetimes.contains(id);
    renewed.lifetimeMinutes = m_lifetimes.value(id, 0);
    qCInfo(lcSubscriptionManager).noquote()
        << "subscription" << id << "renewed until" << renewed.expiration.toString(Qt::ISODate);
    Q_EMIT subscriptionsChanged();
    Q_EMIT this->renewed(renewed);
    GraphResult<Subscription> result(renewed);
    co_return result;
}

QCoro::Task<GraphResult<bool>> SubscriptionManager::remove(QString id)
{
    GraphRequest request;
    request.method = QByteArrayLiteral("DELETE");
    request.url = m_client->endpoint({ QStringLiteral("subscriptions"), id });
    QPointer<SubscriptionManager> self(this);
    GraphResponse response = co_await m_client->send(std::move(request));
    if (!self) {
        GraphResult<bool> gone(clientError(QStringLiteral("cancelled")));
        co_return gone;
    }
    if (!response.ok() && response.error->httpStatus != 404) {
        GraphResult<bool> failed(*response.error);
        co_return failed;
    }
    forget(id);
    Q_EMIT subscriptionsChanged();
    GraphResult<bool> result(true);
    co_return result;
}

QCoro::Task<GraphResult<bool>> SubscriptionManager::reauthorize(QString id)
{
    GraphRequest request;
    request.method = QByteArrayLiteral("POST");
    request.url = m_client->endpoint({ QStringLiteral("subscriptions"), id, QStringLiteral("reauthorize") });
    GraphResponse response = co_await m_client->send(std::move(request));
    if (!response.ok()) {
        GraphResult<bool> failed(*response.error);
        co_return failed;
    }
    GraphResult<bool> result(true);
    co_return result;
}

void SubscriptionManager::checkRenewals()
{
    const QDateTime current = now();
    const QList<QString> ids = m_lifetimes.keys();
    for (const QString &id : ids) {
        const Subscription s = m_known.value(id);
        if (!s.expiration.isValid() || m_renewing.contains(id))
            continue;
        const qint64 leftMs = current.msecsTo(s.expiration);
        const qint64 leadMs
            = std::chrono::duration_cast<std::chrono::milliseconds>(renewalLead(m_lifetimes.value(id))).count();
        if (leftMs <= leadMs)
            renewInBackground(id);
    }
}

QCoro::Task<> SubscriptionManager::renewInBackground(QString id)
{
    m_renewing.insert(id);
    qCInfo(lcSubscriptionManager).noquote() << "renewing subscription" << id << "before it expires";
    QPointer<SubscriptionManager> self(this);
    GraphResult<Subscription> result = co_await renew(id);
    if (!self)
        co_return;
    m_renewing.remove(id);
    if (!result.ok()) {
        const QString message = result.error().httpStatus == 404
            ? tr("Subscription %1 expired or was deleted before it could be renewed; create it again in "
                 "Tools → Subscriptions.")
                  .arg(id)
            : tr("Subscription %1 could not be renewed: %2").arg(id, result.error().message);
        qCWarning(lcSubscriptionManager).noquote() << "renewal of" << id << "failed: HTTP" << result.error().httpStatus;
        Q_EMIT renewalFailed(id, message);
    }
}

void SubscriptionManager::handleLifecycle(const QString &id, Notification::Change event)
{
    if (event == Notification::Change::ReauthorizationRequired) {
        // Graph asks again soon after a reauthorization made with a token that is itself about to
        // expire; the next one waits until the sign-in has had time to refresh it.
        constexpr qint64 kMinGapMs = 30'000;
        const QDateTime last = m_lastReauthorization.value(id);
        const qint64 sinceMs = last.isValid() ? last.msecsTo(QDateTime::currentDateTimeUtc()) : kMinGapMs;
        if (sinceMs < kMinGapMs) {
            if (!m_reauthorizationQueued.contains(id)) {
                m_reauthorizationQueued.insert(id);
                QTimer::singleShot(std::chrono::milliseconds(kMinGapMs - sinceMs), this, [this, id, event] {
                    m_reauthorizationQueued.remove(id);
                    handleLifecycle(id, event);
                });
            }
            return;
        }
        m_lastReauthorization.insert(id, QDateTime::currentDateTimeUtc());
    }
    handleLifecycleAsync(id, event);
}

QCoro::Task<> SubscriptionManager::handleLifecycleAsync(QString id, Notification::Change event)
{
    QPointer<SubscriptionManager> self(this);
    switch (event) {
    case Notification::Change::ReauthorizationRequired: {
        qCInfo(lcSubscriptionManager).noquote() << "reauthorizing subscription" << id;
        GraphResult<bool> reauthorized = co_await reauthorize(id);
        if (!self)
            co_return;
        if (reauthorized.ok()) {
            Q_EMIT lifecycleHandled(id, event, true, tr("Vigil reauthorized the subscription."));
            co_return;
        }
        // Renewing reauthorizes too.
        GraphResult<Subscription> renewed = co_await renew(id);
        if (!self)
            co_return;
        if (renewed.ok())
            Q_EMIT lifecycleHandled(id, event, true, tr("Vigil renewed the subscription, which reauthorizes it."));
        else
            Q_EMIT lifecycleHandled(
                id, event, false,
                tr("The subscription could not be reauthorized: %1").arg(renewed.error().userMessage()));
        co_return;
    }
    case Notification::Change::SubscriptionRemoved:
        forget(id);
        Q_EMIT subscriptionsChanged();
        Q_EMIT lifecycleHandled(
            id, event, false,
            tr("Microsoft Graph removed the subscription; create it again in Tools → Subscriptions."));
        co_return;
    case Notification::Change::Missed:
        Q_EMIT lifecycleHandled(
            id, event, true,
            tr("Microsoft Graph could not deliver some notifications; refresh the alerts to catch up."));
        co_return;
    default:
        co_return;
    }
}

QString SubscriptionManager::explain(const GraphError &error, bool validationSeen) const
{
    QString text = error.userMessage();
    // Graph reports a failed handshake as a 400 whose message names the validation request; the
    // code alone ("InvalidRequest") does not tell it apart from other refusals.
    const bool validationFailed = error.httpStatus == 400
        && (error.message.contains(QLatin1String("validation"), Qt::CaseInsensitive)
            || error.code.contains(QLatin1String("Validation"), Qt::CaseInsensitive));
    if (!validationFailed)
        return text;
    const QUrl url = m_receiver->notificationUrl();
    QStringList causes;
    if (!m_receiver->isListening())
        causes << tr("Vigil's webhook receiver is not running (Settings → Notifications).");
    if (url.scheme() != QLatin1String("https"))
        causes << tr("The notification URL %1 is not HTTPS: Microsoft Graph only calls HTTPS URLs. Use a tunnel "
                     "(ngrok, dev tunnels, cloudflared) and give its address with --public-url or in Settings → "
                     "Notifications, or configure a certificate.")
                      .arg(url.toString());
    if (!isPublicHost(url.host()))
        causes << tr("The notification URL %1 is not public: Microsoft Graph cannot reach this computer from the "
                     "internet. Start a tunnel to %2 and give its public address with --public-url.")
                      .arg(url.toString(), m_receiver->localUrl().toString());
    if (validationSeen)
        causes << tr("Vigil received and answered the validation request, so the URL works; the answer may have "
                     "arrived too late (Graph waits 10 seconds).");
    else if (causes.isEmpty())
        causes << tr("Microsoft Graph's validation request never reached Vigil: is the tunnel running and "
                     "forwarding %1 to %2?")
                      .arg(m_receiver->publicBaseUrl().toString(), m_receiver->localUrl().toString());
    return text + QStringLiteral("\n\n") + tr("Likely cause:") + QLatin1Char(' ') + causes.join(QLatin1Char(' '));
}

} // namespace vigil::core
