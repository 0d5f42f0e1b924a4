#include "core/alerts/alertquery.h"

#include <QTest>
#include <QUrl>

using vigil::core::AlertApi;
using vigil::core::AlertQuery;
using vigil::core::Severity;

namespace {
const QDateTime kNow = QDateTime(QDate(2026, 11, 27), QTime(12, 0), Qt::UTC);
const QString kMe = QStringLiteral("analyst@contoso.com");
} // namespace

class tst_AlertQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void v2Filter_data();
    void v2Filter();
    void legacyFilter_data();
    void legacyFilter();
    void quote_doublesSingleQuotes_data();
    void quote_doublesSingleQuotes();
    void urlQuery_encodesFilterSafely();
    void json_roundTrips();
    void copyAs_curlAndGraphExplorer();
};

void tst_AlertQuery::v2Filter_data()
{
    QTest::addColumn<AlertQuery>("query");
    QTest::addColumn<QString>("filter");

    QTest::newRow("nothing") << AlertQuery{} << QString();
    AlertQuery one;
    one.severities = {Severity::High};
    QTest::newRow("one severity") << one << QStringLiteral("severity eq 'high'");
    AlertQuery multi;
    multi.severities = {Severity::High, Severity::Medium};
    multi.statuses = {QStringLiteral("new"), QStringLiteral("inProgress")};
    QTest::newRow("multi-select is or within, and between")
        << multi
        << QStringLiteral("(severity eq 'high' or severity eq 'medium') and (status eq 'new' or status eq 'inProgress')");
    AlertQuery triage;
    triage.classifications = {QStringLiteral("truePositive")};
    triage.determinations = {QStringLiteral("malware"), QStringLiteral("phishing")};
    triage.serviceSources = {QStringLiteral("microsoftDefenderForEndpoint")};
    QTest::newRow("source classification determination")
        << triage
        << QStringLiteral("serviceSource eq 'microsoftDefenderForEndpoint' and classification eq 'truePositive' and "
                          "(determination eq 'malware' or determination eq 'phishing')");
    AlertQuery me;
    me.assignee = AlertQuery::Assignee::Me;
    QTest::newRow("assigned to me") << me << QStringLiteral("assignedTo eq 'analyst@contoso.com'");
    AlertQuery unassigned;
    unassigned.assignee = AlertQuery::Assignee::Unassigned;
    QTest::newRow("unassigned") << unassigned << QStringLiteral("assignedTo eq null");
    AlertQuery someone;
    someone.assignee = AlertQuery::Assignee::User;
    someone.assignedUser = QStringLiteral(" o'brien@contoso.com ");
    QTest::newRow("assigned to a user, quoted") << someone << QStringLiteral("assignedTo eq 'o''brien@contoso.com'");
    AlertQuery day;
    day.window = AlertQuery::Window::Last24Hours;
    QTest::newRow("created in the last 24 h") << day << QStringLiteral("createdDateTime ge 2026-11-26T12:00:00Z");
    AlertQuery week;
    week.window = AlertQuery::Window::Last7Days;
    week.timeField = AlertQuery::TimeField::LastUpdated;
    QTest::newRow("updated in 7 days") << week << QStringLiteral("lastUpdateDateTime ge 2026-11-20T12:00:00Z");
    AlertQuery custom;
    custom.window = AlertQuery::Window::Custom;
    custom.from = QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC);
    custom.to = QDateTime(QDate(2026, 11, 2), QTime(8, 30), Qt::UTC);
    QTest::newRow("custom range")
        << custom << QStringLiteral("createdDateTime ge 2026-11-01T00:00:00Z and createdDateTime le 2026-11-02T08:30:00Z");
}

void tst_AlertQuery::v2Filter()
{
    QFETCH(AlertQuery, query);
    QFETCH(QString, filter);
    QCOMPARE(query.filter(kMe, kNow), filter);
}

void tst_AlertQuery::legacyFilter_data()
{
    QTest::addColumn<AlertQuery>("query");
    QTest::addColumn<QString>("filter");
    AlertQuery all;
    all.api = AlertApi::Legacy;
    QTest::newRow("empty form") << all << QString();
    AlertQuery full = all;
    full.category = QStringLiteral("malware");
    full.provider = QStringLiteral("IPC");
    full.legacyStatus = QStringLiteral("newAlert");
    full.legacySeverity = QStringLiteral("high");
    full.assignedToMe = true;
    full.hostFqdn = QStringLiteral("pc123.contoso.com");
    full.userUpn = QStringLiteral("alice@contoso.com");
    QTest::newRow("every field, in the original order")
        << full
        << QStringLiteral("category eq 'malware' and vendorInformation/provider eq 'IPC' and status eq 'newAlert' and "
                          "severity eq 'high' and assignedTo eq 'analyst@contoso.com' and "
                          "hostStates/any(a:a/fqdn eq 'pc123.contoso.com') and "
                          "userStates/any(a:a/userPrincipalName eq 'alice@contoso.com')");
    AlertQuery injection = all;
    injection.hostFqdn = QStringLiteral("x') or (1 eq 1");
    QTest::newRow("no injection through free text")
        << injection << QStringLiteral("hostStates/any(a:a/fqdn eq 'x'') or (1 eq 1')");
}

