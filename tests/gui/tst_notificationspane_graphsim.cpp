// Live notifications end to end against graphsim, offscreen, wired as the main window wires them:
// a subscription for the alerts page's legacy filter is created (graphsim runs the validation
// handshake against Vigil's receiver), an alert changes in graphsim, the Graph notification
// arrives, the pane shows it with the alert's title, the desktop notifier is asked to show it, the
// alerts table row changes, activating the notification selects the row, and after a restart the
// notification is still there. A push with a wrong secret is refused and changes nothing.

#include "core/alerts/alertquery.h"
#include "core/alerts/alerttablemodel.h"
#include "core/auth/authsession.h"
#include "core/auth/memorytokenstore.h"
#include "core/notifications/notificationcenter.h"
#include "core/notifications/notificationmodel.h"
#include "core/notifications/subscriptionmanager.h"
#include "core/notifications/webhookreceiver.h"
#include "core/settings.h"
#include "gui/alertspage.h"
#include "gui/desktopnotifier.h"
#include "gui/notificationbanner.h"
#include "gui/notificationscontroller.h"
#include "gui/notificationspane.h"
#include "gui/subscriptionsdialog.h"
#include "http/server.h"
#include "support/graphsimsession.h"
#include "support/rawhttpclient.h"

#include <QAbstractProxyModel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QtConcurrent/QtConcurrentRun>
#include <QTcpServer>
#include <QTemporaryDir>

using namespace vigil;
using core::Notification;

namespace {
template <typename T> T run(QCoro::Task<T> task)
{
    return QCoro::waitFor(std::move(task));
}
} // namespace

class tst_NotificationsPaneGraphsim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void graphNotification_reachesPaneNotifierAndTable_survivesRestart();
    void pushWithWrongSecret_is401_andChangesNothing();
    void subscriptionsDialog_createListRenewDelete_andExplainsFailures();

private:
    QTemporaryDir m_dir;
};

void tst_NotificationsPaneGraphsim::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    core::SettingsLocation::setFile(m_dir.filePath(QStringLiteral("vigil.ini")));
}

