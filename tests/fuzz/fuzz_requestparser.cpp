// libFuzzer target for vigil::http::RequestParser: arbitrary bytes, fed in pieces whose sizes
// come from the input itself, with small limits so that every limit path is reachable.
// Build: cmake -DVIGIL_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ …; run: fuzz_requestparser corpus/http_request

#include "http/requestparser.h"

#include <cstdint>
#include <cstdlib>

using vigil::http::RequestParser;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    vigil::http::ServerLimits limits;
    limits.maxRequestLineBytes = 256;
    limits.maxHeaderBytes = 1024;
    limits.maxHeaderCount = 16;
    limits.maxBodyBytes = 512;

    // The first byte chooses the piece size, so splits land everywhere.
    const qsizetype step = qsizetype(data[0] % 64) + 1;
    QByteArrayView input(reinterpret_cast<const char *>(data) + 1, qsizetype(size) - 1);

    RequestParser parser(limits);
    qsizetype offset = 0;
    int stalls = 0;
    while (offset < input.size() && !parser.isError()) {
        const QByteArrayView piece = input.sliced(offset, qMin(step, input.size() - offset));
        const qsizetype consumed = parser.feed(piece);
        if (consumed < 0 || consumed > piece.size())
            std::abort();
        offset += consumed;
        switch (parser.status()) {
        case RequestParser::Status::RequestComplete: {
            const vigil::http::Request request = parser.takeRequest();
            // Invariants the server relies on.
            if (request.body.size() > limits.maxBodyBytes || request.headers.size() > limits.maxHeaderCount)
                std::abort();
            if (request.target.isEmpty() || request.method.isEmpty())
                std::abort();
            (void)request.path();
            (void)request.query();
            stalls = 0;
            break;
        }
        case RequestParser::Status::Error:
            if (parser.errorStatus() < 400 || parser.errorStatus() > 599)
                std::abort();
            break;
        default:
            // Stopping at the end of the headers consumes nothing more than once in a row.
            if (consumed == 0 && ++stalls > 2)
                std::abort();
            break;
        }
    }
    return 0;
}
