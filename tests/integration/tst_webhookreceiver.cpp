// WebhookReceiver: the handler without sockets (validation echo, 202 then processing, clientState
// checks, lifecycle, push authentication) and the receiver as the app runs it, on the main thread
// with its own server, against raw clients on other threads: oversized, malformed, slow and
// half-closed requests get their 4xx or time out, nothing crashes, and a valid notification sent
// meanwhile is still processed.

#include "core/notifications/secret.h"
#include "core/notifications/webhookreceiver.h"
#include "http/server.h"
#include "support/graphnotification.h"
#include "support/logcapture.h"
#include "support/rawhttpclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>
#include <QTcpServer>
#include <QTest>

#include <sys/resource.h>
#include <sys/socket.h>

using namespace vigil;
using core::Notification;
using core::WebhookReceiver;
using test::notificationBody;

namespace {

const QString kSubscription = QStringLiteral("7f105c7d-2dc5-4530-97cd-4e7ae6534c07");
const QString kState = QStringLiteral("s3cr3t-Cl1entState-0123456789abcdefghijklmnop");

http::Request post(const QByteArray &target, const QByteArray &body, const QByteArray &contentType = "application/json")
{
    http::Request r;
    r.method = "POST";
    r.target = target;
    r.body = body;
    r.headers.append({ QByteArrayLiteral("Content-Type"), contentType });
    return r;
}

/// Calls the handler and returns what it answered (synchronously answered requests only).
http::Response handle(WebhookReceiver &receiver, const http::Request &request)
{
    http::Response answer;
    bool answered = false;
    receiver.handleRequest(request, http::Responder([&](http::Response &&r) {
                               answer = std::move(r);
                               answered = true;
                           }));
    if (!answered)
        answer.status = -1;
    return answer;
}

QByteArray rawRequest(const QByteArray &target, const QByteArray &body, const QByteArray &extraHeaders = {})
{
    return "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
}

template <typename F> auto onClientThread(F f)
{
    return QtConcurrent::run(std::move(f));
}

} // namespace

class tst_WebhookReceiver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void constantTimeEquals_comparesWholeSecrets_data();
    void constantTimeEquals_comparesWholeSecrets();
    void generateSecret_isRandomAndUrlSafe();

    void validation_echoesDecodedTokenAsPlainText_data();
    void validation_echoesDecodedTokenAsPlainText();
    void validation_onLifecycleRoute_isAnsweredToo();
    void notification_answers202AtOnce_thenProcesses();
    void wrongClientState_isDroppedAndNeverLoggedOrEchoed();
    void missingClientState_isDropped();
    void unknownSubscription_pendingClientState_isAccepted();
    void lifecycle_isReportedAfterTheClientStateCheck();
    void notJson_is400_andNothingHappens();
    void otherMethodsAndPaths_are405And404();
    void push_withoutOrWithWrongSecret_is401_andChangesNothing_data();
    void push_withoutOrWithWrongSecret_is401_andChangesNothing();
    void push_oneAlertOrValueArray_isAccepted();
    void push_invalidBody_is400();
    void urls_usePublicBaseWhenSet();

    void portInUse_isAClearError();
    void connectionCap_staysWithinTheOpenFileLimit();
    void tls_withCertificateAndKey_servesHttps();
    void robustness_badRequestsGet4xx_validOneStillProcessed();
    void robustness_slowAndHalfClosedRequestsTimeOut_validOneStillProcessed();
};

void tst_WebhookReceiver::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    test::LogCapture::install();
}

void tst_WebhookReceiver::cleanupTestCase()
{
    test::LogCapture::uninstall();
}

void tst_WebhookReceiver::init()
{
    test::LogCapture::clear();
}

void tst_WebhookReceiver::constantTimeEquals_comparesWholeSecrets_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("same") << QByteArray("abcdef") << QByteArray("abcdef") << true;
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    QTest::newRow("first byte") << QByteArray("xbcdef") << QByteArray("abcdef") << false;
    QTest::newRow("last byte") << QByteArray("abcdex") << QByteArray("abcdef") << false;
    QTest::newRow("prefix") << QByteArray("abc") << QByteArray("abcdef") << false;
    QTest::newRow("longer") << QByteArray("abcdefg") << QByteArray("abcdef") << false;
    QTest::newRow("empty vs value") << QByteArray() << QByteArray("a") << false;
    QTest::newRow("nul inside") << QByteArray("ab\0d", 4) << QByteArray("ab\0e", 4) << false;
}

