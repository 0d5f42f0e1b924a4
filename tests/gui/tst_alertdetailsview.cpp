// The alert details view runs attacker-controlled alert content in Qt WebEngine. These tests feed it
// hostile alerts whose markup points at a local HTTP server and prove that nothing ran and nothing
// was requested: the server must see zero requests.

#include "core/alerts/alertreport.h"
#include "gui/alertdetailsview.h"
#include "gui/theme.h"
#include "http/requesthandler.h"
#include "support/serverthread.h"

#include <QApplication>
#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineView>

#include <atomic>

using namespace vigil;

namespace {

/// Everything the local server was asked for, from its own thread.
struct Requests
{
    std::atomic<int> count = 0;
    QMutex mutex;
    QStringList targets;

    QString describe()
    {
        QMutexLocker lock(&mutex);
        return targets.join(QLatin1String(", "));
    }
};

QString waitForText(QWebEnginePage *page, bool html = false)
{
    QString result;
    bool done = false;
    const auto callback = [&](const QString &text) {
        result = text;
        done = true;
    };
    if (html)
        page->toHtml(callback);
    else
        page->toPlainText(callback);
    if (!QTest::qWaitFor([&] { return done; }, 10'000))
        return QStringLiteral("<no answer from the page>");
    return result;
}

QJsonObject evidence(const char *type, QJsonObject fields)
{
    fields.insert(QStringLiteral("@odata.type"),
                  QString(QStringLiteral("#microsoft.graph.security.") + QLatin1String(type)));
    fields.insert(QStringLiteral("verdict"), QStringLiteral("malicious"));
    fields.insert(QStringLiteral("roles"), QJsonArray { QStringLiteral("attacker") });
    return fields;
}

core::Alert alertFrom(const QJsonObject &o)
{
    core::Alert a;
    a.id = o.value(QLatin1String("id")).toString();
    a.title = o.value(QLatin1String("title")).toString();
    a.severity = core::severityFromWire(o.value(QLatin1String("severity")).toString());
    a.json = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return a;
}

} // namespace

class tst_AlertDetailsView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void hostileAlert_runsNothingAndLoadsNothing();
    void rawMarkupInReportProfile_isBlockedByInterceptor();
    void navigationPolicy_refusesAllButVettedLinks_data();
    void navigationPolicy_refusesAllButVettedLinks();
    void programmaticNavigation_isRefusedAndViewStays_data();
    void programmaticNavigation_isRefusedAndViewStays();
    void keyboardActivatedPortalLink_opensSystemBrowserOnly();
    void jsonTab_showsPrettyJson();
    void clear_showsPlaceholder();
    void darkPalette_givesDarkReport();

private:
    QString local(const char *path) const
    {
        return QStringLiteral("http://127.0.0.1:%1/%2").arg(m_server->port()).arg(QLatin1String(path));
    }
    core::Alert hostileAlert() const;
    bool showAndWait(gui::AlertDetailsView &view, const core::Alert &alert);

    std::shared_ptr<Requests> m_requests = std::make_shared<Requests>();
    std::unique_ptr<test::ServerThread> m_server;
};

void tst_AlertDetailsView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_server = std::make_unique<test::ServerThread>([requests = m_requests] {
        return std::make_unique<http::FunctionHandler>(
            [requests](const http::Request &request, http::Responder responder) {
                ++requests->count;
                {
                    QMutexLocker lock(&requests->mutex);
                    requests->targets << QString::fromUtf8(request.target);
                }
                responder.send(http::Response::text(200, "body{background:red}", "text/css"));
            });
    });
    QVERIFY2(m_server->isListening(), qPrintable(m_server->errorString()));
}

void tst_AlertDetailsView::init()
{
    m_requests->count = 0;
}

