#include "server.h"

#include "connection.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcServer, "vigil.http.server", QtInfoMsg)

namespace vigil::http {

Server::Server(RequestHandler *handler, QObject *parent)
    : QObject(parent)
    , m_handler(handler)
{
}

Server::~Server()
{
    close();
}

void Server::setLimits(const ServerLimits &limits)
{
    m_limits = limits;
}

void Server::setTlsConfiguration(const QSslConfiguration &configuration)
{
    m_tls = configuration;
}

bool Server::listen(const QHostAddress &address, quint16 port)
{
    close();
    if (m_tls) {
        if (!QSslSocket::supportsSsl()) {
            m_errorString = tr("TLS is not available: no TLS backend could be loaded.");
            return false;
        }
        auto *ssl = new QSslServer(this);
        ssl->setSslConfiguration(*m_tls);
        ssl->setHandshakeTimeout(int(m_limits.tlsHandshakeTimeout.count()));
        connect(ssl, &QSslServer::errorOccurred, this, [](QSslSocket *, QAbstractSocket::SocketError error) {
            qCDebug(lcServer) << "TLS handshake failed:" << error;
        });
        m_server = ssl;
    } else {
        m_server = new QTcpServer(this);
    }
    m_server->setMaxPendingConnections(qMax(30, m_limits.maxConnections));
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &Server::acceptPending);
    if (!m_server->listen(address, port)) {
        m_errorString = m_server->errorString();
        delete m_server;
        m_server = nullptr;
        return false;
    }
    m_errorString.clear();
    qCInfo(lcServer) << "listening on" << baseUrl().toString();
    return true;
}

void Server::stopListening()
{
    if (m_server)
        m_server->close();
}

void Server::close()
{
    if (m_server) {
        m_server->close();
        delete m_server;
        m_server = nullptr;
    }
    const QList<Connection *> open = std::exchange(m_connections, {});
    qDeleteAll(open);
}

bool Server::isListening() const
{
    return m_server && m_server->isListening();
}

QHostAddress Server::serverAddress() const
{
    return m_server ? m_server->serverAddress() : QHostAddress();
}

quint16 Server::serverPort() const
{
    return m_server ? m_server->serverPort() : 0;
}

QUrl Server::baseUrl() const
{
    QUrl url;
    url.setScheme(isTls() ? QStringLiteral("https") : QStringLiteral("http"));
    const QHostAddress address = serverAddress();
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6)
        url.setHost(QStringLiteral("127.0.0.1"));
    else
        url.setHost(address.toString());
    url.setPort(serverPort());
    return url;
}

void Server::acceptPending()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (socket)
            addConnection(socket);
    }
}

void Server::addConnection(QTcpSocket *socket)
{
    auto *connection = new Connection(socket, m_handler, m_limits, isTls(), this);
    connect(connection, &Connection::requestFailed, this, &Server::requestRejected);
    if (m_connections.size() >= m_limits.maxConnections) {
        qCWarning(lcServer) << "refusing connection from" << socket->peerAddress().toString()
                            << ": already" << m_connections.size() << "open";
        Q_EMIT connectionRefused();
        // Not tracked: it closes itself after the 503 is written.
        connect(connection, &Connection::finished, connection, &QObject::deleteLater);
        connection->reject(503, QByteArrayLiteral("too many connections"));
        return;
    }
    m_connections.append(connection);
    connect(connection, &Connection::finished, this, [this, connection] {
        m_connections.removeOne(connection);
        connection->deleteLater();
    });
}

std::optional<QSslConfiguration> loadTlsConfiguration(const QString &certificateFile, const QString &keyFile,
                                                      QString *error)
{
    const auto setError = [error](const QString &message) {
        if (error)
            *error = message;
    };
    QFile certIo(certificateFile);
    if (!certIo.open(QIODevice::ReadOnly)) {
        setError(Server::tr("Cannot read the certificate %1: %2").arg(certificateFile, certIo.errorString()));
        return std::nullopt;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certIo.readAll(), QSsl::Pem);
    if (chain.isEmpty()) {
        setError(Server::tr("%1 holds no PEM certificate.").arg(certificateFile));
        return std::nullopt;
    }
    QFile keyIo(keyFile);
    if (!keyIo.open(QIODevice::ReadOnly)) {
        setError(Server::tr("Cannot read the private key %1: %2").arg(keyFile, keyIo.errorString()));
        return std::nullopt;
    }
    const QByteArray keyPem = keyIo.readAll();
    QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull()) {
        setError(Server::tr("%1 holds no unencrypted RSA or EC private key in PEM form.").arg(keyFile));
        return std::nullopt;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

} // namespace vigil::http