void tst_WebhookReceiver::constantTimeEquals_comparesWholeSecrets()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(core::constantTimeEquals(a, b), equal);
    QCOMPARE(core::constantTimeEquals(b, a), equal);
}

void tst_WebhookReceiver::generateSecret_isRandomAndUrlSafe()
{
    const QString a = core::generateSecret(32);
    const QString b = core::generateSecret(32);
    QVERIFY(a != b);
    QCOMPARE(a.size(), 43); // 32 bytes, base64url without padding
    QVERIFY(a.size() <= 128); // Graph's clientState limit
    for (const QChar c : a)
        QVERIFY2(c.isLetterOrNumber() || c == u'-' || c == u'_', qPrintable(a));
}

void tst_WebhookReceiver::validation_echoesDecodedTokenAsPlainText_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QString>("token");
    QTest::newRow("percent-encoded") << QByteArray("validationToken=Validation%3A%20Testing%20client%20application")
                                     << QStringLiteral("Validation: Testing client application");
    QTest::newRow("plus is a space") << QByteArray("validationToken=Validation%3a+Testing+client")
                                     << QStringLiteral("Validation: Testing client");
    QTest::newRow("encoded plus") << QByteArray("validationToken=a%2Bb") << QStringLiteral("a+b");
    QTest::newRow("markup stays text") << QByteArray("validationToken=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
                                       << QStringLiteral("<script>alert(1)</script>");
    QTest::newRow("utf-8") << QByteArray("validationToken=%C3%A9t%C3%A9") << QStringLiteral("été");
    QTest::newRow("other parameters too") << QByteArray("tenant=x&validationToken=tok&y=1") << QStringLiteral("tok");
}

void tst_WebhookReceiver::validation_echoesDecodedTokenAsPlainText()
{
    QFETCH(QByteArray, query);
    QFETCH(QString, token);
    WebhookReceiver receiver;
    QSignalSpy received(&receiver, &WebhookReceiver::notificationReceived);
    const http::Response r = handle(receiver, post("/listen?" + query, {}, "text/plain; charset=utf-8"));
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith("text/plain"));
    QCOMPARE(QString::fromUtf8(r.body), token);
    QCOMPARE(receiver.validationCount(), 1);
    QTest::qWait(10);
    QCOMPARE(received.size(), 0);
}

void tst_WebhookReceiver::validation_onLifecycleRoute_isAnsweredToo()
{
    WebhookReceiver receiver;
    QSignalSpy answered(&receiver, &WebhookReceiver::validationAnswered);
    const http::Response r = handle(receiver, post("/lifecycle?validationToken=abc", {}));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("abc"));
    QCOMPARE(answered.size(), 1);
    QCOMPARE(answered.at(0).at(0).toString(), QStringLiteral("/lifecycle"));
}

void tst_WebhookReceiver::notification_answers202AtOnce_thenProcesses()
{
    WebhookReceiver receiver;
    receiver.setClientState(kSubscription, kState);
    QSignalSpy received(&receiver, &WebhookReceiver::notificationReceived);
    const http::Response r
        = handle(receiver, post("/listen", notificationBody(kSubscription, kState, QStringLiteral("alert-1"))));
    QCOMPARE(r.status, 202);
    QVERIFY(r.body.isEmpty());
    // Processing happens after the answer, not inside the request.
    QCOMPARE(received.size(), 0);
    QTRY_COMPARE(received.size(), 1);
    const auto n = received.at(0).at(0).value<Notification>();
    QCOMPARE(n.feed, Notification::Feed::Graph);
    QCOMPARE(n.change, Notification::Change::Updated);
    QCOMPARE(n.alertId, QStringLiteral("alert-1"));
    QCOMPARE(n.api, core::AlertApi::Legacy);
    QCOMPARE(n.resource, QStringLiteral("security/alerts/alert-1"));
    QCOMPARE(n.subscriptionId, kSubscription);
    QVERIFY(n.receivedMs > 0);
}

