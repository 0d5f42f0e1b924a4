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

class SafeHtmlView;

/// The details of one alert: a "Report" tab (core::AlertReport shown in a SafeHtmlView: alert
/// content is attacker-controlled) and a "JSON" tab (the alert's raw JSON, indented). A click on
/// one of the report's vetted links (Microsoft portal, MITRE ATT&CK) opens the system browser.
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

    QWebEngineView *reportView() const;
    QPlainTextEdit *jsonView() const { return m_json; }
    /// Requests the report's interceptor has blocked since the view was made.
    int blockedRequests() const;
    /// Replaces QDesktopServices::openUrl for vetted links (tests count what would open).
    void setLinkOpener(LinkOpener opener);
    /// The report page's navigation policy (see SafeHtmlView::acceptNavigation).
    bool acceptNavigation(const QUrl &url, QWebEnginePage::NavigationType type, bool isMainFrame);

    /// Report colours that match a widget palette (dark palettes get dark reports).
    static core::ReportPalette reportPaletteFor(const QPalette &palette);

Q_SIGNALS:
    /// The "Email…" button of the view was pressed.
    void emailRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();
    core::ReportPalette reportPalette() const;

    QTabWidget *m_tabs = nullptr;
    SafeHtmlView *m_report = nullptr;
    QPlainTextEdit *m_json = nullptr;
    std::optional<core::Alert> m_alert;
};

} // namespace vigil::gui
