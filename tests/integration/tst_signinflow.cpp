// Wire-level tests of SignInFlow and LoopbackReplyHandler against a recording identity provider.

#include "core/auth/pkce.h"
#include "core/auth/signinflow.h"
#include "support/fakeidentityprovider.h"
#include "support/logcapture.h"
#include "support/scriptedbrowser.h"
#include "support/serverthread.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace vigil;
using core::SignInFlow;
using test::FakeIdentityProvider;

namespace {
QHash<QString, QString> formOf(const QByteArray &body)
{
    QHash<QString, QString> fields;
    for (const auto &[k, v] : http::parseFormUrlEncoded(body))
        fields.insert(k, v);
    return fields;
}
} // namespace

class tst_SignInFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void pkce_verifierAndChallengeFollowRfc7636();
    void signIn_endsGrantedWithRefreshToken();
    void codeWithReservedCharacters_isRedeemedEncodedOnce();
    void eachAttempt_usesFreshStateAndVerifier();
    void refresh_rotatesTokenWithoutSecretOrRedirectUri();
    void transientRefreshFailure_isRecovered();
    void refusedRefresh_asksForInteractiveSignIn();
    void failedCodeExchange_isRecovered_secondAttemptWorks();
    void stateMismatch_isRejected();
    void cancelledAuthorization_isReported();
    void embeddedRedirect_isHandledWithoutSocket();
    void adminConsent_reportsResult();
    void loopback_matchesPathExactly();

private:
    bool signInWithBrowser(SignInFlow &flow);
    core::SignInConfiguration configuration() const;

    std::unique_ptr<test::ServerThread> m_idpThread;
    FakeIdentityProvider *m_idp = nullptr;
    QNetworkAccessManager m_network;
    test::ScriptedBrowser m_browser;
};

void tst_SignInFlow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.debug=true\nqt.networkauth*=true"));
    test::LogCapture::install();
}

void tst_SignInFlow::init()
{
    m_idpThread = std::make_unique<test::ServerThread>([this] {
        auto idp = std::make_unique<FakeIdentityProvider>();
        m_idp = idp.get();
        return idp;
    });
    QVERIFY(m_idpThread->isListening());
}

void tst_SignInFlow::cleanup()
{
    m_idpThread.reset();
}

void tst_SignInFlow::cleanupTestCase()
{
    test::LogCapture::uninstall();
    // Across every test above: no token, code or verifier ever reached a log line.
    for (const QString &line : std::as_const(test::LogCapture::lines())) {
        QVERIFY2(!line.contains(QLatin1String("secret")), qPrintable(line));
        QVERIFY2(!line.contains(QLatin1String("0.AXoA")), qPrintable(line));
        QVERIFY2(!line.contains(QLatin1String("code_verifier=")), qPrintable(line));
        QVERIFY2(!line.contains(QLatin1String("eyJ")), qPrintable(line));
    }
    QVERIFY(!test::LogCapture::lines().isEmpty());
}

core::SignInConfiguration tst_SignInFlow::configuration() const
{
    core::SignInConfiguration c;
    c.authorityUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_idpThread->port()));
    c.tenant = QStringLiteral("contoso.onmicrosoft.com");
    c.clientId = QStringLiteral("00001111-aaaa-2222-bbbb-3333cccc4444");
    c.graphUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
    return c;
}

bool tst_SignInFlow::signInWithBrowser(SignInFlow &flow)
{
    QSignalSpy requested(&flow, &SignInFlow::authorizationRequested);
    QSignalSpy signedIn(&flow, &SignInFlow::signedIn);
    if (!flow.signIn() || requested.size() != 1)
        return false;
    const auto pages = m_browser.follow(requested.at(0).at(0).toUrl());
    if (pages.size() != 2 || pages.at(1).status != 200)
        return false;
    return !signedIn.isEmpty() || signedIn.wait(5000);
}

