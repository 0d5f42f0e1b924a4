// The mail dialog against graphsim, offscreen: validation before sending, the live preview in the
// safe web view, incremental consent for Mail.Send, the message in graphsim's outbox, and a failure
// that keeps everything typed.

#include "core/alerts/alertsource.h"
#include "core/mail/mailsender.h"
#include "core/settings.h"
#include "gui/maildialog.h"
#include "gui/safehtmlview.h"
#include "support/graphsimsession.h"

#include <QApplication>
#include <QCheckBox>
#include <QDeadlineTimer>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QWebEnginePage>

using namespace vigil;

namespace {
QString plainText(QWebEnginePage *page)
{
    QString text;
    bool done = false;
    page->toPlainText([&](const QString &t) {
        text = t;
        done = true;
    });
    QDeadlineTimer deadline(10000);
    while (!done && !deadline.hasExpired())
        QTest::qWait(10);
    return text;
}

QPushButton *sendButton(QDialog &dialog)
{
    for (QAbstractButton *b : dialog.findChild<QDialogButtonBox *>()->buttons()) {
        if (b->text().remove(QLatin1Char('&')) == QLatin1String("Send"))
            return qobject_cast<QPushButton *>(b);
    }
    return nullptr;
}
} // namespace

class tst_MailDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void validation_preview_send();
    void firstUse_asksForMailSendThenSends();
    void failure_keepsWhatWasTyped();

private:
    QList<core::Alert> hostileAlert(test::GraphsimSession &s);
    QTemporaryDir m_dir;
};

void tst_MailDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    core::SettingsLocation::setFile(m_dir.filePath(QStringLiteral("vigil.ini")));
}

QList<core::Alert> tst_MailDialog::hostileAlert(test::GraphsimSession &s)
{
    QString error;
    const QString id = s.simulator.createAlert(
        QJsonObject{{QStringLiteral("title"), QStringLiteral("<script>alert(1)</script> Suspicious inbox rule")},
                    {QStringLiteral("severity"), QStringLiteral("medium")}},
        &error);
    core::AlertsV2Source source(&s.client);
    auto alert = QCoro::waitFor(source.get(id));
    if (!alert.ok())
        return {};
    return {alert.value()};
}

void tst_MailDialog::validation_preview_send()
{
    test::GraphsimSession s;
    QVERIFY(s.start());
    const QList<core::Alert> alerts = hostileAlert(s);
    QCOMPARE(alerts.size(), 1);
    core::MailSender sender(&s.client);
    gui::MailDialog dialog(&sender, &s.flow, alerts);
    dialog.show();
    QPushButton *send = sendButton(dialog);
    QVERIFY(send);
    QVERIFY(!send->isEnabled());  // no recipient yet
    QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("subjectEdit"))->text().startsWith(QStringLiteral("New alert – '<script>")));
    auto *to = dialog.findChild<QLineEdit *>(QStringLiteral("toEdit"));
    to->setText(QStringLiteral("soc@contoso.com; not an address"));
    QVERIFY(!send->isEnabled());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("problemLabel"))->text().contains(QLatin1String("not an address")));
    to->setText(QStringLiteral("soc@contoso.com; lead@contoso.com"));
    QVERIFY(send->isEnabled());
    dialog.findChild<QPlainTextEdit *>(QStringLiteral("noteEdit"))->setPlainText(QStringLiteral("Have a look, please."));
    // The preview shows the message as text: the alert's markup is not markup.
    QTRY_VERIFY_WITH_TIMEOUT(plainText(dialog.preview()->page()).contains(QLatin1String("Have a look, please.")), 10000);
    QVERIFY(plainText(dialog.preview()->page()).contains(QLatin1String("<script>alert(1)</script>")));
    QSignalSpy sent(&dialog, &gui::MailDialog::sent);
    QTest::mouseClick(send, Qt::LeftButton);
    QVERIFY(sent.wait(10000));
    QVERIFY(sent.at(0).at(0).toString().contains(QLatin1String("2")));
    const QJsonArray outbox = s.simulator.outbox();
    QCOMPARE(outbox.size(), 1);
    QCOMPARE(outbox.at(0).toObject().value(QLatin1String("message")).toObject().value(QLatin1String("toRecipients")).toArray().size(), 2);
}

void tst_MailDialog::firstUse_asksForMailSendThenSends()
{
    test::GraphsimSession s;
    s.permissions = core::SignInFlow::defaultPermissions();  // no Mail.Send at sign-in
    QVERIFY(s.start());
    QVERIFY(!s.flow.hasPermission(QStringLiteral("Mail.Send")));
    const QList<core::Alert> alerts = hostileAlert(s);
    core::MailSender sender(&s.client);
    gui::MailDialog dialog(&sender, &s.flow, alerts);
    dialog.findChild<QLineEdit *>(QStringLiteral("toEdit"))->setText(QStringLiteral("soc@contoso.com"));
    QSignalSpy consent(&s.flow, &core::SignInFlow::authorizationRequested);
    QSignalSpy sent(&dialog, &gui::MailDialog::sent);
    dialog.send();
    QCOMPARE(consent.size(), 1);
    QVERIFY(QUrlQuery(consent.at(0).at(0).toUrl()).queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded)
                .contains(QLatin1String("Mail.Send")));
    QVERIFY(s.simulator.outbox().isEmpty());
    s.browser.follow(consent.at(0).at(0).toUrl());  // the user consents
    QTRY_VERIFY_WITH_TIMEOUT(!sent.isEmpty(), 10000);
    QVERIFY(s.flow.hasPermission(QStringLiteral("Mail.Send")));
    QCOMPARE(s.simulator.outbox().size(), 1);
}

void tst_MailDialog::failure_keepsWhatWasTyped()
{
    test::GraphsimSession s;
    QVERIFY(s.start());
    const QList<core::Alert> alerts = hostileAlert(s);
    graphsim::FaultSpec fault;
    fault.pathPrefix = QStringLiteral("/v1.0/me/sendMail");
    fault.status = 500;
    s.simulator.addFault(fault);
    core::MailSender sender(&s.client);
    gui::MailDialog dialog(&sender, &s.flow, alerts);
    dialog.show();
    dialog.findChild<QLineEdit *>(QStringLiteral("toEdit"))->setText(QStringLiteral("soc@contoso.com"));
    dialog.findChild<QPlainTextEdit *>(QStringLiteral("noteEdit"))->setPlainText(QStringLiteral("Keep me"));
    dialog.findChild<QCheckBox *>(QStringLiteral("sentItemsCheck"))->setChecked(false);
    QSignalSpy sent(&dialog, &gui::MailDialog::sent);
    dialog.send();
    auto *problem = dialog.findChild<QLabel *>(QStringLiteral("problemLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(problem->text().startsWith(QLatin1String("Not sent")), 10000);
    QVERIFY(problem->text().contains(QLatin1String("request ID")));
    QVERIFY(sent.isEmpty());
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("toEdit"))->text(), QStringLiteral("soc@contoso.com"));
    QCOMPARE(dialog.findChild<QPlainTextEdit *>(QStringLiteral("noteEdit"))->toPlainText(), QStringLiteral("Keep me"));
    QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("toEdit"))->isEnabled());
    QVERIFY(!dialog.findChild<QCheckBox *>(QStringLiteral("sentItemsCheck"))->isChecked());
    QVERIFY(s.simulator.outbox().isEmpty());
    // Trying again works.
    dialog.send();
    QVERIFY(sent.wait(10000));
    QCOMPARE(s.simulator.outbox().size(), 1);
}

int main(int argc, char **argv)
{
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    tst_MailDialog test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_maildialog.moc"
