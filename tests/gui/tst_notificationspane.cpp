// NotificationsPane offscreen: rows newest first with their columns, details and read state on
// selection, unread count in the title, filter by text, feed and unread, mark all read, clear,
// and activation asking for the alert.

#include "core/notifications/notificationfilterproxy.h"
#include "core/notifications/notificationmodel.h"
#include "core/settings.h"
#include "gui/notificationsettingspage.h"
#include "gui/notificationspane.h"
#include "gui/settingsdialog.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QLabel>
#include <QTest>

using namespace vigil;
using core::Notification;
using core::NotificationModel;

namespace {
Notification make(const QString &alertId, const QString &title, Notification::Feed feed, Notification::Change change,
                  core::Severity severity)
{
    Notification n;
    n.alertId = alertId;
    n.title = title;
    n.feed = feed;
    n.change = change;
    n.severity = severity;
    n.api = feed == Notification::Feed::Graph ? core::AlertApi::Legacy : core::AlertApi::V2;
    n.resource = QStringLiteral("security/alerts/") + alertId;
    return n;
}
} // namespace

class tst_NotificationsPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void rows_columnsAndTitleWithUnreadCount();
    void selection_showsDetails_andMarksRead();
    void filters_textFeedUnread();
    void markAllRead_andClear();
    void activation_asksForTheAlert_lifecycleDoesNot();
    void receiverStatus_isShown();
    void settingsPage_roundTripsValues_invalidOnesBlockOk_curlCarriesTheSecret();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<NotificationModel> m_model;
};

void tst_NotificationsPane::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    core::SettingsLocation::setFile(m_dir.filePath(QStringLiteral("vigil.ini")));
}

void tst_NotificationsPane::init()
{
    m_model = std::make_unique<NotificationModel>();
    m_model->add(make(QStringLiteral("legacy-1"), QStringLiteral("Impossible travel"), Notification::Feed::Graph,
                      Notification::Change::Updated, core::Severity::Medium));
    m_model->add(make(QStringLiteral("v2-1"), QStringLiteral("Ransomware behaviour"), Notification::Feed::Poller,
                      Notification::Change::Created, core::Severity::High));
    Notification lifecycle;
    lifecycle.change = Notification::Change::ReauthorizationRequired;
    lifecycle.subscriptionId = QStringLiteral("sub-9");
    lifecycle.details = QStringLiteral("Microsoft Graph asks for the subscription to be reauthorized.");
    m_model->add(lifecycle);
    m_model->insertPending();
}

void tst_NotificationsPane::rows_columnsAndTitleWithUnreadCount()
{
    gui::NotificationsPane pane(m_model.get());
    QAbstractItemModelTester tester(pane.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    pane.show();
    QTableView *table = pane.table();
    QCOMPARE(table->model()->rowCount(), 3);
    QCOMPARE(pane.windowTitle(), QStringLiteral("Notifications (3)"));
    // Newest first.
    QCOMPARE(table->model()->index(0, NotificationModel::ChangeColumn).data().toString(),
             core::displayChange(Notification::Change::ReauthorizationRequired, Notification::Feed::Graph));
    QCOMPARE(table->model()->index(1, NotificationModel::TitleColumn).data().toString(),
             QStringLiteral("Ransomware behaviour"));
    QCOMPARE(table->model()->index(1, NotificationModel::SeverityColumn).data().toString(),
             core::displaySeverity(core::Severity::High));
    QCOMPARE(table->model()->index(1, NotificationModel::FeedColumn).data().toString(),
             core::displayFeed(Notification::Feed::Poller));
    QCOMPARE(table->model()->index(2, NotificationModel::ResourceColumn).data().toString(),
             QStringLiteral("security/alerts/legacy-1"));
    QCOMPARE(table->model()->index(0, NotificationModel::SubscriptionColumn).data().toString(),
             QStringLiteral("sub-9"));
    m_model->add(make(QStringLiteral("n"), QStringLiteral("New one"), Notification::Feed::Push,
                      Notification::Change::Pushed, core::Severity::Low));
    QTRY_COMPARE(pane.windowTitle(), QStringLiteral("Notifications (4)"));
    QCOMPARE(table->model()->index(0, NotificationModel::TitleColumn).data().toString(), QStringLiteral("New one"));
}

void tst_NotificationsPane::selection_showsDetails_andMarksRead()
{
    gui::NotificationsPane pane(m_model.get());
    pane.show();
    pane.table()->setCurrentIndex(pane.table()->model()->index(1, 0));
    QVERIFY(pane.detailsText().contains(QStringLiteral("Ransomware behaviour")));
    QVERIFY(pane.detailsText().contains(QStringLiteral("v2-1")));
    QCOMPARE(m_model->unreadCount(), 2);
    QCOMPARE(pane.windowTitle(), QStringLiteral("Notifications (2)"));
}

void tst_NotificationsPane::filters_textFeedUnread()
{
    gui::NotificationsPane pane(m_model.get());
    pane.show();
    auto *filter = pane.findChild<QLineEdit *>(QStringLiteral("notificationFilterEdit"));
    auto *feed = pane.findChild<QComboBox *>(QStringLiteral("feedCombo"));
    auto *unread = pane.findChild<QCheckBox *>(QStringLiteral("unreadCheck"));
    QVERIFY(filter && feed && unread);
    QTest::keyClicks(filter, QStringLiteral("travel"));
    QCOMPARE(pane.table()->model()->rowCount(), 1);
    filter->clear();
    feed->setCurrentIndex(feed->findData(int(Notification::Feed::Poller)));
    QCOMPARE(pane.table()->model()->rowCount(), 1);
    feed->setCurrentIndex(0);
    QCOMPARE(pane.table()->model()->rowCount(), 3);
    m_model->setRead({ m_model->at(0).id });
    unread->setChecked(true);
    QCOMPARE(pane.table()->model()->rowCount(), 2);
}

void tst_NotificationsPane::markAllRead_andClear()
{
    gui::NotificationsPane pane(m_model.get());
    pane.show();
    auto *markRead = pane.findChild<QPushButton *>(QStringLiteral("markReadButton"));
    auto *clear = pane.findChild<QPushButton *>(QStringLiteral("clearNotificationsButton"));
    QVERIFY(markRead->isEnabled());
    markRead->click();
    QCOMPARE(m_model->unreadCount(), 0);
    QCOMPARE(pane.windowTitle(), QStringLiteral("Notifications"));
    QVERIFY(!markRead->isEnabled());
    clear->click();
    QCOMPARE(pane.table()->model()->rowCount(), 0);
    QVERIFY(!clear->isEnabled());
}

void tst_NotificationsPane::activation_asksForTheAlert_lifecycleDoesNot()
{
    gui::NotificationsPane pane(m_model.get());
    pane.show();
    QSignalSpy activated(&pane, &gui::NotificationsPane::alertActivated);
    pane.activateRow(0); // the lifecycle event: no alert
    QCOMPARE(activated.size(), 0);
    pane.activateRow(2);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("legacy-1"));
    QCOMPARE(activated.at(0).at(1).value<core::AlertApi>(), core::AlertApi::Legacy);
    // Enter on the current row does the same (as a double-click does).
    pane.table()->setFocus();
    pane.table()->setCurrentIndex(pane.table()->model()->index(1, NotificationModel::TitleColumn));
    QTest::keyClick(pane.table(), Qt::Key_Return);
    QTRY_COMPARE(activated.size(), 2);
    QCOMPARE(activated.at(1).at(0).toString(), QStringLiteral("v2-1"));
    QCOMPARE(activated.at(1).at(1).value<core::AlertApi>(), core::AlertApi::V2);
}

