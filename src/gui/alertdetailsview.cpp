#include "alertdetailsview.h"

#include "theme.h"

#include <QAction>
#include <QDesktopServices>
#include <QEvent>
#include <QFontDatabase>
#include <QLoggingCategory>
#include <QMenu>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QWebEngineContextMenuRequest>
#include <QWebEngineDownloadRequest>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineUrlRequestInterceptor>
#include <QWebEngineView>

#include <atomic>

Q_LOGGING_CATEGORY(lcAlertDetails, "vigil.gui.alertdetails", QtInfoMsg)

namespace vigil::gui {

namespace {
// setHtml() loads the document as a data: URL, which Chromium limits to 2 MiB after base64.
constexpr qsizetype kMaxReportBytes = 1'500'000;

bool isPageItself(const QUrl &url)
{
    return url.scheme() == QLatin1String("data") || url.scheme() == QLatin1String("about");
}

/// The report page: every navigation goes through the view's policy, and no window is ever made.
class ReportPage final : public QWebEnginePage
{
    Q_DISABLE_COPY_MOVE(ReportPage)

public:
    using Policy = std::function<bool(const QUrl &, NavigationType, bool)>;

    ReportPage(QWebEngineProfile *profile, Policy policy, QObject *parent)
        : QWebEnginePage(profile, parent)
        , m_policy(std::move(policy))
    { }

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override
    {
        return m_policy(url, type, isMainFrame);
    }
    QWebEnginePage *createWindow(WebWindowType) override { return nullptr; }

private:
    Policy m_policy;
};

void lockDown(QWebEngineSettings *s)
{
    s->setAttribute(QWebEngineSettings::JavascriptEnabled, false);
    s->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    s->setAttribute(QWebEngineSettings::JavascriptCanAccessClipboard, false);
    s->setAttribute(QWebEngineSettings::JavascriptCanPaste, false);
    s->setAttribute(QWebEngineSettings::AllowWindowActivationFromJavaScript, false);
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    s->setAttribute(QWebEngineSettings::AutoLoadImages, false);
    s->setAttribute(QWebEngineSettings::AutoLoadIconsForPage, false);
    s->setAttribute(QWebEngineSettings::TouchIconsEnabled, false);
    s->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    s->setAttribute(QWebEngineSettings::PdfViewerEnabled, false);
    s->setAttribute(QWebEngineSettings::LocalStorageEnabled, false);
    s->setAttribute(QWebEngineSettings::WebGLEnabled, false);
    s->setAttribute(QWebEngineSettings::HyperlinkAuditingEnabled, false);
    s->setAttribute(QWebEngineSettings::DnsPrefetchEnabled, false);
    s->setAttribute(QWebEngineSettings::ErrorPageEnabled, false);
    s->setAttribute(QWebEngineSettings::FullScreenSupportEnabled, false);
    s->setAttribute(QWebEngineSettings::ScreenCaptureEnabled, false);
    s->setAttribute(QWebEngineSettings::AllowRunningInsecureContent, false);
    s->setAttribute(QWebEngineSettings::NavigateOnDropEnabled, false);
    s->setAttribute(QWebEngineSettings::FocusOnNavigationEnabled, false);
    // Never hand mailto:, ms-*: and other schemes to the desktop.
    s->setUnknownUrlSchemePolicy(QWebEngineSettings::DisallowUnknownUrlSchemes);
}
} // namespace

/// Blocks every request made in the report profile except loading the report page itself (a
/// data: or about: main frame): no image, style sheet, font, frame, prefetch or navigation
/// reaches the network or the file system, whatever the document contains.
class ReportRequestBlocker final : public QWebEngineUrlRequestInterceptor
{
    Q_DISABLE_COPY_MOVE(ReportRequestBlocker)

public:
    using QWebEngineUrlRequestInterceptor::QWebEngineUrlRequestInterceptor;

    void interceptRequest(QWebEngineUrlRequestInfo &info) override
    {
        const QUrl url = info.requestUrl();
        if (info.resourceType() == QWebEngineUrlRequestInfo::ResourceTypeMainFrame && isPageItself(url))
            return;
        info.block(true);
        ++m_blocked;
        // The host only: the rest of an address in an alert can be long or sensitive.
        qCInfo(lcAlertDetails) << "blocked a request from the alert report:" << info.resourceType() << url.scheme()
                               << url.host();
    }

