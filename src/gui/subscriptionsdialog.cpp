#include "subscriptionsdialog.h"

#include "core/notifications/subscriptionmanager.h"
#include "core/notifications/webhookreceiver.h"
#include "ui_subscriptionsdialog.h"

#include <QHeaderView>
#include <QHostAddress>
#include <QLocale>
#include <QPushButton>

namespace vigil::gui {

using core::Subscription;
using core::SubscriptionManager;

namespace {
QString duration(qint64 seconds)
{
    if (seconds <= 0)
        return SubscriptionsDialog::tr("expired");
    const qint64 days = seconds / 86400;
    const qint64 hours = (seconds % 86400) / 3600;
    const qint64 minutes = (seconds % 3600) / 60;
    if (days > 0)
        return SubscriptionsDialog::tr("%1 d %2 h").arg(days).arg(hours);
    if (hours > 0)
        return SubscriptionsDialog::tr("%1 h %2 min").arg(hours).arg(minutes);
    return SubscriptionsDialog::tr("%1 min %2 s").arg(minutes).arg(seconds % 60);
}
} // namespace

SubscriptionsDialog::SubscriptionsDialog(SubscriptionManager *manager, core::WebhookReceiver *receiver,
                                         const QString &currentFilter, const QString &alertId, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SubscriptionsDialog>())
    , m_manager(manager)
    , m_receiver(receiver)
{
    m_ui->setupUi(this);
    m_ui->subscriptionFilterEdit->setText(currentFilter);
    m_ui->alertEdit->setText(alertId);
    if (currentFilter.isEmpty() && !alertId.isEmpty())
        m_ui->alertRadio->setChecked(true);
    m_ui->table->setColumnCount(ColumnCount);
    m_ui->table->setHorizontalHeaderLabels(
        { tr("Resource"), tr("Changes"), tr("Expires"), tr("Time left"), tr("Created by"), tr("ID") });
    m_ui->table->verticalHeader()->hide();
    m_ui->table->horizontalHeader()->setStretchLastSection(true);
    m_ui->table->setColumnWidth(ResourceColumn, 300);
    m_ui->table->setColumnWidth(ExpiresColumn, 150);

    const QUrl url = receiver->notificationUrl();
    QString urlText = url.isEmpty() ? tr("nothing: the webhook receiver is not running (Settings → Notifications)")
                                    : url.toString();
    const QHostAddress host(url.host());
    if (!url.isEmpty() && (url.scheme() != QLatin1String("https") || host.isLoopback() || url.host() == u"localhost"))
        urlText += QLatin1Char('\n')
            + tr("Microsoft Graph only calls public HTTPS addresses: start a tunnel and give its address with "
                 "--public-url (the demo simulator accepts this one).");
    m_ui->urlLabel->setText(urlText);

    const auto lifetimeText
        = [this](int minutes) { m_ui->lifetimeText->setText(tr("(%1)").arg(duration(qint64(minutes) * 60))); };
    lifetimeText(m_ui->lifetimeSpin->value());
    connect(m_ui->lifetimeSpin, &QSpinBox::valueChanged, this, lifetimeText);
    connect(m_ui->createButton, &QPushButton::clicked, this, &SubscriptionsDialog::create);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &SubscriptionsDialog::refresh);
    connect(m_ui->renewButton, &QPushButton::clicked, this, &SubscriptionsDialog::renewSelected);
    connect(m_ui->deleteButton, &QPushButton::clicked, this, &SubscriptionsDialog::deleteSelected);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SubscriptionsDialog::updateControls);
    for (QAbstractButton *b :
         { static_cast<QAbstractButton *>(m_ui->filterRadio), static_cast<QAbstractButton *>(m_ui->alertRadio),
           static_cast<QAbstractButton *>(m_ui->createdCheck), static_cast<QAbstractButton *>(m_ui->updatedCheck),
           static_cast<QAbstractButton *>(m_ui->deletedCheck) })
        connect(b, &QAbstractButton::toggled, this, &SubscriptionsDialog::updateControls);
    connect(m_ui->subscriptionFilterEdit, &QLineEdit::textChanged, this, &SubscriptionsDialog::updateControls);
    connect(m_ui->alertEdit, &QLineEdit::textChanged, this, &SubscriptionsDialog::updateControls);
    connect(manager, &SubscriptionManager::renewed, this, [this] { showSubscriptions(m_manager->known()); });
    m_countdown.setInterval(std::chrono::seconds(1));
    connect(&m_countdown, &QTimer::timeout, this, &SubscriptionsDialog::updateCountdown);
    m_countdown.start();
    showSubscriptions(manager->known());
    updateControls();
    refresh();
}

SubscriptionsDialog::~SubscriptionsDialog() = default;

QString SubscriptionsDialog::statusText() const
{
    return m_ui->statusLabel->text();
}

int SubscriptionsDialog::subscriptionCount() const
{
    return m_ui->table->rowCount();
}

QString SubscriptionsDialog::selectedId() const
{
    const QList<QTableWidgetItem *> items = m_ui->table->selectedItems();
    if (items.isEmpty())
        return {};
    const QTableWidgetItem *id = m_ui->table->item(items.constFirst()->row(), IdColumn);
    return id ? id->text() : QString();
}

void SubscriptionsDialog::setBusy(bool busy)
{
    m_busy = busy;
    updateControls();
    if (busy)
        m_ui->statusLabel->setText(tr("Working…"));
}

void SubscriptionsDialog::report(bool ok, const QString &text)
{
    setBusy(false);
    m_ui->statusLabel->setText(text);
    m_ui->statusLabel->setStyleSheet(ok ? QString() : QStringLiteral("color: #c62828;"));
    Q_EMIT operationFinished(ok);
}

