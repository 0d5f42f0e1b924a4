#include "alerteditdialog.h"

#include "ui_alerteditdialog.h"

#include <QPushButton>

namespace vigil::gui {

using core::AlertApi;
using core::AlertUpdate;

namespace {
enum class Assign { Keep, Me, Nobody, User };

void fillAssign(QComboBox *combo, bool allowUnassign)
{
    combo->addItem(QCoreApplication::translate("AlertEditDialog", "No change"), int(Assign::Keep));
    combo->addItem(QCoreApplication::translate("AlertEditDialog", "Me"), int(Assign::Me));
    if (allowUnassign)
        combo->addItem(QCoreApplication::translate("AlertEditDialog", "Nobody (unassign)"), int(Assign::Nobody));
    combo->addItem(QCoreApplication::translate("AlertEditDialog", "Someone else…"), int(Assign::User));
}

std::optional<QString> assignValue(const QComboBox *combo, const QLineEdit *edit, const QString &me)
{
    switch (Assign(combo->currentData().toInt())) {
    case Assign::Me: return me;
    case Assign::Nobody: return QString();
    case Assign::User: return edit->text().trimmed();
    case Assign::Keep: break;
    }
    return std::nullopt;
}

std::optional<QString> comboValue(const QComboBox *combo)
{
    const QString value = combo->currentData().toString();
    if (value.isEmpty())
        return std::nullopt;
    return value;
}

QString cell(const QString &text)
{
    return QStringLiteral("<td>%1</td>").arg(text.toHtmlEscaped());
}

QString change(const QString &before, const QString &after)
{
    if (before == after)
        return cell(after);
    return QStringLiteral("<td>%1 → <b>%2</b></td>").arg(before.toHtmlEscaped(), after.toHtmlEscaped());
}
} // namespace

AlertEditDialog::AlertEditDialog(core::AlertSource *source, const QList<core::Alert> &alerts, const QString &me,
                                 QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AlertEditDialog>())
    , m_source(source)
    , m_alerts(alerts)
    , m_me(me)
    , m_updater(new core::BulkUpdater(source, this))
{
    m_ui->setupUi(this);
    const bool legacy = source->api() == AlertApi::Legacy;
    m_ui->forms->setCurrentWidget(legacy ? m_ui->legacyForm : m_ui->v2Form);
    setWindowTitle(alerts.size() == 1 ? tr("Edit Alert") : tr("Edit %n Alerts", nullptr, int(alerts.size())));
    m_ui->headerLabel->setText(alerts.size() == 1
                                   ? QStringLiteral("<b>%1</b><br>%2").arg(alerts.constFirst().title.toHtmlEscaped(),
                                                                          alerts.constFirst().id.toHtmlEscaped())
                                   : tr("The change applies to the <b>%n</b> selected alerts; each is updated on its own "
                                        "and failures do not stop the others.", nullptr, int(alerts.size())));

    const QString noChange = tr("No change");
    for (QComboBox *combo : {m_ui->statusCombo, m_ui->classificationCombo, m_ui->legacyStatusCombo, m_ui->feedbackCombo})
        combo->addItem(noChange, QString());
    for (const QString &s : AlertUpdate::statuses(AlertApi::V2))
        m_ui->statusCombo->addItem(core::displayStatus(s), s);
    for (const QString &c : AlertUpdate::classifications())
        m_ui->classificationCombo->addItem(core::displayClassification(c), c);
    for (const QString &s : AlertUpdate::statuses(AlertApi::Legacy))
        m_ui->legacyStatusCombo->addItem(core::displayStatus(s), s);
    for (const QString &f : AlertUpdate::feedbacks())
        m_ui->feedbackCombo->addItem(f == QLatin1String("unknown") ? tr("Unknown") : core::displayClassification(f), f);
    fillAssign(m_ui->assignCombo, true);
    fillAssign(m_ui->legacyAssignCombo, false);
    if (alerts.size() == 1) {
        // Start from the alert's current values.
        const core::Alert &a = alerts.constFirst();
        m_ui->statusCombo->setCurrentIndex(qMax(0, m_ui->statusCombo->findData(a.status)));
        m_ui->legacyStatusCombo->setCurrentIndex(qMax(0, m_ui->legacyStatusCombo->findData(a.status)));
        m_ui->classificationCombo->setCurrentIndex(qMax(0, m_ui->classificationCombo->findData(a.classification)));
        m_ui->feedbackCombo->setCurrentIndex(qMax(0, m_ui->feedbackCombo->findData(a.classification)));
    }
    fillDeterminations();
    if (alerts.size() == 1)
        m_ui->determinationCombo->setCurrentIndex(qMax(0, m_ui->determinationCombo->findData(alerts.constFirst().determination)));

    m_ui->progressBar->setVisible(false);
    m_ui->resultView->setVisible(false);
    connect(m_ui->classificationCombo, &QComboBox::currentIndexChanged, this, [this] {
        fillDeterminations();
        updateFields();
    });
    for (QComboBox *combo : {m_ui->statusCombo, m_ui->determinationCombo, m_ui->assignCombo, m_ui->legacyStatusCombo,
                             m_ui->feedbackCombo, m_ui->legacyAssignCombo})
        connect(combo, &QComboBox::currentIndexChanged, this, &AlertEditDialog::updateFields);
    for (QLineEdit *edit : {m_ui->assignEdit, m_ui->legacyAssignEdit, m_ui->tagsEdit})
        connect(edit, &QLineEdit::textChanged, this, &AlertEditDialog::updateFields);
    connect(m_ui->commentEdit, &QPlainTextEdit::textChanged, this, &AlertEditDialog::updateFields);
    connect(m_ui->legacyCommentsEdit, &QPlainTextEdit::textChanged, this, &AlertEditDialog::updateFields);
    connect(m_ui->buttonBox->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &AlertEditDialog::apply);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_updater, &core::BulkUpdater::alertUpdated, this, &AlertEditDialog::alertUpdated);
    connect(m_updater, &core::BulkUpdater::progress, this, [this](int done, int total) {
        m_ui->progressBar->setMaximum(total);
        m_ui->progressBar->setValue(done);
    });
    connect(m_updater, &core::BulkUpdater::finished, this, [this](int ok, int failed) {
        m_ui->buttonBox->button(QDialogButtonBox::Apply)->setEnabled(true);
        m_ui->forms->setEnabled(true);
        showResults();
        Q_EMIT finished(ok, failed);
    });
    updateFields();
}

