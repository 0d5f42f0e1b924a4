#pragma once

#include "serverlimits.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <optional>

class QTcpServer;

namespace vigil::http {

class Connection;
class RequestHandler;

/// A small, strict HTTP/1.1 server: keep-alive and pipelining, every limit of ServerLimits,
/// plain TCP or TLS. It knows sockets and HTTP framing only; what to answer is the business of
/// the RequestHandler, which must outlive the server.
class Server final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Server)

public:
    explicit Server(RequestHandler *handler, QObject *parent = nullptr);
    ~Server() override;

    void setLimits(const ServerLimits &limits);
    const ServerLimits &limits() const { return m_limits; }

    /// Serve HTTPS with this configuration (certificate and private key set). Call before listen().
    void setTlsConfiguration(const QSslConfiguration &configuration);
    bool isTls() const { return m_tls.has_value(); }

    /// Listen on `address` (loopback by default); port 0 picks a free port, see serverPort().
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    /// Stops accepting connections; open connections finish what they are doing.
    void stopListening();
    /// Stops listening and closes every connection.
    void close();
    bool isListening() const;

    QHostAddress serverAddress() const;
    quint16 serverPort() const;
    /// "http://127.0.0.1:PORT" or "https://…" for the bound address.
    QUrl baseUrl() const;
    QString errorString() const { return m_errorString; }

    int connectionCount() const { return int(m_connections.size()); }

Q_SIGNALS:
    /// A request was refused by the server itself (malformed, over a limit, timed out).
    void requestRejected(int status, const QByteArray &reason);
    /// A connection was refused because maxConnections were open.
    void connectionRefused();

private:
    void acceptPending();
    void addConnection(class QTcpSocket *socket);

    RequestHandler *m_handler = nullptr;
    ServerLimits m_limits;
    std::optional<QSslConfiguration> m_tls;
    QTcpServer *m_server = nullptr;
    QList<Connection *> m_connections;
    QString m_errorString;
};

/// Loads a PEM certificate (chain) and a PEM private key (RSA or EC) into a server configuration.
/// On failure returns nullopt and a sentence in `error`.
std::optional<QSslConfiguration> loadTlsConfiguration(const QString &certificateFile, const QString &keyFile,
                                                      QString *error);

} // namespace vigil::http
