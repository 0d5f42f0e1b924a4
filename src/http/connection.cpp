#include "connection.h"

#include "requesthandler.h"
#include "response.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>

#include <ctime>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

Q_LOGGING_CATEGORY(lcConnection, "vigil.http.connection", QtWarningMsg)

namespace vigil::http {

namespace {
constexpr qint64 kReadChunk = 64 * 1024;
constexpr int kLingerMs = 2000;

// RFC 9110 IMF-fixdate, recomputed at most once per second.
QByteArray httpDate()
{
    static thread_local std::time_t cachedSecond = 0;
    static thread_local QByteArray cached;
    const std::time_t now = std::time(nullptr);
    if (now != cachedSecond) {
        cachedSecond = now;
        cached = QLocale::c()
                     .toString(QDateTime::fromSecsSinceEpoch(now, Qt::UTC),
                               QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                     .toLatin1();
    }
    return cached;
}

bool isReservedHeader(QByteArrayView name)
{
    return name.compare("Content-Length", Qt::CaseInsensitive) == 0
        || name.compare("Connection", Qt::CaseInsensitive) == 0
        || name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0
        || name.compare("Date", Qt::CaseInsensitive) == 0;
}

bool statusHasBody(int status)
{
    return status >= 200 && status != 204 && status != 304;
}
} // namespace

Connection::Connection(QTcpSocket *socket, RequestHandler *handler, const ServerLimits &limits,
                       bool secure, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_handler(handler)
    , m_limits(limits)
    , m_secure(secure)
    , m_parser(limits)
{
    m_socket->setParent(this);
    // Backpressure: while a request is being handled, further pipelined bytes stay in the kernel.
    m_socket->setReadBufferSize(kReadChunk);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Connection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &Connection::process);
    connect(m_socket, &QTcpSocket::disconnected, this, &Connection::finish);
    enterPhase(Phase::Headers);
}

Connection::~Connection() = default;

void Connection::enterPhase(Phase phase)
{
    m_phase = phase;
    switch (phase) {
    case Phase::Waiting:
        m_timer.start(m_limits.idleTimeout);
        break;
    case Phase::Headers:
        m_timer.start(m_limits.headerTimeout);
        break;
    case Phase::Body:
        m_timer.start(m_limits.bodyTimeout);
        break;
    case Phase::Handling:
        m_timer.stop();
        break;
    case Phase::Closing:
        m_timer.start(kLingerMs);
        break;
    }
}

void Connection::onTimeout()
{
    switch (m_phase) {
    case Phase::Waiting:
        qCDebug(lcConnection) << "closing idle keep-alive connection";
        m_socket->disconnectFromHost();
        break;
    case Phase::Headers:
    case Phase::Body:
        fail(408, QByteArrayLiteral("request not received in time"));
        break;
    case Phase::Handling:
        break;
    case Phase::Closing:
        m_socket->abort();
        finish();
        break;
    }
}

void Connection::process()
{
    if (m_processing)
        return;
    m_processing = true;
    while (m_phase != Phase::Handling && m_phase != Phase::Closing) {
        if (m_offset >= m_buffer.size()) {
            m_buffer = m_socket->read(kReadChunk);
            m_offset = 0;
            if (m_buffer.isEmpty())
                break;
        }
        const qsizetype consumed = m_parser.feed(QByteArrayView(m_buffer).sliced(m_offset));
        m_offset += consumed;
        switch (m_parser.status()) {
        case RequestParser::Status::Error:
            fail(m_parser.errorStatus(), m_parser.errorMessage());
            break;
        case RequestParser::Status::InHeaders:
            if (m_phase == Phase::Waiting)
                enterPhase(Phase::Headers);
            break;
        case RequestParser::Status::HeadersComplete:
            enterPhase(Phase::Body);
            if (m_parser.expectsContinue())
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            break;
        case RequestParser::Status::RequestComplete:
            dispatch();
            break;
        case RequestParser::Status::Idle:
        case RequestParser::Status::InBody:
            break;
        }
    }
    m_processing = false;
}

void Connection::dispatch()
{
    Request request = m_parser.takeRequest();
    request.peerAddress = m_socket->peerAddress();
    request.peerPort = m_socket->peerPort();
    request.secure = m_secure;
    ++m_served;
    m_firstRequest = false;
    m_pendingHead = request.method == "HEAD";
    m_pendingClose = !request.keepAlive || m_served >= m_limits.maxRequestsPerConnection;
    const quint64 sequence = ++m_sequence;
    enterPhase(Phase::Handling);

    QPointer<Connection> self(this);
    Responder responder(
        [self, sequence](Response &&response) {
            if (self)
                self->respond(sequence, std::move(response));
        },
        [self, sequence]() {
            if (self)
                self->abortFromHandler(sequence);
        });
    m_handler->handleRequest(request, std::move(responder));
}

void Connection::respond(quint64 sequence, Response &&response)
{
    if (sequence != m_sequence || m_phase != Phase::Handling)
        return;
    const bool close = m_pendingClose || response.closeConnection;
    writeResponse(std::move(response), m_pendingHead, close);
    if (close) {
        closeGracefully();
        return;
    }
    enterPhase(Phase::Waiting);
    // Continue with pipelined bytes already read or still waiting in the socket. When called from
    // inside process() (a synchronous handler), the running loop picks them up instead.
    if (!m_processing)
        QMetaObject::invokeMethod(this, &Connection::process, Qt::QueuedConnection);
}

void Connection::abortFromHandler(quint64 sequence)
{
    if (sequence != m_sequence)
        return;
    m_phase = Phase::Closing;
    m_timer.stop();
    m_socket->abort();
    finish();
}

void Connection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    Q_EMIT finished();
}

void Connection::writeResponse(Response &&response, bool headRequest, bool close)
{
    // Headers and body go to the socket separately: one copy of a large body less.
    QByteArray out;
    out.reserve(256);
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const Header &h : std::as_const(response.headers)) {
        if (isReservedHeader(h.name))
            continue;
        out += h.name + ": " + h.value + "\r\n";
    }
    if (statusHasBody(response.status))
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += "Date: " + httpDate() + "\r\n";
    out += close ? QByteArrayView("Connection: close\r\n\r\n") : QByteArrayView("Connection: keep-alive\r\n\r\n");
    const bool withBody = !headRequest && statusHasBody(response.status) && !response.body.isEmpty();
    if (withBody && response.body.size() < 16 * 1024)
        out += response.body;  // small answers: one write
    m_socket->write(out);
    if (withBody && response.body.size() >= 16 * 1024)
        m_socket->write(response.body);
}

