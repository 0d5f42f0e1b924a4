#include "notificationsettings.h"

namespace vigil::core {

namespace {
const Setting<bool> kReceiverEnabled { QStringLiteral("notifications/receiverEnabled"), false };
const Setting<QString> kListen { QStringLiteral("notifications/listen"), QStringLiteral("127.0.0.1:5000") };
const Setting<QString> kPublicUrl { QStringLiteral("notifications/publicUrl"), {} };
const Setting<QString> kTlsCertificate { QStringLiteral("notifications/tlsCertificate"), {} };
const Setting<QString> kTlsKey { QStringLiteral("notifications/tlsKey"), {} };
const Setting<bool> kPollerEnabled { QStringLiteral("notifications/pollerEnabled"), true };
const Setting<int> kPollSeconds { QStringLiteral("notifications/pollSeconds"),
                                  NotificationSettings::kDefaultPollSeconds };
const Setting<bool> kDesktop { QStringLiteral("notifications/desktop"), true };
const Setting<QString> kMinimumSeverity { QStringLiteral("notifications/minimumSeverity"), QStringLiteral("unknown") };
const Setting<int> kRetentionCount { QStringLiteral("notifications/retentionCount"), 10'000 };
const Setting<int> kRetentionDays { QStringLiteral("notifications/retentionDays"), 30 };
} // namespace

NotificationSettings::Values NotificationSettings::load()
{
    Values v;
    v.receiverEnabled = kReceiverEnabled.value();
    if (const auto listen = ListenAddress::parse(kListen.value()))
        v.listen = *listen;
    const QUrl publicUrl(kPublicUrl.value(), QUrl::StrictMode);
    if (publicUrl.isValid() && !publicUrl.isRelative())
        v.publicUrl = publicUrl;
    v.tlsCertificateFile = kTlsCertificate.value();
    v.tlsKeyFile = kTlsKey.value();
    v.pollerEnabled = kPollerEnabled.value();
    v.pollSeconds = qBound(kMinPollSeconds, kPollSeconds.value(), kMaxPollSeconds);
    v.desktopNotifications = kDesktop.value();
    v.minimumSeverity = severityFromWire(kMinimumSeverity.value());
    v.retentionCount = qBound(100, kRetentionCount.value(), 1'000'000);
    v.retentionDays = qBound(0, kRetentionDays.value(), 3650);
    return v;
}

void NotificationSettings::save(const Values &values)
{
    kReceiverEnabled.setValue(values.receiverEnabled);
    kListen.setValue(values.listen.toString());
    kPublicUrl.setValue(values.publicUrl.toString());
    kTlsCertificate.setValue(values.tlsCertificateFile);
    kTlsKey.setValue(values.tlsKeyFile);
    kPollerEnabled.setValue(values.pollerEnabled);
    kPollSeconds.setValue(values.pollSeconds);
    kDesktop.setValue(values.desktopNotifications);
    kMinimumSeverity.setValue(severityToWire(values.minimumSeverity));
    kRetentionCount.setValue(values.retentionCount);
    kRetentionDays.setValue(values.retentionDays);
}

const Setting<QString> &NotificationSettings::pollWatermark()
{
    static const Setting<QString> setting { QStringLiteral("notifications/pollWatermark"), {} };
    return setting;
}

const Setting<QStringList> &NotificationSettings::subscriptionIndex()
{
    static const Setting<QStringList> setting { QStringLiteral("notifications/subscriptions"), {} };
    return setting;
}

QString NotificationSettings::pushSecretKey()
{
    return QStringLiteral("vigil/notifications/push-secret");
}

QString NotificationSettings::clientStateKey(const QString &subscriptionId)
{
    return QStringLiteral("vigil/notifications/client-state/") + subscriptionId;
}

} // namespace vigil::core
