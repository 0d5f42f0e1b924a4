#include "webhookreceiver.h"

#include "core/alerts/alertparser.h"
#include "core/notifications/secret.h"
#include "http/server.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTcpServer>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

Q_LOGGING_CATEGORY(lcWebhookReceiver, "vigil.core.notifications.receiver", QtInfoMsg)

namespace vigil::core {

namespace {

http::Response jsonError(int status, const QString &message)
{
    QJsonObject error { { QStringLiteral("code"), QString::fromLatin1(http::reasonPhrase(status)) },
                        { QStringLiteral("message"), message } };
    return http::Response::json(status, QJsonObject { { QStringLiteral("error"), error } });
}

/// The decoded validationToken of a request, as web frameworks decode queries ('+' is a space).
std::optional<QString> validationToken(const http::Request &request)
{
    const QByteArray query = request.rawQuery();
    if (!query.contains("validationToken"))
        return std::nullopt;
    for (const auto &[key, value] : http::parseFormUrlEncoded(query)) {
        if (key == u"validationToken")
            return value;
    }
    return std::nullopt;
}

/// Cheap shape check before answering 202: a JSON object (parsed for real afterwards).
bool looksLikeJsonObject(const QByteArray &body)
{
    for (const char c : body) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        return c == '{';
    }
    return false;
}

QString alertIdOf(const QJsonObject &item)
{
    const QString fromData = item.value(QLatin1String("resourceData")).toObject().value(QLatin1String("id")).toString();
    if (!fromData.isEmpty())
        return fromData;
    // "security/alerts/{id}", or the bare id as in Graph's Event Grid sample.
    const QString resource = item.value(QLatin1String("resource")).toString();
    const qsizetype slash = resource.lastIndexOf(u'/');
    return slash < 0 ? resource : resource.mid(slash + 1);
}

/// Descriptors kept free for everything else the process opens (WebEngine, the store, Graph requests).
constexpr int kReservedDescriptors = 256;

/// The limits with the connection cap the process can honour: every connection is a descriptor.
/// Raises the soft open-file limit towards the hard one when the cap needs it (many systems start
/// processes with 1,024), and lowers the cap when even that is not enough.
http::ServerLimits withinDescriptorLimit(http::ServerLimits limits)
{
#ifdef Q_OS_UNIX
    rlimit files {};
    if (::getrlimit(RLIMIT_NOFILE, &files) != 0)
        return limits;
    const rlim_t wanted = rlim_t(limits.maxConnections) + kReservedDescriptors;
    if (files.rlim_cur != RLIM_INFINITY && files.rlim_cur < wanted) {
        rlimit raised = files;
        raised.rlim_cur = files.rlim_max == RLIM_INFINITY ? wanted : qMin(wanted, files.rlim_max);
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0)
            files = raised;
    }
    if (files.rlim_cur != RLIM_INFINITY && files.rlim_cur < wanted) {
        const int cap = qMax(16, int(files.rlim_cur) - kReservedDescriptors);
        qCInfo(lcWebhookReceiver) << "open-file limit" << quint64(files.rlim_cur) << "allows" << cap
                                  << "receiver connections instead of" << limits.maxConnections;
        limits.maxConnections = cap;
    }
#endif
    return limits;
}

} // namespace

http::ServerLimits WebhookReceiver::defaultLimits()
{
    http::ServerLimits limits;
    limits.maxConnections = 2048;
    return limits;
}

WebhookReceiver::WebhookReceiver(QObject *parent)
    : QObject(parent)
{ }

WebhookReceiver::~WebhookReceiver()
{
    // The server refers to this handler; it goes first.
    m_server.reset();
}

void WebhookReceiver::setLimits(const http::ServerLimits &limits)
{
    m_limits = limits;
    if (m_server)
        m_server->setLimits(withinDescriptorLimit(limits));
}

void WebhookReceiver::setTlsConfiguration(std::optional<QSslConfiguration> configuration)
{
    m_tls = std::move(configuration);
}

bool WebhookReceiver::setTlsFiles(const QString &certificateFile, const QString &keyFile)
{
    QString error;
    auto configuration = http::loadTlsConfiguration(certificateFile, keyFile, &error);
    if (!configuration) {
        m_error = error;
        return false;
    }
    m_tls = std::move(configuration);
    return true;
}

