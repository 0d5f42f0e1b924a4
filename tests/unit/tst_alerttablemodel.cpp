#include "core/alerts/alertfilterproxy.h"
#include "core/alerts/alerttablemodel.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace vigil::core;
using Model = AlertTableModel;

namespace {
Alert make(const QString &id, const QString &title, Severity severity, qint64 created, const QString &status = QStringLiteral("new"))
{
    Alert a;
    a.id = id;
    a.title = title;
    a.severity = severity;
    a.createdMs = created;
    a.lastUpdatedMs = created;
    a.status = status;
    a.serviceSource = QStringLiteral("microsoftDefenderForEndpoint");
    a.json = "{\"id\":\"" + id.toLatin1() + "\"}";
    return a;
}

/// 3,000 alerts with repeated values: some texts share their storage (as the parser interns them),
/// some are equal but stored apart, some differ only in case, and some are empty.
QList<Alert> varied()
{
    QRandomGenerator random(20261127);
    const QStringList titles { QStringLiteral("Suspicious PowerShell"), QStringLiteral("suspicious powershell"),
                               QStringLiteral("Anonymous IP address"), QString(), QStringLiteral("Émotet blocked"),
                               QStringLiteral("zeta"), QStringLiteral("Alpha") };
    const QStringList people { QString(), QStringLiteral("avery@contoso.com"), QStringLiteral("Jordan@contoso.com"),
                               QStringLiteral("jordan@contoso.com") };
    QList<Alert> alerts;
    for (int i = 0; i < 3000; ++i) {
        const auto pick = [&](const QStringList &list) {
            const QString &shared = list.at(int(random.bounded(qsizetype(list.size()))));
            // One in three is a separate copy of the same text.
            return random.bounded(3) == 0 ? QString(shared.constData(), shared.size()) : shared;
        };
        Alert a = make(QStringLiteral("id-%1").arg(random.bounded(1'000'000), 7, 10, QLatin1Char('0')) + QString::number(i),
                       pick(titles), Severity(random.bounded(5)), qint64(random.bounded(50)) * 1000);
        a.lastUpdatedMs = qint64(random.bounded(20)) * 1000;
        a.status = pick({ QStringLiteral("new"), QStringLiteral("inProgress"), QStringLiteral("resolved") });
        a.assignedTo = pick(people);
        a.classification = pick({ QString(), QStringLiteral("truePositive"), QStringLiteral("falsePositive") });
        a.determination = pick({ QString(), QStringLiteral("malware"), QStringLiteral("phishing") });
        a.serviceSource = pick({ QStringLiteral("microsoftDefenderForEndpoint"), QStringLiteral("microsoftDefenderForOffice365") });
        a.incidentId = random.bounded(4) == 0 ? QString() : QString::number(random.bounded(300));
        alerts.append(a);
    }
    return alerts;
}

/// What the column's order means, compared the slow, obvious way.
bool referenceLess(const Alert &a, const Alert &b, int column)
{
    const auto text = [](const QString &l, const QString &r) { return QString::compare(l, r, Qt::CaseInsensitive) < 0; };
    switch (column) {
    case Model::SeverityColumn: return a.severity < b.severity;
    case Model::TitleColumn: return text(a.title, b.title);
    case Model::StatusColumn: return text(a.status, b.status);
    case Model::ClassificationColumn: return text(a.classification, b.classification);
    case Model::DeterminationColumn: return text(a.determination, b.determination);
    case Model::ServiceSourceColumn: return text(a.serviceSource, b.serviceSource);
    case Model::AssignedToColumn: return text(a.assignedTo, b.assignedTo);
    case Model::CreatedColumn: return a.createdMs < b.createdMs;
    case Model::LastUpdatedColumn: return a.lastUpdatedMs < b.lastUpdatedMs;
    case Model::IncidentColumn: return a.incidentId.toLongLong() < b.incidentId.toLongLong();
    case Model::IdColumn: return a.id < b.id;
    }
    return false;
}

QStringList ids(const QAbstractItemModel &m)
{
    QStringList list;
    for (int r = 0; r < m.rowCount(); ++r)
        list << m.index(r, Model::IdColumn).data().toString();
    return list;
}
} // namespace

