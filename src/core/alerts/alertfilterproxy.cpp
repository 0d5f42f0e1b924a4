#include "alertfilterproxy.h"

#include "core/alerts/alerttablemodel.h"

namespace vigil::core {

AlertFilterProxy::AlertFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(false);
}

void AlertFilterProxy::setAlertModel(AlertTableModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_slotMatches.clear();
    setSourceModel(model);
    if (!model)
        return;
    // A changed alert is matched again when next asked; a cleared table forgets every slot.
    connect(model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
        for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
            const size_t slot = size_t(m_model->slotOfRow(row));
            if (slot < m_slotMatches.size())
                m_slotMatches[slot] = -1;
        }
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] { m_slotMatches.clear(); });
}

void AlertFilterProxy::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    m_matcher = QStringMatcher(m_text, Qt::CaseInsensitive);
    m_statusMatches.clear();
    m_sourceMatches.clear();
    m_classificationMatches.clear();
    m_determinationMatches.clear();
    for (int s = 0; s < 5; ++s)
        m_severityMatches[s] = displaySeverity(Severity(s)).contains(m_text, Qt::CaseInsensitive);
    m_slotMatches.clear();
    if (m_model && !m_text.isEmpty()) {
        const int slots = m_model->rowCount();
        m_slotMatches.resize(size_t(slots));
        for (int slot = 0; slot < slots; ++slot)
            m_slotMatches[size_t(slot)] = matches(m_model->alertInSlot(slot)) ? 1 : 0;
    }
    invalidateRowsFilter();
}

void AlertFilterProxy::sort(int column, Qt::SortOrder order)
{
    if (m_model)
        m_model->sort(column, order);
}

bool AlertFilterProxy::enumMatches(QHash<QString, bool> &cache, const QString &wire,
                                   QString (*display)(const QString &)) const
{
    const auto it = cache.constFind(wire);
    if (it != cache.constEnd())
        return *it;
    const bool match = display(wire).contains(m_text, Qt::CaseInsensitive);
    cache.insert(wire, match);
    return match;
}

bool AlertFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty() || !m_model || sourceParent.isValid())
        return true;
    const size_t slot = size_t(m_model->slotOfRow(sourceRow));
    if (slot >= m_slotMatches.size())
        m_slotMatches.resize(slot + 1, -1);  // appended since the last keystroke
    qint8 &known = m_slotMatches[slot];
    if (known < 0)
        known = matches(m_model->alertInSlot(int(slot))) ? 1 : 0;
    return known == 1;
}

bool AlertFilterProxy::matches(const Alert &a) const
{
    const auto has = [this](const QString &field) { return m_matcher.indexIn(field) >= 0; };
    return has(a.title) || has(a.id) || has(a.assignedTo) || has(a.incidentId) || has(a.category)
        || m_severityMatches[int(a.severity) % 5] || enumMatches(m_statusMatches, a.status, &displayStatus)
        || enumMatches(m_sourceMatches, a.serviceSource, &displayServiceSource)
        || enumMatches(m_classificationMatches, a.classification, &displayClassification)
        || enumMatches(m_determinationMatches, a.determination, &displayDetermination);
}

} // namespace vigil::core
