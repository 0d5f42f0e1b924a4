// SingleInstance over real local sockets: two instances in this process, a stale socket left by a
// crash, malformed messages, and two real vigil processes with the same settings file.

#include "core/singleinstance.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <cstring>
#include <memory>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#endif

using vigil::core::SingleInstance;

class tst_SingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void serverName_dependsOnSettingsFile();
    void serverName_sameFileSpeltDifferently_isSame();
    void send_withoutRunningInstance_returnsFalseQuickly();
    void send_toListeningInstance_deliversArguments_data();
    void send_toListeningInstance_deliversArguments();
    void listen_whileAnotherListens_failsAndLeavesItWorking();
    void listen_overStaleSocket_removesItAndListens();
    void malformedMessage_isRefusedAndLaterMessagesStillArrive();
    void secondVigilProcess_handsOverAndExitsWhileFirstKeepsRunning();

private:
    QString uniqueName() const;
    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {

/// Runs SingleInstance::sendToRunning on another thread: it blocks until the listener answers,
/// and the listener answers from this thread's event loop.
bool sendFromThread(const QString &serverName, const QStringList &arguments, int timeoutMs = 5000)
{
    std::atomic<bool> delivered = false;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        SingleInstance sender(serverName);
        delivered = sender.sendToRunning(arguments, timeoutMs);
    }));
    thread->start();
    if (!QTest::qWaitFor([&] { return thread->isFinished(); }, timeoutMs + 5000))
        return false;
    thread->wait();
    return delivered;
}

QByteArray sendRaw(const QString &serverName, const QByteArray &bytes)
{
    QByteArray answer;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        QLocalSocket socket;
        socket.connectToServer(serverName);
        if (!socket.waitForConnected(2000))
            return;
        socket.write(bytes);
        socket.waitForBytesWritten(2000);
        while (socket.waitForReadyRead(2000))
            answer += socket.readAll();
        answer += socket.readAll();
    }));
    thread->start();
    const bool finished = QTest::qWaitFor([&] { return thread->isFinished(); }, 10000);
    thread->wait();
    return finished ? answer : QByteArrayLiteral("(no answer in time)");
}

} // namespace

void tst_SingleInstance::init()
{
    QStandardPaths::setTestModeEnabled(true);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString tst_SingleInstance::uniqueName() const
{
#ifdef Q_OS_UNIX
    // A socket path in a folder of our own, so that parallel test runs cannot meet.
    return m_dir->filePath(QStringLiteral("si.socket"));
#else
    return QStringLiteral("vigil-test-%1-%2").arg(QCoreApplication::applicationPid()).arg(quintptr(m_dir.get()));
#endif
}

void tst_SingleInstance::serverName_dependsOnSettingsFile()
{
    const QString a = SingleInstance::serverNameFor(m_dir->filePath(QStringLiteral("a.ini")));
    const QString b = SingleInstance::serverNameFor(m_dir->filePath(QStringLiteral("b.ini")));
    QVERIFY(!a.isEmpty());
    QVERIFY(a != b);
    QCOMPARE(SingleInstance::serverNameFor(m_dir->filePath(QStringLiteral("a.ini"))), a);
    QVERIFY(QFileInfo(a).fileName().startsWith(QLatin1String("vigil-")));
}

void tst_SingleInstance::serverName_sameFileSpeltDifferently_isSame()
{
    const QString absolute = m_dir->filePath(QStringLiteral("vigil.ini"));
    QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("sub")));
    const QString roundabout = m_dir->path() + QStringLiteral("/sub/../vigil.ini");
    QCOMPARE(SingleInstance::serverNameFor(roundabout), SingleInstance::serverNameFor(absolute));

    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(m_dir->path()));
    const QString relative = SingleInstance::serverNameFor(QStringLiteral("vigil.ini"));
    QDir::setCurrent(previous);
    QCOMPARE(relative, SingleInstance::serverNameFor(absolute));
}

void tst_SingleInstance::send_withoutRunningInstance_returnsFalseQuickly()
{
    SingleInstance sender(uniqueName());
    QElapsedTimer clock;
    clock.start();
    QVERIFY(!sender.sendToRunning({QStringLiteral("vigil")}, 3000));
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
}

void tst_SingleInstance::send_toListeningInstance_deliversArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("program only") << QStringList{QStringLiteral("/usr/bin/vigil")};
    QTest::newRow("options") << QStringList{QStringLiteral("vigil"), QStringLiteral("--config"),
                                            QStringLiteral("/tmp/a b/vigil.ini"), QStringLiteral("--verbose")};
    QTest::newRow("unicode and quotes") << QStringList{QStringLiteral("vigil"), QStringLiteral("--tenant"),
                                                       QStringLiteral("contoso.onmicrosoft.com"),
                                                       QString::fromUtf8("警报 \"ünïcode\"\n\\ {}[]")};
    QTest::newRow("long") << QStringList{QStringLiteral("vigil"), QString(20000, QLatin1Char('x'))};
}

void tst_SingleInstance::send_toListeningInstance_deliversArguments()
{
    QFETCH(QStringList, arguments);
    SingleInstance first(uniqueName());
    QVERIFY2(first.listen(), qPrintable(first.errorString()));
    QVERIFY(first.isListening());
    QSignalSpy activated(&first, &SingleInstance::activated);

    QVERIFY(sendFromThread(first.serverName(), arguments));
    QTRY_COMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toStringList(), arguments);

    // A later launch is delivered too.
    QVERIFY(sendFromThread(first.serverName(), {QStringLiteral("again")}));
    QTRY_COMPARE(activated.size(), 2);
    QCOMPARE(activated.at(1).at(0).toStringList(), QStringList{QStringLiteral("again")});
}

