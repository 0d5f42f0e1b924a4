#pragma once

#include "core/alerts/alertsource.h"
#include "core/alerts/bulkupdater.h"

#include <QDialog>

#include <memory>

namespace Ui {
class AlertEditDialog;
}

namespace vigil::gui {

/// Changes the lifecycle of one alert or a selection: status, classification and determination
/// (only the pairs Defender allows), assignment and a comment for alerts_v2; status, feedback,
/// assignment, tags and comments for legacy alerts. Shows progress, then before → after for every
/// alert, and keeps everything typed when something fails.
class AlertEditDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertEditDialog)

public:
    AlertEditDialog(core::AlertSource *source, const QList<core::Alert> &alerts, const QString &me,
                    QWidget *parent = nullptr);
    ~AlertEditDialog() override;

    /// The update the fields describe.
    core::AlertUpdate update() const;
    /// Sends it (what the Apply button does).
    void apply();

    core::BulkUpdater *updater() const { return m_updater; }

Q_SIGNALS:
    void alertUpdated(const vigil::core::Alert &alert);
    void finished(int succeeded, int failed);

private:
    void fillDeterminations();
    void updateFields();
    void showResults();

    std::unique_ptr<Ui::AlertEditDialog> m_ui;
    core::AlertSource *m_source = nullptr;
    QList<core::Alert> m_alerts;
    QString m_me;
    core::BulkUpdater *m_updater = nullptr;
};

} // namespace vigil::gui
