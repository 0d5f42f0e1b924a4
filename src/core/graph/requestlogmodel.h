#pragma once

#include "core/graph/graphclient.h"

#include <QAbstractTableModel>

#include <deque>

namespace vigil::core {

/// The most recent Graph calls for the request inspector: method, URL, status, latency, request
/// ids and notes. It stores what GraphClient reports, which never includes a token or a body.
class RequestLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLogModel)

public:
    enum Column { TimeColumn, MethodColumn, StatusColumn, LatencyColumn, UrlColumn, RequestIdColumn, NoteColumn, ColumnCount };

    explicit RequestLogModel(QObject *parent = nullptr);

    void setCapacity(int records) { m_capacity = qMax(1, records); }
    void append(const RequestRecord &record);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::deque<RequestRecord> m_records;
    int m_capacity = 2000;
};

} // namespace vigil::core
