#include "subscriptionservice.h"

#include "clock.h"
#include "dataset.h"
#include "graphcontext.h"
#include "jsonwriter.h"
#include "legacyalertsapi.h"
#include "alertcatalog.h"
#include "notificationsender.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QPointer>
#include <QUrlQuery>
#include <QUuid>

Q_LOGGING_CATEGORY(lcSubscriptions, "graphsim.subscriptions", QtInfoMsg)

namespace graphsim {

using vigil::http::Responder;
using vigil::http::Response;

namespace {
constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kMaxLifetimeMs = 43'200 * kMinuteMs;    // security alerts: under 30 days
constexpr qint64 kMinLifetimeMs = 45 * kMinuteMs;        // shorter requests are bumped to 45 minutes
constexpr qint64 kReauthLeadMs = 5 * kMinuteMs;

QString isoMs(qint64 ms)
{
    return QString::fromLatin1(formatTicks(ticksFromMs(ms)));
}
} // namespace

SubscriptionService::SubscriptionService(Dataset *dataset, const Clock *clock, LegacyAlertsApi *legacy,
                                         NotificationSender *sender, QObject *parent)
    : QObject(parent)
    , m_dataset(dataset)
    , m_clock(clock)
    , m_legacy(legacy)
    , m_sender(sender)
{
}

void SubscriptionService::reset()
{
    m_subscriptions.clear();
    ++m_generation;
}

QList<QJsonObject> SubscriptionService::all() const
{
    QList<QJsonObject> list;
    for (const Subscription &s : m_subscriptions)
        list.append(toJson(s, true));
    return list;
}

QJsonObject SubscriptionService::toJson(const Subscription &s, bool withClientState) const
{
    return QJsonObject{
        {QStringLiteral("id"), s.id},
        {QStringLiteral("resource"), s.resource},
        {QStringLiteral("applicationId"), s.applicationId},
        {QStringLiteral("changeType"), s.changeType},
        {QStringLiteral("clientState"), withClientState && s.hasClientState ? QJsonValue(s.clientState)
                                                                            : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("notificationUrl"), s.notificationUrl.toString()},
        {QStringLiteral("notificationQueryOptions"), QJsonValue::Null},
        {QStringLiteral("lifecycleNotificationUrl"), s.lifecycleUrl.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                              : QJsonValue(s.lifecycleUrl.toString())},
        {QStringLiteral("expirationDateTime"), isoMs(s.expirationMs)},
        {QStringLiteral("creatorId"), s.creatorId},
        {QStringLiteral("includeResourceData"), QJsonValue::Null},
        {QStringLiteral("latestSupportedTlsVersion"), s.tlsVersion},
        {QStringLiteral("encryptionCertificate"), QJsonValue::Null},
        {QStringLiteral("encryptionCertificateId"), QJsonValue::Null},
        {QStringLiteral("notificationUrlAppId"), QJsonValue::Null},
    };
}

int SubscriptionService::find(const QString &id, const GraphCall &call) const
{
    for (int i = 0; i < m_subscriptions.size(); ++i) {
        const Subscription &s = m_subscriptions.at(i);
        if (s.id.compare(id, Qt::CaseInsensitive) == 0 && s.applicationId == call.claims.clientId
            && s.expirationMs > m_clock->nowMs())
            return i;
    }
    return -1;
}

bool SubscriptionService::parseExpiration(const QJsonValue &value, qint64 *ms, QString *error) const
{
    qint64 ticks = 0;
    if (!value.isString() || !parseTicks(value.toString(), &ticks)) {
        *error = QStringLiteral("expirationDateTime is required and must be a valid DateTimeOffset.");
        return false;
    }
    const qint64 now = m_clock->nowMs();
    qint64 requested = msFromTicks(ticks);
    if (requested <= now || requested - now > kMaxLifetimeMs) {
        *error = QStringLiteral("Subscription expiration can only be 0-43200 minutes in the future.");
        return false;
    }
    *ms = qMax(requested, now + kMinLifetimeMs);
    return true;
}

bool SubscriptionService::checkUrl(const QString &text, QUrl *url, QString *error) const
{
    *url = QUrl(text, QUrl::StrictMode);
    if (!url->isValid() || url->host().isEmpty() || (url->scheme() != u"https" && url->scheme() != u"http")) {
        *error = QStringLiteral("The notification URL '%1' is not a valid absolute URL.").arg(text);
        return false;
    }
    if (url->scheme() != u"https" && !m_allowHttp) {
        *error = QStringLiteral("Subscription validation request failed. Notification URL '%1' must use the HTTPS "
                                "protocol.").arg(text);
        return false;
    }
    return true;
}

void SubscriptionService::handle(const GraphCall &call, Responder responder)
{
    const QStringList &s = call.segments;
    const QByteArray &method = call.request.method;
    const bool read = method == "GET" || method == "HEAD";
    if (read ? !call.hasScope({"SecurityEvents.ReadWrite.All", "Subscription.Read.All"})
             : !call.hasScope({"SecurityEvents.ReadWrite.All"}))
        return responder.send(read ? call.missingScope({"SecurityEvents.ReadWrite.All", "Subscription.Read.All"},
                                                       "ExtensionError")
                                   : call.missingScope({"SecurityEvents.ReadWrite.All"}, "ExtensionError"));
    checkLifecycle();
    if (s.size() == 1) {
        if (method == "POST")
            return create(call, responder);
        if (read) {
            QJsonArray values;
            for (const Subscription &sub : std::as_const(m_subscriptions)) {
                if (sub.applicationId == call.claims.clientId && sub.creatorId == call.claims.userId)
                    values.append(toJson(sub, false));
            }
            return responder.send(call.json(200, QJsonObject{{QStringLiteral("@odata.context"),
                                                              call.url(QStringLiteral("$metadata#subscriptions"))},
                                                             {QStringLiteral("value"), values}}));
        }
    } else {
        const int index = find(s.at(1), call);
        if (index < 0)
            return responder.send(call.error(404, QStringLiteral("ResourceNotFound"),
                                             QStringLiteral("The object was not found.")));
        if (s.size() == 2 && read) {
            QJsonObject o = toJson(m_subscriptions.at(index), true);
            o.insert(QStringLiteral("@odata.context"), call.url(QStringLiteral("$metadata#subscriptions/$entity")));
            return responder.send(call.json(200, o));
        }
        if (s.size() == 2 && method == "PATCH")
            return renew(call, index, responder);
        if (s.size() == 2 && method == "DELETE") {
            qCInfo(lcSubscriptions) << "subscription deleted" << m_subscriptions.at(index).id;
            m_subscriptions.removeAt(index);
            return responder.send(call.empty(204));
        }
        if (s.size() == 3 && s.at(2).compare(u"reauthorize", Qt::CaseInsensitive) == 0 && method == "POST") {
            Subscription &sub = m_subscriptions[index];
            sub.authExpiresMs = call.claims.expiresMs;
            sub.reauthorizationSent = false;
            return responder.send(call.empty(204));
        }
    }
    responder.send(call.error(405, QStringLiteral("Request_BadRequest"),
                              QStringLiteral("The HTTP method '%1' is not supported on this resource.")
                                  .arg(QString::fromLatin1(method))));
}

void SubscriptionService::create(const GraphCall &call, Responder responder)
{
    QString error;
    const auto body = call.jsonBody(&error);
    if (!body)
        return responder.send(call.error(400, QStringLiteral("BadRequest"), error));
    Subscription sub;
    sub.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    sub.applicationId = call.claims.clientId;
    sub.creatorId = call.claims.userId;
    sub.authExpiresMs = call.claims.expiresMs;
    const auto bad = [&](const QString &message) {
        responder.send(call.error(400, QStringLiteral("InvalidRequest"), message));
    };
    static const QStringList known{QStringLiteral("changeType"), QStringLiteral("notificationUrl"),
                                   QStringLiteral("resource"), QStringLiteral("expirationDateTime"),
                                   QStringLiteral("clientState"), QStringLiteral("lifecycleNotificationUrl"),
                                   QStringLiteral("latestSupportedTlsVersion"), QStringLiteral("includeResourceData"),
                                   QStringLiteral("encryptionCertificate"), QStringLiteral("encryptionCertificateId"),
                                   QStringLiteral("notificationUrlAppId"), QStringLiteral("notificationQueryOptions")};
    for (auto it = body->begin(); it != body->end(); ++it) {
        if (!it.key().startsWith(u'@') && !known.contains(it.key()))
            return bad(QStringLiteral("The property '%1' does not exist on type 'microsoft.graph.subscription'.")
                           .arg(it.key()));
    }
    // changeType
    const QStringList changes = body->value(QStringLiteral("changeType")).toString().split(u',', Qt::SkipEmptyParts);
    if (changes.isEmpty())
        return bad(QStringLiteral("changeType is required."));
    for (const QString &c : changes) {
        if (c.trimmed() != u"created" && c.trimmed() != u"updated" && c.trimmed() != u"deleted")
            return bad(QStringLiteral("'%1' is not a valid changeType; use created, updated or deleted.").arg(c));
    }
    sub.changeType = body->value(QStringLiteral("changeType")).toString();
    // resource
    QString resource = body->value(QStringLiteral("resource")).toString().trimmed();
    if (resource.isEmpty())
        return bad(QStringLiteral("resource is required."));
    sub.resource = resource;
    if (resource.startsWith(u'/'))
        resource.remove(0, 1);
    const qsizetype q = resource.indexOf(u'?');
    const QString path = q < 0 ? resource : resource.left(q);
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    if (parts.size() < 2 || parts.at(0).compare(u"security", Qt::CaseInsensitive) != 0
        || parts.at(1).compare(u"alerts", Qt::CaseInsensitive) != 0 || parts.size() > 3)
        return responder.send(call.error(400, QStringLiteral("ExtensionError"),
                                         QStringLiteral("Operation: Create; Exception: [Status Code: BadRequest; "
                                                        "Reason: The resource '%1' is not supported by this "
                                                        "simulator; only security/alerts?$filter=… and "
                                                        "security/alerts/{id} are.]").arg(sub.resource)));
    if (parts.size() == 3) {
        if (m_dataset->findLegacy(parts.at(2)) < 0)
            return responder.send(call.error(404, QStringLiteral("ResourceNotFound"),
                                             QStringLiteral("Alert '%1' was not found.").arg(parts.at(2))));
        sub.alertId = parts.at(2);
    } else {
        QString filter;
        const QList<std::pair<QString, QString>> items =
            vigil::http::parseFormUrlEncoded(q < 0 ? QByteArray() : resource.mid(q + 1).toUtf8());
        for (const auto &[k, v] : items) {
            if (k.compare(u"$filter", Qt::CaseInsensitive) == 0)
                filter = v;
        }
        if (filter.trimmed().isEmpty())
            return responder.send(call.error(400, QStringLiteral("ExtensionError"),
                                             QStringLiteral("Operation: Create; Exception: [Status Code: BadRequest; "
                                                            "Reason: Transformed subscription is invalid: a "
                                                            "subscription on security/alerts needs a $filter or an "
                                                            "alert id.]")));
        sub.filter = m_legacy->compileFilter(filter, &error);
        if (!sub.filter)
            return bad(error);
    }
    if (!parseExpiration(body->value(QStringLiteral("expirationDateTime")), &sub.expirationMs, &error))
        return bad(error);
    if (!checkUrl(body->value(QStringLiteral("notificationUrl")).toString(), &sub.notificationUrl, &error))
        return bad(error);
    if (body->contains(QStringLiteral("lifecycleNotificationUrl"))
        && !body->value(QStringLiteral("lifecycleNotificationUrl")).isNull()
        && !checkUrl(body->value(QStringLiteral("lifecycleNotificationUrl")).toString(), &sub.lifecycleUrl, &error))
        return bad(error);
    const QJsonValue clientState = body->value(QStringLiteral("clientState"));
    if (clientState.isString()) {
        if (clientState.toString().size() > 128)
            return bad(QStringLiteral("clientState must be at most 128 characters."));
        sub.clientState = clientState.toString();
        sub.hasClientState = true;
    }
    sub.tlsVersion = body->value(QStringLiteral("latestSupportedTlsVersion")).toString(QStringLiteral("v1_2"));
    static const QStringList tls{QStringLiteral("v1_0"), QStringLiteral("v1_1"), QStringLiteral("v1_2"),
                                 QStringLiteral("v1_3")};
    if (!tls.contains(sub.tlsVersion))
        return bad(QStringLiteral("'%1' is not a valid latestSupportedTlsVersion.").arg(sub.tlsVersion));
    const auto sameChanges = [](const QString &a, const QString &b) {
        QStringList x = a.split(u',', Qt::SkipEmptyParts), y = b.split(u',', Qt::SkipEmptyParts);
        for (QString &s : x)
            s = s.trimmed();
        for (QString &s : y)
            s = s.trimmed();
        x.sort();
        y.sort();
        return x == y;
    };
    for (const Subscription &other : std::as_const(m_subscriptions)) {
        if (other.applicationId == sub.applicationId && other.resource.compare(sub.resource, Qt::CaseInsensitive) == 0
            && sameChanges(other.changeType, sub.changeType) && other.expirationMs > m_clock->nowMs())
            return responder.send(call.error(409, QStringLiteral("Conflict"),
                                             QStringLiteral("Subscription Id %1 already exists for the requested "
                                                            "combination").arg(other.id)));
    }

    // The handshake, then (if given) the lifecycle URL's, then the subscription exists.
    QPointer<SubscriptionService> self(this);
    const quint64 generation = m_generation;
    const auto fail = [call, responder](const QString &detail) {
        Responder(responder).send(call.error(400, QStringLiteral("InvalidRequest"),
                                  QStringLiteral("Subscription validation request failed. Must respond with 200 OK "
                                                 "to this request. (%1)").arg(detail)));
    };
    const auto finish = [self, generation, sub, call, responder]() {
        Responder out(responder);
        if (!self || generation != self->m_generation)
            return out.send(call.error(503, QStringLiteral("serviceNotAvailable"),
                                             QStringLiteral("The simulator was reset.")));
        self->m_subscriptions.append(sub);
        qCInfo(lcSubscriptions) << "subscription created" << sub.id << "on" << sub.resource;
        QJsonObject o = self->toJson(sub, true);
        o.insert(QStringLiteral("@odata.context"), call.url(QStringLiteral("$metadata#subscriptions/$entity")));
        out.send(call.json(201, o));
    };
    m_sender->validate(sub.notificationUrl, sub.id, [self, sub, fail, finish](bool ok, const QString &detail) {
        if (!ok)
            return fail(detail);
        if (!self || sub.lifecycleUrl.isEmpty())
            return finish();
        self->m_sender->validate(sub.lifecycleUrl, sub.id, [fail, finish](bool ok2, const QString &detail2) {
            if (!ok2)
                return fail(detail2);
            finish();
        });
    });
}

void SubscriptionService::renew(const GraphCall &call, int index, Responder responder)
{
    QString error;
    const auto body = call.jsonBody(&error);
    if (!body)
        return responder.send(call.error(400, QStringLiteral("BadRequest"), error));
    Subscription updated = m_subscriptions.at(index);
    for (auto it = body->begin(); it != body->end(); ++it) {
        if (it.key() == u"expirationDateTime") {
            if (!parseExpiration(it.value(), &updated.expirationMs, &error))
                return responder.send(call.error(400, QStringLiteral("InvalidRequest"), error));
        } else if (it.key() == u"notificationUrl") {
            if (!checkUrl(it.value().toString(), &updated.notificationUrl, &error))
                return responder.send(call.error(400, QStringLiteral("InvalidRequest"), error));
        } else if (!it.key().startsWith(u'@')) {
            return responder.send(call.error(400, QStringLiteral("InvalidRequest"),
                                             QStringLiteral("The property '%1' cannot be updated; only "
                                                            "expirationDateTime and notificationUrl can.")
                                                 .arg(it.key())));
        }
    }
    // Renewing also reauthorizes the subscription with the caller's token.
    updated.authExpiresMs = call.claims.expiresMs;
    updated.reauthorizationSent = false;
    const auto commit = [this, call, responder, updated]() {
        Responder out(responder);
        for (Subscription &s : m_subscriptions) {
            if (s.id == updated.id) {
                s = updated;
                QJsonObject o = toJson(s, true);
                o.insert(QStringLiteral("@odata.context"), call.url(QStringLiteral("$metadata#subscriptions/$entity")));
                return out.send(call.json(200, o));
            }
        }
        out.send(call.error(404, QStringLiteral("ResourceNotFound"), QStringLiteral("The object was not found.")));
    };
    if (updated.notificationUrl == m_subscriptions.at(index).notificationUrl)
        return commit();
    QPointer<SubscriptionService> self(this);
    m_sender->validate(updated.notificationUrl, updated.id,
                       [self, call, responder, commit](bool ok, const QString &detail) {
                           if (!self)
                               return;
                           if (!ok)
                               return Responder(responder).send(call.error(400, QStringLiteral("InvalidRequest"),
                                                                QStringLiteral("Subscription validation request "
                                                                               "failed. Must respond with 200 OK to "
                                                                               "this request. (%1)").arg(detail)));
                           commit();
                       });
}

void SubscriptionService::legacyAlertChanged(int index, const QString &changeType)
{
    checkLifecycle();
    const LegacyAlertRecord &alert = m_dataset->legacy(index);
    int providerCount = 0;
    // Defender for Endpoint and Office 365 alerts produce no notifications, by design.
    if (!catalog::legacyProviders(&providerCount)[alert.provider].notifies)
        return;
    const qint64 now = m_clock->nowMs();
    for (const Subscription &s : std::as_const(m_subscriptions)) {
        if (s.expirationMs <= now || !s.changeType.split(u',').contains(changeType))
            continue;
        const bool matches = s.alertId.isEmpty() ? s.filter(index) : s.alertId.compare(alert.id, Qt::CaseInsensitive) == 0;
        if (!matches)
            continue;
        const QJsonObject meta{{QStringLiteral("kind"), QStringLiteral("notification")},
                               {QStringLiteral("subscriptionId"), s.id},
                               {QStringLiteral("changeType"), changeType},
                               {QStringLiteral("resource"), QString(QStringLiteral("security/alerts/") + alert.id)}};
        if (now > s.authExpiresMs) {
            // Graph stops delivering once the authorising token has expired without reauthorization.
            qCInfo(lcSubscriptions) << "notification held for" << s.id << ": reauthorization required";
            continue;
        }
        QJsonObject notification{
            {QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {QStringLiteral("subscriptionId"), s.id},
            {QStringLiteral("subscriptionExpirationDateTime"), isoMs(s.expirationMs)},
            {QStringLiteral("clientState"), s.hasClientState ? QJsonValue(s.clientState) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("changeType"), changeType},
            {QStringLiteral("resource"), QString(QStringLiteral("security/alerts/") + alert.id)},
            {QStringLiteral("tenantId"), m_dataset->tenantId()},
            {QStringLiteral("resourceData"), QJsonObject{{QStringLiteral("@odata.type"), QStringLiteral("#Microsoft.Graph.alert")},
                                                         {QStringLiteral("@odata.id"), QString(QStringLiteral("security/alerts/") + alert.id)},
                                                         {QStringLiteral("id"), alert.id}}},
        };
        m_sender->deliver(s.notificationUrl, QJsonObject{{QStringLiteral("value"), QJsonArray{notification}}}, meta);
    }
}

bool SubscriptionService::sendLifecycle(const QString &subscriptionId, const QString &event)
{
    for (Subscription &s : m_subscriptions) {
        if (s.id != subscriptionId)
            continue;
        if (s.lifecycleUrl.isEmpty())
            return false;
        const QJsonObject item{
            {QStringLiteral("subscriptionId"), s.id},
            {QStringLiteral("subscriptionExpirationDateTime"), isoMs(s.expirationMs)},
            {QStringLiteral("tenantId"), m_dataset->tenantId()},
            {QStringLiteral("clientState"), s.hasClientState ? QJsonValue(s.clientState) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("lifecycleEvent"), event},
        };
        m_sender->deliver(s.lifecycleUrl, QJsonObject{{QStringLiteral("value"), QJsonArray{item}}},
                          QJsonObject{{QStringLiteral("kind"), QStringLiteral("lifecycle")},
                                      {QStringLiteral("subscriptionId"), s.id},
                                      {QStringLiteral("lifecycleEvent"), event}});
        return true;
    }
    return false;
}

void SubscriptionService::checkLifecycle()
{
    const qint64 now = m_clock->nowMs();
    for (int i = int(m_subscriptions.size()) - 1; i >= 0; --i) {
        Subscription &s = m_subscriptions[i];
        if (s.expirationMs <= now) {
            qCInfo(lcSubscriptions) << "subscription expired" << s.id;
            m_subscriptions.removeAt(i);
            continue;
        }
        const qint64 due = s.authExpiresMs - kReauthLeadMs;
        if (!s.reauthorizationSent && now >= due && !s.lifecycleUrl.isEmpty()) {
            s.reauthorizationSent = true;
            sendLifecycle(s.id, QStringLiteral("reauthorizationRequired"));
        }
    }
}

} // namespace graphsim
