#include "requestparser.h"

#include <http_parser.h>

namespace vigil::http {

struct RequestParser::ParserState
{
    http_parser parser{};
    http_parser_settings settings{};
};

namespace {
RequestParser *self(http_parser *p)
{
    return static_cast<RequestParser *>(p->data);
}

// Request line = method SP target SP "HTTP/x.y" CRLF.
constexpr qsizetype kRequestLineOverhead = 1 + 1 + 8 + 2;
} // namespace

struct RequestParser::Callbacks
{
    static int onMessageBegin(http_parser *p)
    {
        self(p)->m_status = Status::InHeaders;
        return 0;
    }

    static int onUrl(http_parser *p, const char *at, size_t length)
    {
        RequestParser *rp = self(p);
        rp->m_request.target.append(at, qsizetype(length));
        const qsizetype method = qsizetype(qstrlen(http_method_str(http_method(p->method))));
        if (method + rp->m_request.target.size() + kRequestLineOverhead > rp->m_limits.maxRequestLineBytes)
            return rp->fail(414, "request line too long");
        return 0;
    }

    static int onHeaderField(http_parser *p, const char *at, size_t length)
    {
        RequestParser *rp = self(p);
        if (rp->m_lastWasValue) {
            rp->m_request.headers.append({std::move(rp->m_currentField), std::move(rp->m_currentValue)});
            rp->m_currentField.clear();
            rp->m_currentValue.clear();
            rp->m_lastWasValue = false;
            rp->m_fieldOpen = false;
        }
        if (!rp->m_fieldOpen) {
            rp->m_fieldOpen = true;
            if (rp->m_request.headers.size() + 1 > rp->m_limits.maxHeaderCount)
                return rp->fail(431, "too many header fields");
        }
        rp->m_currentField.append(at, qsizetype(length));
        if (rp->m_currentField.size() > rp->m_limits.maxHeaderBytes)
            return rp->fail(431, "header block too large");
        return 0;
    }

    static int onHeaderValue(http_parser *p, const char *at, size_t length)
    {
        RequestParser *rp = self(p);
        rp->m_lastWasValue = true;
        rp->m_currentValue.append(at, qsizetype(length));
        if (rp->m_currentValue.size() > rp->m_limits.maxHeaderBytes)
            return rp->fail(431, "header block too large");
        return 0;
    }

    static int onHeadersComplete(http_parser *p)
    {
        return self(p)->onHeadersComplete();
    }

    static int onBody(http_parser *p, const char *at, size_t length)
    {
        RequestParser *rp = self(p);
        if (rp->m_request.body.size() + qsizetype(length) > rp->m_limits.maxBodyBytes)
            return rp->fail(413, "request body too large");
        rp->m_request.body.append(at, qsizetype(length));
        return 0;
    }

