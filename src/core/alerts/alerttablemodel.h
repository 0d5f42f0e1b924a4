#pragma once

#include "core/alerts/alert.h"
#include "core/util/chunkedvector.h"

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

namespace vigil::core {

/// The loaded alerts, one row each. An alert stays in the storage slot it was appended to; the view
/// order is a vector of slots, so sorting a million rows moves integers, not alerts, and the id index
/// (id → slot) never needs rebuilding. Display strings are made only for the rows being painted;
/// sorting uses raw values (severity rank, epoch milliseconds, ranks of the distinct texts) and is
/// done here rather than by a proxy comparing QVariants.
class AlertTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertTableModel)

public:
    enum Column {
        SeverityColumn,
        TitleColumn,
        StatusColumn,
        ClassificationColumn,
        DeterminationColumn,
        ServiceSourceColumn,
        AssignedToColumn,
        CreatedColumn,
        LastUpdatedColumn,
        IncidentColumn,
        IdColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1,   ///< raw value for sorting
        AlertIdRole,
        SeverityRole,                  ///< int(Severity), for painting the severity mark
        JsonRole,                      ///< the alert's JSON (QByteArray)
    };

    explicit AlertTableModel(QObject *parent = nullptr);
    ~AlertTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    /// Appends a batch with one insertion; alerts already present (same id) replace their row.
    void appendAlerts(QList<Alert> alerts);
    /// Replaces the row of `alert.id`; false if it is not loaded.
    bool updateAlert(const Alert &alert);
    /// Inserts or replaces (live notifications).
    void upsertAlert(const Alert &alert);
    void clear();

    const Alert &alertAt(int row) const { return m_rows[size_t(m_order[size_t(row)])]; }
    /// Storage slots: an alert keeps its slot whatever the order; slots run from 0 to rowCount() - 1.
    int slotOfRow(int row) const { return m_order[size_t(row)]; }
    const Alert &alertInSlot(int slot) const { return m_rows[size_t(slot)]; }
    /// Room for this many alerts in the id index and the view order, so loading them never stops
    /// to rehash or reallocate.
    void reserve(qsizetype count);
    int rowOf(const QString &id) const
    {
        const int slot = m_index.value(id, -1);
        return slot < 0 ? -1 : m_rowOfSlot[size_t(slot)];
    }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    static QString columnName(int column);

private:
    /// The view order sorted by `column`, stable (equal keys keep their current order).
    std::vector<int> sortedOrder(int column, Qt::SortOrder order) const;

    ChunkedVector<Alert> m_rows;   ///< storage slots; appending never moves the alerts already loaded
    std::vector<int> m_order;      ///< view row → slot
    std::vector<int> m_rowOfSlot;  ///< slot → view row
    QHash<QString, int> m_index;   ///< alert id → slot
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace vigil::core
