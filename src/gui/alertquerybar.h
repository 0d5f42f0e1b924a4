#pragma once

#include "core/alerts/alertquery.h"

#include <QWidget>

#include <memory>

class QToolButton;

namespace Ui {
class AlertQueryBar;
}

namespace vigil::gui {

/// Edits an AlertQuery: the alerts_v2 filters (multi-select severity, status, source,
/// classification, determination; assignee; time window; page size) or, for the legacy API, the
/// original samples' form. Shows the exact request URL with copy actions, and keeps saved queries.
class AlertQueryBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertQueryBar)

public:
    explicit AlertQueryBar(QWidget *parent = nullptr);
    ~AlertQueryBar() override;

    void setApi(core::AlertApi api);
    core::AlertQuery query() const;
    void setQuery(const core::AlertQuery &query);
    /// The request the current query sends (shown, and copied by the copy actions).
    void setRequestUrl(const QUrl &url);
    void setRunEnabled(bool enabled, const QString &reason = {});

Q_SIGNALS:
    void runRequested();
    void queryChanged();

private:
    void setupChoice(QToolButton *button, const QString &label, const QList<std::pair<QString, QString>> &choices);
    QStringList checked(QToolButton *button) const;
    void setChecked(QToolButton *button, const QStringList &values);
    void updateChoiceText(QToolButton *button);
    void updateVisibility();
    void loadSavedQueries();
    void saveCurrent();
    void deleteSelected();
    void applySaved(int index);

    std::unique_ptr<Ui::AlertQueryBar> m_ui;
    core::AlertApi m_api = core::AlertApi::V2;
    QUrl m_url;
    bool m_updating = false;
};

} // namespace vigil::gui