void tst_SignInFlow::pkce_verifierAndChallengeFollowRfc7636()
{
    // RFC 7636 appendix B example.
    QCOMPARE(core::Pkce::challengeFor("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
             QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    for (int length : {10, 43, 64, 128, 500}) {
        const core::Pkce p = core::Pkce::generate(length);
        QCOMPARE(p.verifier.size(), qBound(43, length, 128));
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]+$")).match(QString::fromLatin1(p.verifier)).hasMatch());
        QCOMPARE(p.challenge, core::Pkce::challengeFor(p.verifier));
    }
    QVERIFY(core::Pkce::generate().verifier != core::Pkce::generate().verifier);
    QCOMPARE(core::randomState().size(), 43);
}

void tst_SignInFlow::signIn_endsGrantedWithRefreshToken()
{
    SignInFlow flow(&m_network);
    flow.setConfiguration(configuration());
    QSignalSpy refreshTokens(&flow, &SignInFlow::refreshTokenChanged);
    QVERIFY(signInWithBrowser(flow));
    QCOMPARE(flow.state(), SignInFlow::State::SignedIn);
    QVERIFY(flow.accessToken().endsWith(QLatin1String("AT-secret")));
    QCOMPARE(flow.refreshToken(), QStringLiteral("RT-secret-1"));
    QCOMPARE(refreshTokens.size(), 1);
    QVERIFY(flow.expiresAt() > QDateTime::currentDateTimeUtc().addSecs(3000));
    QVERIFY(flow.hasPermission(QStringLiteral("SecurityAlert.ReadWrite.All")));
    QVERIFY(!flow.hasPermission(QStringLiteral("Mail.Send")));
    QCOMPARE(flow.identityClaims().value(QLatin1String("preferred_username")).toString(),
             QStringLiteral("megan@contoso.test"));

    // What the authorization request carried.
    const auto first = m_idp->requests.constFirst();
    const QUrlQuery q(QString::fromLatin1(first.target.mid(first.target.indexOf('?') + 1)));
    QCOMPARE(q.queryItemValue(QStringLiteral("client_id")), configuration().clientId);
    QCOMPARE(q.queryItemValue(QStringLiteral("response_type")), QStringLiteral("code"));
    QCOMPARE(q.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    QCOMPARE(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded), flow.redirectUri());
    QVERIFY(flow.redirectUri().startsWith(QLatin1String("http://localhost:")));
    QVERIFY(flow.redirectUri().endsWith(QLatin1String("/login/authorized")));
    const QStringList scopes = q.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded).split(QLatin1Char(' '));
    for (const char *scope : {"openid", "profile", "offline_access", "User.Read", "SecurityAlert.ReadWrite.All",
                              "SecurityIncident.Read.All"})
        QVERIFY2(scopes.contains(QLatin1String(scope)), scope);
}

void tst_SignInFlow::codeWithReservedCharacters_isRedeemedEncodedOnce()
{
    SignInFlow flow(&m_network);
    flow.setConfiguration(configuration());
    QVERIFY(signInWithBrowser(flow));
    const auto tokenRequests = m_idp->tokenRequests();
    QCOMPARE(tokenRequests.size(), 1);
    const QByteArray body = tokenRequests.constFirst().body;
    QVERIFY2(body.contains("code=0.AXoA-ab_c.d%2Fe%2Bf%3D"), body.constData());
    const auto f = formOf(body);
    QCOMPARE(f.value(QStringLiteral("grant_type")), QStringLiteral("authorization_code"));
    QVERIFY(!f.contains(QStringLiteral("client_secret")));
    const int verifierLength = int(f.value(QStringLiteral("code_verifier")).size());
    QVERIFY(verifierLength >= 43 && verifierLength <= 128);
    QCOMPARE(f.value(QStringLiteral("redirect_uri")), flow.redirectUri());
}

void tst_SignInFlow::eachAttempt_usesFreshStateAndVerifier()
{
    SignInFlow flow(&m_network);
    flow.setConfiguration(configuration());
    QSignalSpy requested(&flow, &SignInFlow::authorizationRequested);
    QVERIFY(flow.signIn());
    flow.cancel();
    QVERIFY(flow.signIn());
    QCOMPARE(requested.size(), 2);
    const QUrlQuery a(requested.at(0).at(0).toUrl());
    const QUrlQuery b(requested.at(1).at(0).toUrl());
    QVERIFY(a.queryItemValue(QStringLiteral("state")) != b.queryItemValue(QStringLiteral("state")));
    QVERIFY(a.queryItemValue(QStringLiteral("code_challenge")) != b.queryItemValue(QStringLiteral("code_challenge")));
    QCOMPARE(a.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded).size(), 43);
    // The second attempt still asks for offline_access (6.4 would otherwise drop it).
    QVERIFY(b.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded).contains(QLatin1String("offline_access")));
}

