#include "notificationstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <atomic>

Q_LOGGING_CATEGORY(lcNotificationStore, "vigil.core.notifications.store", QtInfoMsg)

namespace vigil::core {

namespace {
constexpr int kSchemaVersion = 1;

QString connectionName()
{
    static std::atomic<int> counter { 0 };
    return QStringLiteral("vigil-notifications-%1").arg(++counter);
}

QString joinFields(const QStringList &fields)
{
    return fields.join(QLatin1Char(','));
}

QString idList(const QList<qint64> &ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (const qint64 id : ids)
        parts << QString::number(id);
    return parts.join(QLatin1Char(','));
}
} // namespace

NotificationStore::NotificationStore() = default;

NotificationStore::~NotificationStore()
{
    close();
}

bool NotificationStore::isOpen() const
{
    return !m_connection.isEmpty() && QSqlDatabase::database(m_connection, false).isOpen();
}

bool NotificationStore::open(const QString &file)
{
    close();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        m_error = QStringLiteral("the Qt SQLite driver (QSQLITE) is not installed");
        return false;
    }
    QDir().mkpath(QFileInfo(file).absolutePath());
    for (int attempt = 0; attempt < 2; ++attempt) {
        m_connection = connectionName();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
            db.setDatabaseName(file);
            if (db.open() && createSchema())
                return true;
            m_error = db.lastError().text().isEmpty() ? m_error : db.lastError().text();
        }
        close();
        if (attempt == 0 && QFileInfo::exists(file)) {
            // Not a database we can use: keep it for inspection and start again.
            const QString aside = file + QStringLiteral(".broken");
            QFile::remove(aside);
            QFile::rename(file, aside);
            QFile::remove(file + QStringLiteral("-wal"));
            QFile::remove(file + QStringLiteral("-shm"));
            qCWarning(lcNotificationStore).noquote()
                << "notifications database unusable (" << m_error << "), moved to" << aside;
        }
    }
    return false;
}

void NotificationStore::close()
{
    if (m_connection.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
}

bool NotificationStore::exec(const QString &statement)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(statement)) {
        m_error = query.lastError().text();
        qCWarning(lcNotificationStore).noquote() << "SQL failed:" << m_error;
        return false;
    }
    return true;
}

bool NotificationStore::createSchema()
{
    QSqlQuery version(QSqlDatabase::database(m_connection, false));
    if (!version.exec(QStringLiteral("PRAGMA user_version")) || !version.next()) {
        m_error = version.lastError().text();
        return false;
    }
    const int current = version.value(0).toInt();
    version.finish();
    if (current > kSchemaVersion) {
        m_error = QStringLiteral("the notifications database was written by a newer Vigil");
        return false;
    }
    // WAL with synchronous=NORMAL: a commit costs no fsync, and a crash loses at most the last
    // moments, never the database.
    return exec(QStringLiteral("PRAGMA journal_mode=WAL")) && exec(QStringLiteral("PRAGMA synchronous=NORMAL"))
        && exec(
               QStringLiteral("CREATE TABLE IF NOT EXISTS notifications ("
                              "id INTEGER PRIMARY KEY AUTOINCREMENT, received INTEGER NOT NULL, feed INTEGER NOT NULL, "
                              "change INTEGER NOT NULL, api INTEGER NOT NULL, alert_id TEXT, title TEXT, "
                              "severity INTEGER NOT NULL DEFAULT 0, resource TEXT, subscription_id TEXT, "
                              "changed_fields TEXT, details TEXT, read INTEGER NOT NULL DEFAULT 0)"))
        && exec(QStringLiteral("CREATE INDEX IF NOT EXISTS notifications_received ON notifications(received)"))
        && exec(QStringLiteral("PRAGMA user_version=%1").arg(kSchemaVersion));
}

