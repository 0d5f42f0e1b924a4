// The alerts page against graphsim, offscreen: the query fills the table, selecting shows the
// details, and the edit dialog changes an alert — the table row and the before → after view show it.

#include "core/alerts/alerttablemodel.h"
#include "core/auth/authsession.h"
#include "core/auth/memorytokenstore.h"
#include "core/settings.h"
#include "gui/alertdetailsview.h"
#include "gui/alerteditdialog.h"
#include "gui/alertspage.h"
#include "support/graphsimsession.h"

#include <QApplication>
#include <QJsonArray>
#include <QLineEdit>
#include <QTest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>

using namespace vigil;

class tst_AlertsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void query_fillsTable_selectionShowsDetails();
    void editDialog_changesAlert_tableAndBeforeAfterShowIt();
    void editDialog_bulk_reportsEachAlert();
    void editWithoutWritePermission_isDisabledWithReason();
    void filter_followsKeystrokes_bigTablesWaitForAPauseOrEnter();

private:
    QTemporaryDir m_dir;
};

namespace {
void selectComboData(QComboBox *combo, const QString &data)
{
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, qPrintable(data));
    combo->setCurrentIndex(index);
}
} // namespace

void tst_AlertsPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    core::SettingsLocation::setFile(m_dir.filePath(QStringLiteral("vigil.ini")));
}

void tst_AlertsPage::query_fillsTable_selectionShowsDetails()
{
    test::GraphsimSession s;
    QVERIFY(s.start());
    core::MemoryTokenStore store;
    core::AuthSession session(&s.flow, &store, &s.network);
    gui::AlertsPage page(&session, &s.client);
    page.resize(1200, 700);
    page.show();
    page.runQuery();
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), qMin(500, s.simulator.alertCount()), 10000);
    QTableView *table = page.table();
    table->selectRow(0);
    QTRY_VERIFY(page.details()->findChild<QPlainTextEdit *>()->toPlainText().contains(page.selectedAlerts().constFirst().id));
}

void tst_AlertsPage::editDialog_changesAlert_tableAndBeforeAfterShowIt()
{
    test::GraphsimSession s;
    QVERIFY(s.start());
    core::MemoryTokenStore store;
    core::AuthSession session(&s.flow, &store, &s.network);
    gui::AlertsPage page(&session, &s.client);
    page.show();
    page.runQuery();
    QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowCount() > 0, 10000);
    // Pick a new, unclassified alert.
    int row = -1;
    for (int r = 0; r < page.model()->rowCount() && row < 0; ++r) {
        if (page.model()->alertAt(r).status == QLatin1String("new"))
            row = r;
    }
    QVERIFY(row >= 0);
    const QString id = page.model()->alertAt(row).id;
    page.table()->selectRow(row);
    QVERIFY(page.editAction()->isEnabled());
    page.editAction()->trigger();
    auto *dialog = page.findChild<gui::AlertEditDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    selectComboData(dialog->findChild<QComboBox *>(QStringLiteral("statusCombo")), QStringLiteral("inProgress"));
    selectComboData(dialog->findChild<QComboBox *>(QStringLiteral("classificationCombo")), QStringLiteral("truePositive"));
    auto *determination = dialog->findChild<QComboBox *>(QStringLiteral("determinationCombo"));
    // Only the determinations that go with a true positive are offered.
    QVERIFY(determination->findData(QStringLiteral("notMalicious")) < 0);
    selectComboData(determination, QStringLiteral("malware"));
    dialog->findChild<QPlainTextEdit *>(QStringLiteral("commentEdit"))->setPlainText(QStringLiteral("Isolating the host."));
    QSignalSpy finished(dialog, &gui::AlertEditDialog::finished);
    auto *apply = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Apply);
    QVERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(0).at(0).toInt(), 1);
    const QString result = dialog->findChild<QTextBrowser *>(QStringLiteral("resultView"))->toPlainText();
    QVERIFY2(result.contains(QStringLiteral("New → In progress")), qPrintable(result));
    QVERIFY2(result.contains(QStringLiteral("→ True positive")), qPrintable(result));
    QVERIFY2(result.contains(QStringLiteral("→ Malware")), qPrintable(result));
    // The table row shows the service's answer.
    const int newRow = page.model()->rowOf(id);
    QCOMPARE(page.model()->index(newRow, core::AlertTableModel::StatusColumn).data().toString(), QStringLiteral("In progress"));
    QCOMPARE(s.simulator.alert(id).value(QLatin1String("determination")).toString(), QStringLiteral("malware"));
    QVERIFY(QJsonDocument::fromJson(page.model()->alertAt(newRow).json).object().value(QLatin1String("comments")).toArray().last()
                .toObject().value(QLatin1String("comment")).toString() == QLatin1String("Isolating the host."));
    dialog->close();
}