core::Alert tst_AlertDetailsView::hostileAlert() const
{
    const QString img = QStringLiteral("<img src=\"%1\" onerror=\"alert(1)\">").arg(local("img.png"));
    const QString css = QStringLiteral("<link rel=stylesheet href=\"%1\">").arg(local("style.css"));
    const QString frame = QStringLiteral("<iframe src=\"%1\"></iframe>").arg(local("frame.html"));
    const QString script
        = QStringLiteral("<script src=\"%1\"></script><script>alert(1)</script>").arg(local("script.js"));
    const QString styleBreak = QStringLiteral("</style><style>@import url(%1);</style>").arg(local("import.css"));
    const QString refresh = QStringLiteral("<meta http-equiv=\"refresh\" content=\"0;url=%1\">").arg(local("refresh"));
    const QJsonObject o {
        { QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.security.alert") },
        { QStringLiteral("id"), QStringLiteral("da-hostile-1") },
        { QStringLiteral("title"), QStringLiteral("<script>alert(1)</script>") },
        { QStringLiteral("severity"), QStringLiteral("high") },
        { QStringLiteral("status"), QStringLiteral("new") },
        { QStringLiteral("description"), QString(img + QLatin1Char('\n') + css + QLatin1Char('\n') + frame) },
        { QStringLiteral("recommendedActions"), QString(script + styleBreak) },
        { QStringLiteral("assignedTo"), QStringLiteral("\" onmouseover=\"alert(1)") },
        { QStringLiteral("alertWebUrl"), local("phish") },
        { QStringLiteral("incidentWebUrl"), QStringLiteral("javascript:alert(1)") },
        { QStringLiteral("comments"),
          QJsonArray {
              QJsonObject { { QStringLiteral("comment"), refresh },
                            { QStringLiteral("createdByDisplayName"), img },
                            { QStringLiteral("createdDateTime"), QStringLiteral("2024-01-01T00:00:00Z") } } } },
        { QStringLiteral("evidence"),
          QJsonArray { evidence("urlEvidence", { { QStringLiteral("url"), QStringLiteral("javascript:alert(1)") } }),
                       evidence("userEvidence",
                                { { QStringLiteral("userAccount"),
                                    QJsonObject { { QStringLiteral("displayName"), css },
                                                  { QStringLiteral("userPrincipalName"),
                                                    QStringLiteral("https://evil.example/phish") } } } }),
                       evidence("fileEvidence",
                                { { QStringLiteral("fileDetails"),
                                    QJsonObject { { QStringLiteral("fileName"), frame } } } }) } },
    };
    return alertFrom(o);
}

bool tst_AlertDetailsView::showAndWait(gui::AlertDetailsView &view, const core::Alert &alert)
{
    // An earlier load (the placeholder) may still be in flight and end as cancelled: wait for a
    // successful one, then for the alert's own document.
    QSignalSpy loaded(view.reportView()->page(), &QWebEnginePage::loadFinished);
    view.showAlert(alert);
    const auto succeeded = [&] {
        return std::any_of(loaded.cbegin(), loaded.cend(),
                           [](const QList<QVariant> &args) { return args.constFirst().toBool(); });
    };
    if (!QTest::qWaitFor(succeeded, 30'000))
        return false;
    return QTest::qWaitFor([&] { return waitForText(view.reportView()->page()).contains(alert.id); }, 10'000);
}

void tst_AlertDetailsView::hostileAlert_runsNothingAndLoadsNothing()
{
    gui::AlertDetailsView view;
    view.resize(900, 700);
    view.show();
    QVERIFY(showAndWait(view, hostileAlert()));
    QTest::qWait(1000); // anything the page would fetch has had time to ask

    QVERIFY2(m_requests->count == 0, qPrintable(m_requests->describe()));
    QVERIFY(view.blockedRequests() >= 0); // escaped markup is not even requested

    const QString text = waitForText(view.reportView()->page());
    QVERIFY2(text.contains(QLatin1String("<script>alert(1)</script>")), qPrintable(text.left(500)));
    QVERIFY(text.contains(QLatin1String("onerror=\"alert(1)\"")));
    QVERIFY(text.contains(QLatin1String("javascript:alert(1)")));
    QVERIFY(text.contains(QLatin1String("\" onmouseover=\"alert(1)")));

    // The live DOM has no element the alert tried to add, and no tag names the local server (its
    // address is only in text, which the serialised DOM writes with &lt; and &gt;).
    const QString dom = waitForText(view.reportView()->page(), true);
    static const QRegularExpression tagPattern(QStringLiteral("<[^<>]*>"));
    int tags = 0;
    for (auto it = tagPattern.globalMatch(dom); it.hasNext(); ++tags) {
        const QString tag = it.next().captured(0).toLower();
        for (const char *bad : { "<script", "<img", "<iframe", "<link", "<meta http-equiv=\"refresh\"" })
            QVERIFY2(!tag.startsWith(QLatin1String(bad)), qPrintable(tag));
        QVERIFY2(!tag.contains(QLatin1String("127.0.0.1")), qPrintable(tag));
        QVERIFY2(!tag.contains(QLatin1String("javascript:")), qPrintable(tag));
        QVERIFY2(!tag.contains(QLatin1String("onerror")) && !tag.contains(QLatin1String("onmouseover")),
                 qPrintable(tag));
    }
    QVERIFY(tags > 50);
    QCOMPARE(dom.count(QLatin1String("<style")), 1);
}

void tst_AlertDetailsView::rawMarkupInReportProfile_isBlockedByInterceptor()
{
    // Even markup that is not escaped loads nothing in the report's profile: a second page on the
    // same profile, without the view's navigation policy, gets raw remote references.
    gui::AlertDetailsView view;
    QWebEngineProfile *profile = view.reportView()->page()->profile();
    QVERIFY(profile->isOffTheRecord());
    auto page = std::make_unique<QWebEnginePage>(profile);
    QSignalSpy loaded(page.get(), &QWebEnginePage::loadFinished);
    const int before = view.blockedRequests();
    page->setHtml(QStringLiteral("<html><head><link rel=stylesheet href=\"%1\"></head><body>"
                                 "<img src=\"%2\"><iframe src=\"%3\"></iframe><script src=\"%4\"></script>"
                                 "<p>raw</p></body></html>")
                      .arg(local("raw.css"), local("raw.png"), local("raw-frame.html"), local("raw.js")),
                  QUrl(QStringLiteral("about:blank")));
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 30'000);
    QTest::qWait(1000);
    QVERIFY2(m_requests->count == 0, qPrintable(m_requests->describe()));
    QVERIFY2(view.blockedRequests() > before, "the interceptor saw none of the raw page's requests");
    page.reset(); // before the profile
}

void tst_AlertDetailsView::navigationPolicy_refusesAllButVettedLinks_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("type");
    QTest::addColumn<bool>("opens");
    const int clicked = QWebEnginePage::NavigationTypeLinkClicked;
    const int typed = QWebEnginePage::NavigationTypeTyped;
    const QString portal = QStringLiteral("https://security.microsoft.com/alerts/da1?tid=5c");
    QTest::newRow("clicked portal link") << portal << clicked << true;
    QTest::newRow("clicked mitre link") << QStringLiteral("https://attack.mitre.org/techniques/T1566/001/") << clicked
                                        << true;
    QTest::newRow("portal, not clicked") << portal << typed << false;
    QTest::newRow("portal, form") << portal << int(QWebEnginePage::NavigationTypeFormSubmitted) << false;
    QTest::newRow("portal, redirect") << portal << int(QWebEnginePage::NavigationTypeRedirect) << false;
    QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << clicked << false;
    QTest::newRow("data") << QStringLiteral("data:text/html,<script>alert(1)</script>") << clicked << false;
    QTest::newRow("typed data") << QStringLiteral("data:text/html,<p>x") << typed << false;
    QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << clicked << false;
    QTest::newRow("http portal") << QStringLiteral("http://security.microsoft.com/alerts/1") << clicked << false;
    QTest::newRow("look-alike") << QStringLiteral("https://security.microsoft.com.evil.example/") << clicked << false;
    QTest::newRow("evil") << QStringLiteral("https://evil.example/phish") << clicked << false;
    QTest::newRow("mailto") << QStringLiteral("mailto:a@evil.example") << clicked << false;
    QTest::newRow("local server") << QStringLiteral("http://127.0.0.1:1/x") << clicked << false;
}

void tst_AlertDetailsView::navigationPolicy_refusesAllButVettedLinks()
{
    QFETCH(QString, url);
    QFETCH(int, type);
    QFETCH(bool, opens);
    gui::AlertDetailsView view;
    QSignalSpy loaded(view.reportView()->page(), &QWebEnginePage::loadFinished);
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 30'000); // the placeholder took the view's one load
    QList<QUrl> opened;
    view.setLinkOpener([&](const QUrl &u) { opened << u; });
    const QUrl target(url);
    QVERIFY(!view.acceptNavigation(target, QWebEnginePage::NavigationType(type), true));
    QCOMPARE(opened, opens ? QList<QUrl> { target } : QList<QUrl> {});
}

void tst_AlertDetailsView::programmaticNavigation_isRefusedAndViewStays_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("local http") << QStringLiteral("http://127.0.0.1:%1/navigate");
    // If this ran, the report would be replaced by "pwned" and the server would be asked.
    QTest::newRow("javascript") << QStringLiteral("javascript:document.body.textContent='pwned';"
                                                  "new Image().src='http://127.0.0.1:%1/js'");
    QTest::newRow("data with remote image")
        << QStringLiteral("data:text/html,<link rel=stylesheet href=http://127.0.0.1:%1/data.css>");
    QTest::newRow("file") << QStringLiteral("file:///etc/hostname");
}

void tst_AlertDetailsView::programmaticNavigation_isRefusedAndViewStays()
{
    QFETCH(QString, url);
    if (url.contains(QLatin1String("%1")))
        url = url.arg(m_server->port());
    gui::AlertDetailsView view;
    view.resize(800, 600);
    view.show();
    QVERIFY(showAndWait(view, hostileAlert()));
    QList<QUrl> opened;
    view.setLinkOpener([&](const QUrl &u) { opened << u; });
    QWebEnginePage *page = view.reportView()->page();
    const QUrl before = page->url();

    page->load(QUrl(url));
    QTest::qWait(1000);
    page->setUrl(QUrl(url));
    QTest::qWait(1000);

    QVERIFY2(m_requests->count == 0, qPrintable(m_requests->describe()));
    // A javascript: load is not a navigation (Chromium runs such URLs in the current document, and
    // scripts are off), so only its pending address shows in url(); every other one is refused.
    if (QUrl(url).scheme() != QLatin1String("javascript"))
        QCOMPARE(page->url(), before);
    QVERIFY(opened.isEmpty());
    const QString text = waitForText(page);
    QVERIFY(text.contains(QLatin1String("<script>alert(1)</script>")));
    QVERIFY(!text.contains(QLatin1String("pwned")));
}

void tst_AlertDetailsView::keyboardActivatedPortalLink_opensSystemBrowserOnly()
{
    // A real activation of the report's first link ("Open in Microsoft Defender"): the link goes to
    // the opener (the system browser in the application) and the view keeps the report.
    const QString portal
        = QStringLiteral("https://security.microsoft.com/alerts/da638000000075908846_1914433517?tid=5c2eda02");
    const QJsonObject o { { QStringLiteral("id"), QStringLiteral("da638000000075908846_1914433517") },
                          { QStringLiteral("title"), QStringLiteral("Suspicious execution of hidden file") },
                          { QStringLiteral("severity"), QStringLiteral("medium") },
                          { QStringLiteral("alertWebUrl"), portal } };
    gui::AlertDetailsView view;
    view.resize(800, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QList<QUrl> opened;
    view.setLinkOpener([&](const QUrl &u) { opened << u; });
    QVERIFY(showAndWait(view, alertFrom(o)));
    QWebEnginePage *page = view.reportView()->page();
    const QUrl before = page->url();

    view.activateWindow();
    view.reportView()->setFocus();
    QWidget *target = view.reportView()->focusProxy() ? view.reportView()->focusProxy() : view.reportView();
    QTRY_VERIFY(target->hasFocus());
    QTest::keyClick(target, Qt::Key_Tab);
    QTest::qWait(200);
    QTest::keyClick(target, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10'000);
    QCOMPARE(opened.constFirst(), QUrl(portal));
    QTest::qWait(500);
    QCOMPARE(page->url(), before);
    QVERIFY(waitForText(page).contains(QLatin1String("Suspicious execution of hidden file")));
}

void tst_AlertDetailsView::jsonTab_showsPrettyJson()
{
    gui::AlertDetailsView view;
    const core::Alert alert = hostileAlert();
    view.showAlert(alert);
    auto *tabs = view.findChild<QTabWidget *>();
    QVERIFY(tabs);
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(tabs->tabText(0), QStringLiteral("Report"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("JSON"));
    QCOMPARE(tabs->widget(1), view.jsonView());
    QVERIFY(view.jsonView()->isReadOnly());
    QCOMPARE(view.jsonView()->toPlainText(), core::AlertReport::prettyJson(alert.json));
    QVERIFY(view.jsonView()->toPlainText().contains(QLatin1String("\n    \"id\": \"da-hostile-1\"")));
    QCOMPARE(view.jsonView()->font().family(), QFontDatabase::systemFont(QFontDatabase::FixedFont).family());
    QCOMPARE(view.jsonView()->font().styleHint(), QFont::Monospace);
}

void tst_AlertDetailsView::clear_showsPlaceholder()
{
    gui::AlertDetailsView view;
    QVERIFY(showAndWait(view, hostileAlert()));
    QSignalSpy loaded(view.reportView()->page(), &QWebEnginePage::loadFinished);
    view.clear();
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 30'000);
    QVERIFY(view.jsonView()->toPlainText().isEmpty());
    QTRY_VERIFY(waitForText(view.reportView()->page()).contains(QLatin1String("Select an alert to see its details")));
}

void tst_AlertDetailsView::darkPalette_givesDarkReport()
{
    gui::AlertDetailsView view;
    view.setPalette(gui::Theme::darkPalette());
    QVERIFY(showAndWait(view, hostileAlert()));
    const QString html = waitForText(view.reportView()->page(), true);
    QVERIFY(html.contains(gui::Theme::darkPalette().color(QPalette::Base).name()));
    QVERIFY(!html.contains(QLatin1String("background-color:#ffffff")));
    QCOMPARE(m_requests->count.load(), 0);
}

int main(int argc, char **argv)
{
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    tst_AlertDetailsView test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_alertdetailsview.moc"
