#pragma once

#include "request.h"
#include "responder.h"

#include <functional>

namespace vigil::http {

/// The logic side of an HTTP server: gets one parsed request, answers it exactly once through the
/// responder (at once or later). Implementations know nothing about sockets, so they are tested by
/// building a Request and capturing what the Responder receives.
class RequestHandler
{
public:
    virtual ~RequestHandler() = default;
    virtual void handleRequest(const Request &request, Responder responder) = 0;
};

/// A RequestHandler made of a callable; handy for small servers, tests and benchmarks.
class FunctionHandler final : public RequestHandler
{
public:
    using Function = std::function<void(const Request &, Responder)>;
    explicit FunctionHandler(Function function) : m_function(std::move(function)) {}
    void handleRequest(const Request &request, Responder responder) override
    {
        m_function(request, std::move(responder));
    }

private:
    Function m_function;
};

} // namespace vigil::http
