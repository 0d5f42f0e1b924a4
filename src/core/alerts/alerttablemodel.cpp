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

int compareText(const QString &a, const QString &b)
{
    return QString::compare(a, b, Qt::CaseInsensitive);
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
    const Alert &a = m_rows[size_t(index.row())];
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

void AlertTableModel::rebuildIndex()
{
    m_index.clear();
    m_index.reserve(qsizetype(m_rows.size()));
    for (size_t i = 0; i < m_rows.size(); ++i)
        m_index.insert(m_rows[i].id, int(i));
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
    m_rows.reserve(m_rows.size() + size_t(fresh.size()));
    for (Alert &alert : fresh) {
        m_index.insert(alert.id, int(m_rows.size()));
        m_rows.push_back(std::move(alert));
    }
    endInsertRows();
}

bool AlertTableModel::updateAlert(const Alert &alert)
{
    const int row = rowOf(alert.id);
    if (row < 0)
        return false;
    m_rows[size_t(row)] = alert;
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
    m_rows.shrink_to_fit();
    m_index.clear();
    endResetModel();
}

bool AlertTableModel::lessThan(const Alert &a, const Alert &b, int column) const
{
    switch (column) {
    case SeverityColumn: return a.severity < b.severity;
    case TitleColumn: return compareText(a.title, b.title) < 0;
    case StatusColumn: return compareText(a.status, b.status) < 0;
    case ClassificationColumn: return compareText(a.classification, b.classification) < 0;
    case DeterminationColumn: return compareText(a.determination, b.determination) < 0;
    case ServiceSourceColumn: return compareText(a.serviceSource, b.serviceSource) < 0;
    case AssignedToColumn: return compareText(a.assignedTo, b.assignedTo) < 0;
    case CreatedColumn: return a.createdMs < b.createdMs;
    case LastUpdatedColumn: return a.lastUpdatedMs < b.lastUpdatedMs;
    case IncidentColumn: return a.incidentId.toLongLong() < b.incidentId.toLongLong();
    case IdColumn: return a.id < b.id;
    default: return false;
    }
}

void AlertTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    std::vector<int> order_(m_rows.size());
    std::iota(order_.begin(), order_.end(), 0);
    // Stable, so equal keys keep their previous order (e.g. newest first within a severity).
    std::stable_sort(order_.begin(), order_.end(), [&](int l, int r) {
        return order == Qt::AscendingOrder ? lessThan(m_rows[size_t(l)], m_rows[size_t(r)], column)
                                           : lessThan(m_rows[size_t(r)], m_rows[size_t(l)], column);
    });
    std::vector<int> newRowOf(m_rows.size());
    std::vector<Alert> sorted;
    sorted.reserve(m_rows.size());
    for (size_t i = 0; i < order_.size(); ++i) {
        newRowOf[size_t(order_[i])] = int(i);
        sorted.push_back(std::move(m_rows[size_t(order_[i])]));
    }
    m_rows = std::move(sorted);
    const QModelIndexList persistent = persistentIndexList();
    QModelIndexList moved;
    moved.reserve(persistent.size());
    for (const QModelIndex &old : persistent)
        moved.append(index(newRowOf[size_t(old.row())], old.column()));
    changePersistentIndexList(persistent, moved);
    rebuildIndex();
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace vigil::core
