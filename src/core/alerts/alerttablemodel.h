#pragma once

#include "core/alerts/alert.h"

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

namespace vigil::core {

/// The loaded alerts, one row each, in a contiguous vector. Display strings are made only for the
/// rows being painted; sorting uses raw values (severity rank, epoch milliseconds) and is done here,
/// in one pass, rather than by a proxy comparing QVariants.
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

    const Alert &alertAt(int row) const { return m_rows[size_t(row)]; }
    int rowOf(const QString &id) const { return m_index.value(id, -1); }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    static QString columnName(int column);

private:
    void rebuildIndex();
    bool lessThan(const Alert &a, const Alert &b, int column) const;

    std::vector<Alert> m_rows;
    QHash<QString, int> m_index;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace vigil::core
