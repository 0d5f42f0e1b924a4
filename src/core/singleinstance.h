#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QLocalServer;
class QLocalSocket;

namespace vigil::core {

/// Keeps one Vigil per user and settings file. The first launch listens on a local socket (a Unix
/// domain socket in the user's runtime directory, a named pipe on Windows); a later launch with the
/// same settings file sends its argument list there and exits, and the first emits activated() so
/// that it can raise its window.
///
/// Protocol: the second launch connects, writes its arguments as one compact UTF-8 JSON array of
/// strings followed by '\n', and waits for the answer "ok\n". Anything else is refused and closed.
class SingleInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)

public:
    /// The server name for `settingsFile` and the current user: different --config files give
    /// different instances. On Unix it is a socket path in the user's runtime directory.
    static QString serverNameFor(const QString &settingsFile);

    /// `serverName` as QLocalServer takes it (a plain name or, on Unix, a socket path).
    explicit SingleInstance(QString serverName, QObject *parent = nullptr);
    ~SingleInstance() override;

    /// Hands `arguments` to the instance listening on serverName() and waits up to `timeoutMs` for
    /// it to confirm. True when a running instance took them; false when none is running or it did
    /// not answer in time. Blocks: call it at start-up, before the event loop runs.
    bool sendToRunning(const QStringList &arguments, int timeoutMs = 3000);

    /// Starts listening. A socket left behind by a crashed instance (nobody answers on it) is
    /// removed first. False when another instance is listening already or the socket cannot be
    /// created; errorString() says why.
    bool listen();

    bool isListening() const;
    QString serverName() const { return m_serverName; }
    QString errorString() const { return m_errorString; }

    /// Largest message accepted from a second launch.
    static constexpr qsizetype kMaxMessageBytes = 256 * 1024;

Q_SIGNALS:
    /// Another launch handed over its arguments (program name first, as it was started).
    void activated(const QStringList &arguments);

private:
    bool someoneIsListening() const;
    void acceptConnections();
    void readMessage(QLocalSocket *socket);

    QString m_serverName;
    QLocalServer *m_server = nullptr;
    QString m_errorString;
};

} // namespace vigil::core
