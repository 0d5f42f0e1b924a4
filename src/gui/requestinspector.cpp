#include "requestinspector.h"

#include "core/graph/requestlogmodel.h"
#include "ui_requestinspector.h"

#include <QHeaderView>
#include <QPushButton>

namespace vigil::gui {

RequestInspector::RequestInspector(core::RequestLogModel *model, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RequestInspector>())
{
    m_ui->setupUi(this);
    m_ui->tableView->setModel(model);
    m_ui->tableView->verticalHeader()->hide();
    m_ui->tableView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_ui->tableView->horizontalHeader()->setStretchLastSection(true);
    m_ui->tableView->setColumnWidth(core::RequestLogModel::UrlColumn, 420);
    m_ui->tableView->setColumnWidth(core::RequestLogModel::RequestIdColumn, 260);
    m_ui->buttonBox->button(QDialogButtonBox::Reset)->setText(tr("Clear"));
    connect(m_ui->buttonBox->button(QDialogButtonBox::Reset), &QPushButton::clicked, model, &core::RequestLogModel::clear);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(model, &QAbstractItemModel::rowsInserted, m_ui->tableView, &QTableView::scrollToBottom);
}

RequestInspector::~RequestInspector() = default;

} // namespace vigil::gui
