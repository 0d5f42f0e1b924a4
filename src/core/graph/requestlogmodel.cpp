#include "requestlogmodel.h"

namespace vigil::core {

RequestLogModel::RequestLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RequestLogModel::append(const RequestRecord &record)
{
    if (int(m_records.size()) >= m_capacity) {
        beginRemoveRows({}, 0, 0);
        m_records.pop_front();
        endRemoveRows();
    }
    const int row = int(m_records.size());
    beginInsertRows({}, row, row);
    m_records.push_back(record);
    endInsertRows();
}

void RequestLogModel::clear()
{
    beginResetModel();
    m_records.clear();
    endResetModel();
}

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case MethodColumn: return tr("Method");
    case StatusColumn: return tr("Status");
    case LatencyColumn: return tr("Latency");
    case UrlColumn: return tr("URL");
    case RequestIdColumn: return tr("Request ID");
    case NoteColumn: return tr("Note");
    default: return {};
    }
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_records.size()))
        return {};
    const RequestRecord &r = m_records[size_t(index.row())];
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case TimeColumn: return r.started.toString(QStringLiteral("HH:mm:ss.zzz"));
        case MethodColumn: return QString::fromLatin1(r.method);
        case StatusColumn: return r.status ? QVariant(r.status) : QVariant(QStringLiteral("—"));
        case LatencyColumn: return QStringLiteral("%1 ms").arg(r.latencyMs);
        case UrlColumn: return r.url;
        case RequestIdColumn: return r.requestId.isEmpty() ? r.clientRequestId : r.requestId;
        case NoteColumn: return r.note;
        }
    }
    if (role == Qt::TextAlignmentRole && (index.column() == StatusColumn || index.column() == LatencyColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

} // namespace vigil::core
