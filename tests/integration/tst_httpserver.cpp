#include "http/server.h"
#include "support/rawhttpclient.h"
#include "support/serverthread.h"

#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

#include <atomic>

using namespace vigil;
using test::RawHttpClient;
using test::ServerThread;

namespace {

// Echo handler: answers "<method> <path> <body>", with a few special paths:
//   /slow/<ms>   answers after <ms> milliseconds (asynchronously)
//   /abort       drops the connection
//   /count       answers the number of requests seen
class EchoHandler final : public http::RequestHandler
{
public:
    void handleRequest(const http::Request &request, http::Responder responder) override
    {
        ++m_requests;
        const QString path = request.path();
        if (path.startsWith(QLatin1String("/slow/"))) {
            const int ms = path.mid(6).toInt();
            auto *timer = new QTimer;
            timer->setSingleShot(true);
            QObject::connect(timer, &QTimer::timeout, timer, [timer, responder, request]() mutable {
                responder.send(http::Response::text(200, "slow " + request.target));
                timer->deleteLater();
            });
            timer->start(ms);
            return;
        }
        if (path == QLatin1String("/abort")) {
            responder.abort();
            return;
        }
        if (path == QLatin1String("/count")) {
            responder.send(http::Response::text(200, QByteArray::number(m_requests.load())));
            return;
        }
        responder.send(http::Response::text(200, request.method + ' ' + request.path().toUtf8() + ' ' + request.body)
                           .addHeader("X-Peer-Local", request.peerAddress.isLoopback() ? "yes" : "no"));
    }
    std::atomic<int> m_requests{0};
};

ServerThread::HandlerFactory echo()
{
    return [] { return std::make_unique<EchoHandler>(); };
}

QByteArray get(const QByteArray &path, const QByteArray &extra = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

} // namespace

class tst_HttpServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void portZero_bindsLoopbackAndReportsPort();
    void portInUse_failsWithMessage();
    void keepAlive_servesSeveralRequestsOnOneConnection();
    void pipelinedRequests_answeredInOrder();
    void requestSplitAcrossWrites_isAssembled();
    void headRequest_hasNoBody();
    void expectContinue_getsInterimResponse();
    void badRequest_getsStatusAndCloses_whileOthersAreServed_data();
    void badRequest_getsStatusAndCloses_whileOthersAreServed();
    void oversizedBodyAlreadySent_stillGets413();
    void headerTimeout_gives408();
    void bodyTimeout_gives408();
    void idleKeepAlive_isClosedSilently();
    void maxRequestsPerConnection_closesAfterLast();
    void maxConnections_refusesExtraWith503();
    void http10_closesAfterResponse();
    void handlerAbort_dropsConnection();
    void clientGoneBeforeAsyncAnswer_isHarmless();
    void tls_servesHttps();

private:
    http::ServerLimits fastLimits() const;
};

void tst_HttpServer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

http::ServerLimits tst_HttpServer::fastLimits() const
{
    http::ServerLimits limits;
    limits.headerTimeout = std::chrono::milliseconds(400);
    limits.bodyTimeout = std::chrono::milliseconds(400);
    limits.idleTimeout = std::chrono::milliseconds(400);
    return limits;
}

void tst_HttpServer::portZero_bindsLoopbackAndReportsPort()
{
    EchoHandler handler;
    http::Server server(&handler);
    QVERIFY(server.listen());
    QVERIFY(server.serverPort() != 0);
    QCOMPARE(server.serverAddress(), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(server.baseUrl(), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort())));
}

void tst_HttpServer::portInUse_failsWithMessage()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    EchoHandler handler;
    http::Server server(&handler);
    QVERIFY(!server.listen(QHostAddress::LocalHost, occupant.serverPort()));
    QVERIFY(!server.isListening());
    QVERIFY2(server.errorString().contains(QLatin1String("in use"), Qt::CaseInsensitive), qPrintable(server.errorString()));
}

