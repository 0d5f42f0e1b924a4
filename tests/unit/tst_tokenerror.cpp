#include "core/auth/tokenerror.h"

#include <QTest>

using vigil::core::TokenError;

class tst_TokenError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesIdentityPlatformErrorBody();
    void nonJsonBody_becomesDescription();
    void advice_saysWhatToChange_data();
    void advice_saysWhatToChange();
    void interactiveSignIn_isRequiredForDeadGrants_data();
    void interactiveSignIn_isRequiredForDeadGrants();
};

void tst_TokenError::parsesIdentityPlatformErrorBody()
{
    const QByteArray body = R"({"error":"invalid_grant","error_description":"AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.\r\nTrace ID: t\r\nCorrelation ID: c\r\nTimestamp: 2026-11-27 10:00:00Z","error_codes":[501481],"timestamp":"2026-11-27 10:00:00Z","trace_id":"0000aaaa-11bb","correlation_id":"aaaa0000-bb11"})";
    const TokenError e = TokenError::fromResponse(400, body);
    QCOMPARE(e.httpStatus, 400);
    QCOMPARE(e.error, QStringLiteral("invalid_grant"));
    QCOMPARE(e.aadstsCode(), 501481);
    QCOMPARE(e.traceId, QStringLiteral("0000aaaa-11bb"));
    QCOMPARE(e.correlationId, QStringLiteral("aaaa0000-bb11"));
    QVERIFY(e.userMessage().contains(QLatin1String("AADSTS501481")));
    QVERIFY(e.userMessage().contains(QLatin1String("0000aaaa-11bb")));
}

void tst_TokenError::nonJsonBody_becomesDescription()
{
    const TokenError e = TokenError::fromResponse(502, "<html>Bad Gateway</html>");
    QCOMPARE(e.error, QStringLiteral("http_502"));
    QVERIFY(e.description.contains(QLatin1String("Bad Gateway")));
    QCOMPARE(e.aadstsCode(), 0);
}

void tst_TokenError::advice_saysWhatToChange_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("50011 redirect URI") << 50011 << QStringLiteral("http://localhost/login/authorized");
    QTest::newRow("65001 consent") << 65001 << QStringLiteral("admin consent");
    QTest::newRow("7000218 web platform") << 7000218 << QStringLiteral("Mobile and desktop applications");
    QTest::newRow("700025 secret") << 700025 << QStringLiteral("secret");
    QTest::newRow("50076 MFA") << 50076 << QStringLiteral("multi-factor");
    QTest::newRow("50079 MFA enrolment") << 50079 << QStringLiteral("multi-factor");
    QTest::newRow("53003 conditional access") << 53003 << QStringLiteral("Conditional Access");
    QTest::newRow("700016 unknown app") << 700016 << QStringLiteral("client ID");
}

void tst_TokenError::advice_saysWhatToChange()
{
    QFETCH(int, code);
    QFETCH(QString, mentions);
    // The code may come only inside the description, as in authorization-redirect errors.
    TokenError e;
    e.error = QStringLiteral("invalid_request");
    e.description = QStringLiteral("AADSTS%1: something went wrong").arg(code);
    QCOMPARE(e.aadstsCode(), code);
    QVERIFY2(e.advice().contains(mentions), qPrintable(e.advice()));
}

void tst_TokenError::interactiveSignIn_isRequiredForDeadGrants_data()
{
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("required");
    QTest::newRow("expired refresh token") << QStringLiteral("invalid_grant") << 700082 << true;
    QTest::newRow("revoked") << QStringLiteral("invalid_grant") << 50173 << true;
    QTest::newRow("mfa") << QStringLiteral("interaction_required") << 50076 << true;
    QTest::newRow("server error") << QStringLiteral("temporarily_unavailable") << 0 << false;
    QTest::newRow("network") << QStringLiteral("network_error") << 0 << false;
}

void tst_TokenError::interactiveSignIn_isRequiredForDeadGrants()
{
    QFETCH(QString, error);
    QFETCH(int, code);
    QFETCH(bool, required);
    TokenError e;
    e.error = error;
    if (code)
        e.codes = {code};
    QCOMPARE(e.requiresInteractiveSignIn(), required);
}

QTEST_APPLESS_MAIN(tst_TokenError)
#include "tst_tokenerror.moc"
