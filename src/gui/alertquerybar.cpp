#include "alertquerybar.h"

#include "core/alerts/alertupdate.h"
#include "core/settings.h"
#include "ui_alertquerybar.h"

#include <QApplication>
#include <QClipboard>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QMessageBox>

namespace vigil::gui {

using core::AlertQuery;

namespace {
const core::Setting<QByteArray> kSavedQueries{QStringLiteral("alerts/savedQueries"), {}};

QList<std::pair<QString, QString>> wireChoices(const QStringList &wire, QString (*display)(const QString &))
{
    QList<std::pair<QString, QString>> choices;
    for (const QString &w : wire)
        choices.append({w, display(w)});
    return choices;
}

QJsonObject savedQueries()
{
    return QJsonDocument::fromJson(kSavedQueries.value()).object();
}
} // namespace

AlertQueryBar::AlertQueryBar(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AlertQueryBar>())
{
    m_ui->setupUi(this);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_ui->forms->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    setupChoice(m_ui->severityButton, tr("Severity"),
                {{QStringLiteral("high"), core::displaySeverity(core::Severity::High)},
                 {QStringLiteral("medium"), core::displaySeverity(core::Severity::Medium)},
                 {QStringLiteral("low"), core::displaySeverity(core::Severity::Low)},
                 {QStringLiteral("informational"), core::displaySeverity(core::Severity::Informational)}});
    setupChoice(m_ui->statusButton, tr("Status"), wireChoices(core::AlertUpdate::statuses(core::AlertApi::V2), &core::displayStatus));
    setupChoice(m_ui->sourceButton, tr("Service source"),
                wireChoices({QStringLiteral("microsoftDefenderForEndpoint"), QStringLiteral("microsoftDefenderForIdentity"),
                             QStringLiteral("microsoftDefenderForCloudApps"), QStringLiteral("microsoftDefenderForOffice365"),
                             QStringLiteral("microsoft365Defender"), QStringLiteral("azureAdIdentityProtection"),
                             QStringLiteral("microsoftAppGovernance"), QStringLiteral("dataLossPrevention"),
                             QStringLiteral("microsoftDefenderForCloud"), QStringLiteral("microsoftSentinel")},
                            &core::displayServiceSource));
    setupChoice(m_ui->classificationButton, tr("Classification"),
                wireChoices(core::AlertUpdate::classifications(), &core::displayClassification));
    QStringList determinations;
    for (const QString &c : core::AlertUpdate::classifications()) {
        for (const QString &d : core::AlertUpdate::determinationsFor(c)) {
            if (!determinations.contains(d))
                determinations << d;
        }
    }
    setupChoice(m_ui->determinationButton, tr("Determination"), wireChoices(determinations, &core::displayDetermination));

    m_ui->assigneeCombo->addItem(tr("Assigned to anyone"), int(AlertQuery::Assignee::Anyone));
    m_ui->assigneeCombo->addItem(tr("Assigned to me"), int(AlertQuery::Assignee::Me));
    m_ui->assigneeCombo->addItem(tr("Unassigned"), int(AlertQuery::Assignee::Unassigned));
    m_ui->assigneeCombo->addItem(tr("Assigned to…"), int(AlertQuery::Assignee::User));
    m_ui->timeFieldCombo->addItem(tr("Created"), int(AlertQuery::TimeField::Created));
    m_ui->timeFieldCombo->addItem(tr("Last updated"), int(AlertQuery::TimeField::LastUpdated));
    m_ui->windowCombo->addItem(tr("any time"), int(AlertQuery::Window::Any));
    m_ui->windowCombo->addItem(tr("in the last 24 hours"), int(AlertQuery::Window::Last24Hours));
    m_ui->windowCombo->addItem(tr("in the last 7 days"), int(AlertQuery::Window::Last7Days));
    m_ui->windowCombo->addItem(tr("in the last 30 days"), int(AlertQuery::Window::Last30Days));
    m_ui->windowCombo->addItem(tr("between…"), int(AlertQuery::Window::Custom));
    const QDateTime now = QDateTime::currentDateTime();
    m_ui->fromEdit->setDateTime(now.addDays(-7));
    m_ui->toEdit->setDateTime(now);

    // The legacy form, as the original samples had it.
    m_ui->providerCombo->addItem(tr("All"), QString());
    for (const char *provider : {"IPC", "MCAS", "ASC", "Azure Advanced Threat Protection", "Azure Sentinel", "Microsoft Defender ATP"})
        m_ui->providerCombo->addItem(QString::fromLatin1(provider), QString::fromLatin1(provider));
    m_ui->categoryCombo->addItem(tr("All"), QString());
    for (const char *category :
         {"abnormalLogin", "anomalousDataAccess", "anonymousLogin", "antimalwareActionTaken", "azBlackListLogin",
          "credentialLeakage", "documentDeclassification", "reconnaissance", "exploit", "impossibleTravel",
          "keyloggerTrojan", "malware", "ransomware", "rdpBruteforce", "reportCompromise", "riskScore",
          "sensitiveFileExfiltration", "suspiciousActivity", "suspiciousDomain", "suspiciousPowerShell",
          "threatIntelligence", "unfamiliarLocation", "updateRequired"})
        m_ui->categoryCombo->addItem(QString::fromLatin1(category), QString::fromLatin1(category));
    m_ui->legacyStatusCombo->addItem(tr("Any status"), QString());
    for (const QString &s : core::AlertUpdate::statuses(core::AlertApi::Legacy))
        m_ui->legacyStatusCombo->addItem(core::displayStatus(s), s);
    m_ui->legacySeverityCombo->addItem(tr("Any severity"), QString());
    for (core::Severity s : {core::Severity::High, core::Severity::Medium, core::Severity::Low, core::Severity::Informational})
        m_ui->legacySeverityCombo->addItem(core::displaySeverity(s), core::severityToWire(s));
    for (int top : {1, 5, 10, 20})
        m_ui->topCombo->addItem(QString::number(top), top);
    m_ui->topCombo->setCurrentIndex(1);

    auto *copyMenu = new QMenu(m_ui->copyButton);
    copyMenu->addAction(tr("Copy URL"), this, [this] { QApplication::clipboard()->setText(m_url.toString(QUrl::FullyEncoded)); });
    copyMenu->addAction(tr("Copy as curl"), this, [this] { QApplication::clipboard()->setText(core::curlCommand(m_url)); });
    copyMenu->addAction(tr("Copy Graph Explorer link"), this,
                        [this] { QApplication::clipboard()->setText(core::graphExplorerLink(m_url).toString(QUrl::FullyEncoded)); });
    m_ui->copyButton->setMenu(copyMenu);

    const auto changed = [this] {
        updateVisibility();
        if (!m_updating)
            Q_EMIT queryChanged();
    };
    for (QComboBox *combo : {m_ui->assigneeCombo, m_ui->timeFieldCombo, m_ui->windowCombo, m_ui->legacyStatusCombo,
                             m_ui->legacySeverityCombo, m_ui->topCombo, m_ui->providerCombo, m_ui->categoryCombo})
        connect(combo, &QComboBox::currentIndexChanged, this, changed);
    for (QLineEdit *edit : {m_ui->assigneeEdit, m_ui->hostEdit, m_ui->upnEdit})
        connect(edit, &QLineEdit::textChanged, this, changed);
    connect(m_ui->providerCombo, &QComboBox::editTextChanged, this, changed);
    connect(m_ui->categoryCombo, &QComboBox::editTextChanged, this, changed);
    connect(m_ui->assignedToMeCheck, &QCheckBox::toggled, this, changed);
    connect(m_ui->pageSizeSpin, &QSpinBox::valueChanged, this, changed);
    connect(m_ui->fromEdit, &QDateTimeEdit::dateTimeChanged, this, changed);
    connect(m_ui->toEdit, &QDateTimeEdit::dateTimeChanged, this, changed);
    connect(m_ui->runButton, &QPushButton::clicked, this, &AlertQueryBar::runRequested);
    for (QLineEdit *edit : {m_ui->assigneeEdit, m_ui->hostEdit, m_ui->upnEdit})
        connect(edit, &QLineEdit::returnPressed, this, &AlertQueryBar::runRequested);
    connect(m_ui->saveButton, &QToolButton::clicked, this, &AlertQueryBar::saveCurrent);
    connect(m_ui->deleteSavedButton, &QToolButton::clicked, this, &AlertQueryBar::deleteSelected);
    connect(m_ui->savedCombo, &QComboBox::activated, this, &AlertQueryBar::applySaved);
    loadSavedQueries();
    updateVisibility();
}

AlertQueryBar::~AlertQueryBar() = default;

void AlertQueryBar::setupChoice(QToolButton *button, const QString &label, const QList<std::pair<QString, QString>> &choices)
{
    auto *menu = new QMenu(button);
    for (const auto &[wire, display] : choices) {
        QAction *action = menu->addAction(display);
        action->setCheckable(true);
        action->setData(wire);
        connect(action, &QAction::toggled, this, [this, button] {
            updateChoiceText(button);
            if (!m_updating)
                Q_EMIT queryChanged();
        });
    }
    menu->addSeparator();
    menu->addAction(tr("Any"), this, [this, button] { setChecked(button, {}); Q_EMIT queryChanged(); });
    button->setMenu(menu);
    button->setProperty("label", label);
    updateChoiceText(button);
}

QStringList AlertQueryBar::checked(QToolButton *button) const
{
    QStringList values;
    const QList<QAction *> actions = button->menu()->actions();
    for (const QAction *action : actions) {
        if (action->isCheckable() && action->isChecked())
            values << action->data().toString();
    }
    return values;
}

void AlertQueryBar::setChecked(QToolButton *button, const QStringList &values)
{
    const QList<QAction *> actions = button->menu()->actions();
    for (QAction *action : actions) {
        if (action->isCheckable())
            action->setChecked(values.contains(action->data().toString()));
    }
    updateChoiceText(button);
}

void AlertQueryBar::updateChoiceText(QToolButton *button)
{
    QStringList names;
    const QList<QAction *> actions = button->menu()->actions();
    for (const QAction *action : actions) {
        if (action->isCheckable() && action->isChecked())
            names << action->text();
    }
    const QString label = button->property("label").toString();
    button->setText(names.isEmpty() ? label : QStringLiteral("%1: %2").arg(label, names.size() > 2 ? tr("%n selected", nullptr, int(names.size())) : names.join(QStringLiteral(", "))));
    button->setToolTip(names.isEmpty() ? tr("%1: any").arg(label) : names.join(QLatin1Char('\n')));
}

void AlertQueryBar::updateVisibility()
{
    m_ui->forms->setCurrentWidget(m_api == core::AlertApi::V2 ? m_ui->v2Form : m_ui->legacyForm);
    m_ui->assigneeEdit->setVisible(m_ui->assigneeCombo->currentData().toInt() == int(AlertQuery::Assignee::User));
    const bool custom = m_ui->windowCombo->currentData().toInt() == int(AlertQuery::Window::Custom);
    m_ui->fromEdit->setVisible(custom);
    m_ui->toEdit->setVisible(custom);
}

void AlertQueryBar::setApi(core::AlertApi api)
{
    m_api = api;
    updateVisibility();
}

AlertQuery AlertQueryBar::query() const
{
    AlertQuery q;
    q.api = m_api;
    for (const QString &s : checked(m_ui->severityButton))
        q.severities << core::severityFromWire(s);
    q.statuses = checked(m_ui->statusButton);
    q.serviceSources = checked(m_ui->sourceButton);
    q.classifications = checked(m_ui->classificationButton);
    q.determinations = checked(m_ui->determinationButton);
    q.assignee = AlertQuery::Assignee(m_ui->assigneeCombo->currentData().toInt());
    q.assignedUser = m_ui->assigneeEdit->text().trimmed();
    q.timeField = AlertQuery::TimeField(m_ui->timeFieldCombo->currentData().toInt());
    q.window = AlertQuery::Window(m_ui->windowCombo->currentData().toInt());
    if (q.window == AlertQuery::Window::Custom) {
        q.from = m_ui->fromEdit->dateTime();
        q.to = m_ui->toEdit->dateTime();
    }
    q.pageSize = m_ui->pageSizeSpin->value();
    const auto comboValue = [](QComboBox *combo) {
        // An editable combo: a listed entry gives its wire value, typed text is taken as is.
        const int index = combo->findText(combo->currentText());
        return index >= 0 ? combo->itemData(index).toString() : combo->currentText().trimmed();
    };
    q.provider = comboValue(m_ui->providerCombo);
    q.category = comboValue(m_ui->categoryCombo);
    q.legacyStatus = m_ui->legacyStatusCombo->currentData().toString();
    q.legacySeverity = m_ui->legacySeverityCombo->currentData().toString();
    q.assignedToMe = m_ui->assignedToMeCheck->isChecked();
    q.hostFqdn = m_ui->hostEdit->text().trimmed();
    q.userUpn = m_ui->upnEdit->text().trimmed();
    q.top = m_ui->topCombo->currentData().toInt();
    return q;
}

void AlertQueryBar::setQuery(const AlertQuery &q)
{
    m_updating = true;
    QStringList severities;
    for (core::Severity s : q.severities)
        severities << core::severityToWire(s);
    setChecked(m_ui->severityButton, severities);
    setChecked(m_ui->statusButton, q.statuses);
    setChecked(m_ui->sourceButton, q.serviceSources);
    setChecked(m_ui->classificationButton, q.classifications);
    setChecked(m_ui->determinationButton, q.determinations);
    m_ui->assigneeCombo->setCurrentIndex(m_ui->assigneeCombo->findData(int(q.assignee)));
    m_ui->assigneeEdit->setText(q.assignedUser);
    m_ui->timeFieldCombo->setCurrentIndex(m_ui->timeFieldCombo->findData(int(q.timeField)));
    m_ui->windowCombo->setCurrentIndex(m_ui->windowCombo->findData(int(q.window)));
    if (q.from.isValid())
        m_ui->fromEdit->setDateTime(q.from.toLocalTime());
    if (q.to.isValid())
        m_ui->toEdit->setDateTime(q.to.toLocalTime());
    m_ui->pageSizeSpin->setValue(q.pageSize);
    const auto setCombo = [](QComboBox *combo, const QString &value) {
        const int index = combo->findData(value);
        if (index >= 0)
            combo->setCurrentIndex(index);
        else
            combo->setEditText(value);
    };
    setCombo(m_ui->providerCombo, q.provider);
    setCombo(m_ui->categoryCombo, q.category);
    m_ui->legacyStatusCombo->setCurrentIndex(qMax(0, m_ui->legacyStatusCombo->findData(q.legacyStatus)));
    m_ui->legacySeverityCombo->setCurrentIndex(qMax(0, m_ui->legacySeverityCombo->findData(q.legacySeverity)));
    m_ui->assignedToMeCheck->setChecked(q.assignedToMe);
    m_ui->hostEdit->setText(q.hostFqdn);
    m_ui->upnEdit->setText(q.userUpn);
    m_ui->topCombo->setCurrentIndex(qMax(0, m_ui->topCombo->findData(q.top)));
    setApi(q.api);
    m_updating = false;
    Q_EMIT queryChanged();
}

void AlertQueryBar::setRequestUrl(const QUrl &url)
{
    m_url = url;
    m_ui->urlEdit->setText(url.toDisplayString());
    m_ui->urlEdit->setCursorPosition(0);
}

void AlertQueryBar::setRunEnabled(bool enabled, const QString &reason)
{
    m_ui->runButton->setEnabled(enabled);
    m_ui->runButton->setToolTip(enabled ? tr("Run the query (F5)") : reason);
}

void AlertQueryBar::loadSavedQueries()
{
    m_ui->savedCombo->clear();
    m_ui->savedCombo->addItem(tr("Saved queries"));
    const QJsonObject saved = savedQueries();
    for (auto it = saved.begin(); it != saved.end(); ++it)
        m_ui->savedCombo->addItem(it.key());
    m_ui->deleteSavedButton->setEnabled(saved.size() > 0);
}

void AlertQueryBar::saveCurrent()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save Query"), tr("Name of the query:"), QLineEdit::Normal,
                                               QString(), &ok).trimmed();
    if (!ok || name.isEmpty())
        return;
    QJsonObject saved = savedQueries();
    if (saved.contains(name)
        && QMessageBox::question(this, tr("Save Query"), tr("Replace the saved query \"%1\"?").arg(name)) != QMessageBox::Yes)
        return;
    saved.insert(name, query().toJson());
    kSavedQueries.setValue(QJsonDocument(saved).toJson(QJsonDocument::Compact));
    loadSavedQueries();
    m_ui->savedCombo->setCurrentText(name);
}

void AlertQueryBar::deleteSelected()
{
    if (m_ui->savedCombo->currentIndex() <= 0)
        return;
    const QString name = m_ui->savedCombo->currentText();
    QJsonObject saved = savedQueries();
    saved.remove(name);
    kSavedQueries.setValue(QJsonDocument(saved).toJson(QJsonDocument::Compact));
    loadSavedQueries();
}

void AlertQueryBar::applySaved(int index)
{
    if (index <= 0)
        return;
    const QJsonObject saved = savedQueries();
    setQuery(AlertQuery::fromJson(saved.value(m_ui->savedCombo->itemText(index)).toObject()));
    Q_EMIT runRequested();
}

} // namespace vigil::gui