void tst_SingleInstance::listen_whileAnotherListens_failsAndLeavesItWorking()
{
    SingleInstance first(uniqueName());
    QVERIFY(first.listen());
    QSignalSpy activated(&first, &SingleInstance::activated);

    std::atomic<bool> secondListened = true;
    QString secondError;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        SingleInstance second(uniqueName());
        secondListened = second.listen();
        secondError = second.errorString();
    }));
    thread->start();
    QVERIFY(QTest::qWaitFor([&] { return thread->isFinished(); }, 10000));
    thread->wait();
    QVERIFY(!secondListened);
    QVERIFY(!secondError.isEmpty());

    // The first still owns its socket and hears later launches.
    QVERIFY(sendFromThread(first.serverName(), {QStringLiteral("vigil")}));
    QTRY_COMPARE(activated.size(), 1);
}

void tst_SingleInstance::listen_overStaleSocket_removesItAndListens()
{
#ifndef Q_OS_UNIX
    QSKIP("Only Unix domain sockets outlive the process that made them");
#else
    // What a crash leaves: a socket file nobody accepts connections on.
    const QString path = uniqueName();
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    QVERIFY(size_t(native.size()) < sizeof(address.sun_path));
    std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
    ::close(fd);
    QVERIFY(QFileInfo::exists(path));

    SingleInstance sender(path);
    QVERIFY(!sender.sendToRunning({QStringLiteral("vigil")}, 2000));

    SingleInstance first(path);
    QVERIFY2(first.listen(), qPrintable(first.errorString()));
    QSignalSpy activated(&first, &SingleInstance::activated);
    QVERIFY(sendFromThread(path, {QStringLiteral("vigil"), QStringLiteral("--verbose")}));
    QTRY_COMPARE(activated.size(), 1);
#endif
}

void tst_SingleInstance::malformedMessage_isRefusedAndLaterMessagesStillArrive()
{
    SingleInstance first(uniqueName());
    QVERIFY(first.listen());
    QSignalSpy activated(&first, &SingleInstance::activated);

    QCOMPARE(sendRaw(first.serverName(), "not json\n"), QByteArray());
    QCOMPARE(sendRaw(first.serverName(), "{\"a\":1}\n"), QByteArray());
    QCOMPARE(sendRaw(first.serverName(), "[\"vigil\", 3]\n"), QByteArray());
    QCOMPARE(sendRaw(first.serverName(), QByteArray(SingleInstance::kMaxMessageBytes + 10, 'x')), QByteArray());
    QCOMPARE(activated.size(), 0);

    QCOMPARE(sendRaw(first.serverName(), "[\"vigil\",\"--demo\"]\n"), QByteArray("ok\n"));
    QTRY_COMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toStringList(), (QStringList{QStringLiteral("vigil"), QStringLiteral("--demo")}));
}

void tst_SingleInstance::secondVigilProcess_handsOverAndExitsWhileFirstKeepsRunning()
{
    const QString vigil = qEnvironmentVariable("VIGIL_EXECUTABLE");
    if (vigil.isEmpty() || !QFileInfo(vigil).isExecutable())
        QSKIP("The vigil executable is not built (VIGIL_BUILD_GUI=OFF)");

    const QString ini = m_dir->filePath(QStringLiteral("vigil.ini"));
    QProcess first;
    first.start(vigil, {QStringLiteral("--demo"), QStringLiteral("--config"), ini});
    QVERIFY(first.waitForStarted());
    auto stopFirst = qScopeGuard([&first] {
        if (first.state() != QProcess::NotRunning) {
            first.kill();
            first.waitForFinished(5000);
        }
    });

    // The first one listens once it is up; the socket name is the one vigil derives from --config.
    const QString serverName = SingleInstance::serverNameFor(ini);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&serverName] {
            QLocalSocket probe;
            probe.connectToServer(serverName);
            return probe.waitForConnected(200);
        }(),
        20000);
    QCOMPARE(first.state(), QProcess::Running);

    // Same settings file, one more harmless option: it hands over and exits at once.
    QProcess second;
    QElapsedTimer clock;
    clock.start();
    second.start(vigil, {QStringLiteral("--demo"), QStringLiteral("--config"), ini, QStringLiteral("--lang"),
                         QStringLiteral("en")});
    QVERIFY(second.waitForFinished(15000));
    QCOMPARE(second.exitStatus(), QProcess::NormalExit);
    QCOMPARE(second.exitCode(), 0);
    QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(second.readAllStandardOutput().contains("already running"));

    QTest::qWait(500);
    QCOMPARE(first.state(), QProcess::Running);
    const QByteArray firstLog = first.readAllStandardError();
    QVERIFY2(firstLog.contains("another launch handed over"), firstLog.constData());

    // A different settings file is a different instance: it starts instead of handing over.
    QProcess other;
    const QString otherIni = m_dir->filePath(QStringLiteral("other.ini"));
    other.start(vigil, {QStringLiteral("--demo"), QStringLiteral("--config"), otherIni});
    QVERIFY(other.waitForStarted());
    QVERIFY(!other.waitForFinished(3000));
    QCOMPARE(other.state(), QProcess::Running);
    other.terminate();
    QVERIFY(other.waitForFinished(15000));

    first.terminate();
    QVERIFY(first.waitForFinished(15000));
    QCOMPARE(first.exitCode(), 0);
}

QTEST_GUILESS_MAIN(tst_SingleInstance)
#include "tst_singleinstance.moc"
