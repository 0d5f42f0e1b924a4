#include "core/alerts/alertreport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace vigil::core;

namespace {

QJsonObject evidence(const char *type, QJsonObject fields, const QString &verdict = QStringLiteral("suspicious"))
{
    fields.insert(QStringLiteral("@odata.type"),
                  QString(QStringLiteral("#microsoft.graph.security.") + QLatin1String(type)));
    fields.insert(QStringLiteral("verdict"), verdict);
    fields.insert(QStringLiteral("roles"), QJsonArray { QStringLiteral("compromised") });
    fields.insert(QStringLiteral("remediationStatus"), QStringLiteral("none"));
    return fields;
}

Alert alertFrom(const QJsonObject &o, AlertApi api = AlertApi::V2)
{
    Alert a;
    a.api = api;
    a.id = o.value(QLatin1String("id")).toString();
    a.title = o.value(QLatin1String("title")).toString();
    a.severity = severityFromWire(o.value(QLatin1String("severity")).toString());
    a.status = o.value(QLatin1String("status")).toString();
    a.serviceSource = o.value(QLatin1String("serviceSource")).toString();
    a.createdMs = 1'700'000'000'000;
    a.json = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return a;
}

/// An alerts_v2 alert in the simulator's shape whose free-text fields all hold `payload`.
Alert hostileAlert(const QString &payload)
{
    const QJsonObject account { { QStringLiteral("accountName"), payload },
                                { QStringLiteral("userPrincipalName"), payload },
                                { QStringLiteral("displayName"), payload } };
    const QJsonObject o {
        { QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.security.alert") },
        { QStringLiteral("id"), QString(QStringLiteral("da1_") + payload) },
        { QStringLiteral("title"), payload },
        { QStringLiteral("description"), QString(payload + QStringLiteral("\nsecond line ") + payload) },
        { QStringLiteral("recommendedActions"), payload },
        { QStringLiteral("severity"), QStringLiteral("high") },
        { QStringLiteral("status"), payload },
        { QStringLiteral("classification"), payload },
        { QStringLiteral("serviceSource"), payload },
        { QStringLiteral("productName"), payload },
        { QStringLiteral("assignedTo"), payload },
        { QStringLiteral("incidentId"), payload },
        { QStringLiteral("alertWebUrl"), payload },
        { QStringLiteral("incidentWebUrl"), payload },
        { QStringLiteral("mitreTechniques"), QJsonArray { payload, QStringLiteral("T1566.001") } },
        { QStringLiteral("categories"), QJsonArray { payload } },
        { QStringLiteral("systemTags"), QJsonArray { payload } },
        { QStringLiteral("customDetails"), QJsonObject { { payload, payload } } },
        { QStringLiteral("createdDateTime"), payload },
        { QStringLiteral("comments"),
          QJsonArray {
              QJsonObject { { QStringLiteral("comment"), payload },
                            { QStringLiteral("createdByDisplayName"), payload },
                            { QStringLiteral("createdDateTime"), QStringLiteral("2024-01-01T10:00:00.1234567Z") } } } },
        { QStringLiteral("evidence"),
          QJsonArray {
              evidence("userEvidence", { { QStringLiteral("userAccount"), account } }, payload),
              evidence("deviceEvidence",
                       { { QStringLiteral("hostName"), payload }, { QStringLiteral("deviceDnsName"), payload } }),
              evidence("urlEvidence", { { QStringLiteral("url"), payload } }),
              evidence("processEvidence", { { QStringLiteral("processCommandLine"), payload } }),
              evidence("fileEvidence",
                       { { QStringLiteral("fileDetails"), QJsonObject { { QStringLiteral("fileName"), payload } } } }),
              evidence("ipEvidence", { { QStringLiteral("ipAddress"), payload } }),
              evidence("mailboxEvidence", { { QStringLiteral("primaryAddress"), payload } }),
              evidence("cloudApplicationEvidence", { { QStringLiteral("displayName"), payload } }),
              evidence("registryKeyEvidence", { { payload, payload } }),
              QJsonObject { { QStringLiteral("@odata.type"), payload }, { QStringLiteral("note"), payload } },
          } },
    };
    return alertFrom(o);
}

/// Every start tag of the document, as written (alert text cannot contain '<': it is escaped).
QStringList tags(const QString &html)
{
    static const QRegularExpression re(QStringLiteral("<[^<>]*>"));
    QStringList out;
    for (auto it = re.globalMatch(html); it.hasNext();)
        out << it.next().captured(0);
    return out;
}

QStringList hrefs(const QString &html)
{
    static const QRegularExpression re(QStringLiteral("href=\"([^\"]*)\""));
    QStringList out;
    for (auto it = re.globalMatch(html); it.hasNext();)
        out << it.next().captured(1);
    return out;
}

const QString kPortalUrl
    = QStringLiteral("https://security.microsoft.com/alerts/da638000000075908846_1914433517?tid=5c2eda02");

} // namespace

Q_DECLARE_METATYPE(AlertReport::Style)

class tst_AlertReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostileText_isEscapedEverywhere_data();
    void hostileText_isEscapedEverywhere();
    void portalAlertWebUrl_isALink_data();
    void portalAlertWebUrl_isALink();
    void isTrustedLink_data();
    void isTrustedLink();
    void mitreTechniqueUrl_data();
    void mitreTechniqueUrl();
    void evidence_isGroupedByType();
    void comments_oldestFirst();
    void legacyAlert_showsProviderAndStates();
    void mailStyle_inlinesStylesWithoutStyleBlock();
    void screenStyle_followsPaletteAndRefusesBadColours();
    void summary_listsEveryAlert();
    void text_keepsLineBreaksAndShowsBidiControls();
    void brokenJson_fallsBackToTableFields();
    void prettyJson_indentsOrKeepsText();
};

