#pragma once

#include <QtGlobal>

#include <chrono>

namespace vigil::http {

/// Every limit of the HTTP server. The defaults suit a receiver exposed through a tunnel.
struct ServerLimits
{
    qsizetype maxRequestLineBytes = 8 * 1024;        ///< method + target + version (414 beyond)
    qsizetype maxHeaderBytes = 32 * 1024;            ///< request line + header block (431 beyond)
    int maxHeaderCount = 100;                        ///< header fields (431 beyond)
    qint64 maxBodyBytes = 1024 * 1024;               ///< Content-Length (413 beyond, before reading)
    std::chrono::milliseconds headerTimeout{10'000}; ///< first byte to end of headers (408)
    std::chrono::milliseconds bodyTimeout{30'000};   ///< end of headers to end of body (408)
    std::chrono::milliseconds idleTimeout{5'000};    ///< keep-alive wait for the next request
    int maxRequestsPerConnection = 1000;             ///< then "Connection: close"
    int maxConnections = 64;                         ///< concurrent; more get 503 and are closed
    std::chrono::milliseconds tlsHandshakeTimeout{10'000};
};

} // namespace vigil::http
