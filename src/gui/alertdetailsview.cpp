#include "alertdetailsview.h"

#include "safehtmlview.h"
#include "theme.h"

#include <QEvent>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWebEngineView>

namespace vigil::gui {

AlertDetailsView::AlertDetailsView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_tabs);

    m_report = new SafeHtmlView(m_tabs);
    m_report->setTrustedLinks(&core::AlertReport::isTrustedLink);
    m_report->view()->setAccessibleName(tr("Alert report"));
    m_tabs->addTab(m_report, tr("Report"));

    m_json = new QPlainTextEdit(m_tabs);
    m_json->setReadOnly(true);
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setStyleHint(QFont::Monospace);
    m_json->setFont(mono);
    m_json->setAccessibleName(tr("Alert JSON"));
    m_tabs->addTab(m_json, tr("JSON"));

    auto *email = new QToolButton(m_tabs);
    email->setObjectName(QStringLiteral("emailButton"));
    email->setText(tr("Email…"));
    email->setToolTip(tr("Email this alert to a colleague"));
    email->setAccessibleName(tr("Email this alert"));
    email->setAutoRaise(true);
    connect(email, &QToolButton::clicked, this, &AlertDetailsView::emailRequested);
    m_tabs->setCornerWidget(email, Qt::TopRightCorner);

    setFocusProxy(m_report);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { setFocusProxy(m_tabs->currentWidget()); });
    clear();
}

AlertDetailsView::~AlertDetailsView() = default;

QWebEngineView *AlertDetailsView::reportView() const
{
    return m_report->view();
}

void AlertDetailsView::showAlert(const core::Alert &alert)
{
    m_alert = alert;
    m_json->setPlainText(core::AlertReport::prettyJson(alert.json));
    render();
}

void AlertDetailsView::clear()
{
    m_alert.reset();
    m_json->clear();
    render();
}

int AlertDetailsView::blockedRequests() const
{
    return m_report->blockedRequests();
}

void AlertDetailsView::setLinkOpener(LinkOpener opener)
{
    m_report->setLinkOpener(std::move(opener));
}

bool AlertDetailsView::acceptNavigation(const QUrl &url, QWebEnginePage::NavigationType type, bool isMainFrame)
{
    return m_report->acceptNavigation(url, type, isMainFrame);
}

void AlertDetailsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_report)
        render();
}

core::ReportPalette AlertDetailsView::reportPalette() const
{
    return reportPaletteFor(palette());
}

core::ReportPalette AlertDetailsView::reportPaletteFor(const QPalette &p)
{
    if (!Theme::isDarkPalette(p))
        return {};
    core::ReportPalette dark;
    dark.text = p.color(QPalette::Text).name();
    dark.background = p.color(QPalette::Base).name();
    dark.muted = p.color(QPalette::PlaceholderText).name();
    dark.accent = p.color(QPalette::Link).name();
    dark.border = p.color(QPalette::Light).name();
    return dark;
}

void AlertDetailsView::render()
{
    const core::ReportPalette colours = reportPalette();
    const QString html = m_alert ? core::AlertReport::html(*m_alert, core::AlertReport::Style::Screen, colours)
                                 : core::AlertReport::messageHtml(tr("Select an alert to see its details"), colours);
    m_report->setBackgroundColor(QColor(colours.background));
    m_report->setHtml(html, core::AlertReport::messageHtml(
                                tr("This alert is too large to show as a report. The JSON tab shows all of it."), colours));
}

} // namespace vigil::gui