void Connection::fail(int status, const QByteArray &message)
{
    qCDebug(lcConnection) << "rejecting request from" << m_socket->peerAddress() << status << message;
    Q_EMIT requestFailed(status, message);
    const bool anythingReceived = !m_firstRequest || m_parser.status() != RequestParser::Status::Idle;
    if (status == 408 && !anythingReceived) {
        // A connection that never sent a byte is simply closed.
        closeGracefully();
        return;
    }
    ++m_sequence;  // a late handler answer must not be written after this
    writeResponse(Response::text(status, message + '\n'), false, true);
    closeGracefully();
}

void Connection::reject(int status, const QByteArray &message)
{
    writeResponse(Response::text(status, message + '\n'), false, true);
    closeGracefully();
}

void Connection::closeGracefully()
{
    enterPhase(Phase::Closing);
    disconnect(m_socket, &QTcpSocket::readyRead, this, &Connection::process);
    // Keep draining what the client still sends, so the kernel does not answer it with a reset
    // that could destroy the error response before the client reads it.
    connect(m_socket, &QTcpSocket::readyRead, this, [this] { m_socket->readAll(); });
    m_socket->readAll();
#ifdef Q_OS_UNIX
    if (!m_secure) {
        const auto halfClose = [this] {
            if (m_socket->bytesToWrite() == 0 && m_socket->state() == QAbstractSocket::ConnectedState)
                ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
        };
        m_socket->flush();
        if (m_socket->bytesToWrite() == 0)
            halfClose();
        else
            connect(m_socket, &QTcpSocket::bytesWritten, this, halfClose);
        return;
    }
#endif
    m_socket->disconnectFromHost();
}

} // namespace vigil::http