QList<Notification> NotificationStore::load(int maxCount, qint64 sinceMs)
{
    QList<Notification> list;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT id, received, feed, change, api, alert_id, title, severity, resource, subscription_id, changed_fields, "
        "details, read FROM notifications WHERE received >= ? ORDER BY id DESC LIMIT ?"));
    query.addBindValue(sinceMs);
    query.addBindValue(maxCount);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return list;
    }
    while (query.next()) {
        Notification n;
        n.id = query.value(0).toLongLong();
        n.receivedMs = query.value(1).toLongLong();
        n.feed = Notification::Feed(qBound(0, query.value(2).toInt(), 2));
        n.change = Notification::Change(qBound(0, query.value(3).toInt(), 6));
        n.api = query.value(4).toInt() == int(AlertApi::V2) ? AlertApi::V2 : AlertApi::Legacy;
        n.alertId = query.value(5).toString();
        n.title = query.value(6).toString();
        n.severity = Severity(qBound(0, query.value(7).toInt(), 4));
        n.resource = query.value(8).toString();
        n.subscriptionId = query.value(9).toString();
        const QString fields = query.value(10).toString();
        n.changedFields = fields.isEmpty() ? QStringList() : fields.split(QLatin1Char(','));
        n.details = query.value(11).toString();
        n.read = query.value(12).toBool();
        list.append(std::move(n));
    }
    std::reverse(list.begin(), list.end());
    return list;
}

bool NotificationStore::execEach(const QString &statement, const QList<Notification> &notifications,
                                 const std::function<void(QSqlQuery &, const Notification &)> &bind)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen() || notifications.isEmpty())
        return db.isOpen();
    db.transaction();
    QSqlQuery query(db);
    query.prepare(statement);
    for (const Notification &n : notifications) {
        bind(query, n);
        if (!query.exec()) {
            m_error = query.lastError().text();
            qCWarning(lcNotificationStore).noquote() << "SQL failed:" << m_error;
            db.rollback();
            return false;
        }
    }
    return db.commit();
}

bool NotificationStore::insert(const QList<Notification> &notifications)
{
    return execEach(
        QStringLiteral("INSERT OR REPLACE INTO notifications (id, received, feed, change, api, alert_id, title, "
                       "severity, resource, subscription_id, changed_fields, details, read) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        notifications, [](QSqlQuery &query, const Notification &n) {
            query.bindValue(0, n.id);
            query.bindValue(1, n.receivedMs);
            query.bindValue(2, int(n.feed));
            query.bindValue(3, int(n.change));
            query.bindValue(4, int(n.api));
            query.bindValue(5, n.alertId);
            query.bindValue(6, n.title);
            query.bindValue(7, int(n.severity));
            query.bindValue(8, n.resource);
            query.bindValue(9, n.subscriptionId);
            query.bindValue(10, joinFields(n.changedFields));
            query.bindValue(11, n.details);
            query.bindValue(12, n.read ? 1 : 0);
        });
}

bool NotificationStore::update(const QList<Notification> &notifications)
{
    return execEach(QStringLiteral("UPDATE notifications SET title = ?, severity = ?, details = ?, read = ? WHERE id = ?"),
                    notifications, [](QSqlQuery &query, const Notification &n) {
                        query.bindValue(0, n.title);
                        query.bindValue(1, int(n.severity));
                        query.bindValue(2, n.details);
                        query.bindValue(3, n.read ? 1 : 0);
                        query.bindValue(4, n.id);
                    });
}

bool NotificationStore::setRead(const QList<qint64> &ids, bool read)
{
    if (ids.isEmpty())
        return true;
    return exec(
        QStringLiteral("UPDATE notifications SET read = %1 WHERE id IN (%2)").arg(read ? 1 : 0).arg(idList(ids)));
}

bool NotificationStore::setAllRead()
{
    return exec(QStringLiteral("UPDATE notifications SET read = 1 WHERE read = 0"));
}

bool NotificationStore::remove(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return true;
    return exec(QStringLiteral("DELETE FROM notifications WHERE id IN (%1)").arg(idList(ids)));
}

bool NotificationStore::removeBelowId(qint64 id)
{
    return exec(QStringLiteral("DELETE FROM notifications WHERE id < %1").arg(id));
}

bool NotificationStore::removeReceivedBefore(qint64 beforeMs)
{
    return exec(QStringLiteral("DELETE FROM notifications WHERE received < %1").arg(beforeMs));
}

bool NotificationStore::clear()
{
    return exec(QStringLiteral("DELETE FROM notifications"));
}

qint64 NotificationStore::maxId()
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    qint64 max = 0;
    if (query.exec(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'notifications'")) && query.next())
        max = query.value(0).toLongLong();
    query.finish();
    if (query.exec(QStringLiteral("SELECT MAX(id) FROM notifications")) && query.next())
        max = qMax(max, query.value(0).toLongLong());
    return max;
}

} // namespace vigil::core
