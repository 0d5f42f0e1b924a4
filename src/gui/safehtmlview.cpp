#include "safehtmlview.h"

#include <QAction>
#include <QDesktopServices>
#include <QLoggingCategory>
#include <QMenu>
#include <QVBoxLayout>
#include <QWebEngineContextMenuRequest>
#include <QWebEngineDownloadRequest>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineUrlRequestInterceptor>
#include <QWebEngineView>

#include <atomic>

Q_LOGGING_CATEGORY(lcSafeHtml, "vigil.gui.safehtml", QtInfoMsg)

namespace vigil::gui {

namespace {
bool isPageItself(const QUrl &url)
{
    return url.scheme() == QLatin1String("data") || url.scheme() == QLatin1String("about");
}

/// The report page: every navigation goes through the view's policy, and no window is ever made.
class SafePage final : public QWebEnginePage
{
    Q_DISABLE_COPY_MOVE(SafePage)

public:
    using Policy = std::function<bool(const QUrl &, NavigationType, bool)>;

    SafePage(QWebEngineProfile *profile, Policy policy, QObject *parent)
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
class SafeRequestBlocker final : public QWebEngineUrlRequestInterceptor
{
    Q_DISABLE_COPY_MOVE(SafeRequestBlocker)

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
        qCInfo(lcSafeHtml) << "blocked a request from untrusted content:" << info.resourceType() << url.scheme()
                               << url.host();
    }

    int blocked() const { return m_blocked.load(); }

private:
    std::atomic<int> m_blocked = 0;
};

SafeHtmlView::SafeHtmlView(QWidget *parent)
    : QWidget(parent)
    , m_linkOpener([](const QUrl &url) { QDesktopServices::openUrl(url); })
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_blocker = new SafeRequestBlocker(this);
    m_profile = new QWebEngineProfile(this); // no storage name: off the record
    m_profile->setHttpCacheType(QWebEngineProfile::NoCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    m_profile->setSpellCheckEnabled(false);
    m_profile->setUrlRequestInterceptor(m_blocker);
    lockDown(m_profile->settings());
    connect(m_profile, &QWebEngineProfile::downloadRequested, this, [](QWebEngineDownloadRequest *download) {
        qCInfo(lcSafeHtml) << "refused a download from untrusted content";
        download->cancel();
    });

    m_page = new SafePage(
        m_profile,
        [this](const QUrl &url, QWebEnginePage::NavigationType type, bool isMainFrame) {
            return acceptNavigation(url, type, isMainFrame);
        },
        this);
    lockDown(m_page->settings());

    m_view = new QWebEngineView(this);
    m_view->setPage(m_page);
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
    layout->addWidget(m_view);
    setFocusProxy(m_view);
}

SafeHtmlView::~SafeHtmlView()
{
    // The page must go before its profile, and the profile before its interceptor.
    m_view->setPage(nullptr);
    delete m_page;
    m_page = nullptr;
    delete m_profile;
    m_profile = nullptr;
}

int SafeHtmlView::blockedRequests() const
{
    return m_blocker->blocked();
}

void SafeHtmlView::setBackgroundColor(const QColor &color)
{
    m_page->setBackgroundColor(color);
}

bool SafeHtmlView::acceptNavigation(const QUrl &url, QWebEnginePage::NavigationType type, bool isMainFrame)
{
    if (m_expectingLoad && isMainFrame && type == QWebEnginePage::NavigationTypeTyped && isPageItself(url)) {
        m_expectingLoad = false;
        return true;
    }
    if (type == QWebEnginePage::NavigationTypeLinkClicked && m_trusted && m_trusted(url)) {
        qCInfo(lcSafeHtml) << "opening a link to" << url.host() << "in the system browser";
        if (m_linkOpener)
            m_linkOpener(url);
        return false;
    }
    qCInfo(lcSafeHtml) << "refused a navigation from untrusted content:" << type << url.scheme() << url.host();
    return false;
}

void SafeHtmlView::setHtml(const QString &html, const QString &tooLarge)
{
    // The one navigation the page accepts; an opaque base URL gives the document no origin to use.
    m_expectingLoad = true;
    if (!tooLarge.isEmpty() && html.toUtf8().size() > kMaxBytes)
        m_page->setHtml(tooLarge, QUrl(QStringLiteral("about:blank")));
    else
        m_page->setHtml(html, QUrl(QStringLiteral("about:blank")));
}

} // namespace vigil::gui
