// NotificationModel and its SQLite store: newest first, one insertion per event-loop pass, unread
// count, read flags, retention by count and age, nothing lost across a restart, a damaged file
// moved aside; and the pane's filter proxy. Every model runs under QAbstractItemModelTester.

#include "core/notifications/notificationfilterproxy.h"
#include "core/notifications/notificationmodel.h"
#include "core/notifications/notificationstore.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using core::Notification;
using core::NotificationModel;

namespace {
Notification make(const QString &alertId, Notification::Feed feed = Notification::Feed::Graph,
                  Notification::Change change = Notification::Change::Updated,
                  core::Severity severity = core::Severity::Unknown)
{
    Notification n;
    n.feed = feed;
    n.change = change;
    n.alertId = alertId;
    n.severity = severity;
    n.api = feed == Notification::Feed::Graph ? core::AlertApi::Legacy : core::AlertApi::V2;
    n.resource = QStringLiteral("security/alerts/") + alertId;
    n.subscriptionId = QStringLiteral("sub-1");
    return n;
}
} // namespace

class tst_NotificationModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void add_batchesOnePassIntoOneInsertion_newestFirst();
    void updateAlertInfo_changesRow_evenBeforeInsertion();
    void readFlags_unreadCountFollows();
    void remove_andClear();
    void retention_byCountAndAge();
    void restart_keepsEverything();
    void restart_idsNeverReused();
    void damagedFile_isMovedAside_andANewOneUsed();
    void filterProxy_textFeedUnread();
    void defaultFile_isInAppData();

private:
    QTemporaryDir m_dir;
    QString m_file;
};

void tst_NotificationModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void tst_NotificationModel::init()
{
    static int counter = 0;
    m_file = m_dir.filePath(QStringLiteral("n%1.sqlite").arg(++counter));
}

void tst_NotificationModel::add_batchesOnePassIntoOneInsertion_newestFirst()
{
    NotificationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.open(m_file));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const qint64 a = model.add(make(QStringLiteral("a")));
    const qint64 b = model.add(make(QStringLiteral("b")));
    const qint64 c = model.add(make(QStringLiteral("c")));
    QVERIFY(a < b && b < c);
    QCOMPARE(model.rowCount(), 0);
    QTRY_COMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.at(0).alertId, QStringLiteral("c"));
    QCOMPARE(model.at(2).alertId, QStringLiteral("a"));
    QCOMPARE(model.rowOfId(a), 2);
    QCOMPARE(model.unreadCount(), 3);
    QCOMPARE(model.index(0, NotificationModel::TitleColumn).data().toString(), QStringLiteral("c"));
    QCOMPARE(model.index(0, NotificationModel::FeedColumn).data().toString(),
             core::displayFeed(Notification::Feed::Graph));
    QVERIFY(model.index(0, 0).data(NotificationModel::DetailsRole).toString().contains(QStringLiteral("sub-1")));
    model.add(make(QStringLiteral("d")));
    QTRY_COMPARE(inserted.size(), 2);
    QCOMPARE(model.at(0).alertId, QStringLiteral("d"));
}

void tst_NotificationModel::updateAlertInfo_changesRow_evenBeforeInsertion()
{
    NotificationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const qint64 id = model.add(make(QStringLiteral("x")));
    QVERIFY(model.updateAlertInfo(id, QStringLiteral("Password spray"), core::Severity::High));
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(model.at(0).title, QStringLiteral("Password spray"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.updateAlertInfo(id, {}, core::Severity::Unknown, QStringLiteral("details")));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.at(0).severity, core::Severity::High); // unknown does not overwrite
    QCOMPARE(model.at(0).details, QStringLiteral("details"));
    QCOMPARE(model.index(0, NotificationModel::SeverityColumn).data(NotificationModel::SeverityRole).toInt(),
             int(core::Severity::High));
    QVERIFY(!model.updateAlertInfo(id + 100, QStringLiteral("t"), core::Severity::Low));
}

void tst_NotificationModel::readFlags_unreadCountFollows()
{
    NotificationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy unread(&model, &NotificationModel::unreadCountChanged);
    const qint64 a = model.add(make(QStringLiteral("a")));
    model.add(make(QStringLiteral("b")));
    model.insertPending();
    QCOMPARE(model.unreadCount(), 2);
    model.setRead({ a });
    QCOMPARE(model.unreadCount(), 1);
    QVERIFY(model.index(model.rowOfId(a), 0).data(NotificationModel::ReadRole).toBool());
    model.setRead({ a }); // no change
    QCOMPARE(model.unreadCount(), 1);
    model.setRead({ a }, false);
    QCOMPARE(model.unreadCount(), 2);
    model.markAllRead();
    QCOMPARE(model.unreadCount(), 0);
    QCOMPARE(unread.constLast().at(0).toInt(), 0);
}

void tst_NotificationModel::remove_andClear()
{
    NotificationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.open(m_file));
    const qint64 a = model.add(make(QStringLiteral("a")));
    model.add(make(QStringLiteral("b")));
    model.insertPending();
    model.remove({ a });
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.unreadCount(), 1);
    QCOMPARE(model.rowOfId(a), -1);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.unreadCount(), 0);
    model.flush();
    NotificationModel reopened;
    QVERIFY(reopened.open(m_file));
    QCOMPARE(reopened.rowCount(), 0);
}

