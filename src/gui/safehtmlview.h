#pragma once

#include <QWebEnginePage>
#include <QWidget>

#include <functional>

class QWebEngineProfile;
class QWebEngineView;

namespace vigil::gui {

class SafeRequestBlocker;

/// Shows HTML built from attacker-controlled content (alerts, mail previews) in Qt WebEngine, safely:
/// its own off-the-record profile with JavaScript, images, plugins, storage and local file access
/// off; a request interceptor that blocks every request but the page itself; a page that refuses
/// every navigation but its own load and makes no windows; no downloads; a context menu that only
/// copies. A click on a link the `isTrustedLink` predicate accepts is handed to the link opener
/// (the system browser by default); the view stays where it is.
class SafeHtmlView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SafeHtmlView)

public:
    using LinkOpener = std::function<void(const QUrl &)>;
    using LinkFilter = std::function<bool(const QUrl &)>;

    explicit SafeHtmlView(QWidget *parent = nullptr);
    ~SafeHtmlView() override;

    /// Shows `html`; documents over the data: URL limit show `tooLarge` instead (when given).
    void setHtml(const QString &html, const QString &tooLarge = {});
    void setBackgroundColor(const QColor &color);

    void setTrustedLinks(LinkFilter filter) { m_trusted = std::move(filter); }
    void setLinkOpener(LinkOpener opener) { m_linkOpener = std::move(opener); }

    QWebEngineView *view() const { return m_view; }
    QWebEnginePage *page() const { return m_page; }
    /// Requests the interceptor has blocked since the view was made.
    int blockedRequests() const;
    /// The navigation policy (public so tests can put any navigation to it).
    bool acceptNavigation(const QUrl &url, QWebEnginePage::NavigationType type, bool isMainFrame);

    /// The largest document setHtml() shows (Chromium limits data: URLs to 2 MiB after base64).
    static constexpr qsizetype kMaxBytes = 1'500'000;

private:
    SafeRequestBlocker *m_blocker = nullptr;
    QWebEngineProfile *m_profile = nullptr;
    QWebEnginePage *m_page = nullptr;
    QWebEngineView *m_view = nullptr;
    LinkFilter m_trusted;
    LinkOpener m_linkOpener;
    bool m_expectingLoad = false; ///< set by setHtml(), taken by the navigation it starts
};

} // namespace vigil::gui
