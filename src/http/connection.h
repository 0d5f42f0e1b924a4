#pragma once

#include "requestparser.h"
#include "serverlimits.h"

#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace vigil::http {

class RequestHandler;
struct Response;

/// One accepted client connection: reads, parses, dispatches requests one at a time (pipelined
/// requests wait in the socket), writes responses in order, and enforces timeouts. Internal to
/// Server.
class Connection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Connection)

public:
    Connection(QTcpSocket *socket, RequestHandler *handler, const ServerLimits &limits, bool secure,
               QObject *parent = nullptr);
    ~Connection() override;

    /// Answer `status` with `Connection: close` right away (used when over capacity).
    void reject(int status, const QByteArray &message);

Q_SIGNALS:
    void finished();
    void requestFailed(int status, const QByteArray &message);

private:
    enum class Phase { Waiting, Headers, Body, Handling, Closing };

    void process();
    void dispatch();
    void respond(quint64 sequence, Response &&response);
    void abortFromHandler(quint64 sequence);
    void fail(int status, const QByteArray &message);
    void writeResponse(Response &&response, bool headRequest, bool close);
    void enterPhase(Phase phase);
    void onTimeout();
    void closeGracefully();
    void finish();

    QTcpSocket *m_socket = nullptr;
    RequestHandler *m_handler = nullptr;
    ServerLimits m_limits;
    bool m_secure = false;
    RequestParser m_parser;
    QByteArray m_buffer;
    qsizetype m_offset = 0;
    QTimer m_timer;
    Phase m_phase = Phase::Waiting;
    bool m_firstRequest = true;
    bool m_processing = false;
    int m_served = 0;
    quint64 m_sequence = 0;
    bool m_pendingHead = false;
    bool m_pendingClose = false;
    bool m_finished = false;
};

} // namespace vigil::http
