#pragma once

#include <QHash>
#include <QSortFilterProxyModel>
#include <QStringMatcher>

#include <vector>

namespace vigil::core {

class AlertTableModel;
struct Alert;

/// The instant text filter over loaded alerts (title, id, assignee, status, source, incident,
/// category; case-insensitive). Sorting is handed to AlertTableModel, which sorts raw values.
class AlertFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertFilterProxy)

public:
    explicit AlertFilterProxy(QObject *parent = nullptr);

    void setAlertModel(AlertTableModel *model);
    void setText(const QString &text);
    QString text() const { return m_text; }

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    /// Whether the display text of an enum value contains the filter text, worked out once per
    /// distinct value instead of once per row.
    bool enumMatches(QHash<QString, bool> &cache, const QString &wire, QString (*display)(const QString &)) const;
    bool matches(const Alert &alert) const;

    AlertTableModel *m_model = nullptr;
    QString m_text;
    QStringMatcher m_matcher;   ///< m_text, case-insensitive, prepared once per keystroke
    mutable QHash<QString, bool> m_statusMatches;
    mutable QHash<QString, bool> m_sourceMatches;
    mutable QHash<QString, bool> m_classificationMatches;
    mutable QHash<QString, bool> m_determinationMatches;
    bool m_severityMatches[5] = {};
    /// Per storage slot: 1 matches, 0 does not, -1 not known yet. Worked out in storage order at
    /// each keystroke (sequential memory, whatever the sort), looked up by the filter pass.
    mutable std::vector<qint8> m_slotMatches;
};

} // namespace vigil::core