    static int onMessageComplete(http_parser *p)
    {
        RequestParser *rp = self(p);
        rp->m_status = Status::RequestComplete;
        http_parser_pause(p, 1);
        return 0;
    }
};

RequestParser::RequestParser(const ServerLimits &limits)
    : m_limits(limits)
    , m_state(std::make_unique<ParserState>())
{
    http_parser_settings_init(&m_state->settings);
    m_state->settings.on_message_begin = &Callbacks::onMessageBegin;
    m_state->settings.on_url = &Callbacks::onUrl;
    m_state->settings.on_header_field = &Callbacks::onHeaderField;
    m_state->settings.on_header_value = &Callbacks::onHeaderValue;
    m_state->settings.on_headers_complete = &Callbacks::onHeadersComplete;
    m_state->settings.on_body = &Callbacks::onBody;
    m_state->settings.on_message_complete = &Callbacks::onMessageComplete;
    http_parser_init(&m_state->parser, HTTP_REQUEST);
    m_state->parser.data = this;
}

RequestParser::~RequestParser() = default;

int RequestParser::fail(int status, const char *message)
{
    if (m_status != Status::Error) {
        m_status = Status::Error;
        m_errorStatus = status;
        m_errorMessage = message;
    }
    return -1;
}

int RequestParser::onHeadersComplete()
{
    http_parser *p = &m_state->parser;
    if (m_fieldOpen)
        m_request.headers.append({std::move(m_currentField), std::move(m_currentValue)});
    m_currentField.clear();
    m_currentValue.clear();
    m_lastWasValue = false;
    m_fieldOpen = false;

    m_request.method = http_method_str(http_method(p->method));
    m_request.versionMajor = p->http_major;
    m_request.versionMinor = p->http_minor;
    if (p->http_major != 1)
        return fail(505, "only HTTP/1.0 and HTTP/1.1 are supported");
    if (m_request.target.isEmpty() || (m_request.target.front() != '/' && m_request.target != "*"))
        return fail(400, "request target must be an absolute path");
    if (p->upgrade || p->method == HTTP_CONNECT)
        return fail(501, "protocol upgrades and CONNECT are not supported");

    if (m_request.hasHeader("Transfer-Encoding") || (p->flags & F_CHUNKED)) {
        const QByteArray te = m_request.header("Transfer-Encoding").toLower();
        if (te.contains("chunked"))
            return fail(411, "chunked request bodies are not accepted; send Content-Length");
        return fail(501, "transfer codings are not supported");
    }
    const int lengthFields = headerCount(m_request.headers, "Content-Length");
    if (lengthFields > 1)
        return fail(400, "more than one Content-Length");
    const bool hasLength = lengthFields == 1;
    const bool bodyMethod = p->method == HTTP_POST || p->method == HTTP_PUT || p->method == HTTP_PATCH;
    if (bodyMethod && !hasLength)
        return fail(411, "Content-Length required");
    if (hasLength && p->content_length > quint64(m_limits.maxBodyBytes))
        return fail(413, "request body too large");

    const QByteArray expect = m_request.header("Expect");
    if (!expect.isNull()) {
        if (expect.trimmed().compare("100-continue", Qt::CaseInsensitive) != 0)
            return fail(417, "unsupported expectation");
        m_expectContinue = hasLength && p->content_length > 0;
    }

    m_request.keepAlive = http_should_keep_alive(p) != 0;
    m_status = Status::HeadersComplete;
    http_parser_pause(p, 1);
    return 0;
}

qsizetype RequestParser::feed(QByteArrayView data)
{
    if (m_status == Status::Error || m_status == Status::RequestComplete || data.isEmpty())
        return 0;
    http_parser *p = &m_state->parser;
    if (m_status == Status::HeadersComplete) {
        http_parser_pause(p, 0);
        m_status = Status::InBody;
    }
    // A feed that starts before the end of the headers stops there at the latest, so what it
    // consumes is exactly request line + header block, whitespace included.
    const bool inHeaderPhase = m_status == Status::Idle || m_status == Status::InHeaders;
    const size_t consumed = http_parser_execute(p, &m_state->settings, data.data(), size_t(data.size()));
    const http_errno err = HTTP_PARSER_ERRNO(p);

    if (m_status == Status::Error)
        return qsizetype(consumed);
    if (err != HPE_OK && err != HPE_PAUSED) {
        switch (err) {
        case HPE_HEADER_OVERFLOW:
            fail(431, "header block too large");
            break;
        default:
            fail(400, http_errno_description(err));
            break;
        }
        return qsizetype(consumed);
    }
    if (inHeaderPhase) {
        m_headerBytes += qsizetype(consumed);
        if (m_headerBytes > m_limits.maxHeaderBytes)
            fail(431, "header block too large");
    }
    return qsizetype(consumed);
}

Request RequestParser::takeRequest()
{
    Request done = std::move(m_request);
    reset();
    return done;
}

void RequestParser::reset()
{
    m_request = Request();
    m_currentField.clear();
    m_currentValue.clear();
    m_lastWasValue = false;
    m_fieldOpen = false;
    m_headerBytes = 0;
    m_expectContinue = false;
    m_status = Status::Idle;
    http_parser_pause(&m_state->parser, 0);
}

} // namespace vigil::http
