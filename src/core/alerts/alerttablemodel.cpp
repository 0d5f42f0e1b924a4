#include "alerttablemodel.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <numeric>

namespace vigil::core {

namespace {
QString formatTime(qint64 ms)
{
    if (ms == 0)
        return {};
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

} // namespace

AlertTableModel::AlertTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

AlertTableModel::~AlertTableModel() = default;

QString AlertTableModel::columnName(int column)
{
    switch (column) {
    case SeverityColumn: return tr("Severity");
    case TitleColumn: return tr("Title");
    case StatusColumn: return tr("Status");
    case ClassificationColumn: return tr("Classification");
    case DeterminationColumn: return tr("Determination");
    case ServiceSourceColumn: return tr("Service source");
    case AssignedToColumn: return tr("Assigned to");
    case CreatedColumn: return tr("Created");
    case LastUpdatedColumn: return tr("Last updated");
    case IncidentColumn: return tr("Incident");
    case IdColumn: return tr("Alert ID");
    default: return {};
    }
}

int AlertTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlertTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return columnName(section);
}

QVariant AlertTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()) || index.column() >= ColumnCount)
        return {};
    const Alert &a = alertAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case SeverityColumn: return displaySeverity(a.severity);
        case TitleColumn: return a.title;
        case StatusColumn: return displayStatus(a.status);
        case ClassificationColumn: return displayClassification(a.classification);
        case DeterminationColumn: return displayDetermination(a.determination);
        case ServiceSourceColumn: return displayServiceSource(a.serviceSource);
        case AssignedToColumn: return a.assignedTo;
        case CreatedColumn: return formatTime(a.createdMs);
        case LastUpdatedColumn: return formatTime(a.lastUpdatedMs);
        case IncidentColumn: return a.incidentId;
        case IdColumn: return a.id;
        }
        break;
    case SortRole:
        switch (index.column()) {
        case SeverityColumn: return int(a.severity);
        case CreatedColumn: return a.createdMs;
        case LastUpdatedColumn: return a.lastUpdatedMs;
        case IncidentColumn: return a.incidentId.toLongLong();
        default: return data(index, Qt::DisplayRole);
        }
    case AlertIdRole:
        return a.id;
    case SeverityRole:
        return int(a.severity);
    case JsonRole:
        return a.json;
    case Qt::TextAlignmentRole:
        if (index.column() == IncidentColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

void AlertTableModel::reserve(qsizetype count)
{
    if (count > m_index.capacity())
        m_index.reserve(count);
    m_order.reserve(size_t(count));
    m_rowOfSlot.reserve(size_t(count));
}

void AlertTableModel::appendAlerts(QList<Alert> alerts)
{
    QList<Alert> fresh;
    fresh.reserve(alerts.size());
    for (Alert &alert : alerts) {
        if (m_index.contains(alert.id))
            updateAlert(alert);
        else
            fresh.append(std::move(alert));
    }
    if (fresh.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (Alert &alert : fresh) {
        const int slot = int(m_rows.size());
        m_index.insert(alert.id, slot);
        m_rows.push_back(std::move(alert));
        m_rowOfSlot.push_back(int(m_order.size()));
        m_order.push_back(slot);
    }
    endInsertRows();
}

bool AlertTableModel::updateAlert(const Alert &alert)
{
    const int row = rowOf(alert.id);
    if (row < 0)
        return false;
    m_rows[size_t(m_order[size_t(row)])] = alert;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

void AlertTableModel::upsertAlert(const Alert &alert)
{
    if (!updateAlert(alert))
        appendAlerts({alert});
}

void AlertTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_order = {};
    m_rowOfSlot = {};
    m_index.clear();
    endResetModel();
}

namespace {

/// Stable counting sort of `order` by small integer keys (0 ≤ key < keyCount, key of a slot).
std::vector<int> countingSort(const std::vector<int> &order, const std::vector<int> &keyOfSlot, int keyCount)
{
    std::vector<int> start(size_t(keyCount) + 1, 0);
    for (const int slot : order)
        ++start[size_t(keyOfSlot[size_t(slot)]) + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<int> sorted(order.size());
    for (const int slot : order)
        sorted[size_t(start[size_t(keyOfSlot[size_t(slot)])]++)] = slot;
    return sorted;
}

} // namespace

std::vector<int> AlertTableModel::sortedOrder(int column, Qt::SortOrder order) const
{
    const bool ascending = order == Qt::AscendingOrder;
    const auto numeric = [&](auto key) {
        std::vector<std::pair<qint64, int>> keyed;
        keyed.reserve(m_order.size());
        for (const int slot : m_order)
            keyed.emplace_back(key(m_rows[size_t(slot)]), slot);
        if (ascending)
            std::stable_sort(keyed.begin(), keyed.end(), [](const auto &l, const auto &r) { return l.first < r.first; });
        else
            std::stable_sort(keyed.begin(), keyed.end(), [](const auto &l, const auto &r) { return l.first > r.first; });
        std::vector<int> sorted;
        sorted.reserve(keyed.size());
        for (const auto &k : keyed)
            sorted.push_back(k.second);
        return sorted;
    };
    // Texts: the parser shares the storage of repeated values, so rank each distinct string once
    // (found by its data pointer and length), then counting-sort the rows by rank.
    const auto text = [&](const QString Alert::*field, Qt::CaseSensitivity cs) {
        QHash<std::pair<const void *, qsizetype>, int> distinctOf;
        std::vector<QString> distinct;
        std::vector<int> keyOfSlot(m_rows.size(), 0);
        for (const int slot : m_order) {
            const QString &value = m_rows[size_t(slot)].*field;
            const std::pair<const void *, qsizetype> key {
                value.isEmpty() ? nullptr : static_cast<const void *>(value.constData()), value.size()
            };
            auto it = distinctOf.constFind(key);
            if (it == distinctOf.constEnd()) {
                it = distinctOf.insert(key, int(distinct.size()));
                distinct.push_back(value);
            }
            keyOfSlot[size_t(slot)] = *it;
        }
        std::vector<int> byText(distinct.size());
        std::iota(byText.begin(), byText.end(), 0);
        std::sort(byText.begin(), byText.end(), [&](int l, int r) {
            return QString::compare(distinct[size_t(l)], distinct[size_t(r)], cs) < 0;
        });
        // Equal texts stored apart get the same rank.
        std::vector<int> rankOf(distinct.size());
        int rank = -1;
        for (size_t i = 0; i < byText.size(); ++i) {
            if (i == 0 || QString::compare(distinct[size_t(byText[i - 1])], distinct[size_t(byText[i])], cs) != 0)
                ++rank;
            rankOf[size_t(byText[i])] = rank;
        }
        const int ranks = rank + 1;
        for (const int slot : m_order) {
            const int r = rankOf[size_t(keyOfSlot[size_t(slot)])];
            keyOfSlot[size_t(slot)] = ascending ? r : ranks - 1 - r;
        }
        return countingSort(m_order, keyOfSlot, qMax(1, ranks));
    };
    switch (column) {
    case SeverityColumn: return numeric([](const Alert &a) { return qint64(a.severity); });
    case TitleColumn: return text(&Alert::title, Qt::CaseInsensitive);
    case StatusColumn: return text(&Alert::status, Qt::CaseInsensitive);
    case ClassificationColumn: return text(&Alert::classification, Qt::CaseInsensitive);
    case DeterminationColumn: return text(&Alert::determination, Qt::CaseInsensitive);
    case ServiceSourceColumn: return text(&Alert::serviceSource, Qt::CaseInsensitive);
    case AssignedToColumn: return text(&Alert::assignedTo, Qt::CaseInsensitive);
    case CreatedColumn: return numeric([](const Alert &a) { return a.createdMs; });
    case LastUpdatedColumn: return numeric([](const Alert &a) { return a.lastUpdatedMs; });
    case IncidentColumn: return numeric([](const Alert &a) { return a.incidentId.toLongLong(); });
    case IdColumn: return text(&Alert::id, Qt::CaseSensitive);
    default: return m_order;
    }
}

void AlertTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    std::vector<int> sorted = sortedOrder(column, order);
    const QModelIndexList persistent = persistentIndexList();
    // Persistent indexes follow their alert: old row → slot (old order) → new row.
    std::vector<int> slotsOfPersistent;
    slotsOfPersistent.reserve(size_t(persistent.size()));
    for (const QModelIndex &old : persistent)
        slotsOfPersistent.push_back(m_order[size_t(old.row())]);
    m_order = std::move(sorted);
    for (size_t row = 0; row < m_order.size(); ++row)
        m_rowOfSlot[size_t(m_order[row])] = int(row);
    QModelIndexList moved;
    moved.reserve(persistent.size());
    for (qsizetype i = 0; i < persistent.size(); ++i)
        moved.append(index(m_rowOfSlot[size_t(slotsOfPersistent[size_t(i)])], persistent.at(i).column()));
    changePersistentIndexList(persistent, moved);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace vigil::core
