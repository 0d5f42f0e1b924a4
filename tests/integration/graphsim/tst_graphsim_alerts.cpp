// Graph over real sockets: bearer-token checks, alerts_v2 paging and filtering, PATCH and
// comments, incidents, the legacy security/alerts rules, /me and sendMail.
#include "graphsimtestclient.h"

#include "graphsim/clock.h"

#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace graphsimtest;

class TestAlerts : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<graphsim::Simulator> m_sim;
    HttpClient m_http;
    QByteArray m_token;

    /// Follows @odata.nextLink to the end; returns every alert and the first page's count.
    QList<QJsonObject> allPages(QUrl next, int *count = nullptr, int *pages = nullptr)
    {
        QList<QJsonObject> items;
        int n = 0;
        while (next.isValid() && !next.isEmpty()) {
            const HttpResult r = m_http.get(next, m_token);
            if (r.status != 200) {
                qWarning() << r.status << r.body.left(300);
                return {};
            }
            const QJsonObject body = r.json();
            if (n == 0 && count)
                *count = body.value(QStringLiteral("@odata.count")).toInt(-1);
            const QJsonArray values = body.value(QStringLiteral("value")).toArray();
            for (const QJsonValue &v : values)
                items.append(v.toObject());
            next = QUrl(body.value(QStringLiteral("@odata.nextLink")).toString());
            ++n;
        }
        if (pages)
            *pages = n;
        return items;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        graphsim::SimulatorOptions o = smallOptions(1234);
        o.maxPageSize = 100;
        m_sim = std::make_unique<graphsim::Simulator>(o);
        QVERIFY(m_sim->start());
        m_token = accessToken(m_http, *m_sim);
        QVERIFY(!m_token.isEmpty());
    }

    void cleanupTestCase() { m_sim.reset(); }

    void missingToken_is401InvalidAuthenticationToken()
    {
        const HttpResult r = m_http.get(graphUrl(*m_sim, QStringLiteral("security/alerts_v2")));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("InvalidAuthenticationToken"));
        QVERIFY(!r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("innerError")).toObject()
                     .value(QStringLiteral("request-id")).toString().isEmpty());
        QVERIFY(!r.header("request-id").isEmpty());
    }

    void tamperedToken_is401()
    {
        QByteArray bad = m_token;
        bad[bad.size() - 2] = bad.at(bad.size() - 2) == 'A' ? 'B' : 'A';
        QCOMPARE(m_http.get(graphUrl(*m_sim, QStringLiteral("me")), bad).status, 401);
        QCOMPARE(m_http.get(graphUrl(*m_sim, QStringLiteral("me")), "not-a-jwt").status, 401);
    }

    void expiredToken_is401AfterClockAdvance()
    {
        graphsim::Simulator sim(smallOptions(10));
        QVERIFY(sim.start());
        const QByteArray token = accessToken(m_http, sim);
        QCOMPARE(m_http.get(graphUrl(sim, QStringLiteral("me")), token).status, 200);
        sim.advanceClock(3601);
        const HttpResult r = m_http.get(graphUrl(sim, QStringLiteral("me")), token);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("InvalidAuthenticationToken"));
    }

    void missingScope_is403()
    {
        const QByteArray userOnly = accessToken(m_http, *m_sim, QStringLiteral("AveryC@contoso.onmicrosoft.com"),
                                                QStringLiteral("User.Read"));
        const HttpResult r = m_http.get(graphUrl(*m_sim, QStringLiteral("security/alerts_v2")), userOnly);
        QCOMPARE(r.status, 403);
        QVERIFY(r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString()
                    .contains(QStringLiteral("SecurityAlert.Read.All")));
        const QByteArray readOnly = accessToken(m_http, *m_sim, QStringLiteral("AveryC@contoso.onmicrosoft.com"),
                                                QStringLiteral("SecurityAlert.Read.All"));
        QCOMPARE(m_http.get(graphUrl(*m_sim, QStringLiteral("security/alerts_v2"), {{QStringLiteral("$top"), QStringLiteral("1")}}),
                            readOnly).status, 200);
        const QString id = m_sim->alertIdAt(0);
        QCOMPARE(m_http.sendJson("PATCH", graphUrl(*m_sim, QStringLiteral("security/alerts_v2/") + id),
                                 {{QStringLiteral("status"), QStringLiteral("inProgress")}}, readOnly).status, 403);
    }

    void userWithoutSecurityRole_is403()
    {
        const QByteArray token = accessToken(m_http, *m_sim, QStringLiteral("MorganL@contoso.onmicrosoft.com"));
        QCOMPARE(m_http.get(graphUrl(*m_sim, QStringLiteral("security/alerts_v2")), token).status, 403);
        const QByteArray reader = accessToken(m_http, *m_sim, QStringLiteral("SamR@contoso.onmicrosoft.com"));
        QCOMPARE(m_http.get(graphUrl(*m_sim, QStringLiteral("security/alerts_v2"), {{QStringLiteral("$top"), QStringLiteral("1")}}),
                            reader).status, 200);
        QCOMPARE(m_http.sendJson("PATCH", graphUrl(*m_sim, QStringLiteral("security/alerts_v2/") + m_sim->alertIdAt(0)),
                                 {{QStringLiteral("status"), QStringLiteral("inProgress")}}, reader).status, 403);
    }

    void paging_returnsEveryAlertExactlyOnceAndCountMatches()
    {
        int count = 0, pages = 0;
        const QList<QJsonObject> all = allPages(graphUrl(*m_sim, QStringLiteral("security/alerts_v2"),
                                                         {{QStringLiteral("$count"), QStringLiteral("true")},
                                                          {QStringLiteral("$top"), QStringLiteral("37")}}),
                                                &count, &pages);
        QCOMPARE(count, m_sim->alertCount());
        QCOMPARE(all.size(), m_sim->alertCount());
        QCOMPARE(pages, (m_sim->alertCount() + 36) / 37);
        QSet<QString> ids;
        QString previous;
        for (const QJsonObject &a : all) {
            ids.insert(a.value(QStringLiteral("id")).toString());
            QCOMPARE(a.value(QStringLiteral("@odata.type")).toString(), QStringLiteral("#microsoft.graph.security.alert"));
            const QString created = a.value(QStringLiteral("createdDateTime")).toString();
            QVERIFY2(previous.isEmpty() || created <= previous, "newest first");
            previous = created;
        }
        QCOMPARE(ids.size(), m_sim->alertCount());
    }

    void nextLink_usesTheServedOriginAndKeepsTheFilter()
    {
        const HttpResult r = m_http.get(graphUrl(*m_sim, QStringLiteral("security/alerts_v2"),
                                                 {{QStringLiteral("$filter"), QStringLiteral("severity eq 'high'")},
                                                  {QStringLiteral("$top"), QStringLiteral("5")}}),
                                        m_token);
        QCOMPARE(r.status, 200);
        const QString next = r.json().value(QStringLiteral("@odata.nextLink")).toString();
        QVERIFY2(next.startsWith(m_sim->baseUrl().toString() + QStringLiteral("/v1.0/security/alerts_v2?")), qPrintable(next));
        QVERIFY(QUrlQuery(QUrl(next)).queryItemValue(QStringLiteral("$filter"), QUrl::FullyDecoded) == QStringLiteral("severity eq 'high'"));
        QVERIFY(r.json().value(QStringLiteral("@odata.context")).toString().startsWith(m_sim->baseUrl().toString()));
    }

    void filter_returnsExactlyTheMatchingAlerts_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("check");
        QTest::newRow("severity") << QStringLiteral("severity eq 'high'") << QStringLiteral("severity=high");
        QTest::newRow("status ne") << QStringLiteral("status ne 'resolved'") << QStringLiteral("status!=resolved");
        QTest::newRow("or in parentheses with and")
            << QStringLiteral("(severity eq 'high' or severity eq 'medium') and status eq 'new'")
            << QStringLiteral("severity in high,medium;status=new");
        QTest::newRow("service source") << QStringLiteral("serviceSource eq 'microsoftDefenderForOffice365'")
                                        << QStringLiteral("serviceSource=microsoftDefenderForOffice365");
        QTest::newRow("unassigned") << QStringLiteral("assignedTo eq null") << QStringLiteral("assignedTo=null");
        QTest::newRow("classification") << QStringLiteral("classification eq 'truePositive'")
                                        << QStringLiteral("classification=truePositive");
    }

    void filter_returnsExactlyTheMatchingAlerts()
    {
        QFETCH(QString, filter);
        QFETCH(QString, check);
        const auto matches = [&check](const QJsonObject &a) {
            for (const QString &clause : check.split(u';')) {
                if (clause.contains(QStringLiteral(" in "))) {
                    const QStringList p = clause.split(QStringLiteral(" in "));
                    if (!p.at(1).split(u',').contains(a.value(p.at(0)).toString()))
                        return false;
                } else if (clause.contains(QStringLiteral("!="))) {
                    const QStringList p = clause.split(QStringLiteral("!="));
                    if (a.value(p.at(0)).toString() == p.at(1))
                        return false;
                } else {
                    const QStringList p = clause.split(u'=');
                    const QJsonValue v = a.value(p.at(0));
                    if (p.at(1) == u"null" ? !v.isNull() : v.toString() != p.at(1))
                        return false;
                }
            }
            return true;
        };
        const QList<QJsonObject> everything = allPages(graphUrl(*m_sim, QStringLiteral("security/alerts_v2")));
        QCOMPARE(everything.size(), m_sim->alertCount());
        QSet<QString> expected;
        for (const QJsonObject &a : everything) {
            if (matches(a))
                expected.insert(a.value(QStringLiteral("id")).toString());
        }
        QVERIFY2(!expected.isEmpty(), "the dataset should contain matching alerts");
        int count = 0;
        const QList<QJsonObject> filtered = allPages(graphUrl(*m_sim, QStringLiteral("security/alerts_v2"),
                                                              {{QStringLiteral("$filter"), filter},
                                                               {QStringLiteral("$count"), QStringLiteral("true")}}),
                                                     &count);
        QSet<QString> got;
        for (const QJsonObject &a : filtered)
            got.insert(a.value(QStringLiteral("id")).toString());
        QCOMPARE(got, expected);
        QCOMPARE(count, int(expected.size()));
    }

    void dateFilter_matchesCreatedDateTime()
    {
        const QList<QJsonObject> all = allPages(graphUrl(*m_sim, QStringLiteral("security/alerts_v2")));
        const QString pivot = all.at(all.size() / 2).value(QStringLiteral("createdDateTime")).toString();
        int expected = 0;
        for (const QJsonObject &a : all)
            expected += a.value(QStringLiteral("createdDateTime")).toString() >= pivot ? 1 : 0;
        const QList<QJsonObject> got = allPages(graphUrl(*m_sim, QStringLiteral("security/alerts_v2"),
                                                         {{QStringLiteral("$filter"), QStringLiteral("createdDateTime ge ") + pivot}}));
        QCOMPARE(got.size(), expected);
    }

    void unsupportedQuery_is400BadRequest_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::newRow("$orderby") << QStringLiteral("$orderby") << QStringLiteral("severity desc");
        QTest::newRow("$select") << QStringLiteral("$select") << QStringLiteral("id");
        QTest::newRow("bad $top") << QStringLiteral("$top") << QStringLiteral("-3");
        QTest::newRow("bad $skip") << QStringLiteral("$skip") << QStringLiteral("x");
        QTest::newRow("title filter") << QStringLiteral("$filter") << QStringLiteral("title eq 'x'");
        QTest::newRow("bad enum") << QStringLiteral("$filter") << QStringLiteral("status eq 'newAlert'");
        QTest::newRow("syntax") << QStringLiteral("$filter") << QStringLiteral("severity eq 'high' and");
    }

    void unsupportedQuery_is400BadRequest()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        const HttpResult r = m_http.get(graphUrl(*m_sim, QStringLiteral("security/alerts_v2"), {{name, value}}), m_token);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("BadRequest"));
    }

    void skip_skipsAndTopLimits()
    {
        const QList<QJsonObject> all = allPages(graphUrl(*m_sim, QStringLiteral("security/alerts_v2")));
        const HttpResult r = m_http.get(graphUrl(*m_sim, QStringLiteral("security/alerts_v2"),
                                                 {{QStringLiteral("$top"), QStringLiteral("3")}, {QStringLiteral("$skip"), QStringLiteral("10")}}),
                                        m_token);
        const QJsonArray values = r.json().value(QStringLiteral("value")).toArray();
        QCOMPARE(values.size(), 3);
        QCOMPARE(values.at(0).toObject().value(QStringLiteral("id")), all.at(10).value(QStringLiteral("id")));
    }

    void getAlert_returnsItOrNotFound()
    {
        const QString id = m_sim->alertIdAt(5);
        const HttpResult r = m_http.get(graphUrl(*m_sim, QStringLiteral("security/alerts_v2/") + id), m_token);
        QCOMPARE(r.status, 200);
        const QJsonObject a = r.json();
        QCOMPARE(a.value(QStringLiteral("id")).toString(), id);
        QVERIFY(a.value(QStringLiteral("@odata.context")).toString().endsWith(QStringLiteral("$metadata#security/alerts_v2/$entity")));
        QVERIFY(!a.value(QStringLiteral("evidence")).toArray().isEmpty());
        for (const QJsonValue &e : a.value(QStringLiteral("evidence")).toArray())
            QVERIFY(e.toObject().value(QStringLiteral("@odata.type")).toString().startsWith(QStringLiteral("#microsoft.graph.security.")));
        QCOMPARE(m_http.get(graphUrl(*m_sim, QStringLiteral("security/alerts_v2/da123_456")), m_token).status, 404);
    }

    void patchAlert_returnsWholeAlertAndBumpsLastUpdate()
    {
        const QString id = m_sim->alertIdAt(3);
        const QJsonObject before = m_sim->alert(id);
        m_sim->advanceClock(5);
        const HttpResult r = m_http.sendJson("PATCH", graphUrl(*m_sim, QStringLiteral("security/alerts_v2/") + id),
                                             {{QStringLiteral("status"), QStringLiteral("resolved")},
                                              {QStringLiteral("classification"), QStringLiteral("truePositive")},
                                              {QStringLiteral("determination"), QStringLiteral("compromisedUser")},
                                              {QStringLiteral("assignedTo"), QStringLiteral("secAdmin@contoso.com")}},
                                             m_token);
        QCOMPARE(r.status, 200);
        const QJsonObject a = r.json();
        QCOMPARE(a.value(QStringLiteral("status")).toString(), QStringLiteral("resolved"));
        QCOMPARE(a.value(QStringLiteral("determination")).toString(), QStringLiteral("compromisedAccount"));
        QCOMPARE(a.value(QStringLiteral("assignedTo")).toString(), QStringLiteral("secAdmin@contoso.com"));
        QCOMPARE(a.value(QStringLiteral("title")), before.value(QStringLiteral("title")));
        QVERIFY(a.value(QStringLiteral("lastUpdateDateTime")).toString() > before.value(QStringLiteral("lastUpdateDateTime")).toString());
        QVERIFY(!a.value(QStringLiteral("resolvedDateTime")).isNull());
    }

    void patchAlert_validatesTheBody_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("bad enum") << QByteArray(R"({"status":"closed"})");
        QTest::newRow("read-only") << QByteArray(R"({"severity":"high"})");
        QTest::newRow("unknown property") << QByteArray(R"({"colour":"red"})");
        QTest::newRow("wrong type") << QByteArray(R"({"status":4})");
        QTest::newRow("not json") << QByteArray("status=resolved");
        QTest::newRow("array") << QByteArray("[]");
    }

    void patchAlert_validatesTheBody()
    {
        QFETCH(QByteArray, body);
        const HttpResult r = m_http.send("PATCH", graphUrl(*m_sim, QStringLiteral("security/alerts_v2/") + m_sim->alertIdAt(4)),
                                         body, {{"Authorization", "Bearer " + m_token}, {"Content-Type", "application/json"}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("BadRequest"));
    }

    void postComment_returnsAllComments()
    {
        const QString id = m_sim->alertIdAt(7);
        const int before = m_sim->alert(id).value(QStringLiteral("comments")).toArray().size();
        const HttpResult r = m_http.sendJson("POST", graphUrl(*m_sim, QStringLiteral("security/alerts_v2/%1/comments").arg(id)),
                                             {{QStringLiteral("@odata.type"), QStringLiteral("microsoft.graph.security.alertComment")},
                                              {QStringLiteral("comment"), QStringLiteral("Demo for docs")}},
                                             m_token);
        QCOMPARE(r.status, 200);
        const QJsonArray comments = r.json().value(QStringLiteral("value")).toArray();
        QCOMPARE(comments.size(), before + 1);
        QCOMPARE(comments.last().toObject().value(QStringLiteral("comment")).toString(), QStringLiteral("Demo for docs"));
        QCOMPARE(comments.last().toObject().value(QStringLiteral("createdByDisplayName")).toString(),
                 QStringLiteral("AveryC@contoso.onmicrosoft.com"));
        QCOMPARE(m_http.sendJson("POST", graphUrl(*m_sim, QStringLiteral("security/alerts_v2/%1/comments").arg(id)),
                                 {{QStringLiteral("comment"), QStringLiteral("")}}, m_token).status, 400);
    }

    void incidents_listExpandsAlertsAndPages()
    {
        int count = 0;
        const QList<QJsonObject> incidents = allPages(graphUrl(*m_sim, QStringLiteral("security/incidents"),
                                                               {{QStringLiteral("$expand"), QStringLiteral("alerts")},
                                                                {QStringLiteral("$count"), QStringLiteral("true")}}),
                                                      &count);
        QCOMPARE(incidents.size(), m_sim->incidentCount());
        QCOMPARE(count, m_sim->incidentCount());
        int alerts = 0;
        for (const QJsonObject &i : incidents) {
            for (const QJsonValue &a : i.value(QStringLiteral("alerts")).toArray()) {
                QCOMPARE(a.toObject().value(QStringLiteral("incidentId")).toString(), i.value(QStringLiteral("id")).toString());
                ++alerts;
            }
        }
        QCOMPARE(alerts, m_sim->alertCount());
        const QString id = incidents.first().value(QStringLiteral("id")).toString();
        const HttpResult one = m_http.get(graphUrl(*m_sim, QStringLiteral("security/incidents/") + id), m_token);
        QCOMPARE(one.status, 200);
        QVERIFY(!one.json().contains(QStringLiteral("alerts")));
        const HttpResult filtered = m_http.get(graphUrl(*m_sim, QStringLiteral("security/incidents"),
                                                        {{QStringLiteral("$filter"), QStringLiteral("status eq 'active' and severity eq 'high'")}}),
                                               m_token);
        QCOMPARE(filtered.status, 200);
        for (const QJsonValue &v : filtered.json().value(QStringLiteral("value")).toArray())
            QCOMPARE(v.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    }

    void legacyTop_isPerProviderAndSkipIsCapped()
    {
        const HttpResult r = m_http.get(graphUrl(*m_sim, QStringLiteral("security/alerts"), {{QStringLiteral("$top"), QStringLiteral("1")}}),
                                        m_token);
        QCOMPARE(r.status, 200);
        QSet<QString> providers;
        const QJsonArray values = r.json().value(QStringLiteral("value")).toArray();
        for (const QJsonValue &v : values)
            providers.insert(v.toObject().value(QStringLiteral("vendorInformation")).toObject().value(QStringLiteral("provider")).toString());
        QCOMPARE(int(providers.size()), int(values.size()));
        QVERIFY(providers.contains(QStringLiteral("IPC")));
        QCOMPARE(m_http.get(graphUrl(*m_sim, QStringLiteral("security/alerts"), {{QStringLiteral("$skip"), QStringLiteral("500")}, {QStringLiteral("$top"), QStringLiteral("10")}}),
                            m_token).status, 200);
        QCOMPARE(m_http.get(graphUrl(*m_sim, QStringLiteral("security/alerts"), {{QStringLiteral("$skip"), QStringLiteral("501")}}),
                            m_token).status, 400);
        const HttpResult filtered = m_http.get(graphUrl(*m_sim, QStringLiteral("security/alerts"),
                                                        {{QStringLiteral("$filter"), QStringLiteral("vendorInformation/provider eq 'IPC' and Severity ne 'low'")}}),
                                               m_token);
        QCOMPARE(filtered.status, 200);
        for (const QJsonValue &v : filtered.json().value(QStringLiteral("value")).toArray())
            QCOMPARE(v.toObject().value(QStringLiteral("vendorInformation")).toObject().value(QStringLiteral("provider")).toString(),
                     QStringLiteral("IPC"));
    }

    void legacyPatch_requiresVendorInformationAndHonoursPrefer()
    {
        QString id;
        QJsonObject vendor;
        for (int i = 0; i < m_sim->legacyAlertCount(); ++i) {
            const QJsonObject a = m_sim->legacyAlert(m_sim->legacyAlertIdAt(i));
            vendor = a.value(QStringLiteral("vendorInformation")).toObject();
            if (vendor.value(QStringLiteral("provider")).toString() == u"IPC") {
                id = a.value(QStringLiteral("id")).toString();
                break;
            }
        }
        QVERIFY(!id.isEmpty());
        const QUrl u = graphUrl(*m_sim, QStringLiteral("security/alerts/") + id);
        const HttpResult missing = m_http.sendJson("PATCH", u, {{QStringLiteral("status"), QStringLiteral("inProgress")}}, m_token);
        QCOMPARE(missing.status, 400);
        const QJsonObject body{{QStringLiteral("status"), QStringLiteral("inProgress")},
                               {QStringLiteral("feedback"), QStringLiteral("truePositive")},
                               {QStringLiteral("vendorInformation"), QJsonObject{{QStringLiteral("provider"), vendor.value(QStringLiteral("provider"))},
                                                                                 {QStringLiteral("vendor"), QStringLiteral("Microsoft")}}}};
        const HttpResult noContent = m_http.sendJson("PATCH", u, body, m_token);
        QCOMPARE(noContent.status, 204);
        QVERIFY(noContent.body.isEmpty());
        const HttpResult representation = m_http.sendJson("PATCH", u, body, m_token, {{"Prefer", "return=representation"}});
        QCOMPARE(representation.status, 200);
        QCOMPARE(representation.json().value(QStringLiteral("status")).toString(), QStringLiteral("inProgress"));
        QCOMPARE(representation.json().value(QStringLiteral("feedback")).toString(), QStringLiteral("truePositive"));
        QCOMPARE(m_http.sendJson("PATCH", u, {{QStringLiteral("status"), QStringLiteral("sleeping")},
                                              {QStringLiteral("vendorInformation"), body.value(QStringLiteral("vendorInformation"))}},
                                 m_token).status, 400);
    }

    void sendMail_is202AndLandsInTheOutbox()
    {
        m_sim->clearOutbox();
        const QJsonObject mail{
            {QStringLiteral("Message"), QJsonObject{
                {QStringLiteral("Subject"), QStringLiteral("Security alert")},
                {QStringLiteral("Body"), QJsonObject{{QStringLiteral("ContentType"), QStringLiteral("HTML")}, {QStringLiteral("Content"), QStringLiteral("<p>x</p>")}}},
                {QStringLiteral("ToRecipients"), QJsonArray{QJsonObject{{QStringLiteral("EmailAddress"), QJsonObject{{QStringLiteral("Address"), QStringLiteral("soc@contoso.com")}}}}}}}},
            {QStringLiteral("SaveToSentItems"), QStringLiteral("false")}};
        const HttpResult r = m_http.sendJson("POST", graphUrl(*m_sim, QStringLiteral("me/sendMail")), mail, m_token);
        QCOMPARE(r.status, 202);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(m_sim->outbox().size(), 1);
        const QJsonObject sent = m_sim->outbox().first().toObject();
        QCOMPARE(sent.value(QStringLiteral("message")).toObject().value(QStringLiteral("subject")).toString(), QStringLiteral("Security alert"));
        QCOMPARE(sent.value(QStringLiteral("saveToSentItems")).toBool(), false);
        const HttpResult noRecipients = m_http.sendJson("POST", graphUrl(*m_sim, QStringLiteral("me/sendMail")),
                                                        {{QStringLiteral("message"), QJsonObject{{QStringLiteral("subject"), QStringLiteral("x")}}}}, m_token);
        QCOMPARE(noRecipients.status, 400);
        QCOMPARE(noRecipients.errorCode(), QStringLiteral("ErrorInvalidRecipients"));
        QCOMPARE(m_sim->outbox().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAlerts)
#include "tst_graphsim_alerts.moc"
