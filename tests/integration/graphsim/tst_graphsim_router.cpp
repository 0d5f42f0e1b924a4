// The simulator's request handler without sockets: requests built by hand, answers captured from
// the responder. Covers what a loopback socket cannot show (a non-loopback peer).
#include "graphsim/simulator.h"

#include "http/requesthandler.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

using vigil::http::Request;
using vigil::http::Responder;
using vigil::http::Response;

namespace {
std::optional<Response> call(vigil::http::RequestHandler *handler, const QByteArray &method, const QByteArray &target,
                             const QHostAddress &peer = QHostAddress::LocalHost, const QByteArray &body = {})
{
    Request request;
    request.method = method;
    request.target = target;
    request.peerAddress = peer;
    request.body = body;
    request.headers.append(vigil::http::Header{QByteArrayLiteral("Host"), QByteArrayLiteral("127.0.0.1:1")});
    std::optional<Response> answer;
    handler->handleRequest(request, Responder([&answer](Response &&r) { answer = std::move(r); }));
    return answer;
}
} // namespace

class TestRouter : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<graphsim::Simulator> m_sim;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        graphsim::SimulatorOptions o;
        o.alerts = 20;
        o.legacyAlerts = 10;
        m_sim = std::make_unique<graphsim::Simulator>(o);
    }

    void controlApi_refusesNonLoopbackPeers()
    {
        const auto remote = call(m_sim->handler(), "GET", "/_sim/status", QHostAddress(QStringLiteral("192.0.2.10")));
        QVERIFY(remote);
        QCOMPARE(remote->status, 403);
        const auto local = call(m_sim->handler(), "GET", "/_sim/status");
        QVERIFY(local);
        QCOMPARE(local->status, 200);
        QCOMPARE(QJsonDocument::fromJson(local->body).object().value(QStringLiteral("tenantId")).toString(), m_sim->tenantId());
    }

    void unknownPath_is404WithGraphErrorBody()
    {
        const auto r = call(m_sim->handler(), "GET", "/nothing/here");
        QVERIFY(r);
        QCOMPARE(r->status, 404);
        QCOMPARE(QJsonDocument::fromJson(r->body).object().value(QStringLiteral("error")).toObject()
                     .value(QStringLiteral("code")).toString(), QStringLiteral("NotFound"));
        QVERIFY(!r->header("request-id").isEmpty());
    }

    void graphWithoutToken_is401WithAuthenticateHeader()
    {
        const auto r = call(m_sim->handler(), "GET", "/v1.0/security/alerts_v2");
        QVERIFY(r);
        QCOMPARE(r->status, 401);
        QVERIFY(r->header("WWW-Authenticate").startsWith("Bearer realm="));
        QVERIFY(r->header("WWW-Authenticate").contains("http://127.0.0.1:1/common/oauth2/authorize"));
    }

    void tokenEndpoint_refusesGet()
    {
        const auto r = call(m_sim->handler(), "GET", "/organizations/oauth2/v2.0/token");
        QVERIFY(r);
        QCOMPARE(r->status, 400);
        QVERIFY(r->body.contains("AADSTS900561"));
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_graphsim_router.moc"
