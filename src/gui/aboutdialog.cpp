#include "aboutdialog.h"

#include "ui_aboutdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QSysInfo>

namespace vigil::gui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AboutDialog>())
{
    m_ui->setupUi(this);
    m_ui->iconLabel->setPixmap(QApplication::windowIcon().pixmap(64, 64));
    m_ui->titleLabel->setText(QStringLiteral("<h2>Vigil %1</h2>").arg(QApplication::applicationVersion()));
    m_ui->descriptionLabel->setText(
        tr("<p>A desktop console for Microsoft Graph security alerts: sign in with Microsoft Entra ID, "
           "see and triage alerts, and get told when something changes.</p>"
           "<p>Vigil talks only to the Microsoft Graph and sign-in endpoints you configure. "
           "Demo mode uses a simulator inside the application.</p>"));
    m_ui->buildLabel->setText(tr("Built with Qt %1, running on Qt %2, %3.")
                                  .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()),
                                       QSysInfo::prettyProductName()));
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

AboutDialog::~AboutDialog() = default;

} // namespace vigil::gui
