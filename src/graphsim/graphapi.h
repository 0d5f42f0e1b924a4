#pragma once

#include "http/requesthandler.h"

#include <QJsonArray>
#include <QObject>
#include <QUrl>

namespace graphsim {

class AlertsApi;
class Clock;
class Dataset;
class LegacyAlertsApi;
class SubscriptionService;
class TokenService;
struct GraphCall;

/// Microsoft Graph under `/v1.0/` (and `/beta/`): bearer-token check (401
/// InvalidAuthenticationToken), `me`, `me/sendMail` (and `users/{id|upn}/sendMail`, kept in an
/// outbox), and dispatch to the security and subscription handlers.
class GraphApi final : public QObject, public vigil::http::RequestHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GraphApi)

public:
    GraphApi(Dataset *dataset, const Clock *clock, const TokenService *tokens, AlertsApi *alerts,
             LegacyAlertsApi *legacy, SubscriptionService *subscriptions, QObject *parent = nullptr);

    static bool handles(const QString &path);
    void handleRequest(const vigil::http::Request &request, vigil::http::Responder responder) override;

    void setFallbackBaseUrl(const QUrl &url) { m_baseUrl = url; }
    /// The client id (appid claim) of a request's token, or empty; used for per-app throttling.
    QString clientIdOf(const vigil::http::Request &request) const;

    QJsonArray outbox() const { return m_outbox; }
    void clearOutbox() { m_outbox = {}; }

Q_SIGNALS:
    void mailSent(const QJsonObject &message);

private:
    vigil::http::Response me(const GraphCall &call);
    vigil::http::Response sendMail(const GraphCall &call, const QString &userKey);

    Dataset *m_dataset = nullptr;
    const Clock *m_clock = nullptr;
    const TokenService *m_tokens = nullptr;
    AlertsApi *m_alerts = nullptr;
    LegacyAlertsApi *m_legacy = nullptr;
    SubscriptionService *m_subscriptions = nullptr;
    QUrl m_baseUrl;
    QJsonArray m_outbox;
};

} // namespace graphsim
