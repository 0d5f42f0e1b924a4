#include "alertspage.h"

#include "alertdetailsview.h"
#include "alerteditdialog.h"
#include "core/alerts/alertfilterproxy.h"
#include "core/alerts/alertloader.h"
#include "core/alerts/alertsource.h"
#include "core/alerts/alerttablemodel.h"
#include "core/auth/authsession.h"
#include "core/auth/signinflow.h"
#include "core/mail/mailsender.h"
#include "maildialog.h"
#include "core/settings.h"
#include "severitydelegate.h"
#include "ui_alertspage.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMenu>
#include <QSaveFile>
#include <QShortcut>
#include <QTimer>

Q_LOGGING_CATEGORY(lcAlertsPage, "vigil.gui.alerts", QtInfoMsg)

namespace vigil::gui {

using core::AlertApi;
using core::AlertTableModel;

namespace {
const core::Setting<QByteArray> kHeaderState{QStringLiteral("alerts/headerState"), {}};
const core::Setting<QByteArray> kSplitterState{QStringLiteral("alerts/splitterState"), {}};
const core::Setting<QByteArray> kLastQuery{QStringLiteral("alerts/lastQuery"), {}};

QString csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}
} // namespace

AlertsPage::AlertsPage(core::AuthSession *session, core::GraphClient *client, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AlertsPage>())
    , m_session(session)
    , m_client(client)
    , m_v2(new core::AlertsV2Source(client, this))
    , m_legacy(new core::LegacyAlertSource(client, this))
    , m_model(new AlertTableModel(this))
    , m_proxy(new core::AlertFilterProxy(this))
    , m_loader(new core::AlertLoader(m_model, this))
    , m_mail(new core::MailSender(client, this))
{
    m_ui->setupUi(this);
    m_proxy->setAlertModel(m_model);
    m_loader->setSource(m_v2);

    QTableView *table = m_ui->tableView;
    table->setModel(m_proxy);
    table->verticalHeader()->hide();
    // Fixed row heights: a table never measures a million rows.
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table->horizontalHeader()->setSectionsMovable(true);
    table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    table->setItemDelegateForColumn(AlertTableModel::SeverityColumn, new SeverityDelegate(table));
    table->setContextMenuPolicy(Qt::CustomContextMenu);
    table->setColumnWidth(AlertTableModel::SeverityColumn, 110);
    table->setColumnWidth(AlertTableModel::TitleColumn, 320);
    table->setColumnWidth(AlertTableModel::ServiceSourceColumn, 220);
    table->setColumnWidth(AlertTableModel::AssignedToColumn, 200);
    for (int column : {AlertTableModel::ClassificationColumn, AlertTableModel::DeterminationColumn, AlertTableModel::IdColumn})
        table->setColumnHidden(column, true);
    table->horizontalHeader()->setSortIndicatorShown(true);
    table->horizontalHeader()->setSortIndicator(-1, Qt::DescendingOrder);
    // After a sort the selected alert keeps its selection wherever it went: bring it into view.
    connect(table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [table] {
        QTimer::singleShot(0, table, [table] {
            if (table->currentIndex().isValid())
                table->scrollTo(table->currentIndex(), QAbstractItemView::PositionAtCenter);
        });
    });
    if (const QByteArray state = kHeaderState.value(); !state.isEmpty())
        table->horizontalHeader()->restoreState(state);
    if (const QByteArray state = kSplitterState.value(); !state.isEmpty())
        m_ui->splitter->restoreState(state);
    else
        m_ui->splitter->setSizes({700, 450});

    m_details = new AlertDetailsView(m_ui->detailsContainer);
    m_ui->detailsLayout->addWidget(m_details);
    connect(m_details, &AlertDetailsView::emailRequested, this, [this] { emailSelected(); });

    m_refresh = new QAction(tr("&Refresh Alerts"), this);
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_edit = new QAction(tr("&Edit Alert…"), this);
    m_edit->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));
    m_filter = new QAction(tr("&Filter Loaded Alerts"), this);
    m_filter->setShortcut(QKeySequence::Find);
    m_export = new QAction(tr("E&xport Alerts…"), this);
    m_export->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+E")));
    m_copyId = new QAction(tr("Copy Alert &ID"), this);
    m_email = new QAction(tr("Email Alert…"), this);
    m_email->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+M")));
    addActions({m_refresh, m_edit, m_filter, m_export, m_email});
    connect(m_email, &QAction::triggered, this, &AlertsPage::emailSelected);
    connect(m_refresh, &QAction::triggered, this, &AlertsPage::runQuery);
    connect(m_edit, &QAction::triggered, this, &AlertsPage::editSelected);
    connect(m_export, &QAction::triggered, this, &AlertsPage::exportAlerts);
    connect(m_copyId, &QAction::triggered, this, &AlertsPage::copySelectedIds);
    connect(m_filter, &QAction::triggered, this, [this] {
        m_ui->filterEdit->setFocus();
        m_ui->filterEdit->selectAll();
    });
    auto *enter = new QShortcut(QKeySequence(Qt::Key_Return), table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(enter, &QShortcut::activated, this, [this] { m_details->setFocus(); });
    connect(table, &QTableView::doubleClicked, this, [this] { m_details->setFocus(); });

    connect(m_ui->queryBar, &AlertQueryBar::runRequested, this, &AlertsPage::runQuery);
    connect(m_ui->queryBar, &AlertQueryBar::queryChanged, this, &AlertsPage::updateRequestUrl);
    // The filter follows every keystroke, except on big tables (one pass over half a million
    // alerts takes a noticeable moment): there it waits for a pause in typing, or Enter.
    m_filterDelay = new QTimer(this);
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(250);
    const auto applyFilter = [this] {
        m_filterDelay->stop();
        if (m_proxy->text() == m_ui->filterEdit->text().trimmed())
            return;
        m_proxy->setText(m_ui->filterEdit->text());
        updateLoadState();
    };
    connect(m_filterDelay, &QTimer::timeout, this, applyFilter);
    connect(m_ui->filterEdit, &QLineEdit::returnPressed, this, applyFilter);
    connect(m_ui->filterEdit, &QLineEdit::textChanged, this, [this, applyFilter] {
        constexpr int kInstantFilterRows = 50'000;
        if (m_model->rowCount() < kInstantFilterRows)
            applyFilter();
        else
            m_filterDelay->start();
    });
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AlertsPage::showCurrent);
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AlertsPage::updatePermissions);
    connect(table->horizontalHeader(), &QWidget::customContextMenuRequested, this, &AlertsPage::showHeaderMenu);
    connect(table, &QWidget::customContextMenuRequested, this, &AlertsPage::showContextMenu);
    connect(m_ui->loadMoreButton, &QPushButton::clicked, m_loader, &core::AlertLoader::loadMore);
    connect(m_ui->loadAllButton, &QPushButton::clicked, m_loader, &core::AlertLoader::loadAll);
    connect(m_ui->cancelButton, &QPushButton::clicked, m_loader, &core::AlertLoader::cancel);
    connect(m_loader, &core::AlertLoader::stateChanged, this, &AlertsPage::updateLoadState);
    connect(m_loader, &core::AlertLoader::progress, this, &AlertsPage::updateLoadState);
    connect(m_loader, &core::AlertLoader::failed, this, &AlertsPage::onLoadFailed);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft) {
        const QModelIndex current = m_ui->tableView->currentIndex();
        if (current.isValid() && m_proxy->mapToSource(current).row() == topLeft.row())
            showCurrent();
    });
    connect(session->flow(), &core::SignInFlow::stateChanged, this, &AlertsPage::updatePermissions);

    if (const QByteArray last = kLastQuery.value(); !last.isEmpty())
        m_ui->queryBar->setQuery(core::AlertQuery::fromJson(QJsonDocument::fromJson(last).object()));
    updateLoadState();
    updatePermissions();
}