void tst_AlertReport::hostileText_isEscapedEverywhere_data()
{
    QTest::addColumn<QString>("payload");
    QTest::addColumn<AlertReport::Style>("style");
    const QString payloads[] = {
        QStringLiteral("<script>alert(1)</script>"),
        QStringLiteral("<img src=x onerror=alert(1)>"),
        QStringLiteral("javascript:alert(1)"),
        QStringLiteral("\" onmouseover=\"x"),
        QStringLiteral("</style><script>"),
        QStringLiteral("https://evil.example/phish"),
        QStringLiteral("<a href=\"https://evil.example/\">x</a><link rel=stylesheet href=//evil.example/s.css>"),
        QStringLiteral("https://security.microsoft.com@evil.example/phish"),
    };
    for (const QString &p : payloads) {
        QTest::addRow("screen: %s", qPrintable(p)) << p << AlertReport::Style::Screen;
        QTest::addRow("mail: %s", qPrintable(p)) << p << AlertReport::Style::Mail;
    }
}

void tst_AlertReport::hostileText_isEscapedEverywhere()
{
    QFETCH(QString, payload);
    QFETCH(AlertReport::Style, style);
    const QString html = AlertReport::html(hostileAlert(payload), style);

    if (payload.contains(QLatin1Char('<')) || payload.contains(QLatin1Char('"')))
        QVERIFY2(!html.contains(payload), "the raw payload is in the document");
    QVERIFY2(html.contains(payload.toHtmlEscaped()), "the payload is not shown as text");

    const QStringList allTags = tags(html);
    QVERIFY(!allTags.isEmpty());
    for (const QString &tag : allTags) {
        const QString lower = tag.toLower();
        QVERIFY2(!lower.startsWith(QLatin1String("<script")), qPrintable(tag));
        QVERIFY2(!lower.startsWith(QLatin1String("<img")), qPrintable(tag));
        QVERIFY2(!lower.startsWith(QLatin1String("<link")), qPrintable(tag));
        QVERIFY2(!lower.startsWith(QLatin1String("<iframe")), qPrintable(tag));
        QVERIFY2(!lower.contains(QLatin1String("onerror")), qPrintable(tag));
        QVERIFY2(!lower.contains(QLatin1String("onmouseover")), qPrintable(tag));
        QVERIFY2(!lower.contains(QLatin1String("javascript:")), qPrintable(tag));
        QVERIFY2(!lower.contains(QLatin1String("evil.example")), qPrintable(tag));
    }
    // Only the vetted MITRE link survives: the payload never becomes an address.
    const QStringList links = hrefs(html);
    QCOMPARE(links, QStringList { QStringLiteral("https://attack.mitre.org/techniques/T1566/001/") });
    // One style block at most (Screen), never closed early by alert text.
    QCOMPARE(html.count(QLatin1String("</style>")), style == AlertReport::Style::Screen ? 1 : 0);
    QCOMPARE(html.count(QLatin1String("<body")), 1);
    QVERIFY(html.contains(QLatin1String("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                                        "style-src 'unsafe-inline'; img-src data:\">")));
}

