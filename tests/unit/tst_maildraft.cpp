#include "core/mail/maildraft.h"

#include <QJsonArray>
#include <QTest>

using namespace vigil::core;

namespace {
Alert hostile()
{
    Alert a;
    a.id = QStringLiteral("da1");
    a.title = QStringLiteral("<script>alert(1)</script> on host");
    a.severity = Severity::High;
    a.status = QStringLiteral("new");
    a.serviceSource = QStringLiteral("microsoftDefenderForEndpoint");
    a.json = R"({"id":"da1","title":"<script>alert(1)</script> on host","severity":"high","status":"new","serviceSource":"microsoftDefenderForEndpoint","description":"<img src=x onerror=alert(2)>"})";
    return a;
}
} // namespace

class tst_MailDraft : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recipients_data();
    void recipients();
    void defaultSubject_followsTheOriginalSample();
    void problem_refusesBadInput();
    void body_isTheEscapedMailReportWithNote();
    void request_hasGraphShape();
};

void tst_MailDraft::recipients_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("valid");
    QTest::addColumn<QStringList>("invalid");
    QTest::newRow("one") << QStringLiteral("soc@contoso.com") << QStringList{QStringLiteral("soc@contoso.com")} << QStringList{};
    QTest::newRow("comma and semicolon")
        << QStringLiteral(" a@contoso.com, b@contoso.com; c@fabrikam.co.uk ")
        << QStringList{QStringLiteral("a@contoso.com"), QStringLiteral("b@contoso.com"), QStringLiteral("c@fabrikam.co.uk")}
        << QStringList{};
    QTest::newRow("name and address") << QStringLiteral("SOC Team <soc@contoso.com>")
                                      << QStringList{QStringLiteral("soc@contoso.com")} << QStringList{};
    QTest::newRow("duplicates removed") << QStringLiteral("a@contoso.com;A@contoso.com")
                                        << QStringList{QStringLiteral("a@contoso.com")} << QStringList{};
    QTest::newRow("invalid ones reported")
        << QStringLiteral("a@contoso.com, not-an-address, b@, @c.com, d@e")
        << QStringList{QStringLiteral("a@contoso.com")}
        << QStringList{QStringLiteral("not-an-address"), QStringLiteral("b@"), QStringLiteral("@c.com"), QStringLiteral("d@e")};
    QTest::newRow("header injection") << QStringLiteral("a@contoso.com\r\nBcc: x@y.z")
                                      << QStringList{QStringLiteral("a@contoso.com")} << QStringList{QStringLiteral("Bcc: x@y.z")};
}

void tst_MailDraft::recipients()
{
    QFETCH(QString, text);
    QFETCH(QStringList, valid);
    QFETCH(QStringList, invalid);
    QStringList bad;
    QCOMPARE(MailDraft::parseRecipients(text, &bad), valid);
    QCOMPARE(bad, invalid);
}

void tst_MailDraft::defaultSubject_followsTheOriginalSample()
{
    QCOMPARE(MailDraft::defaultSubject({hostile()}),
             QStringLiteral("New alert – '<script>alert(1)</script> on host' (High) from Microsoft Defender for Endpoint"));
    Alert second = hostile();
    second.id = QStringLiteral("da2");
    QVERIFY(MailDraft::defaultSubject({hostile(), second}).startsWith(QLatin1String("2 alerts")));
}

void tst_MailDraft::problem_refusesBadInput()
{
    MailDraft d;
    d.subject = QStringLiteral("s");
    QVERIFY(d.problem().contains(QLatin1String("recipient")));
    d.recipients = QStringLiteral("a@contoso.com; nope");
    QVERIFY(d.problem().contains(QLatin1String("nope")));
    d.recipients = QStringLiteral("a@contoso.com");
    QVERIFY(d.problem().isEmpty());
    d.subject = QStringLiteral("  ");
    QVERIFY(!d.problem().isEmpty());
}

void tst_MailDraft::body_isTheEscapedMailReportWithNote()
{
    MailDraft d;
    d.note = QStringLiteral("Please look at this <b>now</b>.\nThanks");
    const QString html = d.htmlBody({hostile()});
    QVERIFY(!html.contains(QLatin1String("<script>alert(1)")));
    QVERIFY(!html.contains(QLatin1String("<img src=x")));
    QVERIFY(html.contains(QLatin1String("&lt;script&gt;alert(1)&lt;/script&gt;")));
    QVERIFY(html.contains(QLatin1String("Please look at this &lt;b&gt;now&lt;/b&gt;.<br>Thanks")));
    const qsizetype body = html.indexOf(QLatin1String("<body"));
    QVERIFY(body >= 0);
    QVERIFY(html.indexOf(QLatin1String("Please look")) > body);
    QVERIFY(html.indexOf(QLatin1String("Please look")) < html.indexOf(QLatin1String("&lt;script&gt;"), body));
    QVERIFY(!html.contains(QLatin1String("<style")));  // mail style: inline only
}

void tst_MailDraft::request_hasGraphShape()
{
    MailDraft d;
    d.recipients = QStringLiteral("a@contoso.com; b@contoso.com");
    d.subject = QStringLiteral("Subject");
    d.saveToSentItems = false;
    const QJsonObject r = d.sendMailRequest({hostile()});
    QCOMPARE(r.value(QLatin1String("saveToSentItems")).toBool(true), false);
    const QJsonObject m = r.value(QLatin1String("message")).toObject();
    QCOMPARE(m.value(QLatin1String("subject")).toString(), QStringLiteral("Subject"));
    QCOMPARE(m.value(QLatin1String("body")).toObject().value(QLatin1String("contentType")).toString(), QStringLiteral("HTML"));
    const QJsonArray to = m.value(QLatin1String("toRecipients")).toArray();
    QCOMPARE(to.size(), 2);
    QCOMPARE(to.at(1).toObject().value(QLatin1String("emailAddress")).toObject().value(QLatin1String("address")).toString(),
             QStringLiteral("b@contoso.com"));
}

QTEST_APPLESS_MAIN(tst_MailDraft)
#include "tst_maildraft.moc"
