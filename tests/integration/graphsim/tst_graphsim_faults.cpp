// Throttling, fault injection, the control API and the activity generator, over real sockets.
#include "graphsimtestclient.h"

#include "graphsim/clock.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTimeZone>
#include <QStandardPaths>
#include <QTest>

using namespace graphsimtest;

class TestFaults : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<graphsim::Simulator> m_sim;
    HttpClient m_http;
    QByteArray m_token;

    QUrl alertsUrl() const { return graphUrl(*m_sim, QStringLiteral("security/alerts_v2"), {{QStringLiteral("$top"), QStringLiteral("1")}}); }

    HttpResult control(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        return m_http.sendJson(method, url(*m_sim, QStringLiteral("/_sim/") + path), body);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_sim = std::make_unique<graphsim::Simulator>(smallOptions(40));
        QVERIFY(m_sim->start());
        m_token = accessToken(m_http, *m_sim);
    }

    void cleanup() { m_sim.reset(); }

    void overBudget_is429WithRetryAfterAndTooManyRequestsBody()
    {
        QCOMPARE(control("POST", QStringLiteral("settings"), {{QStringLiteral("throttleRpm"), 3}}).status, 204);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_http.get(alertsUrl(), m_token).status, 200);
        const HttpResult r = m_http.get(alertsUrl(), m_token);
        QCOMPARE(r.status, 429);
        bool ok = false;
        const double retryAfter = r.header("Retry-After").toDouble(&ok);
        QVERIFY2(ok && retryAfter > 0 && retryAfter <= 60, r.header("Retry-After").constData());
        QCOMPARE(r.errorCode(), QStringLiteral("TooManyRequests"));
        QCOMPARE(r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("innerError")).toObject()
                     .value(QStringLiteral("status")).toString(), QStringLiteral("429"));
        // The budget is per minute of simulator time.
        m_sim->advanceClock(61);
        QCOMPARE(m_http.get(alertsUrl(), m_token).status, 200);
    }

    void injectedStatus_answersTheNextMatchingRequests()
    {
        const HttpResult added = control("POST", QStringLiteral("faults"),
                                         {{QStringLiteral("path"), QStringLiteral("/v1.0/security/alerts_v2")},
                                          {QStringLiteral("status"), 503}, {QStringLiteral("count"), 2},
                                          {QStringLiteral("retryAfter"), 2.5}});
        QCOMPARE(added.status, 201);
        QCOMPARE(m_http.get(graphUrl(*m_sim, QStringLiteral("me")), m_token).status, 200);   // other paths unaffected
        const HttpResult first = m_http.get(alertsUrl(), m_token);
        QCOMPARE(first.status, 503);
        QCOMPARE(first.header("Retry-After"), QByteArray("2.5"));
        QCOMPARE(first.errorCode(), QStringLiteral("serviceNotAvailable"));
        QCOMPARE(m_http.get(alertsUrl(), m_token).status, 503);
        QCOMPARE(m_http.get(alertsUrl(), m_token).status, 200);
    }

    void injected429_carriesRetryAfter()
    {
        control("POST", QStringLiteral("faults"), {{QStringLiteral("path"), QStringLiteral("/v1.0/me")},
                                                   {QStringLiteral("status"), 429}, {QStringLiteral("retryAfter"), 0.5}});
        const HttpResult r = m_http.get(graphUrl(*m_sim, QStringLiteral("me")), m_token);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("Retry-After"), QByteArray("0.5"));
    }

    void injectedDrop_closesTheConnectionWithoutAnswer()
    {
        control("POST", QStringLiteral("faults"), {{QStringLiteral("path"), QStringLiteral("/v1.0/me")}, {QStringLiteral("drop"), true}});
        // A raw socket, because QNetworkAccessManager silently resends a GET whose connection dropped.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_sim->baseUrl().port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /v1.0/me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_token + "\r\n\r\n");
        QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
        QVERIFY(socket.readAll().isEmpty());
        QCOMPARE(m_http.get(graphUrl(*m_sim, QStringLiteral("me")), m_token).status, 200);
    }

    void injectedDelay_slowsTheAnswer()
    {
        control("POST", QStringLiteral("faults"), {{QStringLiteral("path"), QStringLiteral("/v1.0/me")}, {QStringLiteral("delayMs"), 300}});
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(m_http.get(graphUrl(*m_sim, QStringLiteral("me")), m_token).status, 200);
        QVERIFY(timer.elapsed() >= 290);
    }

    void invalidFault_isRejected()
    {
        QCOMPARE(control("POST", QStringLiteral("faults"), {{QStringLiteral("path"), QStringLiteral("v1.0/me")}, {QStringLiteral("status"), 500}}).status, 400);
        QCOMPARE(control("POST", QStringLiteral("faults"), {{QStringLiteral("path"), QStringLiteral("/v1.0/me")}}).status, 400);
    }

    void controlApi_createsAndUpdatesAlerts()
    {
        const int before = m_sim->alertCount();
        const HttpResult created = control("POST", QStringLiteral("alerts"),
                                           {{QStringLiteral("title"), QStringLiteral("Injected <b>test</b> alert")},
                                            {QStringLiteral("severity"), QStringLiteral("high")},
                                            {QStringLiteral("serviceSource"), QStringLiteral("microsoftDefenderForIdentity")}});
        QCOMPARE(created.status, 201);
        QCOMPARE(m_sim->alertCount(), before + 1);
        const QString id = created.json().value(QStringLiteral("id")).toString();
        const HttpResult newest = m_http.get(alertsUrl(), m_token);
        const QJsonObject first = newest.json().value(QStringLiteral("value")).toArray().first().toObject();
        QCOMPARE(first.value(QStringLiteral("id")).toString(), id);
        QCOMPARE(first.value(QStringLiteral("title")).toString(), QStringLiteral("Injected <b>test</b> alert"));
        QCOMPARE(first.value(QStringLiteral("serviceSource")).toString(), QStringLiteral("microsoftDefenderForIdentity"));
        const HttpResult updated = control("PATCH", QStringLiteral("alerts/") + id, {{QStringLiteral("status"), QStringLiteral("resolved")}});
        QCOMPARE(updated.status, 200);
        QCOMPARE(updated.json().value(QStringLiteral("status")).toString(), QStringLiteral("resolved"));
        QCOMPARE(control("PATCH", QStringLiteral("alerts/da1_2"), {{QStringLiteral("status"), QStringLiteral("resolved")}}).status, 404);
        QCOMPARE(control("POST", QStringLiteral("alerts"), {{QStringLiteral("severity"), QStringLiteral("catastrophic")}}).status, 400);
    }

    void controlApi_advancesTheClockAndResets()
    {
        const qint64 before = m_sim->clock()->nowMs();
        const HttpResult r = control("POST", QStringLiteral("clock/advance"), {{QStringLiteral("seconds"), 7200}});
        QCOMPARE(r.status, 200);
        QVERIFY(m_sim->clock()->nowMs() - before >= 7'200'000);
        QCOMPARE(m_http.get(graphUrl(*m_sim, QStringLiteral("me")), m_token).status, 401);
        const HttpResult reset = control("POST", QStringLiteral("reset"), {{QStringLiteral("alerts"), 12}});
        QCOMPARE(reset.status, 200);
        QCOMPARE(reset.json().value(QStringLiteral("alerts")).toInt(), 12);
        QCOMPARE(m_sim->alertCount(), 12);
    }

    void sameSeed_generatesTheSameData()
    {
        graphsim::SimulatorOptions o = smallOptions(200);
        o.startTime = QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
        graphsim::Simulator a(o), b(o);
        QCOMPARE(a.tenantId(), b.tenantId());
        for (int i = 0; i < 200; i += 17)
            QCOMPARE(a.alert(a.alertIdAt(i)), b.alert(b.alertIdAt(i)));
        o.seed = 8;
        graphsim::Simulator c(o);
        QVERIFY(c.alertIdAt(0) != a.alertIdAt(0));
    }

    void activityTick_addsOrMovesAlerts()
    {
        const int alerts = m_sim->alertCount();
        const int legacy = m_sim->legacyAlertCount();
        const QJsonObject newest = m_sim->alert(m_sim->alertIdAt(0));
        for (int i = 0; i < 10; ++i)
            QCOMPARE(control("POST", QStringLiteral("activity/tick")).status, 204);
        const bool changed = m_sim->alertCount() > alerts || m_sim->legacyAlertCount() > legacy
                             || m_sim->alert(newest.value(QStringLiteral("id")).toString()) != newest;
        QVERIFY(changed);
        QVERIFY(m_sim->alertCount() > alerts);
    }

    void controlApi_refusesUnknownEndpoints()
    {
        QCOMPARE(control("GET", QStringLiteral("nope")).status, 404);
        const HttpResult status = control("GET", QStringLiteral("status"));
        QCOMPARE(status.status, 200);
        QCOMPARE(status.json().value(QStringLiteral("tenantId")).toString(), m_sim->tenantId());
        QCOMPARE(status.json().value(QStringLiteral("users")).toArray().size(), m_sim->users().size());
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_graphsim_faults.moc"