class tst_AlertTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendAndData_underModelTester();
    void duplicateIds_replaceTheirRow();
    void sort_usesRawValues_andKeepsSelection();
    void sort_everyColumn_matchesAStableReferenceSort_data();
    void sort_everyColumn_matchesAStableReferenceSort();
    void sort_thenUpdateAndAppend_keepRowsAndIdsInStep();
    void filter_matchesTextFieldsAndDisplayNames_data();
    void filter_matchesTextFieldsAndDisplayNames();
    void upsertAndClear();
    void filter_followsSortAppendsAndChanges();
};

void tst_AlertTableModel::appendAndData_underModelTester()
{
    Model model;
    AlertFilterProxy proxy;
    proxy.setAlertModel(&model);
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.appendAlerts({make(QStringLiteral("a"), QStringLiteral("Alpha"), Severity::High, 1000),
                        make(QStringLiteral("b"), QStringLiteral("Beta"), Severity::Low, 2000)});
    QCOMPARE(inserted.size(), 1);  // one batch, one insertion
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(Model::ColumnCount));
    QCOMPARE(model.index(0, Model::SeverityColumn).data().toString(), QStringLiteral("High"));
    QCOMPARE(model.index(0, Model::SeverityColumn).data(Model::SortRole).toInt(), int(Severity::High));
    QCOMPARE(model.index(1, Model::CreatedColumn).data(Model::SortRole).toLongLong(), 2000);
    QCOMPARE(model.index(0, Model::ServiceSourceColumn).data().toString(), QStringLiteral("Microsoft Defender for Endpoint"));
    QCOMPARE(model.index(1, 0).data(Model::AlertIdRole).toString(), QStringLiteral("b"));
    QCOMPARE(model.headerData(Model::AssignedToColumn, Qt::Horizontal).toString(), QStringLiteral("Assigned to"));
    QCOMPARE(proxy.rowCount(), 2);
}

void tst_AlertTableModel::duplicateIds_replaceTheirRow()
{
    Model model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendAlerts({make(QStringLiteral("a"), QStringLiteral("Old"), Severity::Low, 1)});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.appendAlerts({make(QStringLiteral("a"), QStringLiteral("New"), Severity::High, 1),
                        make(QStringLiteral("c"), QStringLiteral("C"), Severity::Low, 3)});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.alertAt(model.rowOf(QStringLiteral("a"))).title, QStringLiteral("New"));
}

void tst_AlertTableModel::sort_usesRawValues_andKeepsSelection()
{
    Model model;
    AlertFilterProxy proxy;
    proxy.setAlertModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendAlerts({make(QStringLiteral("1"), QStringLiteral("b title"), Severity::Medium, 300),
                        make(QStringLiteral("2"), QStringLiteral("A title"), Severity::High, 100),
                        make(QStringLiteral("3"), QStringLiteral("c title"), Severity::Informational, 200),
                        make(QStringLiteral("4"), QStringLiteral("d title"), Severity::High, 400)});
    const QPersistentModelIndex selected = proxy.index(2, Model::TitleColumn);  // "c title"
    proxy.sort(Model::SeverityColumn, Qt::DescendingOrder);
    // High before Medium before Informational — not alphabetical "High, Informational, Medium".
    QCOMPARE(ids(proxy), (QStringList{QStringLiteral("2"), QStringLiteral("4"), QStringLiteral("1"), QStringLiteral("3")}));
    QVERIFY(selected.isValid());
    QCOMPARE(selected.data().toString(), QStringLiteral("c title"));
    proxy.sort(Model::CreatedColumn, Qt::AscendingOrder);
    QCOMPARE(ids(proxy), (QStringList{QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("1"), QStringLiteral("4")}));
    proxy.sort(Model::TitleColumn, Qt::AscendingOrder);  // case-insensitive
    QCOMPARE(ids(proxy), (QStringList{QStringLiteral("2"), QStringLiteral("1"), QStringLiteral("3"), QStringLiteral("4")}));
    QCOMPARE(model.rowOf(QStringLiteral("3")), 2);
    QCOMPARE(selected.data().toString(), QStringLiteral("c title"));
}

