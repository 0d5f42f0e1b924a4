// Alerts against graphsim over real sockets: listing and paging, filters, lifecycle updates and
// comments for alerts_v2, legacy PATCH with and without Prefer: return=representation, bulk
// triage through throttling and a server error, and the Graph client's 401/429 handling.

#include "core/alerts/alertloader.h"
#include "core/alerts/alertsource.h"
#include "core/alerts/alerttablemodel.h"
#include "core/alerts/bulkupdater.h"
#include "graphsim/clock.h"
#include "support/graphsimsession.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QStandardPaths>

using namespace vigil;
using core::Alert;
using core::AlertQuery;
using core::AlertUpdate;

namespace {
template <typename T>
T run(QCoro::Task<T> task)
{
    return QCoro::waitFor(std::move(task));
}

QStringList recordedTokens;
} // namespace

class tst_AlertsGraphsim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void loadAll_returnsEveryAlertOnce_countMatches();
    void firstPage_thenLoadMore_followsNextLink();
    void filters_areAppliedByTheService_data();
    void filters_areAppliedByTheService();
    void patch_updatesLifecycle_andBumpsLastUpdate();
    void patch_invalidValue_isAGraphErrorWithRequestId();
    void comment_isAdded();
    void legacyPatch_withAndWithoutRepresentation();
    void bulkUpdate_survivesThrottlingAndReportsFailure();
    void expiredToken_isRefreshedOnceAndRetried();
    void throttled_honoursRetryAfter();
    void nextLinkToAnotherHost_isRefused();
    void requestLog_neverHoldsToken();

private:
    std::unique_ptr<test::GraphsimSession> m_session;
    QList<core::RequestRecord> m_records;
};

void tst_AlertsGraphsim::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_AlertsGraphsim::init()
{
    m_session = std::make_unique<test::GraphsimSession>();
    QVERIFY(m_session->start());
    m_records.clear();
    connect(&m_session->client, &core::GraphClient::requestFinished, this,
            [this](const core::RequestRecord &r) { m_records.append(r); });
}

void tst_AlertsGraphsim::cleanup()
{
    m_session.reset();
}

void tst_AlertsGraphsim::loadAll_returnsEveryAlertOnce_countMatches()
{
    core::AlertsV2Source source(&m_session->client);
    core::AlertTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    core::AlertLoader loader(&model);
    loader.setSource(&source);
    AlertQuery query;
    query.pageSize = 37;  // many pages
    QSignalSpy finished(&loader, &core::AlertLoader::finished);
    loader.start(source.listUrl(query, m_session->me, QDateTime::currentDateTimeUtc()));
    QVERIFY(finished.wait(10000));
    QCOMPARE(model.rowCount(), 37);
    QVERIFY(loader.canLoadMore());
    QCOMPARE(loader.total(), m_session->simulator.alertCount());
    loader.loadAll();
    QVERIFY(finished.wait(20000));
    QCOMPARE(model.rowCount(), m_session->simulator.alertCount());
    QSet<QString> ids;
    for (int r = 0; r < model.rowCount(); ++r)
        ids.insert(model.alertAt(r).id);
    QCOMPARE(ids.size(), m_session->simulator.alertCount());
    QVERIFY(!loader.canLoadMore());
    // Every page after the first came from @odata.nextLink.
    int pages = 0;
    for (const auto &r : std::as_const(m_records))
        pages += r.url.contains(QLatin1String("alerts_v2")) ? 1 : 0;
    QCOMPARE(pages, (m_session->simulator.alertCount() + 36) / 37);
}

void tst_AlertsGraphsim::firstPage_thenLoadMore_followsNextLink()
{
    core::AlertsV2Source source(&m_session->client);
    core::AlertTableModel model;
    core::AlertLoader loader(&model);
    loader.setSource(&source);
    AlertQuery query;
    query.pageSize = 100;
    QSignalSpy finished(&loader, &core::AlertLoader::finished);
    QSignalSpy progress(&loader, &core::AlertLoader::progress);
    loader.start(source.listUrl(query, m_session->me, QDateTime::currentDateTimeUtc()));
    QVERIFY(finished.wait(10000));
    loader.loadMore();
    QVERIFY(finished.wait(10000));
    QCOMPARE(model.rowCount(), 200);
    QCOMPARE(progress.constLast().at(0).toLongLong(), 200);
    QCOMPARE(progress.constLast().at(1).toLongLong(), qint64(m_session->simulator.alertCount()));
}

