#pragma once

// A deliberately simple blocking HTTP/1.1 client for tests: it writes exactly the bytes it is
// given (so tests can send malformed, split or pipelined requests) and parses responses framed by
// Content-Length. It must run on a different thread from the server it talks to.

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QSslSocket>
#include <QTcpSocket>

#include <memory>
#include <optional>

namespace vigil::test {

struct RawResponse
{
    int status = 0;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &h : headers) {
            if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
};

class RawHttpClient
{
public:
    explicit RawHttpClient(bool tls = false)
    {
        if (tls) {
            auto ssl = std::make_unique<QSslSocket>();
            ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
            m_socket = std::move(ssl);
        } else {
            m_socket = std::make_unique<QTcpSocket>();
        }
    }

    bool connectTo(quint16 port, int timeoutMs = 5000)
    {
        if (auto *ssl = qobject_cast<QSslSocket *>(m_socket.get())) {
            ssl->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
            return ssl->waitForEncrypted(timeoutMs);
        }
        m_socket->connectToHost(QHostAddress::LocalHost, port);
        return m_socket->waitForConnected(timeoutMs);
    }

    void send(const QByteArray &bytes)
    {
        m_socket->write(bytes);
        m_socket->waitForBytesWritten(5000);
    }

    /// Reads one response (status line, headers, Content-Length body). nullopt on timeout/close.
    std::optional<RawResponse> readResponse(int timeoutMs = 5000, bool headRequest = false)
    {
        QElapsedTimer timer;
        timer.start();
        qsizetype headerEnd = -1;
        while ((headerEnd = m_buffer.indexOf("\r\n\r\n")) < 0) {
            if (!fill(timeoutMs - int(timer.elapsed())))
                return std::nullopt;
        }
        RawResponse response;
        const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
        const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
        response.status = statusLine.value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                response.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        }
        m_buffer.remove(0, headerEnd + 4);
        const qsizetype length = (headRequest || response.status < 200) ? 0 : response.header("Content-Length").toLongLong();
        while (m_buffer.size() < length) {
            if (!fill(timeoutMs - int(timer.elapsed())))
                return std::nullopt;
        }
        response.body = m_buffer.left(length);
        m_buffer.remove(0, length);
        return response;
    }

    /// True if the server closes the connection within the timeout (any unread bytes are dropped).
    bool waitForClosed(int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            if (m_socket->state() == QAbstractSocket::UnconnectedState)
                return true;
            if (m_socket->waitForReadyRead(qMax(1, timeoutMs - int(timer.elapsed())))) {
                m_buffer += m_socket->readAll();
                continue;
            }
            if (m_socket->state() != QAbstractSocket::ConnectedState
                || m_socket->error() == QAbstractSocket::RemoteHostClosedError)
                return true;
        }
        return m_socket->state() == QAbstractSocket::UnconnectedState;
    }

    QTcpSocket *socket() { return m_socket.get(); }

private:
    bool fill(int timeoutMs)
    {
        if (m_socket->bytesAvailable() == 0 && !m_socket->waitForReadyRead(qMax(1, timeoutMs)))
            return false;
        m_buffer += m_socket->readAll();
        return true;
    }

    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
};

} // namespace vigil::test
