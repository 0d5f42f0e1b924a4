#pragma once

#include "faultinjector.h"
#include "requestthrottle.h"

#include "http/requesthandler.h"

#include <QObject>
#include <QUrl>

namespace graphsim {

class Clock;
class ControlApi;
class GraphApi;
class IdentityService;

/// The simulator's one RequestHandler: fault injection first, then the per-app request budget
/// for Graph calls, then dispatch to the control API (loopback only), the identity platform or
/// Graph. Handlers below it answer synchronously or later through the responder.
class Router final : public QObject, public vigil::http::RequestHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Router)

public:
    Router(const Clock *clock, IdentityService *identity, GraphApi *graph, ControlApi *control,
           QObject *parent = nullptr);

    void handleRequest(const vigil::http::Request &request, vigil::http::Responder responder) override;

    FaultInjector &faults() { return m_faults; }
    RequestThrottle &throttle() { return m_throttle; }
    void setFallbackBaseUrl(const QUrl &url) { m_baseUrl = url; }
    /// Requests served (all paths), for diagnostics.
    quint64 requestCount() const { return m_requests; }

private:
    void dispatch(const vigil::http::Request &request, vigil::http::Responder responder);
    void applyFault(const FaultSpec &fault, const vigil::http::Request &request, vigil::http::Responder responder);

    const Clock *m_clock = nullptr;
    IdentityService *m_identity = nullptr;
    GraphApi *m_graph = nullptr;
    ControlApi *m_control = nullptr;
    FaultInjector m_faults;
    RequestThrottle m_throttle;
    QUrl m_baseUrl;
    quint64 m_requests = 0;
};

} // namespace graphsim
