#include "core/alerts/alertparser.h"
#include "core/alerts/alertsource.h"

#include <QTest>

using namespace vigil::core;

class tst_AlertParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitCollection_findsRawElements_data();
    void splitCollection_findsRawElements();
    void page_givesAlertsNextLinkAndCount();
    void v2Alert_fieldsAndJsonKept();
    void legacyAlert_mapsProviderAndFeedback();
    void repeatedStrings_shareStorage();
    void notAnAlert_isRejected();
    void peekNextLink_findsOnlyTopLevelLink_data();
    void peekNextLink_findsOnlyTopLevelLink();
    void graphTime_parsesGraphFormats_data();
    void graphTime_parsesGraphFormats();
};

void tst_AlertParser::splitCollection_findsRawElements_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("elements");
    QTest::addColumn<bool>("ok");
    QTest::newRow("simple") << QByteArray(R"({"value":[{"id":"a"},{"id":"b"}]})")
                            << QStringList{QStringLiteral(R"({"id":"a"})"), QStringLiteral(R"({"id":"b"})")} << true;
    QTest::newRow("whitespace and other keys")
        << QByteArray(" { \"@odata.context\" : \"x\" , \"value\" : [ {\"id\":\"a\"} ] , \"@odata.nextLink\":\"n\" } ")
        << QStringList{QStringLiteral(R"({"id":"a"})")} << true;
    QTest::newRow("brackets and quotes inside strings")
        << QByteArray(R"({"value":[{"t":"a]}\"{[","n":[1,{"x":"]"}]}]})")
        << QStringList{QStringLiteral(R"({"t":"a]}\"{[","n":[1,{"x":"]"}]})")} << true;
    QTest::newRow("nested value key is not the collection")
        << QByteArray(R"({"x":{"value":[1]},"value":[{"id":"z"}]})") << QStringList{QStringLiteral(R"({"id":"z"})")}
        << true;
    QTest::newRow("empty") << QByteArray(R"({"value":[]})") << QStringList{} << true;
    QTest::newRow("no value") << QByteArray(R"({"error":{"code":"x"}})") << QStringList{} << false;
    QTest::newRow("truncated") << QByteArray(R"({"value":[{"id":"a"},{"id":)") << QStringList{} << false;
    QTest::newRow("not an object") << QByteArray("[1,2]") << QStringList{} << false;
}

void tst_AlertParser::splitCollection_findsRawElements()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, elements);
    QFETCH(bool, ok);
    QList<QByteArrayView> got;
    QByteArray rest;
    QCOMPARE(splitCollection(json, &got, &rest), ok);
    if (!ok)
        return;
    QStringList gotText;
    for (QByteArrayView e : got)
        gotText << QString::fromUtf8(e);
    QCOMPARE(gotText, elements);
    QVERIFY(rest.contains("[]"));
}

void tst_AlertParser::page_givesAlertsNextLinkAndCount()
{
    const QByteArray page = R"({"@odata.context":"c","@odata.count":7,"@odata.nextLink":"https://graph.microsoft.com/v1.0/security/alerts_v2?$skiptoken=abc","value":[{"id":"1","title":"A","severity":"high","status":"new","createdDateTime":"2026-11-27T10:00:00.1234567Z","lastUpdateDateTime":"2026-11-27T11:00:00Z"},{"id":"2","title":"B","severity":"low","status":"resolved"}]})";
    AlertParser parser(AlertApi::V2);
    const AlertPage p = parser.parsePage(page);
    QVERIFY(p.error.isEmpty());
    QCOMPARE(p.alerts.size(), 2);
    QCOMPARE(p.count, 7);
    QCOMPARE(p.nextLink.toString(), QStringLiteral("https://graph.microsoft.com/v1.0/security/alerts_v2?$skiptoken=abc"));
    QCOMPARE(p.alerts.at(0).createdMs, QDateTime(QDate(2026, 11, 27), QTime(10, 0, 0, 123), Qt::UTC).toMSecsSinceEpoch());
    QCOMPARE(p.alerts.at(1).lastUpdatedMs, p.alerts.at(1).createdMs);
    const AlertPage last = parser.parsePage(R"({"value":[]})");
    QVERIFY(last.nextLink.isEmpty());
    QVERIFY(!last.count);
    QVERIFY(!parser.parsePage("<html>").error.isEmpty());
}

void tst_AlertParser::v2Alert_fieldsAndJsonKept()
{
    const QByteArray json = R"({"id":"da637","title":"Suspicious execution of hidden file","severity":"medium","status":"inProgress","classification":"truePositive","determination":"malware","serviceSource":"microsoftDefenderForEndpoint","assignedTo":"secAdmin@contoso.com","incidentId":"28282","category":"DefenseEvasion","createdDateTime":"2021-04-27T12:19:27.7211305Z","lastUpdateDateTime":"2021-05-02T14:19:01.3266667Z"})";
    AlertParser parser(AlertApi::V2);
    const auto a = parser.parseAlert(json);
    QVERIFY(a);
    QCOMPARE(a->id, QStringLiteral("da637"));
    QCOMPARE(a->severity, Severity::Medium);
    QCOMPARE(a->status, QStringLiteral("inProgress"));
    QCOMPARE(a->classification, QStringLiteral("truePositive"));
    QCOMPARE(a->determination, QStringLiteral("malware"));
    QCOMPARE(a->serviceSource, QStringLiteral("microsoftDefenderForEndpoint"));
    QCOMPARE(a->incidentId, QStringLiteral("28282"));
    QCOMPARE(a->json, json);
    QCOMPARE(displayStatus(a->status), QStringLiteral("In progress"));
    QCOMPARE(displayDetermination(a->determination), QStringLiteral("Malware"));
}