AlertsPage::~AlertsPage() = default;

QTableView *AlertsPage::table() const
{
    return m_ui->tableView;
}

core::AlertSource *AlertsPage::source() const
{
    return api() == AlertApi::V2 ? m_v2 : m_legacy;
}

AlertApi AlertsPage::api() const
{
    return m_ui->queryBar->query().api;
}

void AlertsPage::setApi(AlertApi api)
{
    if (api == this->api())
        return;
    core::AlertQuery q = m_ui->queryBar->query();
    q.api = api;
    m_ui->queryBar->setQuery(q);
    m_loader->setSource(source());
    m_model->clear();
    m_details->clear();
    updatePermissions();
}

void AlertsPage::saveState() const
{
    kHeaderState.setValue(m_ui->tableView->horizontalHeader()->saveState());
    kSplitterState.setValue(m_ui->splitter->saveState());
    kLastQuery.setValue(QJsonDocument(m_ui->queryBar->query().toJson()).toJson(QJsonDocument::Compact));
}

void AlertsPage::updateRequestUrl()
{
    const QString me = m_session->account().userPrincipalName;
    m_ui->queryBar->setRequestUrl(source()->listUrl(m_ui->queryBar->query(), me, QDateTime::currentDateTimeUtc()));
}

void AlertsPage::runQuery()
{
    if (!m_session->flow()->isSignedIn()) {
        Q_EMIT statusMessage(tr("Sign in to load alerts."));
        return;
    }
    updateRequestUrl();
    const core::AlertQuery query = m_ui->queryBar->query();
    const QUrl url = source()->listUrl(query, m_session->account().userPrincipalName, QDateTime::currentDateTimeUtc());
    if (m_loader->source() != source())
        m_loader->setSource(source());
    m_details->clear();
    m_loader->start(url);
    kLastQuery.setValue(QJsonDocument(query.toJson()).toJson(QJsonDocument::Compact));
    qCDebug(lcAlertsPage) << "query" << url.toString();
}

