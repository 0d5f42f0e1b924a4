// Sign-in end to end against graphsim over real sockets: a scripted browser reads graphsim's
// authorize page, posts its form like a person clicking Accept, and follows the redirect to
// Vigil's loopback listener.

#include "core/auth/signinflow.h"
#include "graphsim/simulator.h"
#include "support/logcapture.h"
#include "support/scriptedbrowser.h"

#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUrlQuery>

using namespace vigil;
using core::SignInFlow;

namespace {
QString firstMatch(const QByteArray &html, const QString &pattern)
{
    const QRegularExpressionMatch m = QRegularExpression(pattern).match(QString::fromUtf8(html));
    return m.hasMatch() ? m.captured(1) : QString();
}

QByteArray formEncode(const QList<std::pair<QString, QString>> &fields)
{
    QByteArray out;
    for (const auto &[k, v] : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v);
    }
    return out;
}
} // namespace

class tst_SignInGraphsim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void formSignIn_endsGrantedWithRefreshToken();
    void refresh_rotates_oldRefreshTokenIsRefused();
    void failedRefresh_isRecovered();
    void reusedCode_isRejected();
    void cancelOnPage_reportsAccessDenied();
    void accessToken_isRefreshedAheadOfExpiry();

private:
    /// Drives the authorize page like a user; returns the redirect the browser was sent to.
    QUrl acceptOnPage(const QUrl &authorizeUrl, const QString &action = QStringLiteral("accept"));
    QByteArray tokenPost(const QList<std::pair<QString, QString>> &fields, int *status);
    core::SignInConfiguration configuration() const;

    std::unique_ptr<graphsim::Simulator> m_sim;
    QNetworkAccessManager m_network;
    test::ScriptedBrowser m_browser;
};

void tst_SignInGraphsim::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    test::LogCapture::install();
}

void tst_SignInGraphsim::init()
{
    graphsim::SimulatorOptions options;
    options.alerts = 50;
    options.legacyAlerts = 10;
    m_sim = std::make_unique<graphsim::Simulator>(options);
    QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
}

void tst_SignInGraphsim::cleanup()
{
    m_sim.reset();
}

void tst_SignInGraphsim::cleanupTestCase()
{
    test::LogCapture::uninstall();
    // No token, code or verifier in any log line of the whole run.
    static const QRegularExpression jwt(QStringLiteral("eyJ[A-Za-z0-9_-]{10,}"));
    for (const QString &line : std::as_const(test::LogCapture::lines())) {
        QVERIFY2(!jwt.match(line).hasMatch(), qPrintable(line));
        QVERIFY2(!line.contains(QLatin1String("refresh_token=")), qPrintable(line));
        QVERIFY2(!line.contains(QLatin1String("code_verifier")), qPrintable(line));
    }
}

core::SignInConfiguration tst_SignInGraphsim::configuration() const
{
    core::SignInConfiguration c;
    c.authorityUrl = m_sim->baseUrl();
    c.tenant = m_sim->tenantId();
    c.clientId = QStringLiteral("5d6f2a4e-7c1b-4e0a-9b8d-3f2e1c0a9b87");
    c.graphUrl = m_sim->baseUrl();
    return c;
}

QUrl tst_SignInGraphsim::acceptOnPage(const QUrl &authorizeUrl, const QString &action)
{
    const auto page = m_browser.get(authorizeUrl);
    if (page.status != 200) {
        qWarning() << "authorize page answered" << page.status << page.body.left(300);
        return {};
    }
    // What a person sees: the permissions asked for and the accounts to pick from.
    if (!page.body.contains("SecurityAlert.ReadWrite.All") || !page.body.contains("Pick an account"))
        return {};
    const QString formAction = firstMatch(page.body, QStringLiteral("<form method=\"post\" action=\"([^\"]+)\""));
    const QString flow = firstMatch(page.body, QStringLiteral("name=\"flow\" value=\"([^\"]+)\""));
    const QString account = firstMatch(page.body, QStringLiteral("name=\"account\" value=\"([^\"]+)\" checked"));
    const auto answer = m_browser.postForm(authorizeUrl.resolved(QUrl(formAction)),
                                           formEncode({{QStringLiteral("flow"), flow},
                                                       {QStringLiteral("account"), account},
                                                       {QStringLiteral("action"), action}}));
    return answer.status == 302 ? answer.location : QUrl();
}

