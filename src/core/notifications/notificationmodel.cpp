#include "notificationmodel.h"

#include "core/notifications/notificationstore.h"

#include <QDateTime>
#include <QDir>
#include <QLocale>
#include <QLoggingCategory>
#include <QStandardPaths>

#include <algorithm>

Q_LOGGING_CATEGORY(lcNotificationModel, "vigil.core.notifications.model", QtInfoMsg)

namespace vigil::core {

namespace {
constexpr qint64 kDayMs = 24LL * 3600 * 1000;
}

NotificationModel::NotificationModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_writeTimer.setSingleShot(true);
    m_writeTimer.setInterval(std::chrono::milliseconds(50));
    connect(&m_writeTimer, &QTimer::timeout, this, &NotificationModel::writeQueuedInserts);
}

NotificationModel::~NotificationModel()
{
    if (m_worker) {
        writeQueuedInserts();
        if (!m_pending.isEmpty())
            onStore([batch = m_pending](NotificationStore &s) { s.insert(batch); });
        // Everything queued so far is written before the store closes; the thread then ends.
        QMetaObject::invokeMethod(
            m_worker, [store = m_store] { store->close(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
        delete m_worker;
    }
}

QString NotificationModel::defaultFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/notifications.sqlite");
}

QString NotificationModel::demoFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/notifications-demo.sqlite");
}

template <typename F> void NotificationModel::onStore(F f)
{
    if (!m_worker)
        return;
    // Everything reaches the store in the order it happened.
    writeQueuedInserts();
    QMetaObject::invokeMethod(
        m_worker, [store = m_store, f = std::move(f)] { f(*store); }, Qt::QueuedConnection);
}

void NotificationModel::queueInsert(QList<Notification> batch)
{
    if (!m_worker)
        return;
    m_toWrite.append(std::move(batch));
    if (!m_writeTimer.isActive())
        m_writeTimer.start();
}

void NotificationModel::writeQueuedInserts()
{
    m_writeTimer.stop();
    if (m_toWrite.isEmpty() || !m_worker)
        return;
    QMetaObject::invokeMethod(
        m_worker, [store = m_store, batch = std::exchange(m_toWrite, {})] { store->insert(batch); },
        Qt::QueuedConnection);
}

bool NotificationModel::open(const QString &file)
{
    if (m_worker)
        return true;
    insertPending();
    m_file = file.isEmpty() ? defaultFile() : file;
    m_store = std::make_shared<NotificationStore>();
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    m_thread.setObjectName(QStringLiteral("notification store"));
    m_thread.start(QThread::LowPriority);

    bool ok = false;
    QList<Notification> loaded;
    qint64 maxId = 0;
    const int maxCount = m_maxCount;
    const qint64 since = m_maxDays > 0 ? QDateTime::currentMSecsSinceEpoch() - m_maxDays * kDayMs : 0;
    QString error;
    const QString path = m_file;
    QMetaObject::invokeMethod(
        m_worker,
        [&, store = m_store] {
            ok = store->open(path);
            if (!ok) {
                error = store->errorString();
                return;
            }
            loaded = store->load(maxCount, since);
            maxId = store->maxId();
            store->removeReceivedBefore(since);
            if (!loaded.isEmpty())
                store->removeBelowId(loaded.constFirst().id);
        },
        Qt::BlockingQueuedConnection);
    if (!ok) {
        m_error = tr("Notifications cannot be kept on disk (%1): %2").arg(QDir::toNativeSeparators(m_file), error);
        qCWarning(lcNotificationModel).noquote() << m_error;
        QMetaObject::invokeMethod(
            m_worker, [] {}, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
        delete m_worker;
        m_worker = nullptr;
        m_store.reset();
        return false;
    }
    // Keep what was added before the database was opened, after what it holds.
    beginResetModel();
    std::deque<Notification> rows(loaded.begin(), loaded.end());
    m_nextId = qMax(m_nextId, maxId + 1);
    QList<Notification> earlier(m_rows.begin(), m_rows.end());
    for (Notification &n : earlier) {
        n.id = m_nextId++;
        rows.push_back(n);
    }
    m_rows = std::move(rows);
    endResetModel();
    int unread = 0;
    for (const Notification &n : m_rows)
        unread += n.read ? 0 : 1;
    setUnread(unread);
    if (!earlier.isEmpty())
        onStore([earlier](NotificationStore &s) { s.insert(earlier); });
    qCDebug(lcNotificationModel) << "loaded" << loaded.size() << "notifications from" << m_file;
    return true;
}

void NotificationModel::setRetention(int maxCount, int maxDays)
{
    m_maxCount = qMax(1, maxCount);
    m_maxDays = qMax(0, maxDays);
    applyRetention();
}

int NotificationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int NotificationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const Notification &NotificationModel::at(int row) const
{
    return m_rows[m_rows.size() - 1 - size_t(row)];
}

QString NotificationModel::columnName(int column)
{
    switch (column) {
    case TimeColumn:
        return tr("Time");
    case FeedColumn:
        return tr("Feed");
    case ChangeColumn:
        return tr("Change");
    case SeverityColumn:
        return tr("Severity");
    case TitleColumn:
        return tr("Alert");
    case ResourceColumn:
        return tr("Resource");
    case SubscriptionColumn:
        return tr("Subscription");
    default:
        return {};
    }
}

QString NotificationModel::describe(const Notification &n)
{
    QStringList lines;
    lines << tr("Received: %1")
                 .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(n.receivedMs).toLocalTime(),
                                         QLocale::LongFormat));
    lines << tr("Feed: %1").arg(displayFeed(n.feed));
    lines << tr("Change: %1").arg(displayChange(n.change, n.feed));
    if (!n.alertId.isEmpty()) {
        lines << tr("Alert: %1").arg(n.title.isEmpty() ? tr("(not fetched)") : n.title);
        lines << tr("Alert ID: %1").arg(n.alertId);
        lines << tr("API: %1").arg(n.api == AlertApi::V2 ? QStringLiteral("alerts_v2")
                                                         : QStringLiteral("security/alerts"));
        lines << tr("Severity: %1").arg(displaySeverity(n.severity));
    }
    if (!n.resource.isEmpty())
        lines << tr("Resource: %1").arg(n.resource);
    if (!n.subscriptionId.isEmpty())
        lines << tr("Subscription: %1").arg(n.subscriptionId);
    if (!n.changedFields.isEmpty()) {
        QStringList names;
        for (const QString &f : n.changedFields)
            names << displayAlertField(f);
        lines << tr("Changed: %1").arg(names.join(QStringLiteral(", ")));
    }
    if (!n.details.isEmpty())
        lines << n.details;
    return lines.join(QLatin1Char('\n'));
}

