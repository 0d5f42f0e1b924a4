#pragma once

#include "core/alerts/alert.h"

#include <QFrame>
#include <QTimer>

#include <memory>

namespace Ui {
class NotificationBanner;
}

namespace vigil::gui {

/// The last-resort desktop notification: a strip across the top of the main window, for desktops
/// with neither a system tray nor a notification service. Hides itself after a while.
class NotificationBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationBanner)

public:
    explicit NotificationBanner(QWidget *parent = nullptr);
    ~NotificationBanner() override;

    void showMessage(const QString &title, const QString &body, const QString &alertId, core::AlertApi api);
    QString text() const;
    void setTimeout(std::chrono::milliseconds timeout) { m_hide.setInterval(timeout); }

Q_SIGNALS:
    /// "Show" was clicked: raise the window on this alert (empty: on the notifications pane).
    void activated(const QString &alertId, vigil::core::AlertApi api);

private:
    std::unique_ptr<Ui::NotificationBanner> m_ui;
    QTimer m_hide;
    QString m_alertId;
    core::AlertApi m_api = core::AlertApi::V2;
};

} // namespace vigil::gui