void tst_WebhookReceiver::wrongClientState_isDroppedAndNeverLoggedOrEchoed()
{
    WebhookReceiver receiver;
    receiver.setClientState(kSubscription, kState);
    QSignalSpy received(&receiver, &WebhookReceiver::notificationReceived);
    QSignalSpy rejected(&receiver, &WebhookReceiver::itemRejected);
    const QString wrong = QStringLiteral("attacker-guess-0123456789");
    const http::Response r
        = handle(receiver, post("/listen", notificationBody(kSubscription, wrong, QStringLiteral("a"))));
    QCOMPARE(r.status, 202);
    QTRY_COMPARE(rejected.size(), 1);
    QCOMPARE(received.size(), 0);
    QCOMPARE(receiver.rejectedCount(), 1);
    QVERIFY(!r.body.contains(wrong.toUtf8()));
    const QString everything = test::LogCapture::text() + rejected.at(0).at(0).toString();
    QVERIFY(everything.contains(kSubscription)); // what was dropped is said…
    QVERIFY(!everything.contains(wrong)); // …but no clientState, neither given nor expected
    QVERIFY(!everything.contains(kState));
    // A near miss (same prefix) is no better than a far one.
    handle(receiver,
           post("/listen", notificationBody(kSubscription, kState.left(kState.size() - 1), QStringLiteral("a"))));
    QTRY_COMPARE(rejected.size(), 2);
    QCOMPARE(received.size(), 0);
}

void tst_WebhookReceiver::missingClientState_isDropped()
{
    WebhookReceiver receiver;
    receiver.setClientState(kSubscription, kState);
    QSignalSpy received(&receiver, &WebhookReceiver::notificationReceived);
    QSignalSpy rejected(&receiver, &WebhookReceiver::itemRejected);
    handle(receiver, post("/listen", notificationBody(kSubscription, {}, QStringLiteral("a"))));
    // Unknown subscription, no pending states: nothing can match.
    handle(receiver, post("/listen", notificationBody(QStringLiteral("other"), {}, QStringLiteral("a"))));
    QTRY_COMPARE(rejected.size(), 2);
    QCOMPARE(received.size(), 0);
}

void tst_WebhookReceiver::unknownSubscription_pendingClientState_isAccepted()
{
    WebhookReceiver receiver;
    receiver.addPendingClientState(kState);
    QSignalSpy received(&receiver, &WebhookReceiver::notificationReceived);
    handle(receiver,
           post("/listen",
                notificationBody(QStringLiteral("new-id"), kState, QStringLiteral("a"), QStringLiteral("created"))));
    QTRY_COMPARE(received.size(), 1);
    QCOMPARE(received.at(0).at(0).value<Notification>().change, Notification::Change::Created);
    receiver.removePendingClientState(kState);
    handle(receiver, post("/listen", notificationBody(QStringLiteral("new-id"), kState, QStringLiteral("a"))));
    QTest::qWait(20);
    QCOMPARE(received.size(), 1);
}

void tst_WebhookReceiver::lifecycle_isReportedAfterTheClientStateCheck()
{
    WebhookReceiver receiver;
    receiver.setClientState(kSubscription, kState);
    QSignalSpy lifecycle(&receiver, &WebhookReceiver::lifecycleReceived);
    QSignalSpy rejected(&receiver, &WebhookReceiver::itemRejected);
    const auto body = [](const QString &state, const QString &event) {
        const QJsonObject item { { QStringLiteral("subscriptionId"), kSubscription },
                                 { QStringLiteral("subscriptionExpirationDateTime"),
                                   QStringLiteral("2026-12-20T11:00:00Z") },
                                 { QStringLiteral("tenantId"), QStringLiteral("t") },
                                 { QStringLiteral("clientState"), state },
                                 { QStringLiteral("lifecycleEvent"), event } };
        return QJsonDocument(QJsonObject { { QStringLiteral("value"), QJsonArray { item } } }).toJson();
    };
    QCOMPARE(handle(receiver, post("/lifecycle", body(kState, QStringLiteral("reauthorizationRequired")))).status, 202);
    QCOMPARE(handle(receiver, post("/lifecycle", body(QStringLiteral("nope"), QStringLiteral("subscriptionRemoved"))))
                 .status,
             202);
    QCOMPARE(handle(receiver, post("/lifecycle", body(kState, QStringLiteral("missed")))).status, 202);
    QTRY_COMPARE(lifecycle.size(), 2);
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(lifecycle.at(0).at(0).toString(), kSubscription);
    QCOMPARE(lifecycle.at(0).at(1).value<Notification::Change>(), Notification::Change::ReauthorizationRequired);
    QCOMPARE(lifecycle.at(1).at(1).value<Notification::Change>(), Notification::Change::Missed);
}

