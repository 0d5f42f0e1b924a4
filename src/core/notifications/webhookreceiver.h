#pragma once

#include "core/alerts/alert.h"
#include "core/commandline.h"
#include "core/notifications/notification.h"
#include "http/requesthandler.h"
#include "http/serverlimits.h"

#include <QHash>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <memory>
#include <optional>

namespace vigil::http {
class Server;
}

namespace vigil::core {

/// The embedded webhook receiver, on vigil_http (loopback by default, port 5000; HTTPS when a
/// certificate is configured). Three routes, all POST:
///  - /listen: Graph change notifications. A validation request (?validationToken=…) is answered
///    at once with 200, text/plain and the decoded token, nothing else. A notification is answered
///    202 at once and processed afterwards: only items whose clientState matches their
///    subscription's (compared in constant time) become notifications; the others are dropped and
///    logged without their clientState.
///  - /lifecycle: Graph lifecycle notifications (same checks), reported by lifecycleReceived().
///  - /push: automation posts one alerts_v2 alert or {"value":[…]}, authenticated by the per-install
///    secret in "Authorization: Bearer …"; 401 otherwise.
/// It knows HTTP and the payloads; what happens next (fetching alerts, renewing subscriptions) is
/// for NotificationCenter and SubscriptionManager.
class WebhookReceiver final : public QObject, public http::RequestHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookReceiver)

public:
    explicit WebhookReceiver(QObject *parent = nullptr);
    ~WebhookReceiver() override;

    /// The server's defaults, but room for 2,048 connections: Graph delivers in parallel, and a
    /// receiver behind a tunnel must keep serving while many idle or slow clients hold sockets
    /// (each held connection costs about 13 KB and is dropped at the header timeout).
    static http::ServerLimits defaultLimits();
    /// Limits of the HTTP server (request sizes, timeouts, connections); used from the next start().
    /// The connection cap is kept within the process's open-file limit, which start() raises if it can.
    void setLimits(const http::ServerLimits &limits);
    const http::ServerLimits &limits() const { return m_limits; }
    /// Serve HTTPS with this configuration (nullopt: plain HTTP); used from the next start().
    void setTlsConfiguration(std::optional<QSslConfiguration> configuration);
    /// Loads a PEM certificate and key for HTTPS. False and a sentence in errorString() on failure.
    bool setTlsFiles(const QString &certificateFile, const QString &keyFile);

    /// Starts listening (again). False with a sentence in errorString(), which names a port that
    /// is already in use as such.
    bool start(const ListenAddress &address);
    void stop();
    bool isListening() const;
    QString errorString() const { return m_error; }
    http::Server *server() const { return m_server.get(); }

    /// http(s)://HOST:PORT the receiver listens on.
    QUrl localUrl() const;
    /// The public base URL Graph reaches the receiver at (a tunnel); empty means localUrl().
    void setPublicUrl(const QUrl &url);
    QUrl publicBaseUrl() const;
    QUrl notificationUrl() const; ///< public base + /listen
    QUrl lifecycleUrl() const; ///< public base + /lifecycle
    QUrl pushUrl() const; ///< public base + /push

    /// The secret /push requires as a bearer token; empty refuses every push.
    void setPushSecret(const QString &secret);
    bool hasPushSecret() const { return !m_pushSecret.isEmpty(); }

    /// Notifications of `subscriptionId` must carry `clientState`.
    void setClientState(const QString &subscriptionId, const QString &clientState);
    void removeClientState(const QString &subscriptionId);
    /// A clientState of a subscription being created (its id is not known until Graph answers).
    void addPendingClientState(const QString &clientState);
    void removePendingClientState(const QString &clientState);

    /// Validation requests answered since the start (to tell "Graph never reached us" apart).
    int validationCount() const { return m_validations; }
    /// Items dropped because of their clientState since the start.
    int rejectedCount() const { return m_rejected; }

    void handleRequest(const http::Request &request, http::Responder responder) override;

Q_SIGNALS:
    /// A Graph change notification that passed the clientState check (feed Graph).
    void notificationReceived(const vigil::core::Notification &notification);
    /// A lifecycle notification that passed the clientState check.
    void lifecycleReceived(const QString &subscriptionId, vigil::core::Notification::Change event);
    /// Alerts posted to /push with the right secret.
    void alertsPushed(const QList<vigil::core::Alert> &alerts);
    /// A validation request was answered (path: "/listen" or "/lifecycle").
    void validationAnswered(const QString &path);
    /// An item was dropped (wrong clientState, malformed); `reason` holds no secret.
    void itemRejected(const QString &reason);
    void listeningChanged(bool listening);

private:
    enum class Route { Listen, Lifecycle };
    struct Pending
    {
        Route route;
        QByteArray body;
    };

    void handleGraph(Route route, const http::Request &request, http::Responder &responder);
    void handlePush(const http::Request &request, http::Responder &responder);
    void processPending();
    void processGraphBody(Route route, const QByteArray &body);
    bool clientStateMatches(const QString &subscriptionId, const QString &clientState) const;

    std::unique_ptr<http::Server> m_server;
    http::ServerLimits m_limits = defaultLimits();
    std::optional<QSslConfiguration> m_tls;
    QString m_error;
    QUrl m_publicUrl;
    QString m_pushSecret;
    QHash<QString, QByteArray> m_clientStates; ///< subscription id → clientState (UTF-8)
    QList<QByteArray> m_pendingStates;
    QList<Pending> m_pending;
    bool m_processScheduled = false;
    int m_validations = 0;
    int m_rejected = 0;
};

} // namespace vigil::core