QByteArray tst_SignInGraphsim::tokenPost(const QList<std::pair<QString, QString>> &fields, int *status)
{
    QNetworkRequest request(configuration().tokenEndpoint());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply *reply = m_network.post(request, formEncode(fields));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(5000);
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return reply->readAll();
}

void tst_SignInGraphsim::formSignIn_endsGrantedWithRefreshToken()
{
    SignInFlow flow(&m_network);
    flow.setConfiguration(configuration());
    QSignalSpy requested(&flow, &SignInFlow::authorizationRequested);
    QSignalSpy signedIn(&flow, &SignInFlow::signedIn);
    QVERIFY(flow.signIn());
    const QUrl redirect = acceptOnPage(requested.at(0).at(0).toUrl());
    QVERIFY(redirect.isValid());
    QCOMPARE(redirect.path(), QStringLiteral("/login/authorized"));
    const auto landing = m_browser.get(redirect);  // the browser follows to the loopback listener
    QCOMPARE(landing.status, 200);
    QVERIFY(landing.body.contains("You are signed in"));
    QTRY_VERIFY_WITH_TIMEOUT(!signedIn.isEmpty(), 5000);
    QVERIFY(!flow.refreshToken().isEmpty());
    QVERIFY(flow.hasPermission(QStringLiteral("SecurityAlert.ReadWrite.All")));
    const QJsonObject claims = core::decodeJwtClaims(flow.accessToken());
    QCOMPARE(claims.value(QLatin1String("tid")).toString(), m_sim->tenantId());
    QVERIFY(claims.value(QLatin1String("scp")).toString().contains(QLatin1String("SecurityAlert.ReadWrite.All")));
    QVERIFY(flow.identityClaims().value(QLatin1String("preferred_username")).toString().contains(QLatin1Char('@')));
}

