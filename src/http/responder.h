#pragma once

#include "response.h"

#include <functional>
#include <memory>

namespace vigil::http {

/// The one-shot channel through which a handler answers one request. It can be copied and kept
/// (to answer later, from a slot or a coroutine); the first send() or abort() wins and later calls
/// are ignored. If the connection went away meanwhile, sending does nothing.
class Responder
{
public:
    using Sink = std::function<void(Response &&)>;
    using Aborter = std::function<void()>;

    Responder() = default;
    explicit Responder(Sink sink, Aborter aborter = {});

    /// Write `response` as the answer to the request.
    void send(Response response);
    /// Drop the connection without an answer (used to simulate network faults).
    void abort();

    /// True until send() or abort() has been called on any copy.
    bool isPending() const;

private:
    struct State
    {
        Sink sink;
        Aborter aborter;
        bool done = false;
    };
    std::shared_ptr<State> m_state;
};

} // namespace vigil::http
