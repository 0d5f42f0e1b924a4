#include "notificationbanner.h"

#include "ui_notificationbanner.h"

#include <QStyle>

namespace vigil::gui {

NotificationBanner::NotificationBanner(QWidget *parent)
    : QFrame(parent)
    , m_ui(std::make_unique<Ui::NotificationBanner>())
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("notificationBanner"));
    setStyleSheet(QStringLiteral("QFrame#notificationBanner { background: palette(alternate-base);"
                                 " border: 1px solid palette(highlight); border-radius: 4px; }"));
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_ui->iconLabel->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(size, size));
    m_hide.setSingleShot(true);
    m_hide.setInterval(std::chrono::seconds(20));
    connect(&m_hide, &QTimer::timeout, this, &QWidget::hide);
    connect(m_ui->closeButton, &QToolButton::clicked, this, &QWidget::hide);
    connect(m_ui->showButton, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT activated(m_alertId, m_api);
    });
    hide();
}

NotificationBanner::~NotificationBanner() = default;

void NotificationBanner::showMessage(const QString &title, const QString &body, const QString &alertId,
                                     core::AlertApi api)
{
    m_alertId = alertId;
    m_api = api;
    // Plain text: alert titles come from outside.
    QString firstLine = body.section(QLatin1Char('\n'), 0, 0);
    m_ui->textLabel->setText(firstLine.isEmpty() ? title : title + QStringLiteral(" — ") + firstLine);
    m_ui->textLabel->setToolTip(title + QLatin1Char('\n') + body);
    show();
    m_hide.start();
}

QString NotificationBanner::text() const
{
    return m_ui->textLabel->text();
}

} // namespace vigil::gui