void tst_HttpServer::keepAlive_servesSeveralRequestsOnOneConnection()
{
    ServerThread server(echo());
    RawHttpClient client;
    QVERIFY(client.connectTo(server.port()));
    for (int i = 0; i < 5; ++i) {
        client.send(get("/item/" + QByteArray::number(i)));
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, "GET /item/" + QByteArray::number(i) + ' ');
        QCOMPARE(response->header("Connection"), QByteArray("keep-alive"));
        QCOMPARE(response->header("X-Peer-Local"), QByteArray("yes"));
        QVERIFY(!response->header("Date").isEmpty());
    }
    client.send(get("/count"));
    QCOMPARE(client.readResponse()->body, QByteArray("6"));
}

void tst_HttpServer::pipelinedRequests_answeredInOrder()
{
    ServerThread server(echo());
    RawHttpClient client;
    QVERIFY(client.connectTo(server.port()));
    // The first request is answered last by the handler, yet must come back first.
    client.send(get("/slow/200") + get("/fast") + "POST /post HTTP/1.1\r\nContent-Length: 4\r\n\r\nbody" + get("/last"));
    const auto a = client.readResponse();
    const auto b = client.readResponse();
    const auto c = client.readResponse();
    const auto d = client.readResponse();
    QVERIFY(a && b && c && d);
    QCOMPARE(a->body, QByteArray("slow /slow/200"));
    QCOMPARE(b->body, QByteArray("GET /fast "));
    QCOMPARE(c->body, QByteArray("POST /post body"));
    QCOMPARE(d->body, QByteArray("GET /last "));
}

void tst_HttpServer::requestSplitAcrossWrites_isAssembled()
{
    ServerThread server(echo());
    RawHttpClient client;
    QVERIFY(client.connectTo(server.port()));
    const QByteArray raw = "POST /split HTTP/1.1\r\nContent-Length: 6\r\nX-A: 1\r\n\r\nabcdef";
    for (qsizetype i = 0; i < raw.size(); i += 7) {
        client.send(raw.mid(i, 7));
        QTest::qWait(5);
    }
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->body, QByteArray("POST /split abcdef"));
}

void tst_HttpServer::headRequest_hasNoBody()
{
    ServerThread server(echo());
    RawHttpClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send("HEAD /h HTTP/1.1\r\n\r\n" + get("/after"));
    const auto head = client.readResponse(5000, true);
    QVERIFY(head);
    QCOMPARE(head->status, 200);
    QCOMPARE(head->header("Content-Length"), QByteArray::number(QByteArray("HEAD /h ").size()));
    QVERIFY(head->body.isEmpty());
    const auto after = client.readResponse();
    QVERIFY(after);
    QCOMPARE(after->body, QByteArray("GET /after "));
}

void tst_HttpServer::expectContinue_getsInterimResponse()
{
    ServerThread server(echo());
    RawHttpClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send("POST /e HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
    const auto interim = client.readResponse();
    QVERIFY(interim);
    QCOMPARE(interim->status, 100);
    client.send("abc");
    const auto final = client.readResponse();
    QVERIFY(final);
    QCOMPARE(final->status, 200);
    QCOMPARE(final->body, QByteArray("POST /e abc"));
}

void tst_HttpServer::badRequest_getsStatusAndCloses_whileOthersAreServed_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("status");
    QTest::newRow("garbage") << QByteArray("\x01\x02\x03 nonsense\r\n\r\n") << 400;
    QTest::newRow("request line too long") << get("/" + QByteArray(9 * 1024, 'a')) << 414;
    QTest::newRow("header block too large") << get("/", "X-Big: " + QByteArray(33 * 1024, 'h') + "\r\n") << 431;
    QTest::newRow("body too large") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 2000000\r\n\r\n") << 413;
    QTest::newRow("no content length") << QByteArray("POST / HTTP/1.1\r\n\r\n") << 411;
    QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")
                             << 411;
    QTest::newRow("gzip coding") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n") << 501;
    QTest::newRow("http/2") << get("/").replace("HTTP/1.1", "HTTP/2.0") << 505;
    QTest::newRow("bad expectation") << QByteArray("POST / HTTP/1.1\r\nExpect: x\r\nContent-Length: 1\r\n\r\n1") << 417;
    QTest::newRow("after a good request") << (get("/ok") + "GET /\x7f HTTP/1.1\r\n\r\n") << 400;
}