void tst_NotificationsPaneGraphsim::graphNotification_reachesPaneNotifierAndTable_survivesRestart()
{
    graphsim::SimulatorOptions options = test::GraphsimSession::defaultOptions();
    options.allowHttpNotifications = true;
    options.deliveryTimeScale = 0.01;
    test::GraphsimSession s(options);
    QVERIFY(s.start());
    core::MemoryTokenStore secrets;
    core::AuthSession session(&s.flow, &secrets, &s.network);
    const QString database = m_dir.filePath(QStringLiteral("notifications.sqlite"));

    QString alertId;
    QString title;
    {
        // The app's objects, as main.cpp makes them.
        core::NotificationModel model;
        QVERIFY(model.open(database));
        core::WebhookReceiver receiver;
        QVERIFY(receiver.start({ QHostAddress(QHostAddress::LocalHost), 0 }));
        core::SubscriptionManager subscriptions(&s.client, &receiver, &secrets);
        core::NotificationCenter center(&model);
        center.setReceiver(&receiver);
        center.setSubscriptions(&subscriptions);
        center.setGraphClient(&s.client);

        QMainWindow window;
        auto *page = new gui::AlertsPage(&session, &s.client, &window);
        window.setCentralWidget(page);
        page->setApi(core::AlertApi::Legacy);
        auto *controller = new gui::NotificationsController(&center, &session, &window, page);
        window.addDockWidget(Qt::BottomDockWidgetArea, controller->pane());
        controller->notifier()->setBackend(gui::DesktopNotifier::Backend::Banner);
        controller->notifier()->setCoalesceDelay(std::chrono::milliseconds(0));
        window.resize(1200, 800);
        window.show();

        page->runQuery();
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() > 0, 10000);
        int row = -1;
        for (int r = 0; r < page->model()->rowCount() && row < 0; ++r) {
            if (page->model()->alertAt(r).serviceSource == u"IPC")
                row = r;
        }
        QVERIFY(row >= 0);
        const core::Alert before = page->model()->alertAt(row);
        alertId = before.id;
        title = before.title;
        const QString newStatus
            = before.status == u"resolved" ? QStringLiteral("inProgress") : QStringLiteral("resolved");

        // Subscribe to the legacy filter of the query (provider IPC), as the Subscriptions dialog does.
        core::AlertQuery query;
        query.api = core::AlertApi::Legacy;
        query.provider = QStringLiteral("IPC");
        const QString filter = query.filter(s.me, QDateTime::currentDateTimeUtc());
        QCOMPARE(filter, QStringLiteral("vendorInformation/provider eq 'IPC'"));
        const auto created = run(
            subscriptions.create(core::SubscriptionManager::resourceForFilter(filter), QStringLiteral("updated"), 120));
        QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().userMessage()));
        QCOMPARE(receiver.validationCount(), 2);

        QSignalSpy shown(controller->notifier(), &gui::DesktopNotifier::messageShown);
        QVERIFY(s.simulator.updateLegacyAlert(alertId, { { QStringLiteral("status"), newStatus } }));

        // The pane shows it, with the alert's title once fetched…
        QTableView *paneTable = controller->pane()->table();
        QTRY_COMPARE_WITH_TIMEOUT(paneTable->model()->rowCount(), 1, 10000);
        QTRY_COMPARE(paneTable->model()->index(0, core::NotificationModel::TitleColumn).data().toString(), title);
        QCOMPARE(paneTable->model()->index(0, core::NotificationModel::FeedColumn).data().toString(),
                 core::displayFeed(Notification::Feed::Graph));
        QCOMPARE(paneTable->model()->index(0, core::NotificationModel::SubscriptionColumn).data().toString(),
                 created.value().id);
        QCOMPARE(controller->pane()->windowTitle(), QStringLiteral("Notifications (1)"));
        // …the notifier was asked to show it…
        QTRY_COMPARE(shown.size(), 1);
        QVERIFY2(shown.at(0).at(0).toString().contains(title), qPrintable(shown.at(0).at(0).toString()));
        QVERIFY(controller->banner()->isVisible());
        // …and the table row changed.
        const int rowNow = page->model()->rowOf(alertId);
        QVERIFY(rowNow >= 0);
        QCOMPARE(page->model()->alertAt(rowNow).status, newStatus);

        // Activating the notification selects the alert in the table.
        page->table()->clearSelection();
        controller->pane()->activateRow(0);
        QTRY_COMPARE(page->selectedAlerts().size(), 1);
        QCOMPARE(page->selectedAlerts().constFirst().id, alertId);
        QCOMPARE(model.unreadCount(), 0);
    }
    // A restart: the notification is still there, read.
    core::NotificationModel model;
    QVERIFY(model.open(database));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.at(0).alertId, alertId);
    QCOMPARE(model.at(0).title, title);
    QVERIFY(model.at(0).read);
    gui::NotificationsPane pane(&model);
    QCOMPARE(pane.table()->model()->index(0, core::NotificationModel::TitleColumn).data().toString(), title);
}