void tst_AlertReport::portalAlertWebUrl_isALink_data()
{
    QTest::addColumn<AlertReport::Style>("style");
    QTest::newRow("screen") << AlertReport::Style::Screen;
    QTest::newRow("mail") << AlertReport::Style::Mail;
}

void tst_AlertReport::portalAlertWebUrl_isALink()
{
    QFETCH(AlertReport::Style, style);
    const QJsonObject o { { QStringLiteral("id"), QStringLiteral("da1") },
                          { QStringLiteral("title"), QStringLiteral("Suspicious execution of hidden file") },
                          { QStringLiteral("alertWebUrl"), kPortalUrl },
                          { QStringLiteral("incidentId"), QStringLiteral("28282") },
                          { QStringLiteral("incidentWebUrl"),
                            QStringLiteral("https://security.microsoft.com/incidents/28282?tid=5c") } };
    const QString html = AlertReport::html(alertFrom(o), style);
    const QStringList links = hrefs(html);
    QVERIFY(links.contains(kPortalUrl.toHtmlEscaped()));
    QVERIFY(links.contains(QStringLiteral("https://security.microsoft.com/incidents/28282?tid=5c")));
    QVERIFY(html.contains(QLatin1String("Open in Microsoft Defender")));
    QVERIFY(html.contains(QLatin1String("28282")));
}

void tst_AlertReport::isTrustedLink_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("trusted");
    QTest::newRow("defender alert") << kPortalUrl << true;
    QTest::newRow("defender, upper-case host") << QStringLiteral("https://SECURITY.microsoft.com/incidents/1") << true;
    QTest::newRow("gcc high") << QStringLiteral("https://security.microsoft.us/alerts/1") << true;
    QTest::newRow("azure portal") << QStringLiteral("https://portal.azure.com/#blade/x") << true;
    QTest::newRow("mitre technique") << QStringLiteral("https://attack.mitre.org/techniques/T1566/001/") << true;
    QTest::newRow("mitre main technique") << QStringLiteral("https://attack.mitre.org/techniques/T1059/") << true;
    QTest::newRow("mitre elsewhere") << QStringLiteral("https://attack.mitre.org/groups/G0016/") << false;
    QTest::newRow("mitre with query") << QStringLiteral("https://attack.mitre.org/techniques/T1059/?x=1") << false;
    QTest::newRow("plain http") << QStringLiteral("http://security.microsoft.com/alerts/1") << false;
    QTest::newRow("user info") << QStringLiteral("https://security.microsoft.com@evil.example/") << false;
    QTest::newRow("user info with name") << QStringLiteral("https://a:b@security.microsoft.com/") << false;
    QTest::newRow("look-alike suffix") << QStringLiteral("https://security.microsoft.com.evil.example/") << false;
    QTest::newRow("look-alike prefix") << QStringLiteral("https://evilsecurity.microsoft.com/") << false;
    QTest::newRow("other port") << QStringLiteral("https://security.microsoft.com:8443/") << false;
    QTest::newRow("evil") << QStringLiteral("https://evil.example/phish") << false;
    QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << false;
    QTest::newRow("data") << QStringLiteral("data:text/html,<script>alert(1)</script>") << false;
    QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << false;
    QTest::newRow("empty") << QString() << false;
}

void tst_AlertReport::isTrustedLink()
{
    QFETCH(QString, url);
    QFETCH(bool, trusted);
    QCOMPARE(AlertReport::isTrustedLink(QUrl(url, QUrl::StrictMode)), trusted);
}