void tst_AlertsGraphsim::filters_areAppliedByTheService_data()
{
    QTest::addColumn<AlertQuery>("query");
    QTest::addColumn<QString>("check");
    AlertQuery high;
    high.severities = {core::Severity::High};
    QTest::newRow("severity high") << high << QStringLiteral("high");
    AlertQuery two;
    two.severities = {core::Severity::Low, core::Severity::Medium};
    two.statuses = {QStringLiteral("new")};
    QTest::newRow("low or medium, new") << two << QStringLiteral("lowmedium-new");
    AlertQuery unassigned;
    unassigned.assignee = AlertQuery::Assignee::Unassigned;
    QTest::newRow("unassigned") << unassigned << QStringLiteral("unassigned");
    AlertQuery mine;
    mine.assignee = AlertQuery::Assignee::Me;
    QTest::newRow("assigned to me") << mine << QStringLiteral("me");
    AlertQuery recent;
    recent.window = AlertQuery::Window::Last24Hours;
    QTest::newRow("last 24 hours") << recent << QStringLiteral("recent");
}

void tst_AlertsGraphsim::filters_areAppliedByTheService()
{
    QFETCH(AlertQuery, query);
    QFETCH(QString, check);
    core::AlertsV2Source source(&m_session->client);
    query.pageSize = 2000;
    const QDateTime now = m_session->simulator.clock()->now();
    auto page = run(source.fetchPage(source.listUrl(query, m_session->me, now)));
    QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().userMessage()));
    const auto &alerts = page.value().alerts;
    QVERIFY(!alerts.isEmpty());
    QVERIFY(alerts.size() < m_session->simulator.alertCount());
    QCOMPARE(page.value().count.value_or(-1), qint64(alerts.size()));
    for (const Alert &a : alerts) {
        if (check == QLatin1String("high"))
            QCOMPARE(a.severity, core::Severity::High);
        else if (check == QLatin1String("lowmedium-new"))
            QVERIFY((a.severity == core::Severity::Low || a.severity == core::Severity::Medium) && a.status == QLatin1String("new"));
        else if (check == QLatin1String("unassigned"))
            QVERIFY(a.assignedTo.isEmpty());
        else if (check == QLatin1String("me"))
            QCOMPARE(a.assignedTo, m_session->me);
        else if (check == QLatin1String("recent"))
            QVERIFY(a.createdMs >= now.addSecs(-24 * 3600).toMSecsSinceEpoch());
    }
}

void tst_AlertsGraphsim::patch_updatesLifecycle_andBumpsLastUpdate()
{
    core::AlertsV2Source source(&m_session->client);
    const QString id = m_session->simulator.alertIdAt(0);
    auto before = run(source.get(id));
    QVERIFY(before.ok());
    m_session->simulator.advanceClock(5);
    AlertUpdate update;
    update.status = QStringLiteral("inProgress");
    update.classification = QStringLiteral("truePositive");
    update.determination = QStringLiteral("malware");
    update.assignedTo = QStringLiteral("JordanP@contoso.onmicrosoft.com");
    QVERIFY(update.problem(core::AlertApi::V2).isEmpty());
    auto after = run(source.update(before.value(), update));
    QVERIFY2(after.ok(), qPrintable(after.ok() ? QString() : after.error().userMessage()));
    QCOMPARE(after.value().status, QStringLiteral("inProgress"));
    QCOMPARE(after.value().classification, QStringLiteral("truePositive"));
    QCOMPARE(after.value().determination, QStringLiteral("malware"));
    QCOMPARE(after.value().assignedTo, QStringLiteral("JordanP@contoso.onmicrosoft.com"));
    QVERIFY(after.value().lastUpdatedMs > before.value().lastUpdatedMs);
    // The service has it too.
    QCOMPARE(m_session->simulator.alert(id).value(QLatin1String("status")).toString(), QStringLiteral("inProgress"));
    const auto &patch = m_records.constLast();
    QCOMPARE(patch.method, QByteArray("PATCH"));
    QCOMPARE(patch.status, 200);
}