void tst_HttpServer::badRequest_getsStatusAndCloses_whileOthersAreServed()
{
    QFETCH(QByteArray, raw);
    QFETCH(int, status);
    ServerThread server(echo());
    RawHttpClient good;
    QVERIFY(good.connectTo(server.port()));
    good.send(get("/before"));
    QCOMPARE(good.readResponse()->status, 200);

    RawHttpClient bad;
    QVERIFY(bad.connectTo(server.port()));
    bad.send(raw);
    auto response = bad.readResponse();
    QVERIFY(response);
    if (QTest::currentDataTag() == QByteArrayView("after a good request")) {
        QCOMPARE(response->status, 200);
        response = bad.readResponse();
        QVERIFY(response);
    }
    QCOMPARE(response->status, status);
    QCOMPARE(response->header("Connection"), QByteArray("close"));
    QVERIFY(bad.waitForClosed());

    good.send(get("/after"));
    const auto after = good.readResponse();
    QVERIFY(after);
    QCOMPARE(after->body, QByteArray("GET /after "));
}

void tst_HttpServer::oversizedBodyAlreadySent_stillGets413()
{
    ServerThread server(echo());
    RawHttpClient client;
    QVERIFY(client.connectTo(server.port()));
    // Headers and 3 MiB of body in one go: the 413 must survive the unread bytes.
    client.socket()->write("POST /big HTTP/1.1\r\nContent-Length: 3145728\r\n\r\n" + QByteArray(3 * 1024 * 1024, 'x'));
    const auto response = client.readResponse(10000);
    QVERIFY(response);
    QCOMPARE(response->status, 413);
}

void tst_HttpServer::headerTimeout_gives408()
{
    ServerThread server(echo(), fastLimits());
    RawHttpClient slow;
    QVERIFY(slow.connectTo(server.port()));
    slow.send("GET /slowloris HTTP/1.1\r\nX-A: 1\r\n");
    QElapsedTimer timer;
    timer.start();
    const auto response = slow.readResponse(5000);
    QVERIFY(response);
    QCOMPARE(response->status, 408);
    QVERIFY(timer.elapsed() >= 300);
    QVERIFY(slow.waitForClosed());

    // A connection that never sends anything is closed without a response.
    RawHttpClient silent;
    QVERIFY(silent.connectTo(server.port()));
    QVERIFY(silent.waitForClosed(5000));
    QVERIFY(!silent.readResponse(100));
}

void tst_HttpServer::bodyTimeout_gives408()
{
    ServerThread server(echo(), fastLimits());
    RawHttpClient slow;
    QVERIFY(slow.connectTo(server.port()));
    slow.send("POST /x HTTP/1.1\r\nContent-Length: 100\r\n\r\nonly part of it");
    const auto response = slow.readResponse(5000);
    QVERIFY(response);
    QCOMPARE(response->status, 408);
    QVERIFY(slow.waitForClosed());
}

void tst_HttpServer::idleKeepAlive_isClosedSilently()
{
    ServerThread server(echo(), fastLimits());
    RawHttpClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send(get("/one"));
    QCOMPARE(client.readResponse()->status, 200);
    QVERIFY(client.waitForClosed(5000));
}