void tst_AlertsPage::editDialog_bulk_reportsEachAlert()
{
    test::GraphsimSession s;
    QVERIFY(s.start());
    core::MemoryTokenStore store;
    core::AuthSession session(&s.flow, &store, &s.network);
    gui::AlertsPage page(&session, &s.client);
    page.show();
    page.runQuery();
    QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowCount() > 5, 10000);
    page.table()->selectionModel()->select(QItemSelection(page.table()->model()->index(0, 0), page.table()->model()->index(3, 0)),
                                           QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(page.selectedAlerts().size(), 4);
    graphsim::FaultSpec broken;
    broken.pathPrefix = QStringLiteral("/v1.0/security/alerts_v2/") + page.selectedAlerts().at(2).id;
    broken.method = QStringLiteral("PATCH");
    broken.status = 500;
    s.simulator.addFault(broken);
    page.editAction()->trigger();
    auto *dialog = page.findChild<gui::AlertEditDialog *>();
    QVERIFY(dialog);
    selectComboData(dialog->findChild<QComboBox *>(QStringLiteral("statusCombo")), QStringLiteral("resolved"));
    QSignalSpy finished(dialog, &gui::AlertEditDialog::finished);
    dialog->apply();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(0).at(0).toInt(), 3);
    QCOMPARE(finished.at(0).at(1).toInt(), 1);
    const QString result = dialog->findChild<QTextBrowser *>(QStringLiteral("resultView"))->toPlainText();
    QCOMPARE(result.count(QStringLiteral("Updated")), 3);
    QVERIFY(result.contains(QStringLiteral("request ID")));
    dialog->close();
}

void tst_AlertsPage::editWithoutWritePermission_isDisabledWithReason()
{
    test::GraphsimSession s;
    s.permissions = {QStringLiteral("User.Read"), QStringLiteral("SecurityAlert.Read.All")};
    QVERIFY(s.start());
    core::MemoryTokenStore store;
    core::AuthSession session(&s.flow, &store, &s.network);
    gui::AlertsPage page(&session, &s.client);
    page.show();
    page.runQuery();
    QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowCount() > 0, 10000);
    page.table()->selectRow(0);
    QVERIFY(page.refreshAction()->isEnabled());
    QVERIFY(!page.editAction()->isEnabled());
    QVERIFY(page.editAction()->toolTip().contains(QLatin1String("SecurityAlert.ReadWrite.All")));
}

int main(int argc, char **argv)
{
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    tst_AlertsPage test;
    return QTest::qExec(&test, argc, argv);
}

void tst_AlertsPage::filter_followsKeystrokes_bigTablesWaitForAPauseOrEnter()
{
    test::GraphsimSession s;
    QVERIFY(s.start());
    core::MemoryTokenStore store;
    core::AuthSession session(&s.flow, &store, &s.network);
    gui::AlertsPage page(&session, &s.client);
    page.show();
    auto *edit = page.findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    QVERIFY(edit);
    QAbstractItemModel *view = page.table()->model();
    const auto alertsTitled = [](int count, const QString &prefix) {
        QList<core::Alert> alerts;
        for (int i = 0; i < count; ++i) {
            core::Alert a;
            a.id = prefix + QString::number(i);
            a.title = i % 10 == 0 ? QStringLiteral("Suspicious PowerShell") : QStringLiteral("Anonymous IP address");
            alerts.append(a);
        }
        return alerts;
    };

    // A small table filters at every keystroke.
    page.model()->appendAlerts(alertsTitled(100, QStringLiteral("small-")));
    edit->setText(QStringLiteral("powershell"));
    QCOMPARE(view->rowCount(), 10);
    edit->clear();
    QCOMPARE(view->rowCount(), 100);

    // A big one waits until typing pauses...
    page.model()->appendAlerts(alertsTitled(60'000, QStringLiteral("big-")));
    QCOMPARE(view->rowCount(), 60'100);
    QTest::keyClicks(edit, QStringLiteral("powershell"));
    QCOMPARE(view->rowCount(), 60'100);
    QTRY_COMPARE(view->rowCount(), 6'010);
    // ... or for Enter.
    edit->clear();
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(view->rowCount(), 60'100);
    QTest::keyClicks(edit, QStringLiteral("anonymous"));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(view->rowCount(), 54'090);

    // Sorting keeps the selected alert selected and in view.
    edit->clear();
    QTest::keyClick(edit, Qt::Key_Return);
    QTableView *table = page.table();
    table->resize(800, 400);
    const QModelIndex last = view->index(view->rowCount() - 1, core::AlertTableModel::TitleColumn);
    table->setCurrentIndex(last);
    table->scrollTo(last);
    const QString id = page.selectedAlerts().value(0).id;
    QCOMPARE(id, QStringLiteral("big-59999"));
    table->sortByColumn(core::AlertTableModel::TitleColumn, Qt::AscendingOrder);
    QCOMPARE(page.selectedAlerts().value(0).id, id);
    QVERIFY(table->currentIndex().row() < 54'100);
    QTRY_VERIFY(table->viewport()->rect().intersects(table->visualRect(table->currentIndex())));
}

#include "tst_alertspage.moc"