void tst_NotificationsPaneGraphsim::pushWithWrongSecret_is401_andChangesNothing()
{
    core::NotificationModel model;
    core::WebhookReceiver receiver;
    QVERIFY(receiver.start({ QHostAddress(QHostAddress::LocalHost), 0 }));
    core::MemoryTokenStore secrets;
    core::NotificationCenter center(&model);
    center.setReceiver(&receiver);
    center.setSecretStore(&secrets);
    QSignalSpy secretReady(&center, &core::NotificationCenter::pushSecretChanged);
    center.loadPushSecret();
    QTRY_COMPARE(secretReady.size(), 1);
    const QString secret = center.pushSecret();
    QCOMPARE(secret.size(), 43);
    QSignalSpy updated(&center, &core::NotificationCenter::alertUpdated);
    const quint16 port = receiver.server()->serverPort();
    const auto push = [port](const QByteArray &authorization) {
        return QtConcurrent::run([port, authorization] {
            const QByteArray body = R"({"id":"pushed-1","title":"From a playbook","severity":"high"})";
            test::RawHttpClient client;
            if (!client.connectTo(port))
                return -1;
            client.send("POST /push HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: "
                        + authorization + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            const auto response = client.readResponse(5000);
            return response ? response->status : 0;
        });
    };
    auto wrong = push("Bearer not-the-secret");
    QTRY_VERIFY(wrong.isFinished());
    QCOMPARE(wrong.result(), 401);
    QTest::qWait(50);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(updated.size(), 0);
    // The right one, as the curl example in Settings does it.
    QVERIFY(
        core::NotificationCenter::curlExample(receiver.pushUrl(), secret).contains(QStringLiteral("Bearer ") + secret));
    auto right = push("Bearer " + secret.toUtf8());
    QTRY_VERIFY(right.isFinished());
    QCOMPARE(right.result(), 202);
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(model.at(0).feed, Notification::Feed::Push);
    QCOMPARE(model.at(0).title, QStringLiteral("From a playbook"));
    QCOMPARE(updated.size(), 1);
    // A new secret: the old one no longer works.
    center.regeneratePushSecret();
    QVERIFY(center.pushSecret() != secret);
    auto old = push("Bearer " + secret.toUtf8());
    QTRY_VERIFY(old.isFinished());
    QCOMPARE(old.result(), 401);
}

void tst_NotificationsPaneGraphsim::subscriptionsDialog_createListRenewDelete_andExplainsFailures()
{
    graphsim::SimulatorOptions options = test::GraphsimSession::defaultOptions();
    options.allowHttpNotifications = true;
    test::GraphsimSession s(options);
    QVERIFY(s.start());
    core::MemoryTokenStore secrets;
    core::WebhookReceiver receiver;
    QVERIFY(receiver.start({ QHostAddress(QHostAddress::LocalHost), 0 }));
    core::SubscriptionManager subscriptions(&s.client, &receiver, &secrets);

    gui::SubscriptionsDialog dialog(&subscriptions, &receiver, QStringLiteral("vendorInformation/provider eq 'MCAS'"),
                                    {});
    QSignalSpy finished(&dialog, &gui::SubscriptionsDialog::operationFinished);
    dialog.show();
    QTRY_COMPARE(finished.size(), 1); // the list made on opening
    QCOMPARE(dialog.subscriptionCount(), 0);
    auto *filter = dialog.findChild<QLineEdit *>(QStringLiteral("subscriptionFilterEdit"));
    auto *create = dialog.findChild<QPushButton *>(QStringLiteral("createButton"));
    QCOMPARE(filter->text(), QStringLiteral("vendorInformation/provider eq 'MCAS'"));
    // No filter clause, no subscription: Graph refuses one on every alert.
    filter->clear();
    QVERIFY(!create->isEnabled());
    filter->setText(QStringLiteral("vendorInformation/provider eq 'MCAS'"));
    QVERIFY(create->isEnabled());
    create->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
    QVERIFY2(finished.at(1).at(0).toBool(), qPrintable(dialog.statusText()));
    QCOMPARE(dialog.subscriptionCount(), 1);
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("table"));
    QVERIFY(table->item(0, 0)->text().contains(QStringLiteral("MCAS")));
    QVERIFY(!table->item(0, 3)->text().isEmpty()); // the countdown
    table->selectRow(0);
    dialog.findChild<QPushButton *>(QStringLiteral("renewButton"))->click();
    QTRY_COMPARE(finished.size(), 3);
    QVERIFY2(finished.at(2).at(0).toBool(), qPrintable(dialog.statusText()));
    table->selectRow(0);
    dialog.findChild<QPushButton *>(QStringLiteral("deleteButton"))->click();
    QTRY_COMPARE(finished.size(), 4);
    QVERIFY(finished.at(3).at(0).toBool());
    QCOMPARE(dialog.subscriptionCount(), 0);
    QCOMPARE(s.simulator.subscriptions().size(), 0);

    // A tunnel that is down: the failure says why.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 deadPort = closed.serverPort();
    closed.close();
    receiver.setPublicUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(deadPort)));
    dialog.findChild<QRadioButton *>(QStringLiteral("alertRadio"))->setChecked(true);
    dialog.findChild<QLineEdit *>(QStringLiteral("alertEdit"))->setText(s.simulator.legacyAlertIdAt(0));
    create->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 5, 15000);
    QVERIFY(!finished.at(4).at(0).toBool());
    QVERIFY2(dialog.statusText().contains(QStringLiteral("not public")), qPrintable(dialog.statusText()));
}

QTEST_MAIN(tst_NotificationsPaneGraphsim)
#include "tst_notificationspane_graphsim.moc"