void tst_WebhookReceiver::notJson_is400_andNothingHappens()
{
    WebhookReceiver receiver;
    receiver.setClientState(kSubscription, kState);
    QSignalSpy received(&receiver, &WebhookReceiver::notificationReceived);
    QCOMPARE(handle(receiver, post("/listen", "not json")).status, 400);
    QCOMPARE(handle(receiver, post("/listen", {})).status, 400);
    QCOMPARE(handle(receiver, post("/listen", "[1,2]")).status, 400);
    // Looks like an object but is cut short: accepted (202 comes first), then dropped.
    QCOMPARE(handle(receiver, post("/listen", "{\"value\":[{\"subscriptionId\":")).status, 202);
    QTest::qWait(20);
    QCOMPARE(received.size(), 0);
}

void tst_WebhookReceiver::otherMethodsAndPaths_are405And404()
{
    WebhookReceiver receiver;
    http::Request get;
    get.method = "GET";
    get.target = "/listen?validationToken=abc";
    const http::Response r = handle(receiver, get);
    QCOMPARE(r.status, 405);
    QVERIFY(!r.body.contains("abc"));
    QCOMPARE(r.header("Allow"), QByteArray("POST"));
    QCOMPARE(handle(receiver, post("/elsewhere?validationToken=abc", {})).status, 404);
    get.target = "/";
    QCOMPARE(handle(receiver, get).status, 200);
}

void tst_WebhookReceiver::push_withoutOrWithWrongSecret_is401_andChangesNothing_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<bool>("secretSet");
    QTest::newRow("no header") << QByteArray() << true;
    QTest::newRow("wrong secret") << QByteArray("Bearer wrong") << true;
    QTest::newRow("prefix of the secret") << QByteArray("Bearer push-secret-012345") << true;
    QTest::newRow("basic scheme") << QByteArray("Basic push-secret-0123456789") << true;
    QTest::newRow("no secret configured") << QByteArray("Bearer ") << false;
}

void tst_WebhookReceiver::push_withoutOrWithWrongSecret_is401_andChangesNothing()
{
    QFETCH(QByteArray, authorization);
    QFETCH(bool, secretSet);
    WebhookReceiver receiver;
    if (secretSet)
        receiver.setPushSecret(QStringLiteral("push-secret-0123456789"));
    QSignalSpy pushed(&receiver, &WebhookReceiver::alertsPushed);
    http::Request r = post("/push", R"({"id":"a1","title":"T","severity":"high"})");
    if (!authorization.isEmpty())
        r.headers.append({ QByteArrayLiteral("Authorization"), authorization });
    const http::Response answer = handle(receiver, r);
    QCOMPARE(answer.status, 401);
    QVERIFY(answer.header("WWW-Authenticate").startsWith("Bearer"));
    QTest::qWait(10);
    QCOMPARE(pushed.size(), 0);
}

