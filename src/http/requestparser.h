#pragma once

#include "request.h"
#include "serverlimits.h"

#include <QtGlobal>

#include <memory>

namespace vigil::http {

/// Incremental, limit-enforcing HTTP/1.x request parser over http_parser. It knows nothing about
/// sockets: feed it bytes as they arrive and it stops at the end of the headers (so the caller can
/// send "100 Continue" or switch timers) and at the end of each request (so pipelined requests are
/// answered one at a time, in order). Any violation puts it in the Error state with the status code
/// to answer with; the connection must then be closed.
class RequestParser
{
public:
    enum class Status {
        Idle,             ///< nothing of the next request seen yet
        InHeaders,        ///< part of a request line or header block seen
        HeadersComplete,  ///< stopped right after the header block; call feed() to go on
        InBody,           ///< reading the body
        RequestComplete,  ///< a whole request is ready: takeRequest()
        Error,            ///< malformed or over a limit: errorStatus()
    };

    explicit RequestParser(const ServerLimits &limits = {});
    ~RequestParser();
    Q_DISABLE_COPY_MOVE(RequestParser)

    /// Parse as much of `data` as possible; stops early at HeadersComplete and RequestComplete.
    /// Returns the number of bytes consumed; the rest must be fed again later.
    qsizetype feed(QByteArrayView data);

    Status status() const { return m_status; }
    bool isError() const { return m_status == Status::Error; }

    /// The request once status() is RequestComplete; resets the parser for the next one.
    Request takeRequest();

    /// After HeadersComplete: the client sent "Expect: 100-continue" and the request is acceptable.
    bool expectsContinue() const { return m_expectContinue; }
    /// After HeadersComplete: the headers of the request in progress.
    const Request &pendingRequest() const { return m_request; }

    /// The status to answer with once isError() (400, 405, 408, 411, 413, 414, 417, 431, 501, 505).
    int errorStatus() const { return m_errorStatus; }
    /// A short English description of the error, for logs and the response body.
    QByteArray errorMessage() const { return m_errorMessage; }

private:
    struct Callbacks;
    friend struct Callbacks;

    int fail(int status, const char *message);
    int onHeadersComplete();
    void reset();

    ServerLimits m_limits;
    struct ParserState;
    std::unique_ptr<ParserState> m_state;

    Status m_status = Status::Idle;
    Request m_request;
    QByteArray m_currentField;
    QByteArray m_currentValue;
    bool m_lastWasValue = false;
    bool m_fieldOpen = false;
    qsizetype m_headerBytes = 0;
    bool m_expectContinue = false;
    int m_errorStatus = 0;
    QByteArray m_errorMessage;
};

} // namespace vigil::http
