// The simulated Microsoft identity platform, over real sockets: the sign-in page, the
// authorization code flow with PKCE, refresh-token rotation, AADSTS errors and admin consent.
#include "graphsimtestclient.h"

#include "graphsim/clock.h"

#include <QStandardPaths>
#include <QTest>

using namespace graphsimtest;

class TestIdentity : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<graphsim::Simulator> m_sim;
    HttpClient m_http;

    QUrl tokenUrl() const { return url(*m_sim, QStringLiteral("/organizations/oauth2/v2.0/token")); }

    /// Authorizes through the page's form (no auto-approve) and returns the code.
    QString codeThroughForm(const QString &verifier, const QString &scope)
    {
        const HttpResult page = m_http.get(authorizeUrl(*m_sim, scope, pkceChallenge(verifier)));
        const QString html = QString::fromUtf8(page.body);
        const QRegularExpression flow(QStringLiteral("name=\"flow\" value=\"([^\"]+)\""));
        const QString flowId = flow.match(html).captured(1);
        const HttpResult post = m_http.postForm(url(*m_sim, QStringLiteral("/organizations/oauth2/v2.0/authorize")),
                                                {{QStringLiteral("flow"), flowId},
                                                 {QStringLiteral("account"), m_sim->users().at(1).id},
                                                 {QStringLiteral("action"), QStringLiteral("accept")}});
        return queryValue(redirectQuery(post), QStringLiteral("code"));
    }

    HttpResult redeem(const QString &code, const QString &verifier)
    {
        return m_http.postForm(tokenUrl(), {{QStringLiteral("client_id"), kClientId},
                                            {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                            {QStringLiteral("code"), code},
                                            {QStringLiteral("redirect_uri"), kRedirect},
                                            {QStringLiteral("code_verifier"), verifier}});
    }

    static QJsonObject jwtPayload(const QString &token)
    {
        const QStringList parts = token.split(u'.');
        return QJsonDocument::fromJson(QByteArray::fromBase64(parts.value(1).toLatin1(), QByteArray::Base64UrlEncoding))
            .object();
    }

    static void verifyAadstsError(const HttpResult &r, int status, const QString &error, int code)
    {
        QCOMPARE(r.status, status);
        const QJsonObject body = r.json();
        QCOMPARE(body.value(QStringLiteral("error")).toString(), error);
        QVERIFY(body.value(QStringLiteral("error_description")).toString().startsWith(QStringLiteral("AADSTS%1:").arg(code)));
        QCOMPARE(body.value(QStringLiteral("error_codes")).toArray().first().toInt(), code);
        for (const char *field : {"timestamp", "trace_id", "correlation_id", "error_uri"})
            QVERIFY2(!body.value(QLatin1StringView(field)).toString().isEmpty(), field);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_sim = std::make_unique<graphsim::Simulator>(smallOptions(50));
        QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
    }

    void cleanup() { m_sim.reset(); }

    void authorizePage_listsAccountsPermissionsAndButtons()
    {
        const HttpResult r = m_http.get(authorizeUrl(*m_sim, QStringLiteral("openid User.Read SecurityAlert.Read.All"),
                                                     pkceChallenge(pkceVerifier())));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("text/html"));
        const QString html = QString::fromUtf8(r.body);
        for (const graphsim::SimUser &u : m_sim->users())
            QVERIFY2(html.contains(u.userPrincipalName), qPrintable(u.userPrincipalName));
        QVERIFY(html.contains(QStringLiteral("data-scope=\"SecurityAlert.Read.All\"")));
        QVERIFY(html.contains(QStringLiteral("value=\"accept\"")));
        QVERIFY(html.contains(QStringLiteral("value=\"cancel\"")));
    }

    void formAccept_redirectsWithCodeAndState()
    {
        const HttpResult page = m_http.get(authorizeUrl(*m_sim, QStringLiteral("User.Read"), pkceChallenge(pkceVerifier()),
                                                        QStringLiteral("s t&ate")));
        const QString flowId = QRegularExpression(QStringLiteral("name=\"flow\" value=\"([^\"]+)\""))
                                   .match(QString::fromUtf8(page.body)).captured(1);
        QVERIFY(!flowId.isEmpty());
        const HttpResult post = m_http.postForm(url(*m_sim, QStringLiteral("/organizations/oauth2/v2.0/authorize")),
                                                {{QStringLiteral("flow"), flowId},
                                                 {QStringLiteral("account"), m_sim->users().first().id},
                                                 {QStringLiteral("action"), QStringLiteral("accept")}});
        QCOMPARE(post.status, 302);
        const QUrl location = QUrl::fromEncoded(post.header("Location"));
        QCOMPARE(location.adjusted(QUrl::RemoveQuery).toString(), kRedirect);
        const QUrlQuery q(location);
        QVERIFY(!queryValue(q, QStringLiteral("code")).isEmpty());
        QCOMPARE(queryValue(q, QStringLiteral("state")), QStringLiteral("s t&ate"));
    }

    void formCancel_redirectsWithAccessDenied()
    {
        const HttpResult page = m_http.get(authorizeUrl(*m_sim, QStringLiteral("User.Read"), pkceChallenge(pkceVerifier())));
        const QString flowId = QRegularExpression(QStringLiteral("name=\"flow\" value=\"([^\"]+)\""))
                                   .match(QString::fromUtf8(page.body)).captured(1);
        const HttpResult post = m_http.postForm(url(*m_sim, QStringLiteral("/organizations/oauth2/v2.0/authorize")),
                                                {{QStringLiteral("flow"), flowId}, {QStringLiteral("action"), QStringLiteral("cancel")}});
        QCOMPARE(post.status, 302);
        const QUrlQuery q = redirectQuery(post);
        QCOMPARE(queryValue(q, QStringLiteral("error")), QStringLiteral("access_denied"));
        QVERIFY(queryValue(q, QStringLiteral("error_description")).startsWith(QStringLiteral("AADSTS65004")));
        QCOMPARE(queryValue(q, QStringLiteral("state")), QStringLiteral("state-123"));
        QVERIFY(queryValue(q, QStringLiteral("code")).isEmpty());
    }

    void redirectUriOutsideLocalhost_showsErrorPageInsteadOfRedirecting()
    {
        QUrl u = authorizeUrl(*m_sim, QStringLiteral("User.Read"), pkceChallenge(pkceVerifier()));
        u.setQuery(u.query(QUrl::FullyEncoded).replace(QStringLiteral("localhost"), QStringLiteral("evil.example")),
                   QUrl::StrictMode);
        const HttpResult r = m_http.get(u);
        QCOMPARE(r.status, 400);
        QVERIFY(r.header("Location").isEmpty());
        QVERIFY(r.body.contains("AADSTS50011"));
    }

    void unknownScope_redirectsWithInvalidScope()
    {
        m_sim->setAutoApproveUser(QStringLiteral("AveryC@contoso.onmicrosoft.com"));
        const HttpResult r = m_http.get(authorizeUrl(*m_sim, QStringLiteral("Nonsense.Scope"), pkceChallenge(pkceVerifier())));
        QCOMPARE(r.status, 302);
        QCOMPARE(queryValue(redirectQuery(r), QStringLiteral("error")), QStringLiteral("invalid_scope"));
    }

    void tokenResponse_carriesJwtShapedTokensWithClaims()
    {
        const QString verifier = pkceVerifier();
        const HttpResult r = redeem(codeThroughForm(verifier, QStringLiteral("openid profile offline_access User.Read "
                                                                             "https://graph.microsoft.com/SecurityAlert.Read.All")),
                                    verifier);
        QCOMPARE(r.status, 200);
        const QJsonObject body = r.json();
        QCOMPARE(body.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(body.value(QStringLiteral("expires_in")).toInt(), 3600);
        QVERIFY(body.contains(QStringLiteral("ext_expires_in")));
        QVERIFY(!body.value(QStringLiteral("refresh_token")).toString().isEmpty());
        QVERIFY(!body.value(QStringLiteral("id_token")).toString().isEmpty());
        QVERIFY(body.value(QStringLiteral("scope")).toString().split(u' ').contains(QStringLiteral("SecurityAlert.Read.All")));
        const QJsonObject claims = jwtPayload(body.value(QStringLiteral("access_token")).toString());
        QCOMPARE(claims.value(QStringLiteral("tid")).toString(), m_sim->tenantId());
        QCOMPARE(claims.value(QStringLiteral("upn")).toString(), m_sim->users().at(1).userPrincipalName);
        QCOMPARE(claims.value(QStringLiteral("oid")).toString(), m_sim->users().at(1).id);
        QCOMPARE(claims.value(QStringLiteral("aud")).toString(), QStringLiteral("https://graph.microsoft.com"));
        QCOMPARE(claims.value(QStringLiteral("scp")).toString(), QStringLiteral("User.Read SecurityAlert.Read.All"));
        const qint64 exp = qint64(claims.value(QStringLiteral("exp")).toDouble());
        QVERIFY(qAbs(exp - (m_sim->clock()->nowMs() / 1000 + 3600)) < 5);
    }

    void pkceMismatch_isInvalidGrant501481()
    {
        const QString verifier = pkceVerifier();
        const QString code = codeThroughForm(verifier, QStringLiteral("User.Read"));
        verifyAadstsError(redeem(code, pkceVerifier()), 400, QStringLiteral("invalid_grant"), 501481);
    }

    void missingVerifier_isInvalidRequest()
    {
        const QString code = codeThroughForm(pkceVerifier(), QStringLiteral("User.Read"));
        const HttpResult r = m_http.postForm(tokenUrl(), {{QStringLiteral("client_id"), kClientId},
                                                          {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                                          {QStringLiteral("code"), code},
                                                          {QStringLiteral("redirect_uri"), kRedirect}});
        verifyAadstsError(r, 400, QStringLiteral("invalid_request"), 900144);
    }

    void reusedCode_isRejected()
    {
        const QString verifier = pkceVerifier();
        const QString code = codeThroughForm(verifier, QStringLiteral("User.Read"));
        QCOMPARE(redeem(code, verifier).status, 200);
        verifyAadstsError(redeem(code, verifier), 400, QStringLiteral("invalid_grant"), 54005);
    }

    void codeOlderThanTenMinutes_isExpired()
    {
        const QString verifier = pkceVerifier();
        const QString code = codeThroughForm(verifier, QStringLiteral("User.Read"));
        m_sim->advanceClock(11 * 60);
        verifyAadstsError(redeem(code, verifier), 400, QStringLiteral("invalid_grant"), 70008);
    }

    void clientSecretFromPublicClient_isInvalidClient700025()
    {
        const QString verifier = pkceVerifier();
        const QString code = codeThroughForm(verifier, QStringLiteral("User.Read"));
        const HttpResult r = m_http.postForm(tokenUrl(), {{QStringLiteral("client_id"), kClientId},
                                                          {QStringLiteral("client_secret"), QStringLiteral("s3cret")},
                                                          {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                                          {QStringLiteral("code"), code},
                                                          {QStringLiteral("redirect_uri"), kRedirect},
                                                          {QStringLiteral("code_verifier"), verifier}});
        verifyAadstsError(r, 401, QStringLiteral("invalid_client"), 700025);
    }

    void refreshToken_rotatesAndOldOneStopsWorking()
    {
        const QJsonObject first = signIn(m_http, *m_sim, QStringLiteral("JordanP@contoso.onmicrosoft.com"),
                                         QStringLiteral("offline_access User.Read SecurityAlert.Read.All"));
        const QString oldRefresh = first.value(QStringLiteral("refresh_token")).toString();
        QVERIFY(!oldRefresh.isEmpty());
        const auto refresh = [this](const QString &token) {
            return m_http.postForm(tokenUrl(), {{QStringLiteral("client_id"), kClientId},
                                                {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                                {QStringLiteral("refresh_token"), token},
                                                {QStringLiteral("scope"), QStringLiteral("User.Read offline_access")}});
        };
        const HttpResult second = refresh(oldRefresh);
        QCOMPARE(second.status, 200);
        const QString newRefresh = second.json().value(QStringLiteral("refresh_token")).toString();
        QVERIFY(!newRefresh.isEmpty());
        QVERIFY(newRefresh != oldRefresh);
        QCOMPARE(jwtPayload(second.json().value(QStringLiteral("access_token")).toString())
                     .value(QStringLiteral("scp")).toString(), QStringLiteral("User.Read"));
        verifyAadstsError(refresh(oldRefresh), 400, QStringLiteral("invalid_grant"), 50173);
        QCOMPARE(refresh(newRefresh).status, 200);
    }

    void refreshWithUnconsentedScope_isRejected()
    {
        const QJsonObject first = signIn(m_http, *m_sim, QStringLiteral("JordanP@contoso.onmicrosoft.com"),
                                         QStringLiteral("offline_access User.Read"));
        const HttpResult r = m_http.postForm(tokenUrl(), {{QStringLiteral("client_id"), kClientId},
                                                          {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                                          {QStringLiteral("refresh_token"), first.value(QStringLiteral("refresh_token")).toString()},
                                                          {QStringLiteral("scope"), QStringLiteral("Mail.Send")}});
        verifyAadstsError(r, 400, QStringLiteral("invalid_grant"), 65001);
    }

    void unsupportedGrantType_isRejected()
    {
        const HttpResult r = m_http.postForm(tokenUrl(), {{QStringLiteral("client_id"), kClientId},
                                                          {QStringLiteral("grant_type"), QStringLiteral("password")}});
        verifyAadstsError(r, 400, QStringLiteral("unsupported_grant_type"), 70003);
    }

    void adminConsent_redirectsWithTenantAndState()
    {
        m_sim->setAutoApproveUser(QStringLiteral("AveryC@contoso.onmicrosoft.com"));
        QUrl u = url(*m_sim, QStringLiteral("/organizations/v2.0/adminconsent"));
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("client_id"), kClientId);
        q.addQueryItem(QStringLiteral("scope"), QStringLiteral("https://graph.microsoft.com/SecurityAlert.ReadWrite.All"));
        q.addQueryItem(QStringLiteral("redirect_uri"), QStringLiteral("http://localhost/myapp/permissions"));
        q.addQueryItem(QStringLiteral("state"), QStringLiteral("12345"));
        u.setQuery(q);
        const HttpResult r = m_http.get(u);
        QCOMPARE(r.status, 302);
        const QUrlQuery back = redirectQuery(r);
        QCOMPARE(queryValue(back, QStringLiteral("admin_consent")), QStringLiteral("True"));
        QCOMPARE(queryValue(back, QStringLiteral("tenant")), m_sim->tenantId());
        QCOMPARE(queryValue(back, QStringLiteral("state")), QStringLiteral("12345"));
    }

    void autoApprove_makesSignInPlainGets()
    {
        const QJsonObject tokens = signIn(m_http, *m_sim, QStringLiteral("Sam Rivera"), QStringLiteral("User.Read"));
        const QByteArray token = tokens.value(QStringLiteral("access_token")).toString().toLatin1();
        const HttpResult me = m_http.get(graphUrl(*m_sim, QStringLiteral("me")), token);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value(QStringLiteral("displayName")).toString(), QStringLiteral("Sam Rivera"));
        QVERIFY(me.json().value(QStringLiteral("@odata.context")).toString().startsWith(m_sim->baseUrl().toString()));
    }
};

QTEST_GUILESS_MAIN(TestIdentity)
#include "tst_graphsim_identity.moc"
