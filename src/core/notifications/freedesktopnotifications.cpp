#include "freedesktopnotifications.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QVariantMap>

#ifdef VIGIL_HAVE_QTDBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#endif

Q_LOGGING_CATEGORY(lcFreedesktopNotifications, "vigil.core.notifications.dbus", QtInfoMsg)

namespace vigil::core {

const QString FreedesktopNotifications::kService = QStringLiteral("org.freedesktop.Notifications");
const QString FreedesktopNotifications::kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString FreedesktopNotifications::kInterface = QStringLiteral("org.freedesktop.Notifications");

FreedesktopNotifications::FreedesktopNotifications(QObject *parent)
    : QObject(parent)
{
#ifdef VIGIL_HAVE_QTDBUS
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                    SLOT(onActionInvoked(uint, QString)));
        bus.connect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this,
                    SLOT(onNotificationClosed(uint, uint)));
    }
#endif
}

FreedesktopNotifications::~FreedesktopNotifications() = default;

bool FreedesktopNotifications::isAvailable() const
{
#ifdef VIGIL_HAVE_QTDBUS
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    if (bus.interface()->isServiceRegistered(kService).value())
        return true;
    const QStringList activatable = bus.interface()->activatableServiceNames().value();
    return activatable.contains(kService);
#else
    return false;
#endif
}

void FreedesktopNotifications::notify(const QString &summary, const QString &body, Urgency urgency, const QString &key)
{
#ifdef VIGIL_HAVE_QTDBUS
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    const QStringList actions { QStringLiteral("default"),
                                QCoreApplication::translate("FreedesktopNotifications", "Show") };
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(urgency)));
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("io.github.vigil_desktop.Vigil"));
    // The body is plain text: servers that support markup would otherwise render alert titles
    // (attacker-controlled) as markup.
    QString plainBody = body;
    plainBody.replace(QLatin1Char('&'), QStringLiteral("&amp;"))
        .replace(QLatin1Char('<'), QStringLiteral("&lt;"))
        .replace(QLatin1Char('>'), QStringLiteral("&gt;"));
    call << QCoreApplication::applicationName() << m_lastId << QStringLiteral("dialog-warning") << summary << plainBody
         << actions << hints << qint32(-1);
    QDBusPendingCall pending = QDBusConnection::sessionBus().asyncCall(call, 5000);
    auto *watcher = new QDBusPendingCallWatcher(pending, this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, key](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<uint> reply = *w;
        if (reply.isError()) {
            qCWarning(lcFreedesktopNotifications).noquote() << "Notify failed:" << reply.error().message();
            Q_EMIT failed(reply.error().message());
            return;
        }
        m_lastId = reply.value();
        if (m_keys.size() > 64)
            m_keys.clear();
        m_keys.insert(m_lastId, key);
        Q_EMIT shown(m_lastId);
    });
#else
    Q_UNUSED(summary)
    Q_UNUSED(body)
    Q_UNUSED(urgency)
    Q_UNUSED(key)
    Q_EMIT failed(QStringLiteral("this build of Qt has no D-Bus support"));
#endif
}

void FreedesktopNotifications::onActionInvoked(uint id, const QString &actionKey)
{
    const auto it = m_keys.constFind(id);
    if (it == m_keys.constEnd())
        return; // another application's message
    qCDebug(lcFreedesktopNotifications) << "action" << actionKey << "on message" << id;
    Q_EMIT activated(*it);
}

void FreedesktopNotifications::onNotificationClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    // The key stays: some servers close a message before they report the click on it.
    if (id == m_lastId)
        m_lastId = 0;
}

} // namespace vigil::core