void tst_AlertTableModel::sort_everyColumn_matchesAStableReferenceSort_data()
{
    QTest::addColumn<int>("column");
    for (int c = 0; c < Model::ColumnCount; ++c)
        QTest::newRow(qPrintable(Model::columnName(c))) << c;
}

void tst_AlertTableModel::sort_everyColumn_matchesAStableReferenceSort()
{
    QFETCH(int, column);
    Model model;
    const QList<Alert> alerts = varied();
    model.appendAlerts(alerts);
    // Start from another column's order, so stability (equal keys keep the current order) shows.
    const int previous = (column + 1) % Model::ColumnCount;
    model.sort(previous, Qt::AscendingOrder);
    for (const Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
        QList<Alert> before;
        for (int r = 0; r < model.rowCount(); ++r)
            before.append(model.alertAt(r));
        QList<Alert> expected = before;
        std::stable_sort(expected.begin(), expected.end(), [&](const Alert &a, const Alert &b) {
            return order == Qt::AscendingOrder ? referenceLess(a, b, column) : referenceLess(b, a, column);
        });
        model.sort(column, order);
        QCOMPARE(model.rowCount(), expected.size());
        for (int r = 0; r < model.rowCount(); ++r) {
            QCOMPARE(model.alertAt(r).id, expected.at(r).id);
            QCOMPARE(model.rowOf(expected.at(r).id), r);
        }
    }
}

void tst_AlertTableModel::sort_thenUpdateAndAppend_keepRowsAndIdsInStep()
{
    Model model;
    AlertFilterProxy proxy;
    proxy.setAlertModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendAlerts({make(QStringLiteral("1"), QStringLiteral("c"), Severity::Low, 100),
                        make(QStringLiteral("2"), QStringLiteral("a"), Severity::High, 200),
                        make(QStringLiteral("3"), QStringLiteral("b"), Severity::Medium, 300)});
    const QPersistentModelIndex one = model.index(0, Model::TitleColumn);
    proxy.sort(Model::TitleColumn, Qt::AscendingOrder);
    QCOMPARE(ids(model), (QStringList{QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("1")}));
    QCOMPARE(one.row(), 2);

    // An update lands on the alert's current row, and only that row changes.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.updateAlert(make(QStringLiteral("1"), QStringLiteral("c changed"), Severity::High, 100)));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 2);
    QCOMPARE(model.alertAt(2).title, QStringLiteral("c changed"));
    QCOMPARE(model.alertAt(0).title, QStringLiteral("a"));

    // New alerts go to the end until the next sort; every id keeps finding its row.
    model.appendAlerts({make(QStringLiteral("4"), QStringLiteral("0 first"), Severity::Low, 50)});
    QCOMPARE(ids(model), (QStringList{QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("1"), QStringLiteral("4")}));
    proxy.sort(Model::TitleColumn, Qt::AscendingOrder);
    QCOMPARE(ids(model), (QStringList{QStringLiteral("4"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("1")}));
    for (const QString &id : ids(model))
        QCOMPARE(model.alertAt(model.rowOf(id)).id, id);
    QCOMPARE(one.row(), 3);
    QCOMPARE(one.data().toString(), QStringLiteral("c changed"));

    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.rowOf(QStringLiteral("1")), -1);
    model.appendAlerts({make(QStringLiteral("5"), QStringLiteral("x"), Severity::Low, 1)});
    QCOMPARE(model.rowOf(QStringLiteral("5")), 0);
}

void tst_AlertTableModel::filter_matchesTextFieldsAndDisplayNames_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("empty shows all") << QString() << QStringList{QStringLiteral("a1"), QStringLiteral("b2"), QStringLiteral("c3")};
    QTest::newRow("title, any case") << QStringLiteral("RANSOM") << QStringList{QStringLiteral("b2")};
    QTest::newRow("id") << QStringLiteral("c3") << QStringList{QStringLiteral("c3")};
    QTest::newRow("display status") << QStringLiteral("in progress") << QStringList{QStringLiteral("c3")};
    QTest::newRow("severity word") << QStringLiteral("high") << QStringList{QStringLiteral("a1")};
    QTest::newRow("product name") << QStringLiteral("defender for endpoint")
                                  << QStringList{QStringLiteral("a1"), QStringLiteral("b2"), QStringLiteral("c3")};
    QTest::newRow("no match") << QStringLiteral("zzz") << QStringList{};
}

