#pragma once

#include "http/request.h"
#include "http/response.h"

namespace graphsim {

class Simulator;

/// The `/_sim/` control API for tests and demos (no token; the router only lets loopback clients
/// in): status, reset, clock, auto-approved sign-in, alerts and legacy alerts, faults, throttling,
/// outbox, delivery log, subscriptions and lifecycle events, activity. See docs/graphsim.md.
class ControlApi
{
public:
    explicit ControlApi(Simulator *simulator) : m_simulator(simulator) {}

    static bool handles(const QString &path);
    vigil::http::Response handle(const vigil::http::Request &request);

private:
    vigil::http::Response status(const vigil::http::Request &request) const;

    Simulator *m_simulator = nullptr;
};

} // namespace graphsim
