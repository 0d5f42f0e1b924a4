// Mailing alerts through graphsim's /me/sendMail: the outbox holds exactly what Vigil sent.

#include "core/alerts/alertsource.h"
#include "core/mail/mailsender.h"
#include "core/settings.h"
#include "support/graphsimsession.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace vigil;

class tst_MailGraphsim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void send_putsMessageInOutbox_withEscapedReport();
    void severalAlerts_oneMessageWithSummary();
    void withoutMailSend_isRefusedWithRequestId();

private:
    QTemporaryDir m_dir;
};

void tst_MailGraphsim::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    core::SettingsLocation::setFile(m_dir.filePath(QStringLiteral("vigil.ini")));
}

void tst_MailGraphsim::send_putsMessageInOutbox_withEscapedReport()
{
    test::GraphsimSession s;
    QVERIFY(s.start());
    QString error;
    const QString id = s.simulator.createAlert(
        QJsonObject{{QStringLiteral("title"), QStringLiteral("<script>alert('x')</script> Suspicious sign-in")},
                    {QStringLiteral("severity"), QStringLiteral("high")},
                    {QStringLiteral("description"), QStringLiteral("<img src=x onerror=alert(1)> javascript:alert(1)")}},
        &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    core::AlertsV2Source source(&s.client);
    auto alert = QCoro::waitFor(source.get(id));
    QVERIFY(alert.ok());

    core::MailSender sender(&s.client);
    core::MailDraft draft;
    draft.recipients = QStringLiteral("soc@contoso.com; JordanP@contoso.onmicrosoft.com");
    draft.subject = core::MailDraft::defaultSubject({alert.value()});
    draft.note = QStringLiteral("Can you take this one?");
    draft.saveToSentItems = false;
    QVERIFY(draft.problem().isEmpty());
    auto result = QCoro::waitFor(sender.send(draft, {alert.value()}));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().userMessage()));

    const QJsonArray outbox = s.simulator.outbox();
    QCOMPARE(outbox.size(), 1);
    const QJsonObject entry = outbox.at(0).toObject();
    const QJsonObject message = entry.value(QLatin1String("message")).toObject();
    QCOMPARE(message.value(QLatin1String("subject")).toString(), draft.subject);
    QVERIFY2(message.value(QLatin1String("subject")).toString().startsWith(QStringLiteral("New alert – '<script>")),
             qPrintable(message.value(QLatin1String("subject")).toString()));
    const QJsonArray to = message.value(QLatin1String("toRecipients")).toArray();
    QCOMPARE(to.size(), 2);
    QCOMPARE(to.at(0).toObject().value(QLatin1String("emailAddress")).toObject().value(QLatin1String("address")).toString(),
             QStringLiteral("soc@contoso.com"));
    const QString html = message.value(QLatin1String("body")).toObject().value(QLatin1String("content")).toString();
    QVERIFY(html.contains(QLatin1String("Can you take this one?")));
    QVERIFY(!html.contains(QLatin1String("<script>")));
    QVERIFY(!html.contains(QLatin1String("<img src=x")));
    QVERIFY(html.contains(QLatin1String("&lt;script&gt;")));
    QCOMPARE(entry.value(QLatin1String("saveToSentItems")).toBool(true), false);
    QVERIFY(core::MailSender::recentRecipients().contains(QStringLiteral("soc@contoso.com")));
}

void tst_MailGraphsim::severalAlerts_oneMessageWithSummary()
{
    test::GraphsimSession s;
    QVERIFY(s.start());
    core::AlertsV2Source source(&s.client);
    QList<core::Alert> alerts;
    for (int i = 0; i < 3; ++i) {
        auto a = QCoro::waitFor(source.get(s.simulator.alertIdAt(i)));
        QVERIFY(a.ok());
        alerts << a.value();
    }
    core::MailSender sender(&s.client);
    core::MailDraft draft;
    draft.recipients = QStringLiteral("soc@contoso.com");
    draft.subject = core::MailDraft::defaultSubject(alerts);
    QVERIFY(QCoro::waitFor(sender.send(draft, alerts)).ok());
    const QJsonArray outbox = s.simulator.outbox();
    QCOMPARE(outbox.size(), 1);
    const QString html = outbox.at(0).toObject().value(QLatin1String("message")).toObject().value(QLatin1String("body"))
                             .toObject().value(QLatin1String("content")).toString();
    for (const core::Alert &a : alerts)
        QVERIFY(html.contains(a.id));
    QVERIFY(outbox.at(0).toObject().value(QLatin1String("saveToSentItems")).toBool(false));
}

void tst_MailGraphsim::withoutMailSend_isRefusedWithRequestId()
{
    test::GraphsimSession s;
    s.permissions = core::SignInFlow::defaultPermissions();  // no Mail.Send yet
    QVERIFY(s.start());
    QVERIFY(!s.flow.hasPermission(QString(core::MailSender::kPermission)));
    core::AlertsV2Source source(&s.client);
    auto alert = QCoro::waitFor(source.get(s.simulator.alertIdAt(0)));
    QVERIFY(alert.ok());
    core::MailSender sender(&s.client);
    core::MailDraft draft;
    draft.recipients = QStringLiteral("soc@contoso.com");
    draft.subject = QStringLiteral("x");
    auto result = QCoro::waitFor(sender.send(draft, {alert.value()}));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().httpStatus, 403);
    QVERIFY(!result.error().requestId.isEmpty());
    QVERIFY(s.simulator.outbox().isEmpty());
}

QTEST_GUILESS_MAIN(tst_MailGraphsim)
#include "tst_mail_graphsim.moc"
