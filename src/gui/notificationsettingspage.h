#pragma once

#include "core/notifications/notificationsettings.h"

#include <QWidget>

#include <memory>

class QLineEdit;

namespace Ui {
class NotificationSettingsPage;
}

namespace vigil::gui {

/// Settings → Notifications: the webhook receiver (enable, listen address, public URL, TLS
/// certificate and key, the push secret with a copyable curl example), the alerts_v2 poller,
/// desktop messages and retention. The secret is shown, never stored here.
class NotificationSettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationSettingsPage)

public:
    explicit NotificationSettingsPage(QWidget *parent = nullptr);
    ~NotificationSettingsPage() override;

    void setValues(const core::NotificationSettings::Values &values);
    core::NotificationSettings::Values values() const;
    /// The push endpoint and its secret, for the example command.
    void setPush(const QUrl &pushUrl, const QString &secret);
    QString pushSecret() const;
    QString curlCommand() const;
    /// What the running receiver does now, which demo mode or --listen may have set apart from
    /// the values on this page (an invalid URL: not listening).
    void setReceiverState(const QUrl &listening);

    /// Problems with what is entered (empty when OK can be pressed).
    QStringList problems() const;

Q_SIGNALS:
    void changed();
    void newPushSecretRequested();

private:
    void updateCurl();
    void browse(QLineEdit *edit, const QString &title);
    void validate();

    std::unique_ptr<Ui::NotificationSettingsPage> m_ui;
    QUrl m_pushUrl;
};

} // namespace vigil::gui
