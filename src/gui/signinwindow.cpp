#include "signinwindow.h"

#include "ui_signinwindow.h"

#include <QLoggingCategory>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineView>

Q_LOGGING_CATEGORY(lcSignInWindow, "vigil.gui.signinwindow", QtInfoMsg)

namespace vigil::gui {

namespace {
/// A page that offers every navigation to the redirect handler first. Server redirects arrive here
/// as RedirectNavigation, before any connection to the target is made.
class SignInPage final : public QWebEnginePage
{
public:
    SignInPage(QWebEngineProfile *profile, SignInWindow::RedirectHandler handler, std::function<void()> onRedirect,
               QObject *parent)
        : QWebEnginePage(profile, parent)
        , m_handler(std::move(handler))
        , m_onRedirect(std::move(onRedirect))
    {
    }

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType, bool isMainFrame) override
    {
        if (isMainFrame && m_handler && m_handler(url)) {
            m_onRedirect();
            return false;
        }
        return true;
    }

private:
    SignInWindow::RedirectHandler m_handler;
    std::function<void()> m_onRedirect;
};
} // namespace

SignInWindow::SignInWindow(RedirectHandler redirectHandler, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SignInWindow>())
    , m_redirectHandler(std::move(redirectHandler))
{
    m_ui->setupUi(this);
    setAttribute(Qt::WA_DeleteOnClose, false);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &SignInWindow::reject);
    connect(m_ui->browserButton, &QPushButton::clicked, this, [this] {
        const QUrl url = m_startUrl;
        m_finished = true;
        discardView();
        hide();
        Q_EMIT continueInBrowser(url);
    });
}

SignInWindow::~SignInWindow()
{
    discardView();
}

void SignInWindow::discardView()
{
    // The page must go before its profile, or WebEngine warns and may misbehave.
    if (m_view) {
        QWebEnginePage *page = m_view->page();
        m_view->setPage(nullptr);
        delete page;
        delete m_view;
        m_view = nullptr;
    }
    delete m_profile;
    m_profile = nullptr;
}

void SignInWindow::start(const QUrl &url)
{
    discardView();
    m_finished = false;
    m_startUrl = url;
    m_profile = new QWebEngineProfile(this);  // no storage name: off the record
    m_profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    m_view = new QWebEngineView(m_ui->viewContainer);
    m_view->setAccessibleName(tr("Sign-in page"));
    auto *page = new SignInPage(m_profile, m_redirectHandler, [this] { finish(); }, m_view);
    m_view->setPage(page);
    m_ui->viewLayout->addWidget(m_view);
    connect(m_view, &QWebEngineView::urlChanged, this, &SignInWindow::showAddress);
    connect(m_view, &QWebEngineView::loadProgress, m_ui->progressBar, &QProgressBar::setValue);
    connect(m_view, &QWebEngineView::loadFinished, this, [this](bool ok) {
        m_ui->progressBar->setVisible(false);
        if (!ok && !m_finished)
            qCWarning(lcSignInWindow) << "the sign-in page did not load";
    });
    connect(m_view, &QWebEngineView::loadStarted, m_ui->progressBar, &QWidget::show);
    connect(m_view, &QWebEngineView::titleChanged, this, [this](const QString &title) {
        setWindowTitle(title.isEmpty() ? tr("Sign in to Microsoft") : tr("%1 — Sign in").arg(title));
    });
    showAddress(url);
    m_view->load(url);
    show();
    raise();
    activateWindow();
}

void SignInWindow::showAddress(const QUrl &url)
{
    // The host is what a user checks before typing a password.
    const bool secure = url.scheme() == QLatin1String("https");
    m_ui->addressLabel->setText(QStringLiteral("%1 %2").arg(secure ? QStringLiteral("🔒") : QStringLiteral("⚠"),
                                                             url.toDisplayString(QUrl::RemoveQuery | QUrl::RemoveFragment)));
    m_ui->addressLabel->setToolTip(secure ? tr("Secure connection to %1").arg(url.host())
                                          : tr("Not encrypted: %1").arg(url.host()));
}

void SignInWindow::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    qCDebug(lcSignInWindow) << "redirect received; closing the sign-in window";
    hide();
    // This can run inside the page's own navigation callback: delete the page later.
    QMetaObject::invokeMethod(this, [this] {
        if (m_finished)
            discardView();
    }, Qt::QueuedConnection);
}

void SignInWindow::reject()
{
    const bool wasActive = !m_finished;
    m_finished = true;
    discardView();
    QDialog::reject();
    if (wasActive)
        Q_EMIT cancelled();
}

} // namespace vigil::gui
