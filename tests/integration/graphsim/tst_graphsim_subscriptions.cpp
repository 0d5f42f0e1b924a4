// Subscriptions and change notifications over real sockets: a vigil::http::Server plays the
// app's webhook receiver.
#include "graphsimtestclient.h"

#include "graphsim/clock.h"

#include "http/requesthandler.h"
#include "http/server.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace graphsimtest;
using vigil::http::Request;
using vigil::http::Responder;
using vigil::http::Response;

class TestSubscriptions : public QObject
{
    Q_OBJECT

private:
    enum class Validation { Echo, HtmlContentType, EncodedToken, ServerError, NeverAnswer };

    std::unique_ptr<graphsim::Simulator> m_sim;
    std::unique_ptr<vigil::http::FunctionHandler> m_handler;
    std::unique_ptr<vigil::http::Server> m_receiver;
    HttpClient m_http;
    QByteArray m_token;
    Validation m_validation = Validation::Echo;
    QList<int> m_notificationStatuses;      ///< answers for the next notifications (then 202)
    QList<QJsonObject> m_received;          ///< notification bodies, in order
    QList<QString> m_receivedPaths;
    QList<Responder> m_parked;

    void receive(const Request &request, Responder responder)
    {
        const QString token = request.queryValue(QStringLiteral("validationToken"));
        if (!token.isEmpty()) {
            switch (m_validation) {
            case Validation::Echo: return responder.send(Response::text(200, token.toUtf8()));
            case Validation::HtmlContentType: return responder.send(Response::html(200, token.toUtf8()));
            case Validation::EncodedToken:
                return responder.send(Response::text(200, request.rawQuery().mid(int(qstrlen("validationToken=")))));
            case Validation::ServerError: return responder.send(Response::text(500, "no"));
            case Validation::NeverAnswer: m_parked.append(responder); return;
            }
        }
        m_received.append(QJsonDocument::fromJson(request.body).object());
        m_receivedPaths.append(request.path());
        const int status = m_notificationStatuses.isEmpty() ? 202 : m_notificationStatuses.takeFirst();
        responder.send(Response::empty(status));
    }

    QString receiverUrl(const QString &path = QStringLiteral("/listen")) const
    {
        return m_receiver->baseUrl().toString() + path;
    }

    QJsonObject subscriptionBody(const QString &resource, const QString &changeType = QStringLiteral("created,updated")) const
    {
        return {{QStringLiteral("changeType"), changeType},
                {QStringLiteral("notificationUrl"), receiverUrl()},
                {QStringLiteral("lifecycleNotificationUrl"), receiverUrl(QStringLiteral("/lifecycle"))},
                {QStringLiteral("resource"), resource},
                {QStringLiteral("expirationDateTime"), m_sim->clock()->now().addSecs(3 * 3600).toString(Qt::ISODate)},
                {QStringLiteral("clientState"), QStringLiteral("SecretClientState")}};
    }

    HttpResult create(const QJsonObject &body)
    {
        return m_http.sendJson("POST", graphUrl(*m_sim, QStringLiteral("subscriptions")), body, m_token);
    }