void tst_HttpServer::maxRequestsPerConnection_closesAfterLast()
{
    http::ServerLimits limits;
    limits.maxRequestsPerConnection = 3;
    ServerThread server(echo(), limits);
    RawHttpClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send(get("/1") + get("/2") + get("/3") + get("/4"));
    QCOMPARE(client.readResponse()->header("Connection"), QByteArray("keep-alive"));
    QCOMPARE(client.readResponse()->header("Connection"), QByteArray("keep-alive"));
    const auto third = client.readResponse();
    QVERIFY(third);
    QCOMPARE(third->header("Connection"), QByteArray("close"));
    QVERIFY(client.waitForClosed());
    QVERIFY(!client.readResponse(200));
}

void tst_HttpServer::maxConnections_refusesExtraWith503()
{
    http::ServerLimits limits;
    limits.maxConnections = 2;
    ServerThread server(echo(), limits);
    RawHttpClient a, b, c;
    QVERIFY(a.connectTo(server.port()));
    QVERIFY(b.connectTo(server.port()));
    a.send(get("/a"));
    QCOMPARE(a.readResponse()->status, 200);
    b.send(get("/b"));
    QCOMPARE(b.readResponse()->status, 200);
    QVERIFY(c.connectTo(server.port()));
    const auto refused = c.readResponse();
    QVERIFY(refused);
    QCOMPARE(refused->status, 503);
    QVERIFY(c.waitForClosed());
    // The open connections are unaffected, and a freed slot can be reused.
    a.send(get("/a2"));
    QCOMPARE(a.readResponse()->body, QByteArray("GET /a2 "));
    b.socket()->disconnectFromHost();
    QTest::qWait(200);
    RawHttpClient d;
    QVERIFY(d.connectTo(server.port()));
    d.send(get("/d"));
    const auto served = d.readResponse();
    QVERIFY(served);
    QCOMPARE(served->status, 200);
}

void tst_HttpServer::http10_closesAfterResponse()
{
    ServerThread server(echo());
    RawHttpClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send("GET /old HTTP/1.0\r\n\r\n");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->header("Connection"), QByteArray("close"));
    QVERIFY(client.waitForClosed());
}

void tst_HttpServer::handlerAbort_dropsConnection()
{
    ServerThread server(echo());
    RawHttpClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send(get("/abort"));
    QVERIFY(!client.readResponse(1000));
    QVERIFY(client.waitForClosed());
}

void tst_HttpServer::clientGoneBeforeAsyncAnswer_isHarmless()
{
    ServerThread server(echo());
    {
        RawHttpClient client;
        QVERIFY(client.connectTo(server.port()));
        client.send(get("/slow/150"));
        client.socket()->abort();
    }
    QTest::qWait(300);
    RawHttpClient next;
    QVERIFY(next.connectTo(server.port()));
    next.send(get("/still-alive"));
    QCOMPARE(next.readResponse()->status, 200);
}

void tst_HttpServer::tls_servesHttps()
{
    QString error;
    const auto tls = http::loadTlsConfiguration(QStringLiteral(VIGIL_TEST_DATA "/localhost.crt"),
                                                QStringLiteral(VIGIL_TEST_DATA "/localhost.key"), &error);
    QVERIFY2(tls, qPrintable(error));
    QVERIFY(!http::loadTlsConfiguration(QStringLiteral(VIGIL_TEST_DATA "/localhost.key"),
                                        QStringLiteral(VIGIL_TEST_DATA "/localhost.key"), &error));
    QVERIFY(error.contains(QLatin1String("certificate")));

    ServerThread server(echo(), {}, tls);
    QVERIFY(server.isListening());
    RawHttpClient client(true);
    QVERIFY(client.connectTo(server.port()));
    client.send(get("/secure"));
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->body, QByteArray("GET /secure "));
    client.send(get("/again"));
    QCOMPARE(client.readResponse()->status, 200);
}

QTEST_GUILESS_MAIN(tst_HttpServer)
#include "tst_httpserver.moc"
