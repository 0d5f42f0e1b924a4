#include "responder.h"

namespace vigil::http {

Responder::Responder(Sink sink, Aborter aborter)
    : m_state(std::make_shared<State>(State{std::move(sink), std::move(aborter), false}))
{
}

void Responder::send(Response response)
{
    if (!m_state || m_state->done)
        return;
    m_state->done = true;
    if (m_state->sink)
        m_state->sink(std::move(response));
}

void Responder::abort()
{
    if (!m_state || m_state->done)
        return;
    m_state->done = true;
    if (m_state->aborter)
        m_state->aborter();
}

bool Responder::isPending() const
{
    return m_state && !m_state->done;
}

} // namespace vigil::http
