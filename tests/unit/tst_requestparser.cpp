#include "http/requestparser.h"

#include <QTest>

using vigil::http::Request;
using vigil::http::RequestParser;
using vigil::http::ServerLimits;
using Status = RequestParser::Status;

namespace {
// Feeds everything the parser will take, stopping at a complete request or an error.
Status feedAll(RequestParser &parser, QByteArrayView data, qsizetype *consumed = nullptr)
{
    qsizetype offset = 0;
    while (offset < data.size()) {
        offset += parser.feed(data.sliced(offset));
        if (parser.status() == Status::RequestComplete || parser.status() == Status::Error)
            break;
    }
    if (consumed)
        *consumed = offset;
    return parser.status();
}
} // namespace

class tst_RequestParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void simpleGet_yieldsMethodTargetHeaders();
    void postWithBody_yieldsBody();
    void byteByByte_givesSameRequest();
    void stopsAfterHeaders_thenContinues();
    void pipelinedRequests_parsedOneAtATime();
    void http10_isNotKeepAliveByDefault();
    void connectionClose_isNotKeepAlive();
    void expect100Continue_isReported();
    void headerCase_isIgnoredOnLookup();
    void badRequests_data();
    void badRequests();
    void limitsAreConfigurable();
    void errorState_consumesNothingMore();
};

void tst_RequestParser::simpleGet_yieldsMethodTargetHeaders()
{
    RequestParser parser;
    QCOMPARE(feedAll(parser, "GET /v1.0/me?$select=id%2CdisplayName HTTP/1.1\r\nHost: x\r\nAccept: */*\r\n\r\n"),
             Status::RequestComplete);
    const Request r = parser.takeRequest();
    QCOMPARE(r.method, QByteArray("GET"));
    QCOMPARE(r.target, QByteArray("/v1.0/me?$select=id%2CdisplayName"));
    QCOMPARE(r.path(), QStringLiteral("/v1.0/me"));
    QCOMPARE(r.queryValue(QStringLiteral("$select")), QStringLiteral("id,displayName"));
    QCOMPARE(r.headers.size(), 2);
    QCOMPARE(r.header("host"), QByteArray("x"));
    QVERIFY(r.keepAlive);
    QCOMPARE(parser.status(), Status::Idle);
}

void tst_RequestParser::postWithBody_yieldsBody()
{
    RequestParser parser;
    QCOMPARE(feedAll(parser, "POST /listen HTTP/1.1\r\nContent-Length: 11\r\nContent-Type: application/json\r\n\r\n"
                             "{\"value\":1}"),
             Status::RequestComplete);
    const Request r = parser.takeRequest();
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.body, QByteArray("{\"value\":1}"));
}

void tst_RequestParser::byteByByte_givesSameRequest()
{
    const QByteArray raw = "PATCH /a/b%20c HTTP/1.1\r\nX-Long: " + QByteArray(300, 'v')
                         + "\r\nContent-Length: 5\r\n\r\nhello";
    RequestParser parser;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        QVERIFY2(parser.status() != Status::Error, parser.errorMessage().constData());
        QVERIFY(parser.status() != Status::RequestComplete);
        // A stop at the end of the headers leaves the byte to be fed again.
        qsizetype consumed = parser.feed(QByteArrayView(raw).sliced(i, 1));
        if (consumed == 0 && parser.status() == Status::HeadersComplete)
            consumed = parser.feed(QByteArrayView(raw).sliced(i, 1));
        QCOMPARE(consumed, 1);
    }
    QCOMPARE(parser.status(), Status::RequestComplete);
    const Request r = parser.takeRequest();
    QCOMPARE(r.path(), QStringLiteral("/a/b c"));
    QCOMPARE(r.header("X-Long"), QByteArray(300, 'v'));
    QCOMPARE(r.body, QByteArray("hello"));
}

void tst_RequestParser::stopsAfterHeaders_thenContinues()
{
    RequestParser parser;
    const QByteArray raw = "POST /x HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc";
    const qsizetype first = parser.feed(raw);
    QCOMPARE(parser.status(), Status::HeadersComplete);
    QVERIFY(first < raw.size());
    QCOMPARE(parser.pendingRequest().method, QByteArray("POST"));
    const qsizetype second = parser.feed(QByteArrayView(raw).sliced(first));
    QCOMPARE(first + second, raw.size());
    QCOMPARE(parser.status(), Status::RequestComplete);
}

void tst_RequestParser::pipelinedRequests_parsedOneAtATime()
{
    const QByteArray raw = "GET /1 HTTP/1.1\r\n\r\nPOST /2 HTTP/1.1\r\nContent-Length: 2\r\n\r\nokGET /3 HTTP/1.1\r\n\r\n";
    RequestParser parser;
    QByteArrayView rest(raw);
    QStringList paths;
    while (!rest.isEmpty()) {
        qsizetype consumed = 0;
        QCOMPARE(feedAll(parser, rest, &consumed), Status::RequestComplete);
        paths << parser.takeRequest().path();
        rest = rest.sliced(consumed);
    }
    QCOMPARE(paths, (QStringList{QStringLiteral("/1"), QStringLiteral("/2"), QStringLiteral("/3")}));
}