QVariant NotificationModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Notification &n = at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: {
            // Today's only by the time, to the second; older ones with their date.
            const QDateTime received = QDateTime::fromMSecsSinceEpoch(n.receivedMs).toLocalTime();
            if (received.date() == QDate::currentDate())
                return received.time().toString(QStringLiteral("HH:mm:ss"));
            return QLocale().toString(received, QLocale::ShortFormat);
        }
        case FeedColumn:
            return displayFeed(n.feed);
        case ChangeColumn: {
            QString text = displayChange(n.change, n.feed);
            if (!n.changedFields.isEmpty()) {
                QStringList names;
                for (const QString &f : n.changedFields)
                    names << displayAlertField(f);
                text += QStringLiteral(" (") + names.join(QStringLiteral(", ")) + QLatin1Char(')');
            }
            return text;
        }
        case SeverityColumn:
            return n.severity == Severity::Unknown ? QString() : displaySeverity(n.severity);
        case TitleColumn:
            if (!n.title.isEmpty())
                return n.title;
            return n.alertId.isEmpty() ? n.details.section(QLatin1Char('\n'), 0, 0) : n.alertId;
        case ResourceColumn:
            return n.resource;
        case SubscriptionColumn:
            return n.subscriptionId;
        }
        return {};
    case Qt::ToolTipRole:
    case DetailsRole:
        return describe(n);
    case SortRole:
        switch (index.column()) {
        case TimeColumn:
            return n.receivedMs;
        case SeverityColumn:
            return int(n.severity);
        case FeedColumn:
            return int(n.feed);
        case ChangeColumn:
            return int(n.change);
        default:
            return data(index, Qt::DisplayRole);
        }
    case IdRole:
        return n.id;
    case AlertIdRole:
        return n.alertId;
    case ApiRole:
        return int(n.api);
    case ReadRole:
        return n.read;
    case SeverityRole:
        return int(n.severity);
    case FeedRole:
        return int(n.feed);
    default:
        return {};
    }
}