void tst_AlertParser::legacyAlert_mapsProviderAndFeedback()
{
    const QByteArray json = R"({"id":"L1","title":"Impossible travel","severity":"high","status":"newAlert","feedback":"truePositive","vendorInformation":{"provider":"IPC","vendor":"Microsoft"},"incidentIds":["9"],"createdDateTime":"2026-01-01T00:00:00Z"})";
    AlertParser parser(AlertApi::Legacy);
    const auto a = parser.parseAlert(json);
    QVERIFY(a);
    QCOMPARE(a->api, AlertApi::Legacy);
    QCOMPARE(a->serviceSource, QStringLiteral("IPC"));
    QCOMPARE(a->classification, QStringLiteral("truePositive"));
    QCOMPARE(a->incidentId, QStringLiteral("9"));
    QCOMPARE(displayStatus(a->status), QStringLiteral("New"));
}

void tst_AlertParser::repeatedStrings_shareStorage()
{
    AlertParser parser(AlertApi::V2);
    const auto a = parser.parseAlert(R"({"id":"1","title":"Same title","status":"new"})");
    const auto b = parser.parseAlert(R"({"id":"2","title":"Same title","status":"new"})");
    QVERIFY(a && b);
    QCOMPARE(a->title.constData(), b->title.constData());
    QCOMPARE(a->status.constData(), b->status.constData());
}

void tst_AlertParser::notAnAlert_isRejected()
{
    AlertParser parser(AlertApi::V2);
    QVERIFY(!parser.parseAlert(R"({"title":"no id"})"));
    QVERIFY(!parser.parseAlert("[]"));
    QVERIFY(!parser.parseAlert("{broken"));
}

void tst_AlertParser::peekNextLink_findsOnlyTopLevelLink_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("link");
    QTest::newRow("before value (graphsim)")
        << QByteArray(R"({"@odata.context":"c","@odata.nextLink":"https://g/v1.0/a?$skiptoken=1","value":[{"id":"x"}]})")
        << QStringLiteral("https://g/v1.0/a?$skiptoken=1");
    QTest::newRow("last member (Graph)")
        << QByteArray("{\"value\":[{\"id\":\"x\"}],\"@odata.nextLink\":\"https:\\/\\/g\\/v1.0\\/a?$skip=5\"}\n")
        << QStringLiteral("https://g/v1.0/a?$skip=5");
    QTest::newRow("no link") << QByteArray(R"({"value":[]})") << QString();
    QTest::newRow("inside the last alert")
        << QByteArray(R"({"value":[{"id":"x","@odata.nextLink":"https://evil/"}]})") << QString();
    QTest::newRow("in the middle")
        << QByteArray(R"({"value":[],"@odata.nextLink":"https://g/n","@odata.count":3})") << QString();
}

void tst_AlertParser::peekNextLink_findsOnlyTopLevelLink()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, link);
    QCOMPARE(AlertSource::peekNextLink(json).toString(), link);
    // Whatever peek says, it never contradicts the full parse.
    if (!link.isEmpty())
        QCOMPARE(AlertParser(AlertApi::V2).parsePage(json).nextLink.toString(), link);
}

void tst_AlertParser::graphTime_parsesGraphFormats_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QDateTime>("time");
    QTest::newRow("7 fraction digits") << QByteArray("2026-11-27T13:00:31.7202180Z")
                                       << QDateTime(QDate(2026, 11, 27), QTime(13, 0, 31, 720), Qt::UTC);
    QTest::newRow("no fraction") << QByteArray("2021-04-27T12:19:27Z") << QDateTime(QDate(2021, 4, 27), QTime(12, 19, 27), Qt::UTC);
    QTest::newRow("one digit") << QByteArray("2000-02-29T00:00:00.5Z") << QDateTime(QDate(2000, 2, 29), QTime(0, 0, 0, 500), Qt::UTC);
    QTest::newRow("offset") << QByteArray("2026-01-01T02:00:00+02:00") << QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("garbage") << QByteArray("yesterday") << QDateTime();
    QTest::newRow("bad month") << QByteArray("2026-13-01T00:00:00Z") << QDateTime();
}

void tst_AlertParser::graphTime_parsesGraphFormats()
{
    QFETCH(QByteArray, text);
    QFETCH(QDateTime, time);
    const qint64 ms = parseGraphTime(std::string_view(text.constData(), size_t(text.size())));
    QCOMPARE(ms, time.isValid() ? time.toMSecsSinceEpoch() : 0);
}

QTEST_APPLESS_MAIN(tst_AlertParser)
#include "tst_alertparser.moc"
