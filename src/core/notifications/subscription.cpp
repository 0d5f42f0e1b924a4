#include "subscription.h"

#include "core/alerts/alertparser.h"

#include <QTimeZone>

namespace vigil::core {

Subscription Subscription::fromJson(const QJsonObject &json)
{
    Subscription s;
    s.id = json.value(QLatin1String("id")).toString();
    s.resource = json.value(QLatin1String("resource")).toString();
    s.changeType = json.value(QLatin1String("changeType")).toString();
    // Graph writes seven fractional digits; parseGraphTime reads any number of them.
    const QByteArray expiration = json.value(QLatin1String("expirationDateTime")).toString().toLatin1();
    if (const qint64 ms = parseGraphTime(std::string_view(expiration.constData(), size_t(expiration.size()))); ms > 0)
        s.expiration = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    s.notificationUrl = QUrl(json.value(QLatin1String("notificationUrl")).toString(), QUrl::StrictMode);
    s.lifecycleNotificationUrl
        = QUrl(json.value(QLatin1String("lifecycleNotificationUrl")).toString(), QUrl::StrictMode);
    s.applicationId = json.value(QLatin1String("applicationId")).toString();
    s.creatorId = json.value(QLatin1String("creatorId")).toString();
    return s;
}

} // namespace vigil::core