AlertEditDialog::~AlertEditDialog() = default;

void AlertEditDialog::fillDeterminations()
{
    const QString previous = m_ui->determinationCombo->currentData().toString();
    m_ui->determinationCombo->clear();
    m_ui->determinationCombo->addItem(tr("No change"), QString());
    const QString classification = m_ui->classificationCombo->currentData().toString();
    for (const QString &d : AlertUpdate::determinationsFor(classification))
        m_ui->determinationCombo->addItem(core::displayDetermination(d), d);
    m_ui->determinationCombo->setCurrentIndex(qMax(0, m_ui->determinationCombo->findData(previous)));
    m_ui->determinationCombo->setEnabled(!classification.isEmpty());
    m_ui->determinationCombo->setToolTip(classification.isEmpty() ? tr("Choose a classification first") : QString());
}

AlertUpdate AlertEditDialog::update() const
{
    AlertUpdate u;
    if (m_source->api() == AlertApi::V2) {
        u.status = comboValue(m_ui->statusCombo);
        u.classification = comboValue(m_ui->classificationCombo);
        u.determination = comboValue(m_ui->determinationCombo);
        u.assignedTo = assignValue(m_ui->assignCombo, m_ui->assignEdit, m_me);
        u.comment = m_ui->commentEdit->toPlainText().trimmed();
        // With one alert, fields still showing its current value are not changes.
        if (m_alerts.size() == 1) {
            const core::Alert &a = m_alerts.constFirst();
            if (u.status == a.status)
                u.status.reset();
            if (u.classification == a.classification && u.determination == a.determination) {
                u.classification.reset();
                u.determination.reset();
            }
        }
        return u;
    }
    u.status = comboValue(m_ui->legacyStatusCombo);
    u.feedback = comboValue(m_ui->feedbackCombo);
    u.assignedTo = assignValue(m_ui->legacyAssignCombo, m_ui->legacyAssignEdit, m_me);
    if (!m_ui->tagsEdit->text().trimmed().isEmpty()) {
        QStringList tags;
        for (const QString &t : m_ui->tagsEdit->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
            tags << t.trimmed();
        u.tags = tags;
    }
    if (!m_ui->legacyCommentsEdit->toPlainText().trimmed().isEmpty())
        u.comments = m_ui->legacyCommentsEdit->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    u.returnRepresentation = m_ui->representationCheck->isChecked();
    if (m_alerts.size() == 1) {
        const core::Alert &a = m_alerts.constFirst();
        if (u.status == a.status)
            u.status.reset();
        if (u.feedback == a.classification)
            u.feedback.reset();
    }
    return u;
}

void AlertEditDialog::updateFields()
{
    m_ui->assignEdit->setVisible(Assign(m_ui->assignCombo->currentData().toInt()) == Assign::User);
    m_ui->legacyAssignEdit->setVisible(Assign(m_ui->legacyAssignCombo->currentData().toInt()) == Assign::User);
    const QString problem = update().problem(m_source->api());
    const bool nothing = update().isEmpty();
    m_ui->problemLabel->setText(nothing ? QString() : problem);
    m_ui->problemLabel->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_ui->buttonBox->button(QDialogButtonBox::Apply)->setEnabled(problem.isEmpty() && !m_updater->isRunning());
}

void AlertEditDialog::apply()
{
    const AlertUpdate u = update();
    const QString problem = u.problem(m_source->api());
    if (!problem.isEmpty()) {
        m_ui->problemLabel->setText(problem);
        return;
    }
    m_ui->buttonBox->button(QDialogButtonBox::Apply)->setEnabled(false);
    m_ui->forms->setEnabled(false);
    m_ui->progressBar->setVisible(true);
    m_ui->resultView->setVisible(true);
    m_ui->resultView->setHtml(tr("Updating…"));
    m_updater->start(m_alerts, u);
}

void AlertEditDialog::showResults()
{
    const bool v2 = m_source->api() == AlertApi::V2;
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\" border=\"1\" style=\"border-collapse:collapse\"><tr>");
    for (const QString &h : {tr("Alert"), tr("Status"), v2 ? tr("Classification") : tr("Feedback"), tr("Determination"),
                             tr("Assigned to"), tr("Result")})
        html += QStringLiteral("<th>%1</th>").arg(h.toHtmlEscaped());
    html += QStringLiteral("</tr>");
    QList<core::Alert> latest;
    for (const auto &o : m_updater->outcomes()) {
        const core::Alert &before = *o.before;
        html += QStringLiteral("<tr>") + cell(o.title);
        if (o.ok()) {
            const core::Alert &after = *o.after;
            html += change(core::displayStatus(before.status), core::displayStatus(after.status))
                  + change(core::displayClassification(before.classification), core::displayClassification(after.classification))
                  + change(core::displayDetermination(before.determination), core::displayDetermination(after.determination))
                  + change(before.assignedTo, after.assignedTo) + cell(tr("Updated"));
            latest << after;
        } else {
            html += cell(core::displayStatus(before.status)) + cell(core::displayClassification(before.classification))
                  + cell(core::displayDetermination(before.determination)) + cell(before.assignedTo)
                  + QStringLiteral("<td style=\"color:#c62828\">%1</td>").arg(
                        (o.error ? o.error->userMessage() : tr("Not sent")).toHtmlEscaped());
            latest << before;
        }
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    m_ui->resultView->setHtml(html);
    // Further changes start from what the service has now.
    m_alerts = latest;
    m_ui->commentEdit->clear();
}

} // namespace vigil::gui