QVariant NotificationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return columnName(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

qint64 NotificationModel::add(Notification notification)
{
    notification.id = m_nextId++;
    if (notification.receivedMs == 0)
        notification.receivedMs = QDateTime::currentMSecsSinceEpoch();
    m_pending.append(std::move(notification));
    if (!m_insertScheduled) {
        m_insertScheduled = true;
        QMetaObject::invokeMethod(this, &NotificationModel::insertPending, Qt::QueuedConnection);
    }
    return m_pending.constLast().id;
}

void NotificationModel::insertPending()
{
    m_insertScheduled = false;
    if (m_pending.isEmpty())
        return;
    QList<Notification> batch = std::exchange(m_pending, {});
    // The newest goes on top: rows 0 … n-1 in reverse order of arrival.
    beginInsertRows({}, 0, int(batch.size()) - 1);
    int unread = m_unread;
    for (const Notification &n : std::as_const(batch)) {
        m_rows.push_back(n);
        unread += n.read ? 0 : 1;
    }
    endInsertRows();
    setUnread(unread);
    queueInsert(std::move(batch));
    applyRetention();
}

void NotificationModel::applyRetention()
{
    const qint64 cutoff = m_maxDays > 0 ? QDateTime::currentMSecsSinceEpoch() - m_maxDays * kDayMs : 0;
    size_t excess = m_rows.size() > size_t(m_maxCount) ? m_rows.size() - size_t(m_maxCount) : 0;
    while (excess < m_rows.size() && m_rows[excess].receivedMs < cutoff)
        ++excess;
    if (excess == 0)
        return;
    const int rows = int(m_rows.size());
    beginRemoveRows({}, rows - int(excess), rows - 1);
    int unread = m_unread;
    for (size_t i = 0; i < excess; ++i) {
        unread -= m_rows.front().read ? 0 : 1;
        m_rows.pop_front();
    }
    endRemoveRows();
    setUnread(unread);
    // Rows leave in id order, so a key range says it on disk.
    const qint64 keepFrom = m_rows.empty() ? m_nextId : m_rows.front().id;
    onStore([keepFrom](NotificationStore &s) { s.removeBelowId(keepFrom); });
}

int NotificationModel::indexOfId(qint64 id) const
{
    // Ids grow with arrival, so the rows are sorted by id.
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), id,
                                     [](const Notification &n, qint64 value) { return n.id < value; });
    return it != m_rows.end() && it->id == id ? int(it - m_rows.begin()) : -1;
}

int NotificationModel::rowOfId(qint64 id) const
{
    const int i = indexOfId(id);
    return i < 0 ? -1 : int(m_rows.size()) - 1 - i;
}

std::optional<Notification> NotificationModel::find(qint64 id) const
{
    const int i = indexOfId(id);
    if (i >= 0)
        return m_rows[size_t(i)];
    for (const Notification &n : m_pending) {
        if (n.id == id)
            return n;
    }
    return std::nullopt;
}

bool NotificationModel::updateAlertInfo(qint64 id, const QString &title, Severity severity, const QString &details)
{
    Notification *target = nullptr;
    int row = -1;
    if (const int i = indexOfId(id); i >= 0) {
        target = &m_rows[size_t(i)];
        row = int(m_rows.size()) - 1 - i;
    } else {
        for (Notification &n : m_pending) {
            if (n.id == id)
                target = &n;
        }
    }
    if (!target)
        return false;
    if (!title.isEmpty())
        target->title = title;
    if (severity != Severity::Unknown)
        target->severity = severity;
    if (!details.isEmpty())
        target->details = details;
    if (row >= 0) {
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        onStore([n = *target](NotificationStore &s) { s.update({ n }); });
    }
    return true;
}

void NotificationModel::setRead(const QList<qint64> &ids, bool read)
{
    QList<qint64> changed;
    int unread = m_unread;
    for (const qint64 id : ids) {
        const int i = indexOfId(id);
        if (i < 0 || m_rows[size_t(i)].read == read)
            continue;
        m_rows[size_t(i)].read = read;
        unread += read ? -1 : 1;
        changed << id;
        const int row = int(m_rows.size()) - 1 - i;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    if (changed.isEmpty())
        return;
    setUnread(unread);
    onStore([changed, read](NotificationStore &s) { s.setRead(changed, read); });
}

void NotificationModel::markAllRead()
{
    if (m_unread == 0)
        return;
    for (Notification &n : m_rows)
        n.read = true;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    setUnread(0);
    onStore([](NotificationStore &s) { s.setAllRead(); });
}

void NotificationModel::remove(const QList<qint64> &ids)
{
    QList<qint64> removed;
    int unread = m_unread;
    for (const qint64 id : ids) {
        const int i = indexOfId(id);
        if (i < 0)
            continue;
        const int row = int(m_rows.size()) - 1 - i;
        beginRemoveRows({}, row, row);
        unread -= m_rows[size_t(i)].read ? 0 : 1;
        m_rows.erase(m_rows.begin() + i);
        endRemoveRows();
        removed << id;
    }
    setUnread(unread);
    onStore([removed](NotificationStore &s) { s.remove(removed); });
}

void NotificationModel::clear()
{
    m_pending.clear();
    if (!m_rows.empty()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
    }
    setUnread(0);
    onStore([](NotificationStore &s) { s.clear(); });
}

void NotificationModel::flush()
{
    insertPending();
    writeQueuedInserts();
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker, [] {}, Qt::BlockingQueuedConnection);
}

void NotificationModel::setUnread(int unread)
{
    if (unread == m_unread)
        return;
    m_unread = unread;
    Q_EMIT unreadCountChanged(unread);
}

} // namespace vigil::core