void tst_SignInFlow::refresh_rotatesTokenWithoutSecretOrRedirectUri()
{
    SignInFlow flow(&m_network);
    flow.setConfiguration(configuration());
    QVERIFY(signInWithBrowser(flow));
    const QString firstAccess = flow.accessToken();
    QSignalSpy refreshed(&flow, &SignInFlow::accessTokenRefreshed);
    QSignalSpy rotated(&flow, &SignInFlow::refreshTokenChanged);
    flow.refresh();
    QVERIFY(refreshed.wait(5000));
    QCOMPARE(rotated.size(), 1);
    QCOMPARE(rotated.at(0).at(0).toString(), QStringLiteral("RT-secret-2"));
    QVERIFY(flow.accessToken() != firstAccess);
    const auto f = formOf(m_idp->tokenRequests().constLast().body);
    QCOMPARE(f.value(QStringLiteral("grant_type")), QStringLiteral("refresh_token"));
    QCOMPARE(f.value(QStringLiteral("refresh_token")), QStringLiteral("RT-secret-1"));
    QVERIFY(!f.contains(QStringLiteral("client_secret")));
    QVERIFY(!f.contains(QStringLiteral("redirect_uri")));
    QVERIFY(f.value(QStringLiteral("scope")).contains(QLatin1String("offline_access")));

    // The old refresh token no longer works at the server; the flow uses the new one.
    flow.refresh();
    QVERIFY(refreshed.wait(5000));
    QCOMPARE(flow.refreshToken(), QStringLiteral("RT-secret-3"));
}

void tst_SignInFlow::transientRefreshFailure_isRecovered()
{
    SignInFlow flow(&m_network);
    flow.setConfiguration(configuration());
    QVERIFY(signInWithBrowser(flow));
    m_idp->with([](FakeIdentityProvider &idp) { idp.failNextTokenRequests = 1; });
    QSignalSpy failed(&flow, &SignInFlow::failed);
    flow.refresh();
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.at(0).at(0).value<core::TokenError>().httpStatus, 500);
    QCOMPARE(flow.state(), SignInFlow::State::SignedIn);
    QVERIFY(flow.isSignedIn());
    // Qt 6.4 alone would now refuse with "refresh already in progress".
    QSignalSpy refreshed(&flow, &SignInFlow::accessTokenRefreshed);
    flow.refresh();
    QVERIFY(refreshed.wait(5000));
}

void tst_SignInFlow::refusedRefresh_asksForInteractiveSignIn()
{
    SignInFlow flow(&m_network);
    flow.setConfiguration(configuration());
    QVERIFY(signInWithBrowser(flow));
    m_idp->with([](FakeIdentityProvider &idp) {
        idp.failNextWithError = "invalid_grant";
        idp.failNextWithCode = 700082;
    });
    QSignalSpy required(&flow, &SignInFlow::signInRequired);
    QSignalSpy rotated(&flow, &SignInFlow::refreshTokenChanged);
    flow.refresh();
    QVERIFY(required.wait(5000));
    QVERIFY(required.at(0).at(0).toString().contains(QLatin1String("expired")));
    QCOMPARE(flow.state(), SignInFlow::State::SignedOut);
    QVERIFY(!flow.isSignedIn());
    QCOMPARE(rotated.size(), 1);
    QVERIFY(rotated.at(0).at(0).toString().isEmpty());  // the stored token must be deleted
    QVERIFY(signInWithBrowser(flow));
}

void tst_SignInFlow::failedCodeExchange_isRecovered_secondAttemptWorks()
{
    SignInFlow flow(&m_network);
    flow.setConfiguration(configuration());
    m_idp->with([](FakeIdentityProvider &idp) {
        idp.failNextWithError = "invalid_grant";
        idp.failNextWithCode = 54005;
    });
    QSignalSpy failed(&flow, &SignInFlow::failed);
    QSignalSpy requested(&flow, &SignInFlow::authorizationRequested);
    QVERIFY(flow.signIn());
    m_browser.follow(requested.at(0).at(0).toUrl());
    // The browser's own event loop may already have delivered the answer.
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 5000);
    const auto error = failed.at(0).at(0).value<core::TokenError>();
    QCOMPARE(error.aadstsCode(), 54005);
    QCOMPARE(error.traceId, QStringLiteral("trace-1"));
    QVERIFY(error.userMessage().contains(QLatin1String("AADSTS54005")));
    QCOMPARE(flow.state(), SignInFlow::State::SignedOut);
    QVERIFY(signInWithBrowser(flow));
}