void tst_AlertsGraphsim::patch_invalidValue_isAGraphErrorWithRequestId()
{
    core::AlertsV2Source source(&m_session->client);
    auto alert = run(source.get(m_session->simulator.alertIdAt(1)));
    QVERIFY(alert.ok());
    AlertUpdate wrong;
    wrong.determination = QStringLiteral("malware");
    wrong.classification = QStringLiteral("falsePositive");
    QVERIFY(!wrong.problem(core::AlertApi::V2).isEmpty());  // refused before sending
    AlertUpdate bad;
    bad.status = QStringLiteral("frobnicated");
    auto result = run(source.update(alert.value(), bad));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().httpStatus, 400);
    QVERIFY(!result.error().code.isEmpty());
    QVERIFY(!result.error().requestId.isEmpty());
    QVERIFY(result.error().userMessage().contains(result.error().requestId));
}

void tst_AlertsGraphsim::comment_isAdded()
{
    core::AlertsV2Source source(&m_session->client);
    auto alert = run(source.get(m_session->simulator.alertIdAt(2)));
    QVERIFY(alert.ok());
    AlertUpdate update;
    update.comment = QStringLiteral("Checked with the user: not them. <b>escalating</b>");
    auto after = run(source.update(alert.value(), update));
    QVERIFY(after.ok());
    const QJsonArray comments = QJsonDocument::fromJson(after.value().json).object().value(QLatin1String("comments")).toArray();
    QVERIFY(!comments.isEmpty());
    QCOMPARE(comments.last().toObject().value(QLatin1String("comment")).toString(), update.comment);
    QCOMPARE(comments.last().toObject().value(QLatin1String("createdByDisplayName")).toString(), m_session->me);
}

void tst_AlertsGraphsim::legacyPatch_withAndWithoutRepresentation()
{
    core::LegacyAlertSource source(&m_session->client);
    const QString id = m_session->simulator.legacyAlertIdAt(0);
    auto alert = run(source.get(id));
    QVERIFY2(alert.ok(), qPrintable(alert.ok() ? QString() : alert.error().userMessage()));
    AlertUpdate update;
    update.status = QStringLiteral("inProgress");
    update.feedback = QStringLiteral("truePositive");
    update.tags = QStringList{QStringLiteral("vigil")};
    update.returnRepresentation = true;
    m_records.clear();
    auto withBody = run(source.update(alert.value(), update));
    QVERIFY2(withBody.ok(), qPrintable(withBody.ok() ? QString() : withBody.error().userMessage()));
    QCOMPARE(m_records.size(), 1);
    QCOMPARE(m_records.at(0).status, 200);
    QCOMPARE(withBody.value().status, QStringLiteral("inProgress"));
    QCOMPARE(withBody.value().classification, QStringLiteral("truePositive"));

    update.status = QStringLiteral("resolved");
    update.returnRepresentation = false;
    m_records.clear();
    auto noBody = run(source.update(withBody.value(), update));
    QVERIFY(noBody.ok());
    QCOMPARE(m_records.size(), 2);  // 204, then GET to show the result
    QCOMPARE(m_records.at(0).status, 204);
    QCOMPARE(m_records.at(1).method, QByteArray("GET"));
    QCOMPARE(noBody.value().status, QStringLiteral("resolved"));
    // The body carried the alert's vendorInformation, as the legacy API requires.
    const QJsonObject body = update.patchBody(withBody.value());
    QVERIFY(!body.value(QLatin1String("vendorInformation")).toObject().value(QLatin1String("provider")).toString().isEmpty());
}

void tst_AlertsGraphsim::bulkUpdate_survivesThrottlingAndReportsFailure()
{
    core::AlertsV2Source source(&m_session->client);
    QList<Alert> alerts;
    for (int i = 0; i < 6; ++i) {
        auto a = run(source.get(m_session->simulator.alertIdAt(10 + i)));
        QVERIFY(a.ok());
        alerts << a.value();
    }
    graphsim::FaultSpec throttle;
    throttle.pathPrefix = QStringLiteral("/v1.0/security/alerts_v2/") + alerts.at(1).id;
    throttle.method = QStringLiteral("PATCH");
    throttle.status = 429;
    throttle.retryAfterSeconds = 0.3;
    m_session->simulator.addFault(throttle);
    graphsim::FaultSpec broken;
    broken.pathPrefix = QStringLiteral("/v1.0/security/alerts_v2/") + alerts.at(3).id;
    broken.method = QStringLiteral("PATCH");
    broken.status = 500;
    m_session->simulator.addFault(broken);

    core::BulkUpdater bulk(&source);
    QSignalSpy finished(&bulk, &core::BulkUpdater::finished);
    QSignalSpy retried(&m_session->client, &core::GraphClient::retryScheduled);
    AlertUpdate update;
    update.status = QStringLiteral("resolved");
    update.classification = QStringLiteral("falsePositive");
    update.determination = QStringLiteral("notMalicious");
    bulk.start(alerts, update);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.at(0).at(0).toInt(), 5);
    QCOMPARE(finished.at(0).at(1).toInt(), 1);
    QVERIFY(!retried.isEmpty());
    QCOMPARE(retried.at(0).at(0).toDouble(), 0.3);
    for (const auto &outcome : bulk.outcomes()) {
        if (outcome.alertId == alerts.at(3).id) {
            QVERIFY(!outcome.ok());
            QCOMPARE(outcome.error->httpStatus, 500);
            QCOMPARE(m_session->simulator.alert(outcome.alertId).value(QLatin1String("status")).toString(),
                     outcome.before->status);
        } else {
            QVERIFY(outcome.ok());
            QCOMPARE(m_session->simulator.alert(outcome.alertId).value(QLatin1String("status")).toString(),
                     QStringLiteral("resolved"));
        }
    }
}