void tst_AlertTableModel::filter_matchesTextFieldsAndDisplayNames()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    Model model;
    AlertFilterProxy proxy;
    proxy.setAlertModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendAlerts({make(QStringLiteral("a1"), QStringLiteral("Impossible travel"), Severity::High, 1),
                        make(QStringLiteral("b2"), QStringLiteral("Ransomware behavior"), Severity::Medium, 2),
                        make(QStringLiteral("c3"), QStringLiteral("Suspicious PowerShell"), Severity::Low, 3,
                             QStringLiteral("inProgress"))});
    proxy.setText(text);
    QCOMPARE(ids(proxy), expected);
    proxy.setText(QString());
    QCOMPARE(proxy.rowCount(), 3);
}

void tst_AlertTableModel::upsertAndClear()
{
    Model model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.upsertAlert(make(QStringLiteral("x"), QStringLiteral("X"), Severity::Low, 1));
    model.upsertAlert(make(QStringLiteral("x"), QStringLiteral("X2"), Severity::Low, 1));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.alertAt(0).title, QStringLiteral("X2"));
    QVERIFY(!model.updateAlert(make(QStringLiteral("missing"), QString(), Severity::Low, 1)));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.rowOf(QStringLiteral("x")), -1);
}

QTEST_GUILESS_MAIN(tst_AlertTableModel)
void tst_AlertTableModel::filter_followsSortAppendsAndChanges()
{
    Model model;
    AlertFilterProxy proxy;
    proxy.setAlertModel(&model);
    const QList<Alert> alerts = varied();
    model.appendAlerts(alerts);
    model.sort(Model::TitleColumn, Qt::DescendingOrder);
    const auto expected = [&](const QString &needle) {
        QStringList list;
        for (int r = 0; r < model.rowCount(); ++r) {
            const Alert &a = model.alertAt(r);
            if (a.title.contains(needle, Qt::CaseInsensitive) || a.id.contains(needle, Qt::CaseInsensitive)
                || a.assignedTo.contains(needle, Qt::CaseInsensitive))
                list << a.id;
        }
        return list;
    };
    proxy.setText(QStringLiteral("powershell"));
    QVERIFY(proxy.rowCount() > 0);
    QCOMPARE(ids(proxy), expected(QStringLiteral("powershell")));

    // Appended while filtering: matched as they arrive.
    model.appendAlerts({make(QStringLiteral("late-1"), QStringLiteral("PowerShell download"), Severity::Low, 1),
                        make(QStringLiteral("late-2"), QStringLiteral("Other"), Severity::Low, 1)});
    QVERIFY(ids(proxy).contains(QStringLiteral("late-1")));
    QVERIFY(!ids(proxy).contains(QStringLiteral("late-2")));

    // A changed alert is matched on its new values the next time the rows are filtered (a sort
    // filters them again), not on what was remembered for it.
    Alert changed = model.alertAt(model.rowOf(QStringLiteral("late-2")));
    changed.title = QStringLiteral("powershell after all");
    QVERIFY(model.updateAlert(changed));
    model.sort(Model::TitleColumn, Qt::AscendingOrder);
    QCOMPARE(ids(proxy), expected(QStringLiteral("powershell")));
    QVERIFY(ids(proxy).contains(QStringLiteral("late-2")));

    model.sort(Model::CreatedColumn, Qt::AscendingOrder);
    proxy.setText(QStringLiteral("jordan"));
    QCOMPARE(ids(proxy), expected(QStringLiteral("jordan")));
    proxy.setText(QString());
    QCOMPARE(proxy.rowCount(), model.rowCount());
}

#include "tst_alerttablemodel.moc"