    /// An alert of the given provider (IPC notifies; Defender ATP does not).
    QString legacyAlertOf(const QString &provider) const
    {
        for (int i = 0; i < m_sim->legacyAlertCount(); ++i) {
            const QJsonObject a = m_sim->legacyAlert(m_sim->legacyAlertIdAt(i));
            if (a.value(QStringLiteral("vendorInformation")).toObject().value(QStringLiteral("provider")).toString() == provider)
                return a.value(QStringLiteral("id")).toString();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_handler = std::make_unique<vigil::http::FunctionHandler>(
            [this](const Request &request, Responder responder) { receive(request, std::move(responder)); });
        m_receiver = std::make_unique<vigil::http::Server>(m_handler.get());
        QVERIFY(m_receiver->listen());
        graphsim::SimulatorOptions o = smallOptions(20);
        o.allowHttpNotifications = true;
        o.deliveryTimeScale = 0.001;       // 60 s first retry → 60 ms
        o.validationTimeoutMs = 500;
        m_sim = std::make_unique<graphsim::Simulator>(o);
        QVERIFY(m_sim->start());
        m_token = accessToken(m_http, *m_sim);
        m_validation = Validation::Echo;
        m_notificationStatuses.clear();
        m_received.clear();
        m_receivedPaths.clear();
    }

    void cleanup()
    {
        m_sim.reset();
        m_parked.clear();
        m_receiver.reset();
        m_handler.reset();
    }

    void create_withCorrectHandshake_is201AndListBlanksClientState()
    {
        const HttpResult r = create(subscriptionBody(QStringLiteral("security/alerts?$filter=vendorInformation/provider eq 'IPC'")));
        QCOMPARE(r.status, 201);
        const QJsonObject sub = r.json();
        QVERIFY(!sub.value(QStringLiteral("id")).toString().isEmpty());
        QCOMPARE(sub.value(QStringLiteral("clientState")).toString(), QStringLiteral("SecretClientState"));
        QCOMPARE(sub.value(QStringLiteral("applicationId")).toString(), kClientId);
        QCOMPARE(sub.value(QStringLiteral("latestSupportedTlsVersion")).toString(), QStringLiteral("v1_2"));
        const HttpResult list = m_http.get(graphUrl(*m_sim, QStringLiteral("subscriptions")), m_token);
        QCOMPARE(list.status, 200);
        const QJsonArray values = list.json().value(QStringLiteral("value")).toArray();
        QCOMPARE(values.size(), 1);
        QVERIFY(values.first().toObject().value(QStringLiteral("clientState")).isNull());
        const QJsonArray log = m_sim->deliveryLog();
        QCOMPARE(log.size(), 2);    // notificationUrl and lifecycleNotificationUrl were both validated
        for (const QJsonValue &e : log)
            QCOMPARE(e.toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("validation"));
    }

    void handshakeAnsweredWrongly_is400_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("text/html") << int(Validation::HtmlContentType);
        QTest::newRow("token left URL-encoded") << int(Validation::EncodedToken);
        QTest::newRow("500") << int(Validation::ServerError);
        QTest::newRow("no answer within the timeout") << int(Validation::NeverAnswer);
    }

    void handshakeAnsweredWrongly_is400()
    {
        QFETCH(int, mode);
        m_validation = Validation(mode);
        const HttpResult r = create(subscriptionBody(QStringLiteral("security/alerts?$filter=severity eq 'high'")));
        QCOMPARE(r.status, 400);
        QVERIFY(r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString()
                    .startsWith(QStringLiteral("Subscription validation request failed.")));
        QVERIFY(m_sim->subscriptions().isEmpty());
    }

