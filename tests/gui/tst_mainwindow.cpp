#include "core/settings.h"
#include "gui/mainwindow.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using vigil::gui::MainWindow;

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void menus_areFileViewToolsHelp();
    void quitAction_hasCtrlQAndClosesWindow();
    void demoMode_showsBadge();
    void normalMode_hasNoBadge();
    void geometry_isRememberedAcrossWindows();
    void statusBarToggle_isRemembered();
    void interactiveControls_haveAccessibleNames();
    void aboutDialog_opensAndCloses();

private:
    QTemporaryDir m_dir;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void tst_MainWindow::init()
{
    QFile::remove(m_dir.filePath(QStringLiteral("vigil.ini")));
    vigil::core::SettingsLocation::setFile(m_dir.filePath(QStringLiteral("vigil.ini")));
}

void tst_MainWindow::menus_areFileViewToolsHelp()
{
    MainWindow window({});
    QStringList titles;
    const QList<QAction *> actions = window.menuBar()->actions();
    for (const QAction *action : actions)
        titles << action->text().remove(QLatin1Char('&'));
    QCOMPARE(titles, (QStringList{QStringLiteral("File"), QStringLiteral("View"), QStringLiteral("Tools"),
                                  QStringLiteral("Help")}));
}

void tst_MainWindow::quitAction_hasCtrlQAndClosesWindow()
{
    MainWindow window({});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction *quit = window.findChild<QAction *>(QStringLiteral("actionQuit"));
    QVERIFY(quit);
    QCOMPARE(quit->shortcut(), QKeySequence(QStringLiteral("Ctrl+Q")));
    QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier);
    QTRY_VERIFY(!window.isVisible());
    // Closing stored the geometry.
    QVERIFY(vigil::core::SettingsLocation::open()->contains(QStringLiteral("mainWindow/geometry")));
}

void tst_MainWindow::demoMode_showsBadge()
{
    MainWindow window({.demo = true, .connectionDescription = QStringLiteral("simulated")});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *badge = window.statusBar()->findChild<QLabel *>(QStringLiteral("demoBadge"));
    QVERIFY(badge);
    QVERIFY(badge->isVisible());
    QCOMPARE(badge->text(), QStringLiteral("Demo data"));
    QVERIFY(window.windowTitle().contains(QLatin1String("Demo")));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("connectionText"))->text().contains(QLatin1String("simulated")));
}

void tst_MainWindow::normalMode_hasNoBadge()
{
    MainWindow window({});
    QVERIFY(!window.findChild<QLabel *>(QStringLiteral("demoBadge")));
    QVERIFY(!window.windowTitle().contains(QLatin1String("Demo")));
}

void tst_MainWindow::geometry_isRememberedAcrossWindows()
{
    {
        MainWindow first({});
        first.show();
        QVERIFY(QTest::qWaitForWindowExposed(&first));
        first.resize(812, 533);
        QTRY_COMPARE(first.size(), QSize(812, 533));
        first.close();
    }
    MainWindow second({});
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    QTRY_COMPARE(second.size(), QSize(812, 533));
}

void tst_MainWindow::statusBarToggle_isRemembered()
{
    {
        MainWindow first({});
        first.show();
        first.findChild<QAction *>(QStringLiteral("actionShowStatusBar"))->trigger();
        QVERIFY(!first.statusBar()->isVisible());
        first.close();
    }
    MainWindow second({});
    second.show();
    QVERIFY(!second.statusBar()->isVisible());
    QVERIFY(!second.findChild<QAction *>(QStringLiteral("actionShowStatusBar"))->isChecked());
}

void tst_MainWindow::interactiveControls_haveAccessibleNames()
{
    MainWindow window({.demo = true, .connectionDescription = {}});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QList<QWidget *> widgets = window.findChildren<QWidget *>();
    int checked = 0;
    for (QWidget *w : widgets) {
        const bool interactive = qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w)
                              || qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractSpinBox *>(w)
                              || (qobject_cast<QLabel *>(w) && w->isVisible());
        if (!interactive || w->objectName().startsWith(QLatin1String("qt_")))
            continue;
        ++checked;
        QVERIFY2(!w->accessibleName().isEmpty(),
                 qPrintable(QStringLiteral("%1 (%2) has no accessible name").arg(w->objectName(),
                                                                                  QString::fromLatin1(w->metaObject()->className()))));
    }
    QVERIFY(checked >= 4);
    // Every menu action has text, which assistive technology reads.
    const QList<QAction *> actions = window.findChildren<QAction *>();
    for (const QAction *action : actions) {
        if (!action->isSeparator() && !action->objectName().isEmpty())
            QVERIFY2(!action->text().isEmpty(), qPrintable(action->objectName()));
    }
}

void tst_MainWindow::aboutDialog_opensAndCloses()
{
    MainWindow window({});
    window.show();
    bool sawDialog = false;
    QTimer::singleShot(0, &window, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        sawDialog = dialog && dialog->windowTitle() == QLatin1String("About Vigil");
        if (dialog)
            dialog->reject();
    });
    window.findChild<QAction *>(QStringLiteral("actionAbout"))->trigger();
    QVERIFY(sawDialog);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
