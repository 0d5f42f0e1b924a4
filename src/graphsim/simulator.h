#pragma once

#include "faultinjector.h"
#include "simulatoroptions.h"
#include "simuser.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <memory>

class QTimer;

namespace vigil::http {
class RequestHandler;
class Server;
} // namespace vigil::http

namespace graphsim {

class ActivityGenerator;
class AlertSerializer;
class AlertsApi;
class Clock;
class ControlApi;
class Dataset;
class GraphApi;
class IdentityService;
class LegacyAlertsApi;
class NotificationSender;
class Router;
class SubscriptionService;
class TokenService;

/// A simulated Microsoft identity platform + Microsoft Graph tenant on 127.0.0.1: owns the HTTP
/// server, the data, identity, subscriptions, notification delivery and the activity generator.
/// Authority = baseUrl() (tenant path segment after it), Graph = baseUrl() + "/v1.0".
class Simulator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Simulator)

public:
    explicit Simulator(SimulatorOptions options, QObject *parent = nullptr);
    ~Simulator() override;

    /// Generates the data and starts listening. False + errorString() on failure.
    bool start();
    void stop();
    QString errorString() const { return m_error; }

    QUrl baseUrl() const;                       ///< http(s)://127.0.0.1:PORT
    QUrl graphUrl() const;                      ///< baseUrl + /v1.0
    QUrl authorityUrl() const;                  ///< baseUrl + /{tenantId}
    QString tenantId() const;
    QList<SimUser> users() const;
    const SimulatorOptions &options() const { return m_options; }

    /// The request handler behind the socket, for socket-less tests.
    vigil::http::RequestHandler *handler() const;

    // --- test and demo control (the /_sim/ API calls these) ---
    Clock *clock() const { return m_clock; }
    void advanceClock(qint64 seconds);
    /// Approve sign-ins for this account (id, UPN or display name) without a page; empty = off.
    bool setAutoApproveUser(const QString &user);
    QJsonArray outbox() const;
    void clearOutbox();
    QJsonArray deliveryLog() const;
    void clearDeliveryLog();
    void setDeliveryTimeScale(double scale);
    void setThrottleRpm(int rpm);
    int addFault(const FaultSpec &fault);
    void clearFaults();
    QList<FaultSpec> faults() const;
    QList<QJsonObject> subscriptions() const;
    bool sendLifecycleNotification(const QString &subscriptionId, const QString &event);
    /// Regenerates the data (same options unless given) and forgets tokens, subscriptions, faults,
    /// the outbox and the delivery log.
    void reset(std::optional<quint64> seed = {}, std::optional<int> alerts = {}, std::optional<int> legacyAlerts = {});

    int alertCount() const;
    int incidentCount() const;
    int legacyAlertCount() const;
    /// The alert as GET would return it (without @odata.context), or an empty object.
    QJsonObject alert(const QString &id) const;
    QJsonObject legacyAlert(const QString &id) const;
    QString alertIdAt(int newestFirstPosition) const;
    QString legacyAlertIdAt(int newestFirstPosition) const;
    /// Creates an alerts_v2 alert (fields: title, description, severity, status, serviceSource,
    /// classification, determination, assignedTo, incidentId). Returns its id or empty + error.
    QString createAlert(const QJsonObject &fields, QString *error = nullptr);
    bool updateAlert(const QString &id, const QJsonObject &fields, QString *error = nullptr);
    /// Creates a legacy alert (fields: provider, severity, status, assignedTo, tags); notifies
    /// matching subscriptions ("created").
    QString createLegacyAlert(const QJsonObject &fields, QString *error = nullptr);
    bool updateLegacyAlert(const QString &id, const QJsonObject &fields, QString *error = nullptr);

    void setActivityInterval(int seconds);
    /// One step of the activity generator, now.
    void activityTick();

Q_SIGNALS:
    void mailSent(const QJsonObject &message);
    void deliveryFinished(const QJsonObject &entry);
    void alertChanged(const QString &id);
    void legacyAlertChanged(const QString &id, const QString &changeType);

private:
    void legacyChanged(int index, const QString &changeType);

    SimulatorOptions m_options;
    QString m_error;
    Clock *m_clock = nullptr;
    std::unique_ptr<Dataset> m_dataset;
    std::unique_ptr<TokenService> m_tokens;
    std::unique_ptr<AlertSerializer> m_serializer;
    std::unique_ptr<AlertsApi> m_alerts;
    std::unique_ptr<LegacyAlertsApi> m_legacy;
    std::unique_ptr<ControlApi> m_control;
    NotificationSender *m_sender = nullptr;
    SubscriptionService *m_subscriptions = nullptr;
    IdentityService *m_identity = nullptr;
    GraphApi *m_graph = nullptr;
    Router *m_router = nullptr;
    ActivityGenerator *m_activity = nullptr;
    vigil::http::Server *m_server = nullptr;
    QTimer *m_lifecycleTimer = nullptr;
    bool m_generated = false;
};

} // namespace graphsim
