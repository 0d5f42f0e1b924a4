#include "notificationspane.h"

#include "core/alerts/alerttablemodel.h"
#include "core/notifications/notificationfilterproxy.h"
#include "core/notifications/notificationmodel.h"
#include "core/settings.h"
#include "notificationdelegate.h"
#include "severitydelegate.h"
#include "ui_notificationspane.h"

#include <QHeaderView>

namespace vigil::gui {

using core::Notification;
using core::NotificationModel;

// The severity mark is painted by the alerts table's delegate, which reads this role.
static_assert(int(NotificationModel::SeverityRole) == int(core::AlertTableModel::SeverityRole));

namespace {
const core::Setting<QByteArray> kHeaderState { QStringLiteral("notifications/paneHeaderState"), {} };
const core::Setting<QByteArray> kSplitterState { QStringLiteral("notifications/paneSplitterState"), {} };
} // namespace

NotificationsPane::NotificationsPane(NotificationModel *model, QWidget *parent)
    : QDockWidget(parent)
    , m_ui(std::make_unique<Ui::NotificationsPane>())
    , m_model(model)
    , m_proxy(new core::NotificationFilterProxy(this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("notificationsPane"));
    m_proxy->setSourceModel(model);

    m_ui->feedCombo->addItem(tr("All feeds"), -1);
    for (const auto feed : { Notification::Feed::Graph, Notification::Feed::Push, Notification::Feed::Poller })
        m_ui->feedCombo->addItem(core::displayFeed(feed), int(feed));

    QTableView *table = m_ui->notificationTable;
    table->setModel(m_proxy);
    table->setItemDelegate(new NotificationDelegate(table));
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    table->horizontalHeader()->setSectionsMovable(true);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setColumnWidth(NotificationModel::TimeColumn, 90);
    table->setColumnWidth(NotificationModel::FeedColumn, 130);
    table->setColumnWidth(NotificationModel::ChangeColumn, 230);
    table->setColumnWidth(NotificationModel::SeverityColumn, 100);
    table->setColumnWidth(NotificationModel::TitleColumn, 300);
    table->setColumnWidth(NotificationModel::ResourceColumn, 220);
    table->setItemDelegateForColumn(NotificationModel::SeverityColumn, new SeverityDelegate(table));
    table->sortByColumn(NotificationModel::TimeColumn, Qt::DescendingOrder);
    if (const QByteArray state = kHeaderState.value(); !state.isEmpty())
        table->horizontalHeader()->restoreState(state);
    if (const QByteArray state = kSplitterState.value(); !state.isEmpty())
        m_ui->notificationSplitter->restoreState(state);
    else
        m_ui->notificationSplitter->setSizes({ 150, 50 });
    m_ui->notificationSplitter->setStretchFactor(0, 3);
    m_ui->notificationSplitter->setStretchFactor(1, 1);

    connect(m_ui->notificationFilterEdit, &QLineEdit::textChanged, m_proxy, &core::NotificationFilterProxy::setText);
    connect(m_ui->feedCombo, &QComboBox::currentIndexChanged, this, [this] {
        const int feed = m_ui->feedCombo->currentData().toInt();
        m_proxy->setFeed(feed < 0 ? std::nullopt : std::optional<Notification::Feed>(Notification::Feed(feed)));
    });
    connect(m_ui->unreadCheck, &QCheckBox::toggled, m_proxy, &core::NotificationFilterProxy::setUnreadOnly);
    connect(m_ui->markReadButton, &QPushButton::clicked, model, &NotificationModel::markAllRead);
    connect(m_ui->clearNotificationsButton, &QPushButton::clicked, model, &NotificationModel::clear);
    connect(m_ui->subscriptionsButton, &QPushButton::clicked, this, &NotificationsPane::subscriptionsRequested);
    connect(model, &NotificationModel::unreadCountChanged, this, &NotificationsPane::updateTitle);
    connect(model, &QAbstractItemModel::rowsInserted, this, &NotificationsPane::updateTitle);
    connect(model, &QAbstractItemModel::modelReset, this, &NotificationsPane::updateTitle);
    connect(model, &QAbstractItemModel::dataChanged, this, [this] {
        if (m_ui->notificationTable->currentIndex().isValid())
            m_ui->notificationDetails->setPlainText(
                m_ui->notificationTable->currentIndex().data(NotificationModel::DetailsRole).toString());
    });
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &NotificationsPane::showCurrent);
    // Double-click and Enter, as the platform defines activation.
    connect(table, &QTableView::activated, this, [this](const QModelIndex &index) { activateRow(index.row()); });
    updateTitle();
}

NotificationsPane::~NotificationsPane() = default;

QTableView *NotificationsPane::table() const
{
    return m_ui->notificationTable;
}

void NotificationsPane::saveState() const
{
    kHeaderState.setValue(m_ui->notificationTable->horizontalHeader()->saveState());
    kSplitterState.setValue(m_ui->notificationSplitter->saveState());
}

void NotificationsPane::setReceiverStatus(bool listening, const QString &text)
{
    m_ui->receiverLabel->setText(text);
    m_ui->receiverLabel->setToolTip(text);
    m_ui->receiverLabel->setStyleSheet(listening || text.isEmpty() ? QString() : QStringLiteral("color: #c62828;"));
}

QString NotificationsPane::receiverStatus() const
{
    return m_ui->receiverLabel->text();
}

QString NotificationsPane::detailsText() const
{
    return m_ui->notificationDetails->toPlainText();
}

void NotificationsPane::updateTitle()
{
    const int unread = m_model->unreadCount();
    setWindowTitle(unread ? tr("Notifications (%1)").arg(unread) : tr("Notifications"));
    m_ui->unreadLabel->setText(tr("%n unread", nullptr, unread) + QStringLiteral(" · ")
                               + tr("%n in all", nullptr, m_model->rowCount()));
    m_ui->markReadButton->setEnabled(unread > 0);
    m_ui->clearNotificationsButton->setEnabled(m_model->rowCount() > 0);
}

void NotificationsPane::showCurrent()
{
    const QModelIndex current = m_ui->notificationTable->currentIndex();
    if (!current.isValid()) {
        m_ui->notificationDetails->clear();
        return;
    }
    m_ui->notificationDetails->setPlainText(current.data(NotificationModel::DetailsRole).toString());
    m_model->setRead({ current.data(NotificationModel::IdRole).toLongLong() });
}

void NotificationsPane::activateRow(int row)
{
    const QModelIndex index = m_proxy->index(row, 0);
    if (!index.isValid())
        return;
    m_ui->notificationTable->setCurrentIndex(index);
    m_model->setRead({ index.data(NotificationModel::IdRole).toLongLong() });
    const QString alertId = index.data(NotificationModel::AlertIdRole).toString();
    if (!alertId.isEmpty())
        Q_EMIT alertActivated(alertId, core::AlertApi(index.data(NotificationModel::ApiRole).toInt()));
}

} // namespace vigil::gui