void tst_AlertReport::mitreTechniqueUrl_data()
{
    QTest::addColumn<QString>("technique");
    QTest::addColumn<QString>("url");
    QTest::newRow("sub-technique") << QStringLiteral("T1566.001")
                                   << QStringLiteral("https://attack.mitre.org/techniques/T1566/001/");
    QTest::newRow("technique") << QStringLiteral("T1059")
                               << QStringLiteral("https://attack.mitre.org/techniques/T1059/");
    QTest::newRow("lower case") << QStringLiteral("t1059") << QString();
    QTest::newRow("trailing markup") << QStringLiteral("T1566.001<script>") << QString();
    QTest::newRow("path trick") << QStringLiteral("T1566/../../x") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void tst_AlertReport::mitreTechniqueUrl()
{
    QFETCH(QString, technique);
    QFETCH(QString, url);
    const QUrl got = AlertReport::mitreTechniqueUrl(technique);
    QCOMPARE(got.isValid(), !url.isEmpty());
    if (!url.isEmpty()) {
        QCOMPARE(got.toString(), url);
        QVERIFY(AlertReport::isTrustedLink(got));
    }
}

void tst_AlertReport::evidence_isGroupedByType()
{
    const QJsonObject o {
        { QStringLiteral("id"), QStringLiteral("da2") },
        { QStringLiteral("title"), QStringLiteral("Multi-stage") },
        { QStringLiteral("evidence"),
          QJsonArray {
              evidence("urlEvidence",
                       { { QStringLiteral("url"), QStringLiteral("https://fabrikam-billing.com/a1b2") } }),
              evidence(
                  "userEvidence",
                  { { QStringLiteral("userAccount"),
                      QJsonObject { { QStringLiteral("userPrincipalName"), QStringLiteral("lsmith@contoso.com") } } } },
                  QStringLiteral("malicious")),
              evidence("deviceEvidence", { { QStringLiteral("hostName"), QStringLiteral("MKT-WS-1110") } }),
              evidence("ipEvidence", { { QStringLiteral("ipAddress"), QStringLiteral("146.121.72.174") } }),
              evidence("fileEvidence",
                       { { QStringLiteral("fileDetails"),
                           QJsonObject { { QStringLiteral("fileName"), QStringLiteral("ChromeUpdate.exe") } } } }),
              evidence("processEvidence",
                       { { QStringLiteral("processCommandLine"), QStringLiteral("powershell.exe -enc AAA") } }),
              evidence("mailboxEvidence",
                       { { QStringLiteral("primaryAddress"), QStringLiteral("lsmith@contoso.com") } }),
              evidence("cloudApplicationEvidence", { { QStringLiteral("displayName"), QStringLiteral("Office 365") } }),
              evidence("registryKeyEvidence",
                       { { QStringLiteral("registryHive"), QStringLiteral("HKEY_CURRENT_USER") } }),
              evidence(
                  "userEvidence",
                  { { QStringLiteral("userAccount"),
                      QJsonObject { { QStringLiteral("userPrincipalName"), QStringLiteral("avery@contoso.com") } } } }),
          } },
    };
    const QString html = AlertReport::html(alertFrom(o));
    QVERIFY(html.contains(QLatin1String("Evidence (10)")));
    const QStringList headings = { QStringLiteral("Users (2)"),         QStringLiteral("Devices (1)"),
                                   QStringLiteral("Mailboxes (1)"),     QStringLiteral("Processes (1)"),
                                   QStringLiteral("Files (1)"),         QStringLiteral("IP addresses (1)"),
                                   QStringLiteral("URLs (1)"),          QStringLiteral("Cloud applications (1)"),
                                   QStringLiteral("Other evidence (1)") };
    qsizetype last = -1;
    for (const QString &heading : headings) {
        const qsizetype at = html.indexOf(heading);
        QVERIFY2(at > last, qPrintable(heading));
        last = at;
    }
    for (const char *value :
         { "lsmith@contoso.com", "avery@contoso.com", "MKT-WS-1110", "146.121.72.174", "ChromeUpdate.exe",
           "powershell.exe -enc AAA", "Office 365", "HKEY_CURRENT_USER", "registryKeyEvidence",
           "https://fabrikam-billing.com/a1b2", "Malicious", "Suspicious", "Compromised" })
        QVERIFY2(html.contains(QLatin1String(value)), value);
    // An evidence URL is text, never a link.
    QVERIFY(!hrefs(html).join(QLatin1Char(' ')).contains(QLatin1String("fabrikam")));
}

void tst_AlertReport::comments_oldestFirst()
{
    const auto comment = [](const char *text, const char *time) {
        return QJsonObject { { QStringLiteral("comment"), QLatin1String(text) },
                             { QStringLiteral("createdByDisplayName"),
                               QStringLiteral("AveryC@contoso.onmicrosoft.com") },
                             { QStringLiteral("createdDateTime"), QLatin1String(time) } };
    };
    const QJsonObject o { { QStringLiteral("id"), QStringLiteral("da3") },
                          { QStringLiteral("comments"),
                            QJsonArray { comment("third", "2024-03-01T09:00:00.0000000Z"),
                                         comment("first", "2024-01-01T09:00:00.1234567Z"),
                                         comment("second", "2024-02-01T09:00:00Z") } } };
    const QString html = AlertReport::html(alertFrom(o));
    QVERIFY(html.contains(QLatin1String("Comments (3)")));
    const qsizetype first = html.indexOf(QLatin1String("first")), second = html.indexOf(QLatin1String("second")),
                    third = html.indexOf(QLatin1String("third"));
    QVERIFY(first > 0 && first < second && second < third);
    QVERIFY(html.contains(QStringLiteral("AveryC@contoso.onmicrosoft.com · 2024-01-01 09:00:00 UTC")));
}

void tst_AlertReport::legacyAlert_showsProviderAndStates()
{
    const QJsonObject o {
        { QStringLiteral("id"), QStringLiteral("5390D611-79DF-4B14-8ABF-E882C626C6D8") },
        { QStringLiteral("title"), QStringLiteral("Communication with suspicious domain") },
        { QStringLiteral("severity"), QStringLiteral("medium") },
        { QStringLiteral("status"), QStringLiteral("newAlert") },
        { QStringLiteral("feedback"), QStringLiteral("truePositive") },
        { QStringLiteral("comments"), QJsonArray { QStringLiteral("Closed in IPC") } },
        { QStringLiteral("recommendedActions"),
          QJsonArray { QStringLiteral("Isolate the device"), QStringLiteral("Reset the password") } },
        { QStringLiteral("vendorInformation"),
          QJsonObject { { QStringLiteral("provider"), QStringLiteral("Azure Sentinel") },
                        { QStringLiteral("vendor"), QStringLiteral("Microsoft") } } },
        { QStringLiteral("userStates"),
          QJsonArray { QJsonObject { { QStringLiteral("userPrincipalName"), QStringLiteral("mlarsen@contoso.com") },
                                     { QStringLiteral("logonIp"), QStringLiteral("184.214.94.61") } } } },
        { QStringLiteral("hostStates"),
          QJsonArray { QJsonObject { { QStringLiteral("fqdn"), QStringLiteral("mkt-ws-1125.corp.contoso.com") },
                                     { QStringLiteral("isAzureAdJoined"), true } } } },
        { QStringLiteral("networkConnections"),
          QJsonArray { QJsonObject { { QStringLiteral("destinationPort"), QStringLiteral("443") } } } },
        { QStringLiteral("sourceMaterials"),
          QJsonArray { QStringLiteral("https://security.microsoft.com/alerts/5390D611"),
                       QStringLiteral("https://evil.example/x") } },
    };
    const QString html = AlertReport::html(alertFrom(o, AlertApi::Legacy));
    for (const char *value : { "Azure Sentinel", "Microsoft", "Feedback", "True positive", "New", "Medium",
                               "mlarsen@contoso.com", "184.214.94.61", "mkt-ws-1125.corp.contoso.com", "Users (1)",
                               "Devices (1)", "Network connections (1)", "Closed in IPC", "Comments (1)", "<li",
                               "Isolate the device", "Reset the password", "https://evil.example/x" })
        QVERIFY2(html.contains(QLatin1String(value)), value);
    QCOMPARE(hrefs(html), QStringList { QStringLiteral("https://security.microsoft.com/alerts/5390D611") });
    QVERIFY(!html.contains(QLatin1String("Verdict"))); // legacy states have none
}

void tst_AlertReport::mailStyle_inlinesStylesWithoutStyleBlock()
{
    const Alert alert = hostileAlert(QStringLiteral("x"));
    const QString mail = AlertReport::html(alert, AlertReport::Style::Mail);
    QVERIFY(!mail.contains(QLatin1String("<style")));
    QVERIFY(!mail.contains(QLatin1String(" class=\"")));
    QVERIFY(mail.contains(QLatin1String("<body style=\"")));
    QVERIFY(mail.contains(QLatin1String("<table role=\"presentation\"")));
    QVERIFY(mail.count(QLatin1String(" style=\"")) > 20);

    const QString screen = AlertReport::html(alert, AlertReport::Style::Screen);
    QCOMPARE(screen.count(QLatin1String("<style>")), 1);
    QVERIFY(!screen.contains(QLatin1String(" style=\"")));
    // One template: both renderings have the same elements in the same order.
    static const QRegularExpression attributes(QStringLiteral(" (class|style)=\"[^\"]*\""));
    QCOMPARE(QString(mail).remove(attributes),
             QString(screen)
                 .remove(QRegularExpression(QStringLiteral("<style>.*</style>\n"),
                                            QRegularExpression::DotMatchesEverythingOption))
                 .remove(attributes));
}

void tst_AlertReport::screenStyle_followsPaletteAndRefusesBadColours()
{
    ReportPalette dark;
    dark.text = QStringLiteral("#eeeeee");
    dark.background = QStringLiteral("#202020");
    dark.accent = QStringLiteral("red;}</style><script>alert(1)</script>");
    const QString html = AlertReport::html(hostileAlert(QStringLiteral("x")), AlertReport::Style::Screen, dark);
    QVERIFY(html.contains(QLatin1String("background-color:#202020")));
    QVERIFY(html.contains(QLatin1String("color:#eeeeee")));
    QVERIFY(!html.contains(QLatin1String("<script")));
    QVERIFY(html.contains(QLatin1String("color:") + ReportPalette().accent));
}

void tst_AlertReport::summary_listsEveryAlert()
{
    QList<Alert> alerts;
    for (int i = 0; i < 3; ++i) {
        Alert a = hostileAlert(QStringLiteral("<b>alert %1</b>").arg(i));
        a.id = QStringLiteral("da-summary-%1").arg(i);
        alerts << a;
    }
    alerts[1].api = AlertApi::Legacy;
    for (const AlertReport::Style style : { AlertReport::Style::Mail, AlertReport::Style::Screen }) {
        const QString html = AlertReport::summaryHtml(alerts, style);
        QVERIFY(html.contains(QLatin1String("3 alert(s)")) || html.contains(QLatin1String("3 alerts")));
        const qsizetype tableEnd = html.indexOf(QLatin1String("</table>"));
        for (int i = 0; i < 3; ++i) {
            const qsizetype row = html.indexOf(QStringLiteral("da-summary-%1").arg(i));
            QVERIFY(row > 0 && row < tableEnd); // listed in the summary table
            QVERIFY(html.indexOf(QStringLiteral("&lt;b&gt;alert %1&lt;/b&gt;").arg(i), tableEnd)
                    > tableEnd); // and reported
        }
        QVERIFY(!html.contains(QLatin1String("<b>")));
        QCOMPARE(html.count(QLatin1String("<hr")), 3);
        QCOMPARE(html.count(QLatin1String("<body")), 1);
        QCOMPARE(html.contains(QLatin1String("<style")), style == AlertReport::Style::Screen);
        for (const char *column : { "Severity", "Title", "Status", "Service source", "Created", "Alert ID" })
            QVERIFY2(html.contains(QLatin1String(column)), column);
    }
}

void tst_AlertReport::text_keepsLineBreaksAndShowsBidiControls()
{
    const QJsonObject o {
        { QStringLiteral("id"), QStringLiteral("da4") },
        { QStringLiteral("description"), QStringLiteral("line one\r\nline two\nline three") },
        { QStringLiteral("recommendedActions"), QStringLiteral("1. Isolate\n2. Investigate") },
        { QStringLiteral("evidence"),
          QJsonArray { evidence(
              "fileEvidence",
              { { QStringLiteral("fileDetails"),
                  QJsonObject { { QStringLiteral("fileName"), QStringLiteral("invoice\u202Efdp.exe") } } } }) } }
    };
    const QString html = AlertReport::html(alertFrom(o));
    QVERIFY(html.contains(QLatin1String("line one<br>\nline two<br>\nline three")));
    QVERIFY(html.contains(QLatin1String("1. Isolate<br>\n2. Investigate")));
    QVERIFY(html.contains(QLatin1String("invoice[U+202E]fdp.exe")));
    QVERIFY(!html.contains(QChar(0x202E)));
}

void tst_AlertReport::brokenJson_fallsBackToTableFields()
{
    Alert a;
    a.id = QStringLiteral("da5");
    a.title = QStringLiteral("<i>From the table</i>");
    a.severity = Severity::Low;
    a.status = QStringLiteral("inProgress");
    a.json = "{not json";
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("has no valid JSON")));
    const QString html = AlertReport::html(a);
    QVERIFY(html.contains(QLatin1String("&lt;i&gt;From the table&lt;/i&gt;")));
    QVERIFY(html.contains(QLatin1String("In progress")));
    QVERIFY(html.contains(QLatin1String("Low")));
    QVERIFY(html.contains(QLatin1String("da5")));
}

void tst_AlertReport::prettyJson_indentsOrKeepsText()
{
    const QString pretty = AlertReport::prettyJson(R"({"id":"da1","evidence":[{"a":1}]})");
    QVERIFY(pretty.contains(QLatin1String("\n    \"id\": \"da1\"")));
    QVERIFY(pretty.contains(QLatin1String("\"evidence\": [\n")));
    QCOMPARE(AlertReport::prettyJson("not <json>"), QStringLiteral("not <json>"));
}

QTEST_GUILESS_MAIN(tst_AlertReport)
#include "tst_alertreport.moc"
