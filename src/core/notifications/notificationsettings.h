#pragma once

#include "core/alerts/alert.h"
#include "core/commandline.h"
#include "core/settings.h"

#include <QUrl>

namespace vigil::core {

/// Settings → Notifications: the webhook receiver, the alerts_v2 poller, desktop notifications and
/// how long notifications are kept. Secrets (the push secret, clientState values) are not here:
/// they live in the keychain.
class NotificationSettings final
{
public:
    static constexpr quint16 kDefaultPort = 5000; ///< as in the original samples
    static constexpr int kDefaultPollSeconds = 60;
    static constexpr int kMinPollSeconds = 10; ///< keeps the poller far inside 150 requests/min
    static constexpr int kMaxPollSeconds = 3600;

    struct Values
    {
        bool receiverEnabled = false;
        ListenAddress listen { QHostAddress(QHostAddress::LocalHost), kDefaultPort };
        QUrl publicUrl; ///< what Graph calls (a tunnel); empty = the listen address
        QString tlsCertificateFile; ///< PEM; with the key, the receiver serves HTTPS itself
        QString tlsKeyFile;
        bool pollerEnabled = true;
        int pollSeconds = kDefaultPollSeconds;
        bool desktopNotifications = true;
        Severity minimumSeverity = Severity::Unknown; ///< desktop messages for this severity and above
        int retentionCount = 10'000; ///< notifications kept on disk
        int retentionDays = 30; ///< 0 = no age limit

        friend bool operator==(const Values &, const Values &) = default;
    };

    static Values load();
    static void save(const Values &values);

    /// The poller's watermark (lastUpdateDateTime of the newest change seen), kept across runs.
    static const Setting<QString> &pollWatermark();
    /// The subscriptions this install created, as "id|lifetime minutes|expiry ms" (nothing secret:
    /// their clientState is in the keychain), for accepting their notifications and renewing them.
    static const Setting<QStringList> &subscriptionIndex();

    /// Keychain key of the push secret, and of a subscription's clientState.
    static QString pushSecretKey();
    static QString clientStateKey(const QString &subscriptionId);
};

} // namespace vigil::core
