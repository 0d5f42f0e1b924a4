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
    m_model = model;
    setSourceModel(model);
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
    const Alert &a = m_model->alertAt(sourceRow);
    const auto has = [this](const QString &field) { return m_matcher.indexIn(field) >= 0; };
    return has(a.title) || has(a.id) || has(a.assignedTo) || has(a.incidentId) || has(a.category)
        || m_severityMatches[int(a.severity) % 5] || enumMatches(m_statusMatches, a.status, &displayStatus)
        || enumMatches(m_sourceMatches, a.serviceSource, &displayServiceSource)
        || enumMatches(m_classificationMatches, a.classification, &displayClassification)
        || enumMatches(m_determinationMatches, a.determination, &displayDetermination);
}

} // namespace vigil::core