void SubscriptionsDialog::updateControls()
{
    const bool filter = m_ui->filterRadio->isChecked();
    m_ui->subscriptionFilterEdit->setEnabled(filter);
    m_ui->alertEdit->setEnabled(!filter);
    const bool target = filter ? !m_ui->subscriptionFilterEdit->text().trimmed().isEmpty()
                               : !m_ui->alertEdit->text().trimmed().isEmpty();
    const bool changes
        = m_ui->createdCheck->isChecked() || m_ui->updatedCheck->isChecked() || m_ui->deletedCheck->isChecked();
    m_ui->createButton->setEnabled(!m_busy && target && changes);
    m_ui->createButton->setToolTip(target ? QString()
                                          : tr("Microsoft Graph needs at least one filter clause or one alert id."));
    const bool selected = !selectedId().isEmpty();
    m_ui->renewButton->setEnabled(!m_busy && selected);
    m_ui->deleteButton->setEnabled(!m_busy && selected);
    m_ui->refreshButton->setEnabled(!m_busy);
}

void SubscriptionsDialog::showSubscriptions(const QList<Subscription> &subscriptions)
{
    const QString selected = selectedId();
    m_subscriptions = subscriptions;
    std::sort(m_subscriptions.begin(), m_subscriptions.end(),
              [](const Subscription &a, const Subscription &b) { return a.expiration < b.expiration; });
    m_ui->table->setRowCount(int(m_subscriptions.size()));
    for (int row = 0; row < m_subscriptions.size(); ++row) {
        const Subscription &s = m_subscriptions.at(row);
        const auto set = [this, row](int column, const QString &text) {
            m_ui->table->setItem(row, column, new QTableWidgetItem(text));
        };
        set(ResourceColumn, s.resource);
        set(ChangesColumn, s.changeType);
        set(ExpiresColumn,
            s.expiration.isValid() ? QLocale().toString(s.expiration.toLocalTime(), QLocale::ShortFormat) : QString());
        set(LeftColumn, QString());
        set(OwnerColumn, s.managed ? tr("this Vigil (renewed automatically)") : tr("another app or install"));
        set(IdColumn, s.id);
        if (s.id == selected)
            m_ui->table->selectRow(row);
    }
    updateCountdown();
    updateControls();
}

void SubscriptionsDialog::updateCountdown()
{
    const QDateTime now = m_manager->now();
    for (int row = 0; row < m_subscriptions.size() && row < m_ui->table->rowCount(); ++row) {
        const Subscription &s = m_subscriptions.at(row);
        if (QTableWidgetItem *item = m_ui->table->item(row, LeftColumn))
            item->setText(s.expiration.isValid() ? duration(now.secsTo(s.expiration)) : QString());
    }
}

void SubscriptionsDialog::refresh()
{
    setBusy(true);
    QCoro::connect(m_manager->list(), this, [this](const core::GraphResult<QList<Subscription>> &result) {
        if (!result.ok())
            return report(false, tr("The subscriptions could not be listed: %1").arg(result.error().userMessage()));
        showSubscriptions(result.value());
        report(true,
               result.value().isEmpty() ? tr("No subscriptions.")
                                        : tr("%n subscriptions.", nullptr, int(result.value().size())));
    });
}

void SubscriptionsDialog::create()
{
    QStringList changes;
    if (m_ui->createdCheck->isChecked())
        changes << QStringLiteral("created");
    if (m_ui->updatedCheck->isChecked())
        changes << QStringLiteral("updated");
    if (m_ui->deletedCheck->isChecked())
        changes << QStringLiteral("deleted");
    const QString resource = m_ui->filterRadio->isChecked()
        ? SubscriptionManager::resourceForFilter(m_ui->subscriptionFilterEdit->text().trimmed())
        : SubscriptionManager::resourceForAlert(m_ui->alertEdit->text().trimmed());
    setBusy(true);
    m_ui->statusLabel->setText(tr("Creating the subscription; Microsoft Graph is checking the notification URL…"));
    QCoro::connect(
        m_manager->create(resource, changes.join(QLatin1Char(',')), m_ui->lifetimeSpin->value()), this,
        [this](const core::GraphResult<Subscription> &result) {
            if (!result.ok())
                return report(false,
                              tr("The subscription was not created.") + QLatin1Char('\n') + result.error().message);
            report(true,
                   tr("Subscription %1 created; it expires %2 and Vigil renews it before then.")
                       .arg(result.value().id,
                            QLocale().toString(result.value().expiration.toLocalTime(), QLocale::ShortFormat)));
            showSubscriptions(m_manager->known());
        });
}

void SubscriptionsDialog::renewSelected()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    setBusy(true);
    QCoro::connect(
        m_manager->renew(id, m_ui->lifetimeSpin->value()), this, [this](const core::GraphResult<Subscription> &result) {
            if (!result.ok())
                return report(false, tr("The subscription was not renewed: %1").arg(result.error().userMessage()));
            report(true,
                   tr("Renewed until %1.")
                       .arg(QLocale().toString(result.value().expiration.toLocalTime(), QLocale::ShortFormat)));
            showSubscriptions(m_manager->known());
        });
}

void SubscriptionsDialog::deleteSelected()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    setBusy(true);
    QCoro::connect(m_manager->remove(id), this, [this, id](const core::GraphResult<bool> &result) {
        if (!result.ok())
            return report(false, tr("The subscription was not deleted: %1").arg(result.error().userMessage()));
        report(true, tr("Subscription %1 deleted.").arg(id));
        showSubscriptions(m_manager->known());
    });
}

} // namespace vigil::gui