bool WebhookReceiver::start(const ListenAddress &address)
{
    const bool wasListening = isListening();
    m_server.reset();
    m_server = std::make_unique<http::Server>(this);
    m_server->setLimits(withinDescriptorLimit(m_limits));
    if (m_tls)
        m_server->setTlsConfiguration(*m_tls);
    if (!m_server->listen(address.host, address.port)) {
        const QString detail = m_server->errorString();
        m_server.reset();
        // Tell "someone else has this port" apart from other failures: Graph notifications would
        // silently never arrive otherwise.
        QTcpServer probe;
        if (address.port != 0 && !probe.listen(address.host, address.port)
            && probe.serverError() == QAbstractSocket::AddressInUseError) {
            m_error = tr("The webhook receiver cannot listen on %1: the port is already in use by another program. "
                         "Choose another port in Settings → Notifications, or start Vigil with --listen 127.0.0.1:0 "
                         "for any free port.")
                          .arg(address.toString());
        } else {
            m_error = tr("The webhook receiver cannot listen on %1: %2").arg(address.toString(), detail);
        }
        qCWarning(lcWebhookReceiver).noquote() << m_error;
        if (wasListening)
            Q_EMIT listeningChanged(false);
        return false;
    }
    m_error.clear();
    qCInfo(lcWebhookReceiver).noquote() << "webhook receiver listening on" << localUrl().toString();
    Q_EMIT listeningChanged(true);
    return true;
}

void WebhookReceiver::stop()
{
    const bool wasListening = isListening();
    m_server.reset();
    if (wasListening)
        Q_EMIT listeningChanged(false);
}

bool WebhookReceiver::isListening() const
{
    return m_server && m_server->isListening();
}

QUrl WebhookReceiver::localUrl() const
{
    return m_server ? m_server->baseUrl() : QUrl();
}

