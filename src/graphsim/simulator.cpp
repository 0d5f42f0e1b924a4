#include "simulator.h"

#include "activitygenerator.h"
#include "alertsapi.h"
#include "alertserializer.h"
#include "clock.h"
#include "controlapi.h"
#include "dataset.h"
#include "graphapi.h"
#include "identityservice.h"
#include "jsonwriter.h"
#include "legacyalertsapi.h"
#include "notificationsender.h"
#include "router.h"
#include "subscriptionservice.h"
#include "tokenservice.h"

#include "http/server.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcSimulator, "graphsim.simulator", QtInfoMsg)

namespace graphsim {

Simulator::Simulator(SimulatorOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_clock(new Clock(this))
    , m_dataset(std::make_unique<Dataset>())
    , m_tokens(std::make_unique<TokenService>())
{
    m_clock->reset(m_options.startTime.value_or(QDateTime()));
    QElapsedTimer timer;
    timer.start();
    m_dataset->generate(m_options.seed, m_options.alerts, m_options.legacyAlerts, ticksFromMs(m_clock->nowMs()));
    qCInfo(lcSimulator) << "generated" << m_dataset->alertCount() << "alerts," << m_dataset->incidentCount()
                        << "incidents and" << m_dataset->legacyCount() << "legacy alerts in" << timer.elapsed() << "ms";
    m_serializer = std::make_unique<AlertSerializer>(m_dataset.get());
    m_alerts = std::make_unique<AlertsApi>(m_dataset.get(), m_clock, m_serializer.get());
    m_alerts->setMaxPageSize(m_options.maxPageSize);
    m_legacy = std::make_unique<LegacyAlertsApi>(m_dataset.get(), m_clock);
    m_sender = new NotificationSender(this);
    m_sender->setTimeScale(m_options.deliveryTimeScale);
    m_sender->setValidationTimeout(m_options.validationTimeoutMs);
    m_sender->setCaCertificates(m_options.notificationCaCertificates);
    m_subscriptions = new SubscriptionService(m_dataset.get(), m_clock, m_legacy.get(), m_sender, this);
    m_subscriptions->setAllowHttp(m_options.allowHttpNotifications);
    m_legacy->setChangeHandler([this](int index, const QString &changeType) { legacyChanged(index, changeType); });
    m_identity = new IdentityService(m_dataset.get(), m_clock, m_tokens.get(), this);
    m_identity->setTokenLifetime(m_options.tokenLifetimeSeconds);
    m_graph = new GraphApi(m_dataset.get(), m_clock, m_tokens.get(), m_alerts.get(), m_legacy.get(), m_subscriptions,
                           this);
    m_control = std::make_unique<ControlApi>(this);
    m_router = new Router(m_clock, m_identity, m_graph, m_control.get(), this);
    m_router->throttle().setRequestsPerMinute(m_options.throttleRpm);
    m_activity = new ActivityGenerator(this, m_options.seed, this);

    connect(m_graph, &GraphApi::mailSent, this, &Simulator::mailSent);
    connect(m_sender, &NotificationSender::deliveryFinished, this, &Simulator::deliveryFinished);
    m_lifecycleTimer = new QTimer(this);
    m_lifecycleTimer->setInterval(1000);
    connect(m_lifecycleTimer, &QTimer::timeout, m_subscriptions, &SubscriptionService::checkLifecycle);
    connect(m_clock, &Clock::advanced, m_subscriptions, &SubscriptionService::checkLifecycle);
}

Simulator::~Simulator()
{
    stop();
}

bool Simulator::start()
{
    if (m_server && m_server->isListening())
        return true;
    m_server = new vigil::http::Server(m_router, this);
    vigil::http::ServerLimits limits;
    limits.maxConnections = 256;
    limits.maxRequestsPerConnection = 100'000;
    limits.idleTimeout = std::chrono::milliseconds(60'000);
    m_server->setLimits(limits);
    if (m_options.tls)
        m_server->setTlsConfiguration(*m_options.tls);
    if (!m_server->listen(m_options.host, m_options.port)) {
        m_error = tr("Cannot listen on %1:%2: %3").arg(m_options.host.toString()).arg(m_options.port)
                      .arg(m_server->errorString());
        delete m_server;
        m_server = nullptr;
        return false;
    }
    m_identity->setFallbackBaseUrl(baseUrl());
    m_graph->setFallbackBaseUrl(baseUrl());
    m_router->setFallbackBaseUrl(baseUrl());
    m_lifecycleTimer->start();
    if (m_options.activitySeconds > 0)
        m_activity->setInterval(m_options.activitySeconds);
    qCInfo(lcSimulator) << "serving tenant" << m_dataset->tenantId() << "at" << baseUrl().toString();
    return true;
}

void Simulator::stop()
{
    if (m_activity)
        m_activity->setInterval(0);
    if (m_lifecycleTimer)
        m_lifecycleTimer->stop();
    if (m_sender)
        m_sender->cancelAll();
    if (m_server) {
        m_server->close();
        delete m_server;
        m_server = nullptr;
    }
}

QUrl Simulator::baseUrl() const
{
    return m_server ? m_server->baseUrl() : QUrl();
}

QUrl Simulator::graphUrl() const
{
    QUrl url = baseUrl();
    url.setPath(QStringLiteral("/v1.0"));
    return url;
}

QUrl Simulator::authorityUrl() const
{
    QUrl url = baseUrl();
    url.setPath(u'/' + tenantId());
    return url;
}

QString Simulator::tenantId() const
{
    return m_dataset->tenantId();
}

QList<SimUser> Simulator::users() const
{
    return m_dataset->users();
}

vigil::http::RequestHandler *Simulator::handler() const
{
    return m_router;
}

void Simulator::advanceClock(qint64 seconds)
{
    m_clock->advance(seconds * 1000);
}

bool Simulator::setAutoApproveUser(const QString &user)
{
    if (user.isEmpty()) {
        m_identity->setAutoApproveUser({});
        return true;
    }
    const SimUser *u = m_dataset->findUser(user);
    if (!u)
        return false;
    m_identity->setAutoApproveUser(u->id);
    return true;
}

QJsonArray Simulator::outbox() const { return m_graph->outbox(); }
void Simulator::clearOutbox() { m_graph->clearOutbox(); }
QJsonArray Simulator::deliveryLog() const { return m_sender->log(); }
void Simulator::clearDeliveryLog() { m_sender->clearLog(); }
void Simulator::setDeliveryTimeScale(double scale) { m_sender->setTimeScale(scale); }
void Simulator::setThrottleRpm(int rpm) { m_router->throttle().setRequestsPerMinute(rpm); }
int Simulator::addFault(const FaultSpec &fault) { return m_router->faults().add(fault); }
void Simulator::clearFaults() { m_router->faults().clear(); }
QList<FaultSpec> Simulator::faults() const { return m_router->faults().faults(); }
QList<QJsonObject> Simulator::subscriptions() const { return m_subscriptions->all(); }

bool Simulator::sendLifecycleNotification(const QString &subscriptionId, const QString &event)
{
    return m_subscriptions->sendLifecycle(subscriptionId, event);
}

void Simulator::reset(std::optional<quint64> seed, std::optional<int> alerts, std::optional<int> legacyAlerts)
{
    if (seed)
        m_options.seed = *seed;
    if (alerts)
        m_options.alerts = *alerts;
    if (legacyAlerts)
        m_options.legacyAlerts = *legacyAlerts;
    m_sender->cancelAll();
    m_sender->clearLog();
    m_subscriptions->reset();
    m_identity->reset();
    m_graph->clearOutbox();
    m_router->faults().clear();
    m_router->throttle().clear();
    m_dataset->generate(m_options.seed, m_options.alerts, m_options.legacyAlerts, ticksFromMs(m_clock->nowMs()));
    m_serializer->rebuild();
    m_activity->reseed(m_options.seed);
    qCInfo(lcSimulator) << "reset with seed" << m_options.seed;
}

int Simulator::alertCount() const { return m_dataset->alertCount(); }
int Simulator::incidentCount() const { return m_dataset->incidentCount(); }
int Simulator::legacyAlertCount() const { return m_dataset->legacyCount(); }

QJsonObject Simulator::alert(const QString &id) const
{
    const int index = m_dataset->findAlert(id);
    if (index < 0)
        return {};
    JsonWriter w;
    m_serializer->writeAlert(w, index, true);
    return QJsonDocument::fromJson(w.take()).object();
}

QJsonObject Simulator::legacyAlert(const QString &id) const
{
    const int index = m_dataset->findLegacy(id);
    return index < 0 ? QJsonObject() : m_legacy->alertJson(index);
}

QString Simulator::alertIdAt(int position) const
{
    const int index = m_dataset->alertCount() - 1 - position;
    return index < 0 || position < 0 ? QString() : QString::fromLatin1(m_dataset->alertId(index));
}

QString Simulator::legacyAlertIdAt(int position) const
{
    const int index = m_dataset->legacyCount() - 1 - position;
    return index < 0 || position < 0 ? QString() : m_dataset->legacy(index).id;
}

void Simulator::legacyChanged(int index, const QString &changeType)
{
    m_subscriptions->legacyAlertChanged(index, changeType);
    Q_EMIT legacyAlertChanged(m_dataset->legacy(index).id, changeType);
}

void Simulator::setActivityInterval(int seconds)
{
    m_activity->setInterval(seconds);
}

void Simulator::activityTick()
{
    m_activity->tick();
}

} // namespace graphsim
