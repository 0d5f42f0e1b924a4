#pragma once

#include <QHash>
#include <QObject>
#include <QString>

class QDBusMessage;

namespace vigil::core {

/// Desktop notifications through the org.freedesktop.Notifications service on the D-Bus session
/// bus, for desktops without a system tray (GNOME and others). Calls are asynchronous, so a slow
/// or absent service never blocks Vigil. Where Qt has no D-Bus, isAvailable() is false.
class FreedesktopNotifications final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FreedesktopNotifications)

public:
    enum class Urgency : quint8 { Low = 0, Normal = 1, Critical = 2 };

    static const QString kService; ///< org.freedesktop.Notifications
    static const QString kPath; ///< /org/freedesktop/Notifications
    static const QString kInterface; ///< org.freedesktop.Notifications

    explicit FreedesktopNotifications(QObject *parent = nullptr);
    ~FreedesktopNotifications() override;

    /// True when a notification service is running (or can be started) on the session bus.
    bool isAvailable() const;

    /// Shows a message with a default action; `key` comes back through activated() when the user
    /// clicks it. Each message replaces the previous one of this app that is still shown.
    void notify(const QString &summary, const QString &body, Urgency urgency, const QString &key);

Q_SIGNALS:
    /// The user clicked the message that was shown with `key`.
    void activated(const QString &key);
    /// The service accepted a message and gave it this id.
    void shown(uint id);
    /// A call failed (no service, refused); a sentence for the log.
    void failed(const QString &error);

private Q_SLOTS:
    // Old-style slots: QDBusConnection::connect() only takes SLOT() strings.
    void onActionInvoked(uint id, const QString &actionKey);
    void onNotificationClosed(uint id, uint reason);

private:
    QHash<uint, QString> m_keys; ///< message id → key
    uint m_lastId = 0;
};

} // namespace vigil::core