void tst_SignInFlow::stateMismatch_isRejected()
{
    SignInFlow flow(&m_network);
    flow.setConfiguration(configuration());
    QSignalSpy requested(&flow, &SignInFlow::authorizationRequested);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    QVERIFY(flow.signIn());
    QUrl forged(flow.redirectUri());
    forged.setQuery(QStringLiteral("code=stolen&state=not-the-right-one"));
    const auto page = m_browser.get(forged);
    QCOMPARE(page.status, 400);
    QVERIFY(page.body.contains("does not belong"));
    // An error redirect without the right state is ignored too.
    forged.setQuery(QStringLiteral("error=access_denied&state=nope"));
    QCOMPARE(m_browser.get(forged).status, 400);
    QTest::qWait(100);
    QCOMPARE(flow.state(), SignInFlow::State::WaitingForUser);
    QVERIFY(failed.isEmpty());
    QVERIFY(m_idp->tokenRequests().isEmpty());
    // The genuine redirect still completes the sign-in.
    QSignalSpy signedIn(&flow, &SignInFlow::signedIn);
    m_browser.follow(requested.at(0).at(0).toUrl());
    QTRY_VERIFY_WITH_TIMEOUT(!signedIn.isEmpty(), 5000);
}

void tst_SignInFlow::cancelledAuthorization_isReported()
{
    SignInFlow flow(&m_network);
    flow.setConfiguration(configuration());
    QSignalSpy requested(&flow, &SignInFlow::authorizationRequested);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    QVERIFY(flow.signIn());
    const QString state = QUrlQuery(requested.at(0).at(0).toUrl()).queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
    QUrl back(flow.redirectUri());
    back.setQuery(QStringLiteral("error=access_denied&error_description=the+user+canceled&state=") + state);
    const auto page = m_browser.get(back);
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("did not complete"));
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).value<core::TokenError>().error, QStringLiteral("access_denied"));
    QCOMPARE(flow.state(), SignInFlow::State::SignedOut);
}

void tst_SignInFlow::embeddedRedirect_isHandledWithoutSocket()
{
    SignInFlow flow(&m_network);
    flow.setConfiguration(configuration());
    QSignalSpy requested(&flow, &SignInFlow::authorizationRequested);
    QSignalSpy signedIn(&flow, &SignInFlow::signedIn);
    QSignalSpy redirected(&flow, &SignInFlow::redirectReceived);
    QVERIFY(flow.signIn());
    const auto authorize = m_browser.get(requested.at(0).at(0).toUrl());
    QCOMPARE(authorize.status, 302);
    QVERIFY(!flow.handleRedirect(QUrl(QStringLiteral("https://login.example/other"))));
    QVERIFY(flow.handleRedirect(authorize.location));
    QCOMPARE(redirected.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!signedIn.isEmpty(), 5000);
}

void tst_SignInFlow::adminConsent_reportsResult()
{
    SignInFlow flow(&m_network);
    flow.setConfiguration(configuration());
    QSignalSpy requested(&flow, &SignInFlow::adminConsentRequested);
    QSignalSpy finished(&flow, &SignInFlow::adminConsentFinished);
    QVERIFY(flow.requestAdminConsent({QStringLiteral("SecurityAlert.ReadWrite.All")}));
    const QUrl url = requested.at(0).at(0).toUrl();
    QVERIFY(url.path().endsWith(QLatin1String("/contoso.onmicrosoft.com/v2.0/adminconsent")));
    const QUrlQuery q(url);
    QCOMPARE(q.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded),
             QStringLiteral("https://graph.microsoft.com/SecurityAlert.ReadWrite.All"));
    QUrl back(flow.redirectUri());
    back.setQuery(QStringLiteral("admin_consent=True&tenant=tenant-1&state=")
                  + q.queryItemValue(QStringLiteral("state")));
    QCOMPARE(m_browser.get(back).status, 200);
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(finished.at(0).at(0).toBool());
    QVERIFY(finished.at(0).at(1).toString().contains(QLatin1String("tenant-1")));
}

void tst_SignInFlow::loopback_matchesPathExactly()
{
    SignInFlow flow(&m_network);
    flow.setConfiguration(configuration());
    QVERIFY(flow.signIn());
    QUrl other(flow.redirectUri());
    other.setPath(QStringLiteral("/login/authorizedX"));
    QCOMPARE(m_browser.get(other).status, 404);
    other.setPath(QStringLiteral("/favicon.ico"));
    QCOMPARE(m_browser.get(other).status, 404);
    QCOMPARE(flow.state(), SignInFlow::State::WaitingForUser);
}

QTEST_GUILESS_MAIN(tst_SignInFlow)
#include "tst_signinflow.moc"
