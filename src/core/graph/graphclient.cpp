#include "graphclient.h"

#include "core/auth/signinflow.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUuid>

#include <qcoro/qcoronetworkreply.h>
#include <qcoro/qcorosignal.h>
#include <qcoro/qcorotimer.h>

#include <cmath>

Q_LOGGING_CATEGORY(lcGraphClient, "vigil.core.graph", QtInfoMsg)

namespace vigil::core {

QJsonObject GraphResponse::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray GraphResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

void CancelToken::cancel()
{
    m_state->cancelled = true;
    if (m_state->reply)
        m_state->reply->abort();
}

GraphClient::GraphClient(QNetworkAccessManager *network, SignInFlow *signIn, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_signIn(signIn)
    , m_root(QStringLiteral("https://graph.microsoft.com"))
{
}

GraphClient::~GraphClient() = default;

void GraphClient::setServiceRoot(const QUrl &graphUrl)
{
    m_root = graphUrl.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

QUrl GraphClient::endpoint(const QStringList &pathSegments, const QUrlQuery &query) const
{
    QUrl url = m_root;
    QString path = url.path(QUrl::FullyEncoded) + QStringLiteral("/v1.0");
    for (const QString &segment : pathSegments)
        path += QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(segment));
    url.setPath(path, QUrl::StrictMode);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

bool GraphClient::isTrusted(const QUrl &url) const
{
    return url.scheme() == m_root.scheme() && url.host().compare(m_root.host(), Qt::CaseInsensitive) == 0
        && url.port(url.scheme() == QLatin1String("https") ? 443 : 80)
               == m_root.port(m_root.scheme() == QLatin1String("https") ? 443 : 80);
}

QCoro::Task<bool> GraphClient::refreshToken()
{
    if (m_signIn->refreshToken().isEmpty())
        co_return false;
    if (m_signIn->state() != SignInFlow::State::Refreshing)
        m_signIn->refresh();
    const std::chrono::milliseconds timeout(30'000);
    while (m_signIn->state() == SignInFlow::State::Refreshing) {
        auto awaitable = qCoro(m_signIn, &SignInFlow::stateChanged, timeout);
        const auto changed = co_await awaitable;
        if (!changed)
            break;
    }
    co_return m_signIn->isSignedIn();
}

// Coroutines here take parameters by value and keep temporaries out of co_await expressions:
// GCC 12 destroys some of those twice.
QCoro::Task<GraphResponse> GraphClient::get(QUrl url, CancelToken cancel)
{
    GraphRequest request;
    request.url = std::move(url);
    GraphResponse response = co_await send(std::move(request), std::move(cancel));
    co_return response;
}

QCoro::Task<GraphResponse> GraphClient::patch(QUrl url, QJsonObject body, QList<std::pair<QByteArray, QByteArray>> headers)
{
    GraphRequest request;
    request.method = QByteArrayLiteral("PATCH");
    request.url = std::move(url);
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.headers = std::move(headers);
    GraphResponse response = co_await send(std::move(request));
    co_return response;
}

QCoro::Task<GraphResponse> GraphClient::post(QUrl url, QJsonObject body)
{
    GraphRequest request;
    request.method = QByteArrayLiteral("POST");
    request.url = std::move(url);
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    GraphResponse response = co_await send(std::move(request));
    co_return response;
}

QCoro::Task<GraphResponse> GraphClient::send(GraphRequest request, CancelToken cancel)
{
    const QString clientRequestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!isTrusted(request.url)) {
        // Never hand the token to another host, whatever a nextLink or a setting says.
        qCWarning(lcGraphClient) << "refusing to send a request outside the Graph service root:" << request.url.host();
        GraphResponse refused;
        refused.error = GraphError::network(
            tr("Refused to contact %1: it is not the configured Microsoft Graph endpoint.").arg(request.url.host()),
            clientRequestId);
        co_return refused;
    }
    bool refreshed = false;
    int attempt = 0;
    while (true) {
        ++attempt;
        if (cancel.isCancelled()) {
            GraphResponse cancelled;
            cancelled.error = GraphError::cancelledByUser();
            co_return cancelled;
        }
        QNetworkRequest nr(request.url);
        nr.setRawHeader("Authorization", "Bearer " + m_signIn->accessToken().toLatin1());
        nr.setRawHeader("client-request-id", clientRequestId.toLatin1());
        nr.setRawHeader("return-client-request-id", "true");
        nr.setRawHeader("Accept", "application/json");
        nr.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        nr.setTransferTimeout(120'000);
        if (!request.body.isEmpty() || request.method != "GET")
            nr.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        for (const auto &[name, value] : std::as_const(request.headers))
            nr.setRawHeader(name, value);

        RequestRecord record{.started = QDateTime::currentDateTime(), .method = request.method,
                             .url = request.url.toString(QUrl::RemoveUserInfo), .clientRequestId = clientRequestId,
                             .attempt = attempt};
        QElapsedTimer timer;
        timer.start();
        QNetworkReply *reply = m_network->sendCustomRequest(nr, request.method, request.body);
        cancel.m_state->reply = reply;
        co_await reply;
        reply->deleteLater();
        record.latencyMs = timer.elapsed();
        record.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        record.requestId = QString::fromLatin1(reply->rawHeader("request-id"));

        GraphResponse response;
        response.status = record.status;
        response.body = reply->readAll();
        for (const auto &pair : reply->rawHeaderPairs())
            response.headers.append({pair.first, pair.second});

        if (reply->error() == QNetworkReply::OperationCanceledError && cancel.isCancelled()) {
            record.note = tr("cancelled");
            Q_EMIT requestFinished(record);
            response.error = GraphError::cancelledByUser();
            co_return response;
        }
        if (record.status == 0) {
            record.note = reply->errorString();
            Q_EMIT requestFinished(record);
            response.error = GraphError::network(reply->errorString(), clientRequestId);
            co_return response;
        }
        if (record.status >= 200 && record.status < 300) {
            Q_EMIT requestFinished(record);
            co_return response;
        }

        GraphError error = GraphError::fromResponse(record.status, response.body, reply->rawHeader("request-id"),
                                                    clientRequestId);
        error.retryAfterSeconds = parseRetryAfter(reply->rawHeader("Retry-After"));

        if (record.status == 401 && !refreshed) {
            refreshed = true;
            record.note = tr("token refreshed, retrying");
            Q_EMIT requestFinished(record);
            const bool renewed = co_await refreshToken();
            if (renewed)
                continue;
            response.error = error;
            co_return response;
        }
        const bool transient = record.status == 429 || record.status == 503 || record.status == 504;
        if (transient && attempt <= m_maxRetries) {
            double wait = error.retryAfterSeconds >= 0 ? error.retryAfterSeconds : std::pow(2.0, attempt - 1);
            if (wait * 1000 > double(m_maxRetryWait.count())) {
                record.note = tr("Retry-After %1 s is too long; giving up").arg(wait);
                Q_EMIT requestFinished(record);
                response.error = error;
                co_return response;
            }
            record.note = tr("retrying in %1 s").arg(wait, 0, 'f', 1);
            Q_EMIT requestFinished(record);
            Q_EMIT retryScheduled(wait, record.status);
            qCInfo(lcGraphClient) << "HTTP" << record.status << "- retrying in" << wait << "s";
            // A precise timer: a coarse one may fire up to 5 % early, before the service's Retry-After.
            QTimer pause;
            pause.setTimerType(Qt::PreciseTimer);
            pause.setSingleShot(true);
            pause.start(std::chrono::milliseconds(qint64(std::ceil(wait * 1000))));
            co_await pause;
            continue;
        }
        Q_EMIT requestFinished(record);
        response.error = error;
        co_return response;
    }
}

} // namespace vigil::core