    void createRules_areEnforced()
    {
        QJsonObject bare = subscriptionBody(QStringLiteral("security/alerts"));
        QCOMPARE(create(bare).status, 400);
        QJsonObject tooLong = subscriptionBody(QStringLiteral("security/alerts?$filter=severity eq 'high'"));
        tooLong[QStringLiteral("expirationDateTime")] = m_sim->clock()->now().addSecs(43'201 * 60).toString(Qt::ISODate);
        QCOMPARE(create(tooLong).status, 400);
        QJsonObject past = subscriptionBody(QStringLiteral("security/alerts?$filter=severity eq 'high'"));
        past[QStringLiteral("expirationDateTime")] = m_sim->clock()->now().addSecs(-60).toString(Qt::ISODate);
        QCOMPARE(create(past).status, 400);
        QJsonObject shortOne = subscriptionBody(QStringLiteral("security/alerts?$filter=severity eq 'high'"));
        shortOne[QStringLiteral("expirationDateTime")] = m_sim->clock()->now().addSecs(5 * 60).toString(Qt::ISODate);
        const HttpResult bumped = create(shortOne);
        QCOMPARE(bumped.status, 201);
        const QDateTime expiry = QDateTime::fromString(bumped.json().value(QStringLiteral("expirationDateTime")).toString(), Qt::ISODateWithMs);
        QVERIFY(qAbs(m_sim->clock()->now().secsTo(expiry) - 45 * 60) < 5);
        const HttpResult duplicate = create(shortOne);
        QCOMPARE(duplicate.status, 409);
        QVERIFY(duplicate.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString()
                    .contains(bumped.json().value(QStringLiteral("id")).toString()));
        QJsonObject badFilter = subscriptionBody(QStringLiteral("security/alerts?$filter=status eq 'New'"));
        QCOMPARE(create(badFilter).status, 400);
    }

    void httpNotificationUrl_isRejectedUnlessAllowed()
    {
        graphsim::SimulatorOptions o = smallOptions(5);
        graphsim::Simulator strict(o);
        QVERIFY(strict.start());
        const QByteArray token = accessToken(m_http, strict);
        QJsonObject body = subscriptionBody(QStringLiteral("security/alerts?$filter=severity eq 'high'"));
        const HttpResult r = m_http.sendJson("POST", graphUrl(strict, QStringLiteral("subscriptions")), body, token);
        QCOMPARE(r.status, 400);
        QVERIFY(r.body.contains("HTTPS"));
    }

    void legacyAlertChange_isDeliveredWithClientState()
    {
        const QString id = legacyAlertOf(QStringLiteral("IPC"));
        QVERIFY(!id.isEmpty());
        const HttpResult sub = create(subscriptionBody(QStringLiteral("security/alerts?$filter=vendorInformation/provider eq 'IPC'")));
        QCOMPARE(sub.status, 201);
        QVERIFY(m_sim->updateLegacyAlert(id, {{QStringLiteral("status"), QStringLiteral("inProgress")}}));
        QTRY_COMPARE(m_received.size(), 1);
        QCOMPARE(m_receivedPaths.first(), QStringLiteral("/listen"));
        const QJsonObject n = m_received.first().value(QStringLiteral("value")).toArray().first().toObject();
        QCOMPARE(n.value(QStringLiteral("subscriptionId")).toString(), sub.json().value(QStringLiteral("id")).toString());
        QCOMPARE(n.value(QStringLiteral("clientState")).toString(), QStringLiteral("SecretClientState"));
        QCOMPARE(n.value(QStringLiteral("changeType")).toString(), QStringLiteral("updated"));
        QCOMPARE(n.value(QStringLiteral("resource")).toString(), QStringLiteral("security/alerts/") + id);
        QCOMPARE(n.value(QStringLiteral("resourceData")).toObject().value(QStringLiteral("id")).toString(), id);
        QCOMPARE(n.value(QStringLiteral("tenantId")).toString(), m_sim->tenantId());

        // An alert the filter does not match, and a Defender ATP alert (never notified), send nothing.
        const QString other = legacyAlertOf(QStringLiteral("MCAS"));
        QVERIFY(m_sim->updateLegacyAlert(other, {{QStringLiteral("status"), QStringLiteral("inProgress")}}));
        QTest::qWait(200);
        QCOMPARE(m_received.size(), 1);
    }

    void graphPatchOfLegacyAlert_notifiesToo()
    {
        const QString id = legacyAlertOf(QStringLiteral("MCAS"));
        QCOMPARE(create(subscriptionBody(QStringLiteral("security/alerts/") + id, QStringLiteral("updated"))).status, 201);
        const HttpResult patch = m_http.sendJson("PATCH", graphUrl(*m_sim, QStringLiteral("security/alerts/") + id),
                                                 {{QStringLiteral("assignedTo"), QStringLiteral("JordanP@contoso.onmicrosoft.com")},
                                                  {QStringLiteral("vendorInformation"), QJsonObject{{QStringLiteral("provider"), QStringLiteral("MCAS")},
                                                                                                    {QStringLiteral("vendor"), QStringLiteral("Microsoft")}}}},
                                                 m_token);
        QCOMPARE(patch.status, 204);
        QTRY_COMPARE(m_received.size(), 1);
    }

    void notification_isRetriedAfter5xx()
    {
        const QString id = legacyAlertOf(QStringLiteral("IPC"));
        QCOMPARE(create(subscriptionBody(QStringLiteral("security/alerts?$filter=vendorInformation/provider eq 'IPC'"))).status, 201);
        m_notificationStatuses = {503, 500};
        QSignalSpy finished(m_sim.get(), &graphsim::Simulator::deliveryFinished);
        QVERIFY(m_sim->updateLegacyAlert(id, {{QStringLiteral("severity"), QStringLiteral("high")}}));
        QTRY_COMPARE(finished.size(), 1);
        const QJsonObject entry = finished.first().first().toJsonObject();
        QCOMPARE(entry.value(QStringLiteral("attempts")).toInt(), 3);
        QCOMPARE(entry.value(QStringLiteral("delivered")).toBool(), true);
        QCOMPARE(entry.value(QStringLiteral("status")).toInt(), 202);
        const QJsonArray attempts = entry.value(QStringLiteral("attemptLog")).toArray();
        QCOMPARE(attempts.at(0).toObject().value(QStringLiteral("status")).toInt(), 503);
        QCOMPARE(attempts.at(1).toObject().value(QStringLiteral("status")).toInt(), 500);
        QCOMPARE(m_received.size(), 3);
        QCOMPARE(m_received.at(0), m_received.at(2));  // the same notification, redelivered
    }

    void expiringToken_sendsReauthorizationRequired()
    {
        const HttpResult sub = create(subscriptionBody(QStringLiteral("security/alerts?$filter=severity eq 'high'")));
        QCOMPARE(sub.status, 201);
        const QString subId = sub.json().value(QStringLiteral("id")).toString();
        m_sim->advanceClock(3600 - 4 * 60);     // within five minutes of the token's expiry
        QTRY_VERIFY(m_receivedPaths.contains(QStringLiteral("/lifecycle")));
        const QJsonObject n = m_received.at(m_receivedPaths.indexOf(QStringLiteral("/lifecycle")))
                                  .value(QStringLiteral("value")).toArray().first().toObject();
        QCOMPARE(n.value(QStringLiteral("lifecycleEvent")).toString(), QStringLiteral("reauthorizationRequired"));
        QCOMPARE(n.value(QStringLiteral("subscriptionId")).toString(), subId);
        QVERIFY(!n.contains(QStringLiteral("resource")));
        const QByteArray fresh = accessToken(m_http, *m_sim);
        const HttpResult reauth = m_http.send("POST", graphUrl(*m_sim, QStringLiteral("subscriptions/%1/reauthorize").arg(subId)),
                                              {}, {{"Authorization", "Bearer " + fresh}});
        QCOMPARE(reauth.status, 204);
    }

    void renewGetDelete_followTheDocumentedStatuses()
    {
        const HttpResult sub = create(subscriptionBody(QStringLiteral("security/alerts?$filter=severity eq 'high'")));
        const QString id = sub.json().value(QStringLiteral("id")).toString();
        const QString newExpiry = m_sim->clock()->now().addDays(2).toString(Qt::ISODate);
        const HttpResult renewed = m_http.sendJson("PATCH", graphUrl(*m_sim, QStringLiteral("subscriptions/") + id),
                                                   {{QStringLiteral("expirationDateTime"), newExpiry}}, m_token);
        QCOMPARE(renewed.status, 200);
        QVERIFY(renewed.json().value(QStringLiteral("expirationDateTime")).toString().startsWith(newExpiry.left(19)));
        QCOMPARE(m_http.get(graphUrl(*m_sim, QStringLiteral("subscriptions/") + id), m_token).status, 200);
        QCOMPARE(m_http.send("DELETE", graphUrl(*m_sim, QStringLiteral("subscriptions/") + id), {},
                             {{"Authorization", "Bearer " + m_token}}).status, 204);
        const HttpResult gone = m_http.get(graphUrl(*m_sim, QStringLiteral("subscriptions/") + id), m_token);
        QCOMPARE(gone.status, 404);
        QCOMPARE(gone.errorCode(), QStringLiteral("ResourceNotFound"));
    }

    void expiredSubscription_disappears()
    {
        const HttpResult sub = create(subscriptionBody(QStringLiteral("security/alerts?$filter=severity eq 'high'")));
        QCOMPARE(sub.status, 201);
        m_sim->advanceClock(3 * 3600 + 60);
        const QByteArray fresh = accessToken(m_http, *m_sim);
        QCOMPARE(m_http.get(graphUrl(*m_sim, QStringLiteral("subscriptions/") + sub.json().value(QStringLiteral("id")).toString()),
                            fresh).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestSubscriptions)
#include "tst_graphsim_subscriptions.moc"
