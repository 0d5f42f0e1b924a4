#pragma once

#include <QDBusConnection>
#include <QDBusMessage>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

#include <memory>

namespace vigil::test {

/// A fake org.freedesktop.Notifications service: records Notify calls and can emit ActionInvoked.
/// Registered on its own session-bus connection, as a real notification server is another process.
class FakeNotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call
    {
        QString appName;
        uint replacesId = 0;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
        int timeout = 0;
    };

    /// Connects, exports itself and takes the service name; nullptr if the bus refuses.
    static std::unique_ptr<FakeNotificationServer> registerOnSessionBus()
    {
        auto server = std::unique_ptr<FakeNotificationServer>(new FakeNotificationServer(
            QDBusConnection::connectToBus(QDBusConnection::SessionBus, QString::fromLatin1(kConnectionName))));
        if (!server->m_connection.registerObject(QStringLiteral("/org/freedesktop/Notifications"), server.get(),
                                                 QDBusConnection::ExportAllSlots)
            || !server->m_connection.registerService(QStringLiteral("org.freedesktop.Notifications")))
            return nullptr;
        return server;
    }

    ~FakeNotificationServer() override
    {
        m_connection.unregisterObject(QStringLiteral("/org/freedesktop/Notifications"));
        m_connection.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
        QDBusConnection::disconnectFromBus(QString::fromLatin1(kConnectionName));
    }

    QList<Call> calls;

    void click(uint id)
    {
        QDBusMessage signal = QDBusMessage::createSignal(QStringLiteral("/org/freedesktop/Notifications"),
                                                         QStringLiteral("org.freedesktop.Notifications"),
                                                         QStringLiteral("ActionInvoked"));
        signal << id << QStringLiteral("default");
        m_connection.send(signal);
    }

public Q_SLOTS:
    uint Notify(const QString &appName, uint replacesId, const QString &icon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int timeout)
    {
        Q_UNUSED(icon)
        calls.append({ appName, replacesId, summary, body, actions, hints, timeout });
        return uint(100 + calls.size());
    }
    QStringList GetCapabilities() { return { QStringLiteral("actions"), QStringLiteral("body") }; }

private:
    static constexpr const char *kConnectionName = "fake-notification-server";

    explicit FakeNotificationServer(QDBusConnection connection)
        : m_connection(std::move(connection))
    { }

    QDBusConnection m_connection;
};

} // namespace vigil::test