void tst_SignInGraphsim::refresh_rotates_oldRefreshTokenIsRefused()
{
    SignInFlow flow(&m_network);
    flow.setConfiguration(configuration());
    QSignalSpy requested(&flow, &SignInFlow::authorizationRequested);
    QSignalSpy signedIn(&flow, &SignInFlow::signedIn);
    QVERIFY(flow.signIn());
    m_browser.get(acceptOnPage(requested.at(0).at(0).toUrl()));
    QTRY_VERIFY_WITH_TIMEOUT(!signedIn.isEmpty(), 5000);
    const QString oldRefresh = flow.refreshToken();
    QSignalSpy refreshed(&flow, &SignInFlow::accessTokenRefreshed);
    flow.refresh();
    QVERIFY(refreshed.wait(5000));
    QVERIFY(flow.refreshToken() != oldRefresh);
    int status = 0;
    const QByteArray body = tokenPost({{QStringLiteral("client_id"), configuration().clientId},
                                       {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                       {QStringLiteral("refresh_token"), oldRefresh}},
                                      &status);
    QCOMPARE(status, 400);
    QVERIFY(body.contains("invalid_grant"));
}

void tst_SignInGraphsim::failedRefresh_isRecovered()
{
    SignInFlow flow(&m_network);
    flow.setConfiguration(configuration());
    QSignalSpy requested(&flow, &SignInFlow::authorizationRequested);
    QSignalSpy signedIn(&flow, &SignInFlow::signedIn);
    QVERIFY(flow.signIn());
    m_browser.get(acceptOnPage(requested.at(0).at(0).toUrl()));
    QTRY_VERIFY_WITH_TIMEOUT(!signedIn.isEmpty(), 5000);
    graphsim::FaultSpec fault;
    fault.pathPrefix = QStringLiteral("/%1/oauth2/v2.0/token").arg(m_sim->tenantId());
    fault.status = 503;
    m_sim->addFault(fault);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    flow.refresh();
    QVERIFY(failed.wait(5000));
    QCOMPARE(flow.state(), SignInFlow::State::SignedIn);
    QSignalSpy refreshed(&flow, &SignInFlow::accessTokenRefreshed);
    flow.refresh();
    QVERIFY(refreshed.wait(5000));
}

void tst_SignInGraphsim::reusedCode_isRejected()
{
    SignInFlow flow(&m_network);
    flow.setConfiguration(configuration());
    QSignalSpy requested(&flow, &SignInFlow::authorizationRequested);
    QSignalSpy signedIn(&flow, &SignInFlow::signedIn);
    QVERIFY(flow.signIn());
    const QUrl redirect = acceptOnPage(requested.at(0).at(0).toUrl());
    m_browser.get(redirect);
    QTRY_VERIFY_WITH_TIMEOUT(!signedIn.isEmpty(), 5000);
    // Someone replays the code from the browser history.
    int status = 0;
    const QString code = QUrlQuery(redirect).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    const QByteArray body = tokenPost({{QStringLiteral("client_id"), configuration().clientId},
                                       {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                       {QStringLiteral("code"), code},
                                       {QStringLiteral("redirect_uri"), flow.redirectUri()},
                                       {QStringLiteral("code_verifier"), QString(43, QLatin1Char('a'))}},
                                      &status);
    QCOMPARE(status, 400);
    QVERIFY(body.contains("invalid_grant"));
    // And a second delivery of the same redirect to Vigil is refused (the state was used up).
    QCOMPARE(m_browser.get(redirect).status, 400);
}

void tst_SignInGraphsim::cancelOnPage_reportsAccessDenied()
{
    SignInFlow flow(&m_network);
    flow.setConfiguration(configuration());
    QSignalSpy requested(&flow, &SignInFlow::authorizationRequested);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    QVERIFY(flow.signIn());
    const QUrl redirect = acceptOnPage(requested.at(0).at(0).toUrl(), QStringLiteral("cancel"));
    QVERIFY(QUrlQuery(redirect).hasQueryItem(QStringLiteral("error")));
    m_browser.get(redirect);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).value<core::TokenError>().error, QStringLiteral("access_denied"));
    QCOMPARE(flow.state(), SignInFlow::State::SignedOut);
}

void tst_SignInGraphsim::accessToken_isRefreshedAheadOfExpiry()
{
    graphsim::SimulatorOptions options;
    options.alerts = 10;
    options.tokenLifetimeSeconds = 4;
    m_sim = std::make_unique<graphsim::Simulator>(options);
    QVERIFY(m_sim->start());
    SignInFlow flow(&m_network);
    flow.setConfiguration(configuration());
    QSignalSpy requested(&flow, &SignInFlow::authorizationRequested);
    QSignalSpy signedIn(&flow, &SignInFlow::signedIn);
    QVERIFY(flow.signIn());
    m_browser.get(acceptOnPage(requested.at(0).at(0).toUrl()));
    QTRY_VERIFY_WITH_TIMEOUT(!signedIn.isEmpty(), 5000);
    const QDateTime firstExpiry = flow.expiresAt();
    QVERIFY(QDateTime::currentDateTimeUtc().secsTo(firstExpiry) <= 4);
    // Nobody asks: the flow refreshes on its own before the token runs out.
    QSignalSpy refreshed(&flow, &SignInFlow::accessTokenRefreshed);
    QVERIFY(refreshed.wait(6000));
    QVERIFY(QDateTime::currentDateTimeUtc() < firstExpiry);
    QVERIFY(flow.expiresAt() > firstExpiry);
}

QTEST_GUILESS_MAIN(tst_SignInGraphsim)
#include "tst_signin_graphsim.moc"