void AlertsPage::updateLoadState()
{
    const bool loading = m_loader->isLoading();
    const qint64 loaded = m_model->rowCount();
    const auto total = m_loader->total();
    if (loading)
        m_ui->loadLabel->setText(loaded ? tr("Loading… %n alerts so far", nullptr, int(loaded)) : tr("Loading…"));
    else if (total)
        m_ui->loadLabel->setText(tr("%1 of %2 alerts loaded").arg(QLocale().toString(loaded), QLocale().toString(*total)));
    else
        m_ui->loadLabel->setText(loaded ? tr("%n alerts loaded", nullptr, int(loaded)) : QString());
    m_ui->progressBar->setVisible(loading);
    if (total && *total > 0) {
        m_ui->progressBar->setMaximum(int(qMin<qint64>(*total, INT_MAX)));
        m_ui->progressBar->setValue(int(qMin<qint64>(loaded, INT_MAX)));
    } else {
        m_ui->progressBar->setMaximum(0);  // busy
    }
    m_ui->loadMoreButton->setEnabled(m_loader->canLoadMore());
    m_ui->loadAllButton->setEnabled(m_loader->canLoadMore());
    m_ui->cancelButton->setVisible(loading);
    const int shown = m_proxy->rowCount();
    m_ui->countLabel->setText(m_proxy->text().isEmpty() ? QString()
                                                        : tr("%1 of %2 shown").arg(QLocale().toString(shown), QLocale().toString(m_model->rowCount())));
    m_export->setEnabled(m_model->rowCount() > 0);
}

void AlertsPage::onLoadFailed(const core::GraphError &error)
{
    Q_EMIT problem(tr("Alerts could not be loaded"), error.userMessage());
    updateLoadState();
}

QList<core::Alert> AlertsPage::selectedAlerts() const
{
    QList<core::Alert> alerts;
    const QModelIndexList rows = m_ui->tableView->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        alerts << m_model->alertAt(m_proxy->mapToSource(row).row());
    return alerts;
}

void AlertsPage::showCurrent()
{
    const QModelIndex current = m_ui->tableView->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    m_details->showAlert(m_model->alertAt(m_proxy->mapToSource(current).row()));
}

bool AlertsPage::showUpdatedAlert(const core::Alert &alert)
{
    if (alert.api != api())
        return false;
    const bool known = m_model->rowOf(alert.id) >= 0;
    m_model->upsertAlert(alert);
    updateLoadState();
    return known;
}

void AlertsPage::updatePermissions()
{
    const core::SignInFlow *flow = m_session->flow();
    const bool signedIn = flow->isSignedIn();
    const QString read = source()->readPermission();
    const QString write = source()->writePermission();
    const bool canRead = flow->hasPermission(read) || flow->hasPermission(write);
    const bool canWrite = flow->hasPermission(write);
    const QString needs = tr("Needs the Microsoft Graph permission %1, granted by an administrator (File → Request Admin "
                             "Consent), and a sign-in that includes it.");
    if (!signedIn) {
        m_ui->queryBar->setRunEnabled(false, tr("Sign in first."));
        m_refresh->setEnabled(false);
    } else {
        m_ui->queryBar->setRunEnabled(canRead, needs.arg(read));
        m_refresh->setEnabled(canRead);
    }
    const bool selection = m_ui->tableView->selectionModel()->hasSelection();
    m_edit->setEnabled(signedIn && canWrite && selection);
    m_edit->setToolTip(!signedIn ? tr("Sign in first.")
                       : !canWrite ? needs.arg(write)
                       : selection ? tr("Change status, classification, assignment, or add a comment (Ctrl+E)")
                                   : tr("Select one or more alerts first."));
    m_copyId->setEnabled(selection);
    m_email->setEnabled(signedIn && selection);
    m_email->setToolTip(selection ? tr("Send the selected alerts by e-mail, as you (Ctrl+Shift+M)") : tr("Select one or more alerts first."));
    updateRequestUrl();
}