void tst_AlertsGraphsim::expiredToken_isRefreshedOnceAndRetried()
{
    core::AlertsV2Source source(&m_session->client);
    m_session->simulator.advanceClock(2 * 3600);  // the access token has expired
    QSignalSpy refreshed(&m_session->flow, &core::SignInFlow::accessTokenRefreshed);
    auto alert = run(source.get(m_session->simulator.alertIdAt(0)));
    QVERIFY2(alert.ok(), qPrintable(alert.ok() ? QString() : alert.error().userMessage()));
    QCOMPARE(refreshed.size(), 1);
    QCOMPARE(m_records.size(), 2);
    QCOMPARE(m_records.at(0).status, 401);
    QCOMPARE(m_records.at(1).status, 200);
}

void tst_AlertsGraphsim::throttled_honoursRetryAfter()
{
    core::AlertsV2Source source(&m_session->client);
    graphsim::FaultSpec throttle;
    throttle.pathPrefix = QStringLiteral("/v1.0/security/alerts_v2");
    throttle.status = 429;
    throttle.retryAfterSeconds = 0.5;
    throttle.count = 2;
    m_session->simulator.addFault(throttle);
    QElapsedTimer timer;
    timer.start();
    auto page = run(source.fetchPage(source.listUrl(AlertQuery{}, m_session->me, QDateTime::currentDateTimeUtc())));
    QVERIFY(page.ok());
    QVERIFY(timer.elapsed() >= 1000);
    QCOMPARE(m_records.size(), 3);
    QCOMPARE(m_records.at(0).status, 429);
    QVERIFY(m_records.at(0).note.contains(QLatin1String("0.5")));

    // A Retry-After far beyond what a person would wait becomes an error, not a frozen window.
    m_session->client.setMaxRetryWait(std::chrono::seconds(1));
    throttle.retryAfterSeconds = 30;
    throttle.count = 1;
    m_session->simulator.addFault(throttle);
    auto refused = run(source.fetchPage(source.listUrl(AlertQuery{}, m_session->me, QDateTime::currentDateTimeUtc())));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().httpStatus, 429);
    QCOMPARE(refused.error().retryAfterSeconds, 30.0);
}

void tst_AlertsGraphsim::nextLinkToAnotherHost_isRefused()
{
    core::AlertsV2Source source(&m_session->client);
    auto page = run(source.fetchPage(QUrl(QStringLiteral("https://evil.example/v1.0/security/alerts_v2"))));
    QVERIFY(!page.ok());
    QVERIFY(page.error().message.contains(QLatin1String("evil.example")));
    QVERIFY(m_records.isEmpty());  // nothing was sent
}

void tst_AlertsGraphsim::requestLog_neverHoldsToken()
{
    core::AlertsV2Source source(&m_session->client);
    run(source.get(m_session->simulator.alertIdAt(0)));
    QVERIFY(!m_records.isEmpty());
    const QString token = m_session->flow.accessToken();
    for (const auto &r : std::as_const(m_records)) {
        QVERIFY(!r.url.contains(token));
        QVERIFY(!r.note.contains(token));
        QVERIFY(!r.clientRequestId.isEmpty());
    }
}

QTEST_GUILESS_MAIN(tst_AlertsGraphsim)
#include "tst_alerts_graphsim.moc"