void tst_NotificationModel::retention_byCountAndAge()
{
    {
        NotificationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.open(m_file));
        model.setRetention(5, 0);
        for (int i = 0; i < 12; ++i)
            model.add(make(QString::number(i)));
        model.insertPending();
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.at(0).alertId, QStringLiteral("11"));
        QCOMPARE(model.at(4).alertId, QStringLiteral("7"));
        QCOMPARE(model.unreadCount(), 5);
    }
    // On disk too.
    {
        NotificationModel reopened;
        QVERIFY(reopened.open(m_file));
        QCOMPARE(reopened.rowCount(), 5);
    }
    // Old ones go by age when the model opens (30 days here).
    {
        core::NotificationStore store;
        QVERIFY(store.open(m_file));
        Notification old = make(QStringLiteral("old"));
        old.id = store.maxId() + 1;
        old.receivedMs = QDateTime::currentMSecsSinceEpoch() - 40LL * 24 * 3600 * 1000;
        QVERIFY(store.insert({ old }));
        QCOMPARE(store.load(100, 0).size(), 6);
    }
    NotificationModel model;
    model.setRetention(100, 30);
    QVERIFY(model.open(m_file));
    QCOMPARE(model.rowCount(), 5);
    for (int r = 0; r < model.rowCount(); ++r)
        QVERIFY(model.at(r).alertId != QStringLiteral("old"));
    model.flush();
    core::NotificationStore store;
    QVERIFY(store.open(m_file));
    QCOMPARE(store.load(100, 0).size(), 5);
}

void tst_NotificationModel::restart_keepsEverything()
{
    qint64 readId = 0;
    {
        NotificationModel model;
        QVERIFY(model.open(m_file));
        Notification polled = make(QStringLiteral("v2-alert"), Notification::Feed::Poller,
                                   Notification::Change::Updated, core::Severity::Medium);
        polled.changedFields = { QStringLiteral("status"), QStringLiteral("assignedTo") };
        polled.details = QStringLiteral("Status: New → In progress");
        polled.title = QStringLiteral("Suspicious PowerShell");
        model.add(polled);
        readId = model.add(make(QStringLiteral("legacy-1")));
        const qint64 fetched = model.add(make(QStringLiteral("legacy-2")));
        model.insertPending();
        model.setRead({ readId });
        model.updateAlertInfo(fetched, QStringLiteral("Impossible travel"), core::Severity::High);
        // No flush: the destructor writes what is pending.
    }
    NotificationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.open(m_file));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.unreadCount(), 2);
    QCOMPARE(model.at(0).title, QStringLiteral("Impossible travel"));
    QCOMPARE(model.at(0).severity, core::Severity::High);
    QVERIFY(model.at(1).read);
    QCOMPARE(model.at(1).id, readId);
    const Notification &polled = model.at(2);
    QCOMPARE(polled.feed, Notification::Feed::Poller);
    QCOMPARE(polled.api, core::AlertApi::V2);
    QCOMPARE(polled.changedFields, (QStringList { QStringLiteral("status"), QStringLiteral("assignedTo") }));
    QCOMPARE(polled.details, QStringLiteral("Status: New → In progress"));
    QCOMPARE(polled.severity, core::Severity::Medium);
    QCOMPARE(polled.resource, QStringLiteral("security/alerts/v2-alert"));
    QCOMPARE(polled.subscriptionId, QStringLiteral("sub-1"));
    QVERIFY(polled.receivedMs > 0);
}

void tst_NotificationModel::restart_idsNeverReused()
{
    qint64 last = 0;
    {
        NotificationModel model;
        QVERIFY(model.open(m_file));
        model.add(make(QStringLiteral("a")));
        last = model.add(make(QStringLiteral("b")));
        model.insertPending();
        model.clear();
    }
    NotificationModel model;
    QVERIFY(model.open(m_file));
    QVERIFY(model.add(make(QStringLiteral("c"))) > last);
}

void tst_NotificationModel::damagedFile_isMovedAside_andANewOneUsed()
{
    {
        QFile file(m_file);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
    }
    NotificationModel model;
    QVERIFY(model.open(m_file));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(QFile::exists(m_file + QStringLiteral(".broken")));
    model.add(make(QStringLiteral("a")));
    model.flush();
    NotificationModel reopened;
    // Same file, second connection: fine once the first has written.
    QVERIFY(reopened.open(m_file));
    QCOMPARE(reopened.rowCount(), 1);
}

void tst_NotificationModel::filterProxy_textFeedUnread()
{
    NotificationModel model;
    core::NotificationFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Notification a = make(QStringLiteral("a1"), Notification::Feed::Graph);
    a.title = QStringLiteral("Impossible travel");
    Notification b
        = make(QStringLiteral("b1"), Notification::Feed::Poller, Notification::Change::Created, core::Severity::High);
    b.title = QStringLiteral("Ransomware activity");
    Notification c = make(QStringLiteral("c1"), Notification::Feed::Push, Notification::Change::Pushed);
    c.title = QStringLiteral("Sentinel playbook alert");
    const qint64 aId = model.add(a);
    model.add(b);
    model.add(c);
    model.insertPending();
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setText(QStringLiteral("travel"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setText(QStringLiteral("b1"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setText(core::displaySeverity(core::Severity::High));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setText({});
    proxy.setFeed(Notification::Feed::Push);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, NotificationModel::TitleColumn).data().toString(),
             QStringLiteral("Sentinel playbook alert"));
    proxy.setFeed(std::nullopt);
    model.setRead({ aId });
    proxy.setUnreadOnly(true);
    QCOMPARE(proxy.rowCount(), 2);
}

void tst_NotificationModel::defaultFile_isInAppData()
{
    QVERIFY(
        NotificationModel::defaultFile().startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    QVERIFY(NotificationModel::defaultFile().endsWith(QStringLiteral("notifications.sqlite")));
}

QTEST_GUILESS_MAIN(tst_NotificationModel)
#include "tst_notificationmodel.moc"
