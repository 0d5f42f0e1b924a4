#pragma once

#include "core/notifications/notification.h"

#include <QList>
#include <QString>

#include <functional>

class QSqlQuery;

namespace vigil::core {

/// Notifications on disk: one SQLite database (Qt SQL) in the app data folder, so nothing is lost
/// across restarts. Not thread-safe: NotificationModel uses it from one worker thread only, where
/// it was opened. Writes come in batches inside one transaction each.
class NotificationStore final
{
public:
    NotificationStore();
    ~NotificationStore();
    NotificationStore(const NotificationStore &) = delete;
    NotificationStore &operator=(const NotificationStore &) = delete;

    /// Opens or creates `file`. A file that is not a notifications database is moved aside (to
    /// "<file>.broken") and a new one created, so a damaged file never stops Vigil.
    bool open(const QString &file);
    void close();
    bool isOpen() const;
    QString errorString() const { return m_error; }

    /// The newest `maxCount` notifications received at or after `sinceMs`, oldest first.
    QList<Notification> load(int maxCount, qint64 sinceMs);
    bool insert(const QList<Notification> &notifications);
    /// Writes the fields that change after arrival: title, severity, details, read.
    bool update(const QList<Notification> &notifications);
    bool setRead(const QList<qint64> &ids, bool read);
    bool setAllRead();
    bool remove(const QList<qint64> &ids);
    /// Removes every notification with an id below `id` (retention by count; a primary-key range).
    bool removeBelowId(qint64 id);
    /// Removes every notification received before `beforeMs` (retention by age).
    bool removeReceivedBefore(qint64 beforeMs);
    bool clear();
    /// The largest id ever stored (ids are never reused).
    qint64 maxId();

private:
    bool createSchema();
    bool exec(const QString &statement);
    /// Runs `statement` once per notification, binding its values with `bind`, in one transaction.
    bool execEach(const QString &statement, const QList<Notification> &notifications,
                  const std::function<void(QSqlQuery &, const Notification &)> &bind);
    QString m_connection;
    QString m_error;
};

} // namespace vigil::core