void tst_NotificationsPane::receiverStatus_isShown()
{
    gui::NotificationsPane pane(m_model.get());
    pane.setReceiverStatus(false, QStringLiteral("port in use"));
    QCOMPARE(pane.receiverStatus(), QStringLiteral("port in use"));
    pane.setReceiverStatus(true, QStringLiteral("Receiving on http://127.0.0.1:5000"));
    QCOMPARE(pane.receiverStatus(), QStringLiteral("Receiving on http://127.0.0.1:5000"));
}

void tst_NotificationsPane::settingsPage_roundTripsValues_invalidOnesBlockOk_curlCarriesTheSecret()
{
    gui::SettingsDialog dialog(core::TenantSettings::Values {}, {});
    auto *page = dialog.findChild<gui::NotificationSettingsPage *>();
    QVERIFY(page);
    // What the running receiver does, apart from the stored values (demo mode, --listen).
    auto *state = page->findChild<QLabel *>(QStringLiteral("receiverStateLabel"));
    QVERIFY(state);
    page->setReceiverState(QUrl(QStringLiteral("http://127.0.0.1:41305")));
    QVERIFY(state->text().contains(QLatin1String("http://127.0.0.1:41305")));
    page->setReceiverState(QUrl());
    QVERIFY(state->text().contains(QLatin1String("not listening")));
    core::NotificationSettings::Values values;
    values.receiverEnabled = true;
    values.listen = { QHostAddress(QHostAddress::LocalHost), 5055 };
    values.publicUrl = QUrl(QStringLiteral("https://vigil.example.ngrok-free.app"));
    values.pollSeconds = 30;
    values.minimumSeverity = core::Severity::Medium;
    values.retentionCount = 5000;
    values.retentionDays = 7;
    page->setValues(values);
    QCOMPARE(page->values(), values);

    QPushButton *ok = dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    auto *listen = page->findChild<QLineEdit *>(QStringLiteral("listenEdit"));
    listen->setText(QStringLiteral("not an address"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(!page->problems().isEmpty());
    listen->setText(QStringLiteral("127.0.0.1:0"));
    QVERIFY(ok->isEnabled());
    page->findChild<QLineEdit *>(QStringLiteral("certificateEdit"))->setText(QStringLiteral("/nonexistent/cert.pem"));
    QVERIFY(!ok->isEnabled()); // a certificate without a key, and unreadable
    page->findChild<QLineEdit *>(QStringLiteral("certificateEdit"))->clear();
    QVERIFY(ok->isEnabled());

    QSignalSpy newSecret(page, &gui::NotificationSettingsPage::newPushSecretRequested);
    page->setPush(QUrl(QStringLiteral("http://127.0.0.1:5055/push")), QStringLiteral("s3cret-value"));
    QVERIFY(page->curlCommand().contains(QStringLiteral("Authorization: Bearer s3cret-value")));
    QVERIFY(page->curlCommand().contains(QStringLiteral("http://127.0.0.1:5055/push")));
    QCOMPARE(page->findChild<QLineEdit *>(QStringLiteral("secretEdit"))->echoMode(), QLineEdit::Password);
    page->findChild<QPushButton *>(QStringLiteral("secretRegenerate"))->click();
    QCOMPARE(newSecret.size(), 1);
}

QTEST_MAIN(tst_NotificationsPane)
#include "tst_notificationspane.moc"