void WebhookReceiver::setPublicUrl(const QUrl &url)
{
    m_publicUrl = url.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

QUrl WebhookReceiver::publicBaseUrl() const
{
    return m_publicUrl.isEmpty() ? localUrl() : m_publicUrl;
}

namespace {
QUrl withPath(QUrl base, const QString &path)
{
    if (base.isEmpty())
        return {};
    QString basePath = base.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    base.setPath(basePath + path);
    return base;
}
} // namespace

QUrl WebhookReceiver::notificationUrl() const
{
    return withPath(publicBaseUrl(), QStringLiteral("/listen"));
}

QUrl WebhookReceiver::lifecycleUrl() const
{
    return withPath(publicBaseUrl(), QStringLiteral("/lifecycle"));
}

QUrl WebhookReceiver::pushUrl() const
{
    return withPath(publicBaseUrl(), QStringLiteral("/push"));
}

void WebhookReceiver::setPushSecret(const QString &secret)
{
    m_pushSecret = secret;
}

void WebhookReceiver::setClientState(const QString &subscriptionId, const QString &clientState)
{
    m_clientStates.insert(subscriptionId, clientState.toUtf8());
}

void WebhookReceiver::removeClientState(const QString &subscriptionId)
{
    m_clientStates.remove(subscriptionId);
}

void WebhookReceiver::addPendingClientState(const QString &clientState)
{
    m_pendingStates.append(clientState.toUtf8());
}

void WebhookReceiver::removePendingClientState(const QString &clientState)
{
    m_pendingStates.removeOne(clientState.toUtf8());
}

bool WebhookReceiver::clientStateMatches(const QString &subscriptionId, const QString &clientState) const
{
    const QByteArray given = clientState.toUtf8();
    const auto it = m_clientStates.constFind(subscriptionId);
    if (it != m_clientStates.constEnd())
        return !it->isEmpty() && constantTimeEquals(*it, given);
    // A subscription whose creation has not been answered yet: its notifications can arrive first.
    bool match = false;
    for (const QByteArray &pending : m_pendingStates)
        match |= constantTimeEquals(pending, given);
    return match && !given.isEmpty();
}

void WebhookReceiver::handleRequest(const http::Request &request, http::Responder responder)
{
    const QString path = request.path();
    Route route = Route::Listen;
    if (path == u"/listen")
        route = Route::Listen;
    else if (path == u"/lifecycle")
        route = Route::Lifecycle;
    else if (path == u"/push") {
        if (request.method != "POST")
            return responder.send(http::Response::empty(405).setHeader("Allow", "POST"));
        return handlePush(request, responder);
    } else if (path == u"/" && (request.method == "GET" || request.method == "HEAD")) {
        // Lets a user check a tunnel with a browser or curl.
        return responder.send(http::Response::text(200, "Vigil webhook receiver\n"));
    } else {
        return responder.send(http::Response::text(404, "Not found\n"));
    }
    if (request.method != "POST")
        return responder.send(http::Response::empty(405).setHeader("Allow", "POST"));
    handleGraph(route, request, responder);
}

void WebhookReceiver::handleGraph(Route route, const http::Request &request, http::Responder &responder)
{
    if (const auto token = validationToken(request)) {
        // The handshake: the decoded token as plain text, and nothing else.
        ++m_validations;
        http::Response response = http::Response::text(200, token->toUtf8(), "text/plain; charset=utf-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        responder.send(std::move(response));
        qCInfo(lcWebhookReceiver) << "validation request answered on" << request.path();
        Q_EMIT validationAnswered(request.path());
        return;
    }
    if (!looksLikeJsonObject(request.body))
        return responder.send(jsonError(400, tr("Expected a JSON change notification collection.")));
    // 202 first (Graph counts a delivery as failed after 3 s), then the work.
    responder.send(http::Response::empty(202));
    m_pending.append({ route, request.body });
    if (!m_processScheduled) {
        m_processScheduled = true;
        QMetaObject::invokeMethod(this, &WebhookReceiver::processPending, Qt::QueuedConnection);
    }
}

void WebhookReceiver::processPending()
{
    m_processScheduled = false;
    const QList<Pending> batch = std::exchange(m_pending, {});
    for (const Pending &p : batch)
        processGraphBody(p.route, p.body);
}

void WebhookReceiver::processGraphBody(Route route, const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonArray items = document.object().value(QLatin1String("value")).toArray();
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        qCWarning(lcWebhookReceiver) << "malformed notification body dropped:" << parseError.errorString();
        Q_EMIT itemRejected(tr("A notification that is not valid JSON was dropped."));
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QJsonValue &value : items) {
        const QJsonObject item = value.toObject();
        const QString subscriptionId = item.value(QLatin1String("subscriptionId")).toString();
        const QString clientState = item.value(QLatin1String("clientState")).toString();
        if (!clientStateMatches(subscriptionId, clientState)) {
            ++m_rejected;
            // Never log or echo the clientState itself.
            qCWarning(lcWebhookReceiver).noquote()
                << "notification for subscription" << subscriptionId << "dropped: its clientState does not match";
            Q_EMIT itemRejected(tr("A notification for subscription %1 was dropped: its clientState does not match.")
                                    .arg(subscriptionId));
            continue;
        }
        const QString lifecycleEvent = item.value(QLatin1String("lifecycleEvent")).toString();
        if (!lifecycleEvent.isEmpty() || route == Route::Lifecycle) {
            const auto event = Notification::changeFromWire(lifecycleEvent);
            if (!event || !Notification::isLifecycleChange(*event)) {
                qCWarning(lcWebhookReceiver) << "unknown lifecycle event dropped:" << lifecycleEvent.left(64);
                continue;
            }
            Q_EMIT lifecycleReceived(subscriptionId, *event);
            continue;
        }
        const auto change = Notification::changeFromWire(item.value(QLatin1String("changeType")).toString());
        if (!change) {
            qCWarning(lcWebhookReceiver) << "notification with an unknown changeType dropped";
            continue;
        }
        Notification n;
        n.receivedMs = now;
        n.feed = Notification::Feed::Graph;
        n.change = *change;
        n.api = AlertApi::Legacy;
        n.alertId = alertIdOf(item);
        n.resource = item.value(QLatin1String("resource")).toString();
        n.subscriptionId = subscriptionId;
        Q_EMIT notificationReceived(n);
    }
}

void WebhookReceiver::handlePush(const http::Request &request, http::Responder &responder)
{
    static const QByteArray bearer = QByteArrayLiteral("Bearer ");
    const QByteArray authorization = request.header("Authorization");
    const bool authorized = !m_pushSecret.isEmpty() && authorization.size() > bearer.size()
        && QByteArrayView(authorization).first(bearer.size()).compare(bearer, Qt::CaseInsensitive) == 0
        && constantTimeEquals(QByteArrayView(authorization).sliced(bearer.size()).trimmed(), m_pushSecret.toUtf8());
    if (!authorized) {
        qCWarning(lcWebhookReceiver) << "push refused from" << request.peerAddress.toString()
                                     << ": wrong or missing secret";
        http::Response response = jsonError(401, tr("A valid push secret is required (Authorization: Bearer …)."));
        response.setHeader("WWW-Authenticate", "Bearer realm=\"vigil\"");
        return responder.send(std::move(response));
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return responder.send(jsonError(400, tr("The body must be one alerts_v2 alert or {\"value\":[…]}.")));
    QList<QByteArray> elements;
    const QJsonObject root = document.object();
    if (root.contains(QLatin1String("value"))) {
        const QJsonValue value = root.value(QLatin1String("value"));
        if (!value.isArray())
            return responder.send(jsonError(400, tr("\"value\" must be an array of alerts.")));
        for (const QJsonValue &element : value.toArray()) {
            if (!element.isObject())
                return responder.send(jsonError(400, tr("Every element of \"value\" must be an alert object.")));
            elements.append(QJsonDocument(element.toObject()).toJson(QJsonDocument::Compact));
        }
    } else {
        elements.append(request.body);
    }
    AlertParser parser(AlertApi::V2);
    QList<Alert> alerts;
    for (const QByteArray &element : std::as_const(elements)) {
        std::optional<Alert> alert = parser.parseAlert(element);
        if (!alert)
            return responder.send(jsonError(400, tr("Every alert needs at least an \"id\".")));
        alerts.append(std::move(*alert));
    }
    responder.send(http::Response::json(202, QJsonObject { { QStringLiteral("accepted"), int(alerts.size()) } }));
    if (!alerts.isEmpty())
        Q_EMIT alertsPushed(alerts);
}

} // namespace vigil::core
