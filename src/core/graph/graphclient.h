#pragma once

#include "core/graph/grapherror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include <qcoro/qcorotask.h>

#include <chrono>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace vigil::core {

class SignInFlow;

struct GraphRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QUrl url{};
    QByteArray body{};                                   ///< JSON, sent with Content-Type application/json
    QList<std::pair<QByteArray, QByteArray>> headers{};  ///< extra headers, e.g. Prefer
};

struct GraphResponse
{
    int status = 0;
    QByteArray body{};
    QList<std::pair<QByteArray, QByteArray>> headers{};
    std::optional<GraphError> error{};

    bool ok() const { return !error.has_value(); }
    QJsonObject json() const;
    QByteArray header(QByteArrayView name) const;
};

/// One line of the request inspector. Holds no token and no body.
struct RequestRecord
{
    QDateTime started{};
    QByteArray method{};
    QString url{};
    int status = 0;            ///< 0 when no HTTP answer came
    qint64 latencyMs = 0;
    QString requestId{};
    QString clientRequestId{};
    int attempt = 1;
    QString note{};              ///< "throttled, retrying in 2.1 s", "token refreshed", …
};

/// Cancels the requests it was handed to (copyable; all copies share the state).
class CancelToken
{
public:
    CancelToken() : m_state(std::make_shared<State>()) {}
    void cancel();
    bool isCancelled() const { return m_state->cancelled; }

private:
    friend class GraphClient;
    struct State
    {
        bool cancelled = false;
        QPointer<QNetworkReply> reply;
    };
    std::shared_ptr<State> m_state;
};

/// Talks to Microsoft Graph: bearer token from the sign-in flow, a client-request-id on every
/// request, one refresh-and-retry on 401, waits and retries on 429/503/504 honouring Retry-After
/// (fractional seconds; exponential backoff without it), errors as values. Tokens are only ever
/// sent to the configured service root.
class GraphClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GraphClient)

public:
    GraphClient(QNetworkAccessManager *network, SignInFlow *signIn, QObject *parent = nullptr);
    ~GraphClient() override;

    /// The Graph host, e.g. https://graph.microsoft.com; requests go to <root>/v1.0/….
    void setServiceRoot(const QUrl &graphUrl);
    QUrl serviceRoot() const { return m_root; }
    /// <root>/v1.0/<path>?<query>; `path` segments are percent-encoded, never concatenated raw.
    QUrl endpoint(const QStringList &pathSegments, const QUrlQuery &query = {}) const;
    /// True for URLs Vigil may send its token to (same scheme, host and port as the service root).
    bool isTrusted(const QUrl &url) const;

    void setMaxRetries(int retries) { m_maxRetries = retries; }
    /// Longest single wait for a Retry-After (longer answers fail instead of freezing the user).
    void setMaxRetryWait(std::chrono::milliseconds wait) { m_maxRetryWait = wait; }

    QCoro::Task<GraphResponse> send(GraphRequest request, CancelToken cancel = {});
    QCoro::Task<GraphResponse> get(QUrl url, CancelToken cancel = {});
    QCoro::Task<GraphResponse> patch(QUrl url, QJsonObject body, QList<std::pair<QByteArray, QByteArray>> headers = {});
    QCoro::Task<GraphResponse> post(QUrl url, QJsonObject body);

Q_SIGNALS:
    void requestFinished(const vigil::core::RequestRecord &record);
    /// A request will be retried after `seconds` (throttling or a transient server error).
    void retryScheduled(double seconds, int status);

private:
    QCoro::Task<bool> refreshToken();

    QNetworkAccessManager *m_network = nullptr;
    SignInFlow *m_signIn = nullptr;
    QUrl m_root;
    int m_maxRetries = 4;
    std::chrono::milliseconds m_maxRetryWait{120'000};
};

} // namespace vigil::core
