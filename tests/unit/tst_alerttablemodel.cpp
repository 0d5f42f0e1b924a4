#include "core/alerts/alertfilterproxy.h"
#include "core/alerts/alerttablemodel.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>

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
    void filter_matchesTextFieldsAndDisplayNames_data();
    void filter_matchesTextFieldsAndDisplayNames();
    void upsertAndClear();
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
#include "tst_alerttablemodel.moc"
