#include "http/request.h"
#include "http/response.h"

#include <QJsonObject>
#include <QTest>

using namespace vigil::http;

class tst_Request : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void path_isPercentDecodedWithoutQuery_data();
    void path_isPercentDecodedWithoutQuery();
    void queryValue_isFullyDecoded();
    void formFields_decodePlusAsSpace_data();
    void formFields_decodePlusAsSpace();
    void responseSetHeader_replacesCaseInsensitively();
    void responseJson_setsContentType();
    void reasonPhrase_knowsCommonCodes();
};

void tst_Request::path_isPercentDecodedWithoutQuery_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("rawQuery");
    QTest::newRow("plain") << QByteArray("/listen") << QStringLiteral("/listen") << QByteArray();
    QTest::newRow("query") << QByteArray("/listen?validationToken=a%20b") << QStringLiteral("/listen")
                           << QByteArray("validationToken=a%20b");
    QTest::newRow("encoded path") << QByteArray("/a%2Fb%20c?x") << QStringLiteral("/a/b c") << QByteArray("x");
    QTest::newRow("empty query") << QByteArray("/x?") << QStringLiteral("/x") << QByteArray("");
    QTest::newRow("utf8") << QByteArray("/%E5%91%8A%E8%AD%A6") << QStringLiteral("/告警") << QByteArray();
}

void tst_Request::path_isPercentDecodedWithoutQuery()
{
    QFETCH(QByteArray, target);
    QFETCH(QString, path);
    QFETCH(QByteArray, rawQuery);
    Request r;
    r.target = target;
    QCOMPARE(r.path(), path);
    QCOMPARE(r.rawQuery(), rawQuery);
}

void tst_Request::queryValue_isFullyDecoded()
{
    Request r;
    r.target = "/v1.0/security/alerts_v2?$filter=severity%20eq%20'high'%20and%20status%20ne%20'new'&$top=5";
    QCOMPARE(r.queryValue(QStringLiteral("$filter")), QStringLiteral("severity eq 'high' and status ne 'new'"));
    QCOMPARE(r.queryValue(QStringLiteral("$top")), QStringLiteral("5"));
    QCOMPARE(r.queryValue(QStringLiteral("$skip")), QString());
}

void tst_Request::formFields_decodePlusAsSpace_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("flat");
    QTest::newRow("token request") << QByteArray("grant_type=authorization_code&code=a%2Fb%2Bc&scope=openid+User.Read")
                                   << QStringList{QStringLiteral("grant_type"), QStringLiteral("authorization_code"),
                                                  QStringLiteral("code"), QStringLiteral("a/b+c"),
                                                  QStringLiteral("scope"), QStringLiteral("openid User.Read")};
    QTest::newRow("empty value and key only") << QByteArray("a=&b")
                                              << QStringList{QStringLiteral("a"), QString(), QStringLiteral("b"), QString()};
    QTest::newRow("empty pairs skipped") << QByteArray("&&x=1&") << QStringList{QStringLiteral("x"), QStringLiteral("1")};
}

void tst_Request::formFields_decodePlusAsSpace()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, flat);
    QStringList got;
    for (const auto &[k, v] : parseFormUrlEncoded(body))
        got << k << v;
    QCOMPARE(got, flat);
}

void tst_Request::responseSetHeader_replacesCaseInsensitively()
{
    Response r = Response::text(200, "x");
    r.setHeader("content-type", "text/html");
    QCOMPARE(r.headers.size(), 1);
    QCOMPARE(r.header("Content-Type"), QByteArray("text/html"));
    r.addHeader("Warning", "a").addHeader("Warning", "b");
    QCOMPARE(r.headers.size(), 3);
}

void tst_Request::responseJson_setsContentType()
{
    const Response r = Response::json(201, QJsonObject{{QStringLiteral("id"), QStringLiteral("x")}});
    QCOMPARE(r.status, 201);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(r.body, QByteArray("{\"id\":\"x\"}"));
}

void tst_Request::reasonPhrase_knowsCommonCodes()
{
    QCOMPARE(reasonPhrase(413), QByteArray("Payload Too Large"));
    QCOMPARE(reasonPhrase(429), QByteArray("Too Many Requests"));
    QCOMPARE(reasonPhrase(799), QByteArray("Unknown"));
}

QTEST_APPLESS_MAIN(tst_Request)
#include "tst_request.moc"