void tst_RequestParser::http10_isNotKeepAliveByDefault()
{
    RequestParser parser;
    QCOMPARE(feedAll(parser, "GET / HTTP/1.0\r\n\r\n"), Status::RequestComplete);
    QVERIFY(!parser.takeRequest().keepAlive);
    QCOMPARE(feedAll(parser, "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"), Status::RequestComplete);
    QVERIFY(parser.takeRequest().keepAlive);
}

void tst_RequestParser::connectionClose_isNotKeepAlive()
{
    RequestParser parser;
    QCOMPARE(feedAll(parser, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n"), Status::RequestComplete);
    QVERIFY(!parser.takeRequest().keepAlive);
}

void tst_RequestParser::expect100Continue_isReported()
{
    RequestParser parser;
    parser.feed("POST /x HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
    QCOMPARE(parser.status(), Status::HeadersComplete);
    QVERIFY(parser.expectsContinue());
}

void tst_RequestParser::headerCase_isIgnoredOnLookup()
{
    RequestParser parser;
    QCOMPARE(feedAll(parser, "GET / HTTP/1.1\r\nclientState: abc\r\nAUTHORIZATION: Bearer x\r\n\r\n"),
             Status::RequestComplete);
    const Request r = parser.takeRequest();
    QCOMPARE(r.header("ClientState"), QByteArray("abc"));
    QCOMPARE(r.header("authorization"), QByteArray("Bearer x"));
    QVERIFY(!r.hasHeader("Cookie"));
}

void tst_RequestParser::badRequests_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("status");

    QTest::newRow("garbage") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11) << 400;
    QTest::newRow("http/0.9 simple request") << QByteArray("GET /\r\n\r\n") << 505;
    QTest::newRow("bad version") << QByteArray("GET / XTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("space in target") << QByteArray("GET /a b HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("http/2") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505;
    QTest::newRow("http/0.9") << QByteArray("GET / HTTP/0.9\r\n\r\n") << 505;
    QTest::newRow("absolute-form elsewhere") << QByteArray("GET http://example.com/ HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("request line too long") << ("GET /" + QByteArray(9000, 'a') + " HTTP/1.1\r\n\r\n") << 414;
    QTest::newRow("header block too large")
        << ("GET / HTTP/1.1\r\n" + QByteArray("X-A: ") + QByteArray(20000, 'a') + "\r\nX-B: " + QByteArray(20000, 'b')
            + "\r\n\r\n")
        << 431;
    QByteArray manyHeaders = "GET / HTTP/1.1\r\n";
    for (int i = 0; i < 101; ++i)
        manyHeaders += "X-" + QByteArray::number(i) + ": 1\r\n";
    QTest::newRow("too many headers") << (manyHeaders + "\r\n") << 431;
    QTest::newRow("body too large") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1048577\r\n\r\n") << 413;
    QTest::newRow("post without length") << QByteArray("POST / HTTP/1.1\r\n\r\n") << 411;
    QTest::newRow("put without length") << QByteArray("PUT / HTTP/1.1\r\n\r\n") << 411;
    QTest::newRow("chunked body") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
                                  << 411;
    QTest::newRow("other transfer coding") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n") << 501;
    QTest::newRow("length and chunked") << QByteArray(
        "POST / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n") << 400;
    QTest::newRow("two lengths") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n")
                                 << 400;
    QTest::newRow("negative length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
    QTest::newRow("bad expectation") << QByteArray("POST / HTTP/1.1\r\nExpect: magic\r\nContent-Length: 1\r\n\r\nx")
                                     << 417;
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nNoColon\r\n\r\n") << 400;
    QTest::newRow("nul in header") << QByteArray("GET / HTTP/1.1\r\nX: a\0b\r\n\r\n", 26) << 400;
    QTest::newRow("connect") << QByteArray("CONNECT example.com:443 HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("upgrade") << QByteArray("GET / HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n") << 501;
}

void tst_RequestParser::badRequests()
{
    QFETCH(QByteArray, raw);
    QFETCH(int, status);
    RequestParser parser;
    QCOMPARE(feedAll(parser, raw), Status::Error);
    QCOMPARE(parser.errorStatus(), status);
    QVERIFY(!parser.errorMessage().isEmpty());
}

void tst_RequestParser::limitsAreConfigurable()
{
    ServerLimits limits;
    limits.maxBodyBytes = 10;
    limits.maxHeaderCount = 2;
    RequestParser small(limits);
    QCOMPARE(feedAll(small, "POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\n"), Status::Error);
    QCOMPARE(small.errorStatus(), 413);
    RequestParser fewHeaders(limits);
    QCOMPARE(feedAll(fewHeaders, "GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n"), Status::Error);
    QCOMPARE(fewHeaders.errorStatus(), 431);
    RequestParser ok(limits);
    QCOMPARE(feedAll(ok, "POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n0123456789"), Status::RequestComplete);
}

void tst_RequestParser::errorState_consumesNothingMore()
{
    RequestParser parser;
    feedAll(parser, "BOGUS\r\n\r\n");
    QVERIFY(parser.isError());
    QCOMPARE(parser.feed("GET / HTTP/1.1\r\n\r\n"), 0);
}

QTEST_APPLESS_MAIN(tst_RequestParser)
#include "tst_requestparser.moc"
