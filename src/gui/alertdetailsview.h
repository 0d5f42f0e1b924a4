#pragma once

#include "core/alerts/alert.h"
#include "core/alerts/alertreport.h"

#include <QWebEnginePage>
#include <QWidget>

#include <functional>
#include <optional>

class QPlainTextEdit;
class QTabWidget;
class QWebEngineProfile;
class QWebEngineView;

namespace vigil::gui {

class ReportRequestBlocker;

/// The details of one alert: a "Report" tab (core::AlertReport in Qt WebEngine) and a "JSON" tab
/// (the alert's raw JSON, indented). Alert content is attacker-controlled, so the report runs in
/// its own off-the-record profile with JavaScript, images, plugins and local file access off, a
/// request interceptor that blocks every request but the page itself, and a page that refuses every
/// navigation but the report's own load. A click on one of the report's vetted links (Microsoft
/// portal, MITRE ATT&CK) opens the system browser; the view stays where it is.
class AlertDetailsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertDetailsView)

public:
    using LinkOpener = std::function<void(const QUrl &)>;

    explicit AlertDetailsView(QWidget *parent = nullptr);
    ~AlertDetailsView() override;

    void showAlert(const core::Alert &alert);
    /// Shows a short "select an alert" placeholder.
    void clear();

    QWebEngineView *reportView() const { return m_view; }
    QPlainTextEdit *jsonView() const { return m_json; }
    /// Requests the report profile's interceptor has blocked since the view was made.
    int blockedRequests() const;

    /// Replaces QDesktopServices::openUrl for vetted links (tests count what would open).
    void setLinkOpener(LinkOpener opener);
    /// The report page's navigation policy, public so tests can put any navigation to it: only the
    /// report's own load (a data: or about: URL the view itself started) is accepted; a clicked
    /// vetted link is handed to the link opener; everything else is refused.
    bool acceptNavigation(const QUrl &url, QWebEnginePage::NavigationType type, bool isMainFrame);

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();
    void load(const QString &html);
    core::ReportPalette reportPalette() const;

    QTabWidget *m_tabs = nullptr;
    ReportRequestBlocker *m_blocker = nullptr;
    QWebEngineProfile *m_profile = nullptr;
    QWebEnginePage *m_page = nullptr;
    QWebEngineView *m_view = nullptr;
    QPlainTextEdit *m_json = nullptr;
    std::optional<core::Alert> m_alert;
    LinkOpener m_linkOpener;
    bool m_expectingLoad = false; ///< set by load(), taken by the navigation it starts
};

} // namespace vigil::gui
