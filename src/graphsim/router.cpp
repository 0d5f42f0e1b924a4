#include "router.h"

#include "clock.h"
#include "controlapi.h"
#include "graphapi.h"
#include "graphresponse.h"
#include "identityservice.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcRouter, "graphsim.router", QtInfoMsg)

namespace graphsim {

using vigil::http::Request;
using vigil::http::Responder;
using vigil::http::Response;

Router::Router(const Clock *clock, IdentityService *identity, GraphApi *graph, ControlApi *control, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_identity(identity)
    , m_graph(graph)
    , m_control(control)
{
}

void Router::handleRequest(const Request &request, Responder responder)
{
    ++m_requests;
    const QString path = request.path();
    if (ControlApi::handles(path)) {
        // The control API needs no token, so it only answers the machine itself.
        if (!request.peerAddress.isLoopback() && !request.peerAddress.isNull())
            return responder.send(graphresponse::error(403, QStringLiteral("Forbidden"),
                                                       QStringLiteral("The control API only answers loopback "
                                                                      "clients."),
                                                       request));
        return responder.send(m_control->handle(request));
    }
    if (auto fault = m_faults.take(request.method, path)) {
        if (fault->delayMs > 0) {
            QTimer::singleShot(fault->delayMs, this, [this, f = *fault, request, responder]() {
                applyFault(f, request, responder);
            });
            return;
        }
        return applyFault(*fault, request, responder);
    }
    dispatch(request, std::move(responder));
}

void Router::applyFault(const FaultSpec &fault, const Request &request, Responder responder)
{
    if (fault.drop) {
        qCDebug(lcRouter) << "fault: dropping" << request.path();
        return responder.abort();
    }
    if (fault.status == 0)
        return dispatch(request, std::move(responder));
    const double retryAfter = fault.retryAfterSeconds >= 0 ? fault.retryAfterSeconds : 1.0;
    if (fault.status == 429)
        return responder.send(graphresponse::tooManyRequests(retryAfter, request));
    QString code = QStringLiteral("generalException");
    QString message = QStringLiteral("General exception while processing.");
    switch (fault.status) {
    case 503: code = QStringLiteral("serviceNotAvailable"); message = QStringLiteral("Service unavailable."); break;
    case 504: code = QStringLiteral("UnknownError"); message = QStringLiteral("Gateway timeout."); break;
    case 502: code = QStringLiteral("UnknownError"); message = QStringLiteral("Bad gateway."); break;
    case 401: code = QStringLiteral("InvalidAuthenticationToken"); message = QStringLiteral("Access token has expired or is not yet valid."); break;
    case 403: code = QStringLiteral("Forbidden"); message = QStringLiteral("Access denied."); break;
    case 404: code = QStringLiteral("NotFound"); message = QStringLiteral("Not found."); break;
    default: break;
    }
    Response r = graphresponse::error(fault.status, code, message, request);
    if (fault.status == 503 || fault.retryAfterSeconds >= 0)
        r.setHeader("Retry-After", QByteArray::number(retryAfter, 'g', 6));
    responder.send(r);
}

void Router::dispatch(const Request &request, Responder responder)
{
    const QString path = request.path();
    if (GraphApi::handles(path)) {
        if (m_throttle.requestsPerMinute() > 0) {
            QString key = m_graph->clientIdOf(request);
            if (key.isEmpty())
                key = request.peerAddress.toString();
            if (const auto retryAfter = m_throttle.admit(key, m_clock->nowMs()))
                return responder.send(graphresponse::tooManyRequests(*retryAfter, request));
        }
        return m_graph->handleRequest(request, std::move(responder));
    }
    if (IdentityService::handles(path))
        return m_identity->handleRequest(request, std::move(responder));
    if (path == u"/" && (request.method == "GET" || request.method == "HEAD")) {
        const QString origin = graphresponse::origin(request, m_baseUrl);
        return responder.send(Response::json(200, QJsonObject{
            {QStringLiteral("service"), QStringLiteral("graphsim")},
            {QStringLiteral("graph"), QString(origin + QStringLiteral("/v1.0"))},
            {QStringLiteral("authority"), QString(origin + QStringLiteral("/organizations"))},
            {QStringLiteral("control"), QString(origin + QStringLiteral("/_sim/status"))},
        }));
    }
    responder.send(graphresponse::error(404, QStringLiteral("NotFound"),
                                        QStringLiteral("There is no endpoint at '%1'.").arg(path), request));
}

} // namespace graphsim