    int blocked() const { return m_blocked.load(); }

private:
    std::atomic<int> m_blocked = 0;
};

AlertDetailsView::AlertDetailsView(QWidget *parent)
    : QWidget(parent)
    , m_linkOpener([](const QUrl &url) { QDesktopServices::openUrl(url); })
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_tabs);

    m_blocker = new ReportRequestBlocker(this);
    m_profile = new QWebEngineProfile(this); // no storage name: off the record
    m_profile->setHttpCacheType(QWebEngineProfile::NoCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    m_profile->setSpellCheckEnabled(false);
    m_profile->setUrlRequestInterceptor(m_blocker);
    lockDown(m_profile->settings());
    connect(m_profile, &QWebEngineProfile::downloadRequested, this, [](QWebEngineDownloadRequest *download) {
        qCInfo(lcAlertDetails) << "refused a download from the alert report";
        download->cancel();
    });

    m_page = new ReportPage(
        m_profile,
        [this](const QUrl &url, QWebEnginePage::NavigationType type, bool isMainFrame) {
            return acceptNavigation(url, type, isMainFrame);
        },
        this);
    lockDown(m_page->settings());

    m_view = new QWebEngineView(m_tabs);
    m_view->setPage(m_page);
    m_view->setAccessibleName(tr("Alert report"));
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        // Only copying: no reload, back, save, view source or "open in new window".
        auto *menu = new QMenu(m_view);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->addAction(m_page->action(QWebEnginePage::Copy));
        const QWebEngineContextMenuRequest *request = m_view->lastContextMenuRequest();
        if (request && request->linkUrl().isValid())
            menu->addAction(m_page->action(QWebEnginePage::CopyLinkToClipboard));
        menu->addSeparator();
        menu->addAction(m_page->action(QWebEnginePage::SelectAll));
        menu->popup(m_view->mapToGlobal(pos));
    });
    m_tabs->addTab(m_view, tr("Report"));

    m_json = new QPlainTextEdit(m_tabs);
    m_json->setReadOnly(true);
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setStyleHint(QFont::Monospace);
    m_json->setFont(mono);
    m_json->setAccessibleName(tr("Alert JSON"));
    m_tabs->addTab(m_json, tr("JSON"));

    setFocusProxy(m_view);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { setFocusProxy(m_tabs->currentWidget()); });
    clear();
}

AlertDetailsView::~AlertDetailsView()
{
    // The page must go before its profile, and the profile before its interceptor.
    m_view->setPage(nullptr);
    delete m_page;
    m_page = nullptr;
    delete m_profile;
    m_profile = nullptr;
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
    return m_blocker->blocked();
}

void AlertDetailsView::setLinkOpener(LinkOpener opener)
{
    m_linkOpener = std::move(opener);
}

bool AlertDetailsView::acceptNavigation(const QUrl &url, QWebEnginePage::NavigationType type, bool isMainFrame)
{
    if (m_expectingLoad && isMainFrame && type == QWebEnginePage::NavigationTypeTyped && isPageItself(url)) {
        m_expectingLoad = false;
        return true;
    }
    if (type == QWebEnginePage::NavigationTypeLinkClicked && core::AlertReport::isTrustedLink(url)) {
        qCInfo(lcAlertDetails) << "opening a link to" << url.host() << "in the system browser";
        if (m_linkOpener)
            m_linkOpener(url);
        return false;
    }
    qCInfo(lcAlertDetails) << "refused a navigation from the alert report:" << type << url.scheme() << url.host();
    return false;
}

void AlertDetailsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_page)
        render();
}

core::ReportPalette AlertDetailsView::reportPalette() const
{
    const QPalette p = palette();
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
    QString html = m_alert ? core::AlertReport::html(*m_alert, core::AlertReport::Style::Screen, colours)
                           : core::AlertReport::messageHtml(tr("Select an alert to see its details"), colours);
    if (html.toUtf8().size() > kMaxReportBytes)
        html = core::AlertReport::messageHtml(
            tr("This alert is too large to show as a report. The JSON tab shows all of it."), colours);
    m_page->setBackgroundColor(QColor(colours.background));
    load(html);
}

void AlertDetailsView::load(const QString &html)
{
    // The one navigation the page accepts; an opaque base URL gives the document no origin to use.
    m_expectingLoad = true;
    m_page->setHtml(html, QUrl(QStringLiteral("about:blank")));
}

} // namespace vigil::gui
