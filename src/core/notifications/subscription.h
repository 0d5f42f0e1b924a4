#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QUrl>

namespace vigil::core {

/// A Microsoft Graph change-notification subscription, as GET /subscriptions describes it, plus
/// what only this install knows (whether it created it, the lifetime it asks for on renewal).
/// Never holds the clientState: that stays with SubscriptionManager and the keychain.
struct Subscription
{
    QString id;
    QString resource;
    QString changeType;
    QDateTime expiration; ///< UTC
    QUrl notificationUrl;
    QUrl lifecycleNotificationUrl;
    QString applicationId;
    QString creatorId;
    bool managed = false; ///< created by this install (its clientState is known)
    int lifetimeMinutes = 0; ///< asked for on creation; renewals ask for the same

    static Subscription fromJson(const QJsonObject &json);
};

} // namespace vigil::core

Q_DECLARE_METATYPE(vigil::core::Subscription)
