#pragma once

#include "core/notifications/notification.h"

#include <QAbstractTableModel>
#include <QThread>
#include <QTimer>

#include <deque>
#include <memory>

namespace vigil::core {

class NotificationStore;

/// The notifications of every feed, newest first, kept on disk (NotificationStore, written on a
/// worker thread in batches) so none is lost across restarts. Retention is bounded by count and
/// age. Notifications added in one pass of the event loop are inserted with one insertion.
class NotificationModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationModel)

public:
    enum Column {
        TimeColumn,
        FeedColumn,
        ChangeColumn,
        SeverityColumn,
        TitleColumn,
        ResourceColumn,
        SubscriptionColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, ///< raw value for sorting
        IdRole,
        SeverityRole, ///< int(Severity); the same role as AlertTableModel's
        AlertIdRole,
        ApiRole, ///< int(AlertApi)
        ReadRole,
        FeedRole, ///< int(Notification::Feed)
        DetailsRole, ///< a plain-text description of the whole notification
    };

    explicit NotificationModel(QObject *parent = nullptr);
    ~NotificationModel() override;

    /// Opens (creating if needed) the database and loads what it holds; an empty `file` means
    /// notifications.sqlite in the app data folder. Without it the model keeps nothing on disk.
    bool open(const QString &file = {});
    QString errorString() const { return m_error; }
    QString fileName() const { return m_file; }
    static QString defaultFile();
    /// Where demo mode keeps its notifications, apart from real ones.
    static QString demoFile();

    /// At most `maxCount` notifications, none older than `maxDays` days (0 = no age limit).
    void setRetention(int maxCount, int maxDays);
    int maxCount() const { return m_maxCount; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Adds a notification (shown after this pass of the event loop, with the others of the same
    /// pass); returns its id.
    qint64 add(Notification notification);
    /// Inserts what add() has queued now.
    void insertPending();
    /// Sets what became known after arrival (the alert's title and severity, details). False if
    /// the notification is gone.
    bool updateAlertInfo(qint64 id, const QString &title, Severity severity, const QString &details = {});
    void setRead(const QList<qint64> &ids, bool read = true);
    void markAllRead();
    void remove(const QList<qint64> &ids);
    void clear();

    int unreadCount() const { return m_unread; }
    /// Row 0 is the newest.
    const Notification &at(int row) const;
    int rowOfId(qint64 id) const;
    /// The notification with this id, including ones not inserted yet.
    std::optional<Notification> find(qint64 id) const;

    /// Blocks until everything so far is on disk (tests; done on destruction too).
    void flush();

    static QString columnName(int column);
    static QString describe(const Notification &notification);

Q_SIGNALS:
    void unreadCountChanged(int unread);

private:
    int indexOfId(qint64 id) const; ///< into m_rows, -1 if absent
    void setUnread(int unread);
    void applyRetention();
    template <typename F> void onStore(F f);
    /// New rows reach the disk in one transaction every few tens of milliseconds, not one per pass.
    void queueInsert(QList<Notification> batch);
    void writeQueuedInserts();

    std::deque<Notification> m_rows; ///< oldest first; row r is m_rows[size - 1 - r]
    QList<Notification> m_pending;
    QList<Notification> m_toWrite; ///< inserted rows not handed to the store yet
    QTimer m_writeTimer;
    bool m_insertScheduled = false;
    qint64 m_nextId = 1;
    int m_unread = 0;
    int m_maxCount = 10'000;
    int m_maxDays = 30;
    QString m_file;
    QString m_error;
    QThread m_thread;
    QObject *m_worker = nullptr; ///< lives in m_thread; runs the store's work
    std::shared_ptr<NotificationStore> m_store; ///< used on m_thread only
};

} // namespace vigil::core
