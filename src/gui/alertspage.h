#pragma once

#include "core/alerts/alert.h"

#include <QWidget>

#include <memory>

class QAction;
class QTableView;

class QTimer;

namespace Ui {
class AlertsPage;
}

namespace vigil::core {
class AlertFilterProxy;
class AlertLoader;
class AlertSource;
class AlertTableModel;
class AuthSession;
class GraphClient;
class MailSender;
struct GraphError;
}

namespace vigil::gui {

class AlertDetailsView;

/// Where an analyst spends the day: the query bar, the alert table (sortable, filterable, column
/// chooser, paging) and the details of the selected alert; editing and export.
class AlertsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsPage)

public:
    AlertsPage(core::AuthSession *session, core::GraphClient *client, QWidget *parent = nullptr);
    ~AlertsPage() override;

    void setApi(core::AlertApi api);
    core::AlertApi api() const;
    core::AlertSource *source() const;

    /// Runs the query of the query bar from the first page.
    void runQuery();
    void editSelected();
    void exportAlerts();
    /// Opens the mail dialog for the selected alerts.
    void emailSelected();
    /// Enables what the granted permissions allow; disabled controls say which permission is missing.
    void updatePermissions();
    /// Inserts or refreshes one alert (live notifications); true if the row was already loaded.
    bool showUpdatedAlert(const core::Alert &alert);

    QList<core::Alert> selectedAlerts() const;
    core::AlertTableModel *model() const { return m_model; }
    QTableView *table() const;
    AlertDetailsView *details() const { return m_details; }

    QAction *refreshAction() const { return m_refresh; }
    QAction *editAction() const { return m_edit; }
    QAction *filterAction() const { return m_filter; }
    QAction *exportAction() const { return m_export; }
    QAction *emailAction() const { return m_email; }

    void saveState() const;

Q_SIGNALS:
    void statusMessage(const QString &text);
    void problem(const QString &title, const QString &text);

private:
    void updateRequestUrl();
    void updateLoadState();
    void showCurrent();
    void showHeaderMenu(const QPoint &pos);
    void showContextMenu(const QPoint &pos);
    void onLoadFailed(const core::GraphError &error);
    void copySelectedIds();

    std::unique_ptr<Ui::AlertsPage> m_ui;
    core::AuthSession *m_session = nullptr;
    core::GraphClient *m_client = nullptr;
    core::AlertSource *m_v2 = nullptr;
    core::AlertSource *m_legacy = nullptr;
    core::AlertTableModel *m_model = nullptr;
    core::AlertFilterProxy *m_proxy = nullptr;
    core::AlertLoader *m_loader = nullptr;
    AlertDetailsView *m_details = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_filter = nullptr;
    QAction *m_export = nullptr;
    QAction *m_copyId = nullptr;
    QAction *m_email = nullptr;
    core::MailSender *m_mail = nullptr;
    QTimer *m_filterDelay = nullptr; ///< big tables filter once typing pauses
};

} // namespace vigil::gui