void AlertsPage::editSelected()
{
    const QList<core::Alert> alerts = selectedAlerts();
    if (alerts.isEmpty() || !m_edit->isEnabled())
        return;
    auto *dialog = new AlertEditDialog(source(), alerts, m_session->account().userPrincipalName, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AlertEditDialog::alertUpdated, this, [this](const core::Alert &alert) { m_model->updateAlert(alert); });
    connect(dialog, &AlertEditDialog::finished, this, [this](int ok, int failed) {
        Q_EMIT statusMessage(failed ? tr("%1 alerts updated, %2 failed.").arg(ok).arg(failed)
                                    : tr("%n alerts updated.", nullptr, ok));
    });
    dialog->open();
}

void AlertsPage::emailSelected()
{
    const QList<core::Alert> alerts = selectedAlerts();
    if (alerts.isEmpty() || !m_email->isEnabled())
        return;
    auto *dialog = new MailDialog(m_mail, m_session->flow(), alerts, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &MailDialog::sent, this, &AlertsPage::statusMessage);
    dialog->open();
}

void AlertsPage::exportAlerts()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export Alerts"), QStringLiteral("alerts.csv"),
                                                      tr("CSV (*.csv);;JSON (*.json)"));
    if (file.isEmpty())
        return;
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly)) {
        Q_EMIT problem(tr("Export failed"), tr("Cannot write %1: %2").arg(file, out.errorString()));
        return;
    }
    const int rows = m_proxy->rowCount();
    if (file.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
        // The alerts exactly as Graph sent them.
        out.write("[\n");
        for (int r = 0; r < rows; ++r) {
            out.write(m_model->alertAt(m_proxy->mapToSource(m_proxy->index(r, 0)).row()).json);
            out.write(r + 1 < rows ? ",\n" : "\n");
        }
        out.write("]\n");
    } else {
        QStringList header;
        for (int c = 0; c < AlertTableModel::ColumnCount; ++c)
            header << csvField(AlertTableModel::columnName(c));
        out.write(header.join(QLatin1Char(',')).toUtf8() + "\r\n");
        for (int r = 0; r < rows; ++r) {
            QStringList fields;
            for (int c = 0; c < AlertTableModel::ColumnCount; ++c)
                fields << csvField(m_proxy->index(r, c).data().toString());
            out.write(fields.join(QLatin1Char(',')).toUtf8() + "\r\n");
        }
    }
    if (!out.commit()) {
        Q_EMIT problem(tr("Export failed"), tr("Cannot write %1: %2").arg(file, out.errorString()));
        return;
    }
    Q_EMIT statusMessage(tr("%n alerts exported to %1.", nullptr, rows).arg(file));
}

void AlertsPage::copySelectedIds()
{
    QStringList ids;
    for (const core::Alert &a : selectedAlerts())
        ids << a.id;
    QApplication::clipboard()->setText(ids.join(QLatin1Char('\n')));
}

void AlertsPage::showHeaderMenu(const QPoint &pos)
{
    QMenu menu(this);
    QHeaderView *header = m_ui->tableView->horizontalHeader();
    for (int c = 0; c < AlertTableModel::ColumnCount; ++c) {
        QAction *action = menu.addAction(AlertTableModel::columnName(c));
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(c));
        action->setEnabled(c != AlertTableModel::TitleColumn);
        connect(action, &QAction::toggled, header, [header, c](bool on) { header->setSectionHidden(c, !on); });
    }
    menu.exec(header->mapToGlobal(pos));
}

void AlertsPage::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    menu.addAction(m_edit);
    menu.addAction(m_email);
    menu.addAction(m_copyId);
    menu.addSeparator();
    menu.addAction(m_export);
    menu.addAction(m_refresh);
    menu.exec(m_ui->tableView->viewport()->mapToGlobal(pos));
}

} // namespace vigil::gui