void tst_WebhookReceiver::push_oneAlertOrValueArray_isAccepted()
{
    WebhookReceiver receiver;
    receiver.setPushSecret(QStringLiteral("push-secret-0123456789"));
    QSignalSpy pushed(&receiver, &WebhookReceiver::alertsPushed);
    http::Request one = post("/push", R"({"id":"a1","title":"Suspicious sign-in","severity":"high","status":"new"})");
    one.headers.append({ QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer push-secret-0123456789") });
    QCOMPARE(handle(receiver, one).status, 202);
    http::Request many
        = post("/push", R"({"value":[{"id":"b1","title":"One"},{"id":"b2","title":"Two","severity":"low"}]})");
    many.headers.append({ QByteArrayLiteral("authorization"), QByteArrayLiteral("bearer push-secret-0123456789") });
    const http::Response answer = handle(receiver, many);
    QCOMPARE(answer.status, 202);
    QCOMPARE(QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("accepted")).toInt(), 2);
    QCOMPARE(pushed.size(), 2);
    const auto first = pushed.at(0).at(0).value<QList<core::Alert>>();
    QCOMPARE(first.size(), 1);
    QCOMPARE(first.at(0).id, QStringLiteral("a1"));
    QCOMPARE(first.at(0).severity, core::Severity::High);
    QCOMPARE(first.at(0).api, core::AlertApi::V2);
    QCOMPARE(pushed.at(1).at(0).value<QList<core::Alert>>().size(), 2);
}

void tst_WebhookReceiver::push_invalidBody_is400()
{
    WebhookReceiver receiver;
    receiver.setPushSecret(QStringLiteral("s"));
    QSignalSpy pushed(&receiver, &WebhookReceiver::alertsPushed);
    for (const QByteArray &body :
         { QByteArray("nope"), QByteArray(R"({"title":"no id"})"), QByteArray(R"({"value":{}})"),
           QByteArray(R"({"value":[1]})"), QByteArray(R"({"value":[{"id":"x"},{"title":"y"}]})") }) {
        http::Request r = post("/push", body);
        r.headers.append({ QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer s") });
        QCOMPARE(handle(receiver, r).status, 400);
    }
    QCOMPARE(pushed.size(), 0);
}

void tst_WebhookReceiver::urls_usePublicBaseWhenSet()
{
    WebhookReceiver receiver;
    QVERIFY(receiver.start({ QHostAddress(QHostAddress::LocalHost), 0 }));
    const QString local = QStringLiteral("http://127.0.0.1:%1").arg(receiver.server()->serverPort());
    QCOMPARE(receiver.notificationUrl().toString(), local + QStringLiteral("/listen"));
    receiver.setPublicUrl(QUrl(QStringLiteral("https://abc.ngrok-free.app/")));
    QCOMPARE(receiver.notificationUrl().toString(), QStringLiteral("https://abc.ngrok-free.app/listen"));
    QCOMPARE(receiver.lifecycleUrl().toString(), QStringLiteral("https://abc.ngrok-free.app/lifecycle"));
    QCOMPARE(receiver.pushUrl().toString(), QStringLiteral("https://abc.ngrok-free.app/push"));
    QCOMPARE(receiver.localUrl().toString(), local);
}

void tst_WebhookReceiver::connectionCap_staysWithinTheOpenFileLimit()
{
    rlimit original {};
    QVERIFY(::getrlimit(RLIMIT_NOFILE, &original) == 0);
    const auto restore = qScopeGuard([&] { ::setrlimit(RLIMIT_NOFILE, &original); });
    QCOMPARE(core::WebhookReceiver::defaultLimits().maxConnections, 2048);

    // A soft limit below what the cap needs is raised towards the hard limit.
    if (original.rlim_max == RLIM_INFINITY || original.rlim_max >= 2048 + 256) {
        rlimit low = original;
        low.rlim_cur = 1024;
        QVERIFY(::setrlimit(RLIMIT_NOFILE, &low) == 0);
        core::WebhookReceiver receiver;
        QVERIFY2(receiver.start({ QHostAddress(QHostAddress::LocalHost), 0 }), qPrintable(receiver.errorString()));
        QCOMPARE(receiver.server()->limits().maxConnections, 2048);
        rlimit now {};
        QVERIFY(::getrlimit(RLIMIT_NOFILE, &now) == 0);
        QVERIFY(now.rlim_cur >= 2048 + 256);
    }

    // A cap beyond what the hard limit allows is lowered to what the descriptors allow, less a reserve.
    if (original.rlim_max != RLIM_INFINITY && original.rlim_max < rlim_t(1) << 30) {
        core::WebhookReceiver receiver;
        http::ServerLimits limits = core::WebhookReceiver::defaultLimits();
        limits.maxConnections = int(original.rlim_max) + 1000;
        receiver.setLimits(limits);
        QVERIFY2(receiver.start({ QHostAddress(QHostAddress::LocalHost), 0 }), qPrintable(receiver.errorString()));
        QCOMPARE(receiver.server()->limits().maxConnections, int(original.rlim_max) - 256);
    }
}

void tst_WebhookReceiver::portInUse_isAClearError()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    WebhookReceiver receiver;
    QSignalSpy listening(&receiver, &WebhookReceiver::listeningChanged);
    QVERIFY(!receiver.start({ QHostAddress(QHostAddress::LocalHost), occupant.serverPort() }));
    QVERIFY(!receiver.isListening());
    QVERIFY2(receiver.errorString().contains(QStringLiteral("already in use")), qPrintable(receiver.errorString()));
    QVERIFY(receiver.errorString().contains(QString::number(occupant.serverPort())));
    QVERIFY(receiver.errorString().contains(QStringLiteral("--listen")));
    // Port 0 always works.
    QVERIFY(receiver.start({ QHostAddress(QHostAddress::LocalHost), 0 }));
    QVERIFY(receiver.errorString().isEmpty());
}

void tst_WebhookReceiver::tls_withCertificateAndKey_servesHttps()
{
    WebhookReceiver receiver;
    QVERIFY(!receiver.setTlsFiles(QStringLiteral(VIGIL_TEST_DATA "/missing.crt"),
                                  QStringLiteral(VIGIL_TEST_DATA "/localhost.key")));
    QVERIFY(!receiver.errorString().isEmpty());
    QVERIFY2(receiver.setTlsFiles(QStringLiteral(VIGIL_TEST_DATA "/localhost.crt"),
                                  QStringLiteral(VIGIL_TEST_DATA "/localhost.key")),
             qPrintable(receiver.errorString()));
    QVERIFY(receiver.start({ QHostAddress(QHostAddress::LocalHost), 0 }));
    QCOMPARE(receiver.notificationUrl().scheme(), QStringLiteral("https"));
    const quint16 port = receiver.server()->serverPort();
    auto future = onClientThread([port] {
        test::RawHttpClient client(true);
        if (!client.connectTo(port))
            return QByteArray("no TLS connection");
        client.send("POST /listen?validationToken=over%20TLS HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
        const auto response = client.readResponse(5000);
        return response && response->status == 200 ? response->body : QByteArray("no answer");
    });
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 10000);
    QCOMPARE(future.result(), QByteArray("over TLS"));
}

void tst_WebhookReceiver::robustness_badRequestsGet4xx_validOneStillProcessed()
{
    WebhookReceiver receiver;
    http::ServerLimits limits;
    limits.maxBodyBytes = 64 * 1024;
    limits.headerTimeout = std::chrono::milliseconds(2000);
    receiver.setLimits(limits);
    QVERIFY(receiver.start({ QHostAddress(QHostAddress::LocalHost), 0 }));
    receiver.setClientState(kSubscription, kState);
    QSignalSpy received(&receiver, &WebhookReceiver::notificationReceived);
    const quint16 port = receiver.server()->serverPort();

    struct Case
    {
        const char *name;
        QByteArray bytes;
        int status;
    };
    const QList<Case> cases {
        { "body over the limit", "POST /listen HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n", 413 },
        { "request line too long", "POST /listen?" + QByteArray(9000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n", 414 },
        { "headers too big", "POST /listen HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(40000, 'b') + "\r\n\r\n", 431 },
        { "no Content-Length", "POST /listen HTTP/1.1\r\nHost: x\r\n\r\n{}", 411 },
        { "chunked", "POST /listen HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
          411 },
        { "garbage", QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 binary\r\n\r\n", 28), 400 },
        { "bad request line", "HELLO\r\n\r\n", 400 },
    };
    for (const Case &c : cases) {
        auto future = onClientThread([port, bytes = c.bytes] {
            test::RawHttpClient client;
            if (!client.connectTo(port))
                return -1;
            client.send(bytes);
            const auto response = client.readResponse(5000);
            return response ? response->status : 0;
        });
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 10000);
        QVERIFY2(
            future.result() == c.status,
            qPrintable(
                QStringLiteral("%1: %2 instead of %3").arg(QLatin1String(c.name)).arg(future.result()).arg(c.status)));
    }
    // Pipelined: a valid notification after an invalid one on another connection, and two in a row.
    auto valid = onClientThread([port] {
        test::RawHttpClient client;
        if (!client.connectTo(port))
            return QList<int> {};
        const QByteArray body = notificationBody(kSubscription, kState, QStringLiteral("still-works"));
        client.send(rawRequest("/listen", body) + rawRequest("/listen", body));
        QList<int> statuses;
        for (int i = 0; i < 2; ++i) {
            const auto response = client.readResponse(5000);
            statuses << (response ? response->status : 0);
        }
        return statuses;
    });
    QTRY_VERIFY_WITH_TIMEOUT(valid.isFinished(), 10000);
    QCOMPARE(valid.result(), (QList<int> { 202, 202 }));
    QTRY_COMPARE(received.size(), 2);
    QCOMPARE(received.at(0).at(0).value<Notification>().alertId, QStringLiteral("still-works"));
    QVERIFY(receiver.isListening());
}

void tst_WebhookReceiver::robustness_slowAndHalfClosedRequestsTimeOut_validOneStillProcessed()
{
    WebhookReceiver receiver;
    http::ServerLimits limits;
    limits.headerTimeout = std::chrono::milliseconds(600);
    limits.bodyTimeout = std::chrono::milliseconds(600);
    receiver.setLimits(limits);
    QVERIFY(receiver.start({ QHostAddress(QHostAddress::LocalHost), 0 }));
    receiver.setClientState(kSubscription, kState);
    QSignalSpy received(&receiver, &WebhookReceiver::notificationReceived);
    const quint16 port = receiver.server()->serverPort();
    const QByteArray body = notificationBody(kSubscription, kState, QStringLiteral("during-slow-clients"));

    // Slow headers, slow body, and a request cut short by a half-close, all at once; a valid
    // notification arrives while they hang.
    auto slowHeaders = onClientThread([port] {
        test::RawHttpClient client;
        if (!client.connectTo(port))
            return -1;
        client.send("POST /listen HTTP/1.1\r\nHost: x\r\n");
        QThread::msleep(200);
        client.send("Content-Type: application/json\r\n"); // a trickle, never the end of the headers
        const auto response = client.readResponse(5000);
        return response ? response->status : 0;
    });
    auto slowBody = onClientThread([port] {
        test::RawHttpClient client;
        if (!client.connectTo(port))
            return -1;
        client.send("POST /listen HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"value\":");
        const auto response = client.readResponse(5000);
        return response ? response->status : 0;
    });
    auto halfClosedEarly = onClientThread([port] {
        test::RawHttpClient client;
        if (!client.connectTo(port))
            return false;
        client.send("POST /listen HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{");
        ::shutdown(int(client.socket()->socketDescriptor()), SHUT_WR);
        return client.waitForClosed(5000);
    });
    auto halfClosedAfterRequest = onClientThread([port, body] {
        test::RawHttpClient client;
        if (!client.connectTo(port))
            return -1;
        client.send(rawRequest("/listen", body));
        ::shutdown(int(client.socket()->socketDescriptor()), SHUT_WR);
        const auto response = client.readResponse(5000);
        return response ? response->status : 0;
    });
    auto valid = onClientThread([port, body] {
        QThread::msleep(100);
        test::RawHttpClient client;
        if (!client.connectTo(port))
            return -1;
        client.send(rawRequest("/listen", body));
        const auto response = client.readResponse(2000);
        return response ? response->status : 0;
    });
    QTRY_VERIFY_WITH_TIMEOUT(valid.isFinished(), 10000);
    QCOMPARE(valid.result(), 202);
    QTRY_VERIFY_WITH_TIMEOUT(slowHeaders.isFinished() && slowBody.isFinished() && halfClosedEarly.isFinished()
                                 && halfClosedAfterRequest.isFinished(),
                             15000);
    QCOMPARE(slowHeaders.result(), 408);
    QCOMPARE(slowBody.result(), 408);
    QVERIFY(halfClosedEarly.result());
    // Qt closes a socket whose peer half-closed it, so that request may go unanswered; it must
    // neither crash nor hang the receiver.
    QVERIFY(halfClosedAfterRequest.result() == 202 || halfClosedAfterRequest.result() == 0);
    QTRY_VERIFY(received.size() >= 1);
    for (const auto &args : std::as_const(received))
        QCOMPARE(args.at(0).value<Notification>().alertId, QStringLiteral("during-slow-clients"));
    QVERIFY(receiver.isListening());
    QTRY_COMPARE(receiver.server()->connectionCount(), 0);
}

QTEST_GUILESS_MAIN(tst_WebhookReceiver)
#include "tst_webhookreceiver.moc"
