#include "singleinstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTimer>

Q_LOGGING_CATEGORY(lcSingleInstance, "vigil.core.singleinstance", QtInfoMsg)

namespace vigil::core {

namespace {

const QByteArray kAcknowledgement = QByteArrayLiteral("ok\n");

/// A second launch that connects and then says nothing is dropped after this long.
constexpr int kReadTimeoutMs = 5000;

/// Unix domain socket paths are limited to about 100 bytes (sun_path).
constexpr qsizetype kMaxSocketPathLength = 100;

QString currentUser()
{
#ifdef Q_OS_WIN
    return qEnvironmentVariable("USERDOMAIN") + QLatin1Char('\\') + qEnvironmentVariable("USERNAME");
#else
    return qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME"));
#endif
}

/// The same file spelt differently (relative, through a symbolic link to its folder) gives the
/// same key; the file itself need not exist yet.
QString normalisedSettingsPath(const QString &settingsFile)
{
    // The Windows registry location QSettings uses by default is not a file path.
    if (settingsFile.startsWith(QLatin1Char('\\')))
        return settingsFile;
    const QFileInfo info(settingsFile);
    const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
    return (folder.isEmpty() ? info.absolutePath() : folder) + QLatin1Char('/') + info.fileName();
}

} // namespace

QString SingleInstance::serverNameFor(const QString &settingsFile)
{
    const QByteArray key = (currentUser() + QLatin1Char('\n') + normalisedSettingsPath(settingsFile)).toUtf8();
    const QByteArray digest = QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(24);
    const QString name = QStringLiteral("vigil-") + QString::fromLatin1(digest);
#ifdef Q_OS_UNIX
    // The runtime directory belongs to the user alone (mode 0700), unlike the shared temp folder.
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (!runtime.isEmpty()) {
        const QString path = QDir(runtime).filePath(name + QStringLiteral(".socket"));
        if (path.toLocal8Bit().size() <= kMaxSocketPathLength)
            return path;
    }
#endif
    return name;
}

SingleInstance::SingleInstance(QString serverName, QObject *parent)
    : QObject(parent)
    , m_serverName(std::move(serverName))
{
}

SingleInstance::~SingleInstance() = default;

bool SingleInstance::isListening() const
{
    return m_server && m_server->isListening();
}

bool SingleInstance::sendToRunning(const QStringList &arguments, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    const auto remaining = [&clock, timeoutMs] { return int(qMax<qint64>(1, timeoutMs - clock.elapsed())); };

    QLocalSocket socket;
    socket.connectToServer(m_serverName);
    if (!socket.waitForConnected(remaining())) {
        qCDebug(lcSingleInstance) << "no running instance at" << m_serverName << "-" << socket.errorString();
        return false;
    }
    const QByteArray message = QJsonDocument(QJsonArray::fromStringList(arguments)).toJson(QJsonDocument::Compact)
                               + '\n';
    socket.write(message);
    while (socket.bytesToWrite() > 0 && clock.elapsed() < timeoutMs) {
        if (!socket.waitForBytesWritten(remaining()))
            break;
    }
    while (!socket.canReadLine() && clock.elapsed() < timeoutMs && socket.state() == QLocalSocket::ConnectedState) {
        if (!socket.waitForReadyRead(remaining()))
            break;
    }
    const bool taken = socket.canReadLine() && socket.readLine() == kAcknowledgement;
    if (taken)
        qCDebug(lcSingleInstance) << "handed the command line to the running instance";
    else
        qCWarning(lcSingleInstance) << "an instance listens at" << m_serverName << "but did not answer";
    socket.disconnectFromServer();
    return taken;
}

bool SingleInstance::someoneIsListening() const
{
    QLocalSocket probe;
    probe.connectToServer(m_serverName);
    const bool connected = probe.waitForConnected(1000);
    probe.abort();
    return connected;
}

bool SingleInstance::listen()
{
    if (isListening())
        return true;
    m_errorString.clear();
    // Asked first: with access options, QLocalServer on Unix binds elsewhere and renames the socket
    // into place, which would silently take the name from a running instance.
    if (someoneIsListening()) {
        m_errorString = tr("Another Vigil is already running with the same settings.");
        return false;
    }
    auto *server = new QLocalServer(this);
#ifdef Q_OS_WIN
    // Named pipes are machine-wide: only this user may connect. (On Unix the socket lives in the
    // user's own runtime directory, and a socket without access options is not world-writable.)
    server->setSocketOptions(QLocalServer::UserAccessOption);
#endif
    bool ok = server->listen(m_serverName);
    if (!ok && server->serverError() == QAbstractSocket::AddressInUseError) {
        // Left behind by an instance that crashed: nobody answers on it.
        qCInfo(lcSingleInstance) << "removing the stale socket" << m_serverName;
        QLocalServer::removeServer(m_serverName);
        ok = server->listen(m_serverName);
    }
    if (!ok) {
        m_errorString =
            tr("Cannot listen for other launches of Vigil (%1): %2").arg(m_serverName, server->errorString());
        delete server;
        return false;
    }
    m_server = server;
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::acceptConnections);
    qCDebug(lcSingleInstance) << "listening at" << m_server->fullServerName();
    return true;
}

void SingleInstance::acceptConnections()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readMessage(socket); });
        QTimer::singleShot(kReadTimeoutMs, socket, [socket] {
            qCDebug(lcSingleInstance) << "dropping a connection that sent no complete message";
            socket->abort();
            socket->deleteLater();
        });
    }
}

void SingleInstance::readMessage(QLocalSocket *socket)
{
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() > kMaxMessageBytes) {
            qCWarning(lcSingleInstance) << "refusing a message over" << kMaxMessageBytes << "bytes";
            socket->abort();
        }
        return;
    }
    const QByteArray line = socket->readLine(kMaxMessageBytes + 1);
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    bool valid = error.error == QJsonParseError::NoError && document.isArray();
    QStringList arguments;
    if (valid) {
        const QJsonArray array = document.array();
        arguments.reserve(array.size());
        for (const QJsonValue &value : array) {
            if (!value.isString()) {
                valid = false;
                break;
            }
            arguments.append(value.toString());
        }
    }
    if (!valid) {
        qCWarning(lcSingleInstance) << "refusing a malformed message from another launch";
        socket->abort();
        return;
    }
    socket->write(kAcknowledgement);
    socket->disconnectFromServer();
    qCInfo(lcSingleInstance) << "another launch handed over its command line";
    Q_EMIT activated(arguments);
}

} // namespace vigil::core