void tst_AlertQuery::legacyFilter()
{
    QFETCH(AlertQuery, query);
    QFETCH(QString, filter);
    QCOMPARE(query.filter(kMe, kNow), filter);
}

void tst_AlertQuery::quote_doublesSingleQuotes_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("literal");
    QTest::newRow("plain") << QStringLiteral("high") << QStringLiteral("'high'");
    QTest::newRow("one quote") << QStringLiteral("o'brien") << QStringLiteral("'o''brien'");
    QTest::newRow("only quotes") << QStringLiteral("''") << QStringLiteral("''''''");
    QTest::newRow("empty") << QString() << QStringLiteral("''");
}

void tst_AlertQuery::quote_doublesSingleQuotes()
{
    QFETCH(QString, value);
    QFETCH(QString, literal);
    QCOMPARE(AlertQuery::quote(value), literal);
}

void tst_AlertQuery::urlQuery_encodesFilterSafely()
{
    AlertQuery q;
    q.assignee = AlertQuery::Assignee::User;
    q.assignedUser = QStringLiteral("a&b+c#d@contoso.com");
    q.pageSize = 50;
    QUrl url(QStringLiteral("https://graph.microsoft.com/v1.0/security/alerts_v2"));
    url.setQuery(q.urlQuery(kMe, kNow));
    const QString encoded = url.toString(QUrl::FullyEncoded);
    QVERIFY2(!encoded.contains(QLatin1String("a&b")), qPrintable(encoded));
    QVERIFY(encoded.contains(QLatin1String("%26")));
    QVERIFY(encoded.contains(QLatin1String("%2B")));
    QVERIFY(encoded.contains(QLatin1String("$top=50")));
    QVERIFY(encoded.contains(QLatin1String("$count=true")));
    // Decoding gives the filter back exactly.
    QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("$filter"), QUrl::FullyDecoded),
             QStringLiteral("assignedTo eq 'a&b+c#d@contoso.com'"));
    AlertQuery legacy;
    legacy.api = AlertApi::Legacy;
    legacy.top = 20;
    QCOMPARE(legacy.urlQuery(kMe, kNow).toString(), QStringLiteral("$top=20"));
}

void tst_AlertQuery::json_roundTrips()
{
    AlertQuery q;
    q.severities = {Severity::High, Severity::Low};
    q.statuses = {QStringLiteral("new")};
    q.assignee = AlertQuery::Assignee::User;
    q.assignedUser = QStringLiteral("x@y.z");
    q.window = AlertQuery::Window::Custom;
    q.from = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
    q.pageSize = 200;
    QCOMPARE(AlertQuery::fromJson(q.toJson()), q);
    AlertQuery legacy;
    legacy.api = AlertApi::Legacy;
    legacy.provider = QStringLiteral("MCAS");
    legacy.top = 10;
    QCOMPARE(AlertQuery::fromJson(legacy.toJson()), legacy);
}

void tst_AlertQuery::copyAs_curlAndGraphExplorer()
{
    const QUrl url(QStringLiteral("https://graph.microsoft.com/v1.0/security/alerts_v2?$filter=severity%20eq%20'high'&$top=5"));
    const QString curl = vigil::core::curlCommand(url);
    QVERIFY(curl.startsWith(QLatin1String("curl -H \"Authorization: Bearer $TOKEN\" '")));
    QVERIFY(curl.contains(QLatin1String("'\\''high'\\''")));  // single quotes survive the shell
    const QUrl explorer = vigil::core::graphExplorerLink(url);
    QCOMPARE(explorer.host(), QStringLiteral("developer.microsoft.com"));
    QCOMPARE(QUrlQuery(explorer).queryItemValue(QStringLiteral("request"), QUrl::FullyDecoded),
             QStringLiteral("security/alerts_v2?$filter=severity eq 'high'&$top=5"));
}

QTEST_APPLESS_MAIN(tst_AlertQuery)
#include "tst_alertquery.moc"
