// Starts the real vigil executable: command-line handling and a clean exit on SIGTERM/SIGINT.

#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class tst_VigilProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void help_printsUsageAndExitsZero();
    void version_printsVersion();
    void badOption_exitsTwoWithMessage();
    void demo_startsAndExitsCleanlyOnSignal_data();
    void demo_startsAndExitsCleanlyOnSignal();
};

namespace {
struct Outcome
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Outcome runVigil(const QStringList &args)
{
    QProcess process;
    process.start(QStringLiteral(VIGIL_EXECUTABLE), args);
    process.waitForFinished(20000);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}
} // namespace

void tst_VigilProcess::help_printsUsageAndExitsZero()
{
    // No display is needed for --help: unset the platform to prove it.
    qunsetenv("QT_QPA_PLATFORM");
    const QByteArray display = qgetenv("DISPLAY");
    qunsetenv("DISPLAY");
    const Outcome o = runVigil({QStringLiteral("--help")});
    qputenv("QT_QPA_PLATFORM", "offscreen");
    if (!display.isEmpty())
        qputenv("DISPLAY", display);
    QCOMPARE(o.exitCode, 0);
    QVERIFY(o.out.startsWith("Usage: vigil [options]"));
    QVERIFY(o.out.contains("--demo"));
    QVERIFY(o.out.contains("--listen <HOST:PORT>"));
}

void tst_VigilProcess::version_printsVersion()
{
    const Outcome o = runVigil({QStringLiteral("--version")});
    QCOMPARE(o.exitCode, 0);
    QCOMPARE(o.out.trimmed(), QByteArray("Vigil " VIGIL_VERSION_STRING));
}

void tst_VigilProcess::badOption_exitsTwoWithMessage()
{
    const Outcome o = runVigil({QStringLiteral("--client-id"), QStringLiteral("nope")});
    QCOMPARE(o.exitCode, 2);
    QVERIFY(o.err.contains("--client-id must be a GUID"));
    QVERIFY(o.err.contains("--help"));
    QVERIFY(o.out.isEmpty());
}

void tst_VigilProcess::demo_startsAndExitsCleanlyOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void tst_VigilProcess::demo_startsAndExitsCleanlyOnSignal()
{
    QFETCH(int, signalNumber);
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("vigil.ini"));
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QStringLiteral(VIGIL_EXECUTABLE),
                  {QStringLiteral("--demo"), QStringLiteral("--config"), ini, QStringLiteral("--verbose")});
    QVERIFY(process.waitForStarted());
    QTest::qWait(1500);
    QCOMPARE(process.state(), QProcess::Running);
    ::kill(pid_t(process.processId()), signalNumber);
    QVERIFY(process.waitForFinished(15000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    // A clean exit writes the window state.
    QSettings settings(ini, QSettings::IniFormat);
    QVERIFY(settings.contains(QStringLiteral("mainWindow/geometry")));
}

QTEST_GUILESS_MAIN(tst_VigilProcess)
#include "tst_vigilprocess.moc"
