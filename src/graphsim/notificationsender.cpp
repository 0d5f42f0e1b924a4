#include "notificationsender.h"

#include "tokenservice.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

Q_LOGGING_CATEGORY(lcDelivery, "graphsim.delivery", QtInfoMsg)

namespace graphsim {

namespace {
void setTimeout(QNetworkRequest &request, int milliseconds)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 7, 0)
    request.setTransferTimeout(std::chrono::milliseconds(milliseconds));
#else
    request.setTransferTimeout(milliseconds);
#endif
}

constexpr int kFirstTimeoutMs = 3'000;
constexpr int kRetryTimeoutMs = 10'000;
constexpr qint64 kFirstRetryDelayMs = 60'000;
constexpr qint64 kMaxRetryDelayMs = 3'600'000;
constexpr qint64 kGiveUpAfterMs = 4 * 3'600'000;
constexpr int kMaxLog = 2000;
} // namespace

struct NotificationSender::Delivery
{
    int id = 0;
    QUrl url;
    QByteArray body;
    QElapsedTimer sinceFirst;
    int attempts = 0;
};

NotificationSender::NotificationSender(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
}

NotificationSender::~NotificationSender() = default;

void NotificationSender::validate(const QUrl &url, const QString &subscriptionId, ValidationResult done)
{
    // Graph's tokens contain spaces and colons, so a receiver that does not URL-decode fails.
    const QString token = QStringLiteral("Validation: Testing client application reachability for subscription "
                                         "Request-Id: %1")
                              .arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    QUrl target = url;
    QUrlQuery query(target);
    query.addQueryItem(QStringLiteral("validationToken"), QString::fromLatin1(QUrl::toPercentEncoding(token)));
    target.setQuery(query.toString(QUrl::FullyEncoded), QUrl::StrictMode);
    QNetworkRequest request(target);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/plain; charset=utf-8"));
    setTimeout(request, m_validationTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (url.scheme() == u"https" && !m_caCertificates.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(m_caCertificates);
        request.setSslConfiguration(ssl);
    }
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = m_network->post(request, QByteArray());
    QJsonObject entry{{QStringLiteral("kind"), QStringLiteral("validation")},
                      {QStringLiteral("url"), url.toString()},
                      {QStringLiteral("subscriptionId"), subscriptionId},
                      {QStringLiteral("startedDateTime"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
    connect(reply, &QNetworkReply::finished, this, [this, reply, token, timer, entry, done]() mutable {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().toLower();
        const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
        QString detail;
        if (reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError)
            detail = QStringLiteral("the endpoint did not answer within %1 ms").arg(m_validationTimeoutMs);
        else if (status == 0)
            detail = reply->errorString();
        else if (status != 200)
            detail = QStringLiteral("the endpoint answered %1 instead of 200").arg(status);
        else if (!contentType.startsWith("text/plain"))
            detail = QStringLiteral("the endpoint answered with Content-Type '%1' instead of text/plain")
                         .arg(QString::fromLatin1(contentType));
        else if (body != token.toUtf8())
            detail = QStringLiteral("the endpoint did not echo the decoded validation token");
        const bool ok = detail.isEmpty();
        entry.insert(QStringLiteral("status"), status);
        entry.insert(QStringLiteral("latencyMs"), timer.elapsed());
        entry.insert(QStringLiteral("attempts"), 1);
        entry.insert(QStringLiteral("delivered"), ok);
        entry.insert(QStringLiteral("finished"), true);
        if (!ok)
            entry.insert(QStringLiteral("error"), detail);
        appendLog(entry);
        qCInfo(lcDelivery) << "validation of" << reply->url().adjusted(QUrl::RemoveQuery).toString()
                           << (ok ? "succeeded" : "failed:") << detail;
        done(ok, detail);
    });
}

int NotificationSender::appendLog(QJsonObject entry)
{
    const int id = m_nextId++;
    entry.insert(QStringLiteral("id"), id);
    m_log.append(entry);
    while (m_log.size() > kMaxLog)
        m_log.removeFirst();
    return id;
}

int NotificationSender::findLog(int id) const
{
    for (int i = int(m_log.size()) - 1; i >= 0; --i) {
        if (m_log.at(i).value(QStringLiteral("id")).toInt() == id)
            return i;
    }
    return -1;
}

void NotificationSender::deliver(const QUrl &url, const QJsonObject &payload, const QJsonObject &meta)
{
    QJsonObject entry = meta;
    entry.insert(QStringLiteral("url"), url.toString());
    entry.insert(QStringLiteral("attempts"), 0);
    entry.insert(QStringLiteral("attemptLog"), QJsonArray());
    entry.insert(QStringLiteral("delivered"), false);
    entry.insert(QStringLiteral("finished"), false);
    entry.insert(QStringLiteral("startedDateTime"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    const int id = appendLog(entry);
    auto delivery = std::make_shared<Delivery>();
    delivery->id = id;
    delivery->url = url;
    delivery->body = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    delivery->sinceFirst.start();
    m_pending.insert(id, delivery);
    attempt(id);
}

void NotificationSender::attempt(int id)
{
    const std::shared_ptr<Delivery> d = m_pending.value(id);
    if (!d)
        return;
    ++d->attempts;
    QNetworkRequest request(d->url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json; charset=utf-8"));
    request.setRawHeader("User-Agent", "graphsim-notifications/1.0");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // Timeouts shrink with the scale too, but never below half a second: a loaded test machine
    // must not turn a prompt answer into a timeout.
    const int timeout = int(qMax(500.0, (d->attempts == 1 ? kFirstTimeoutMs : kRetryTimeoutMs) * m_scale));
    setTimeout(request, timeout);
    if (d->url.scheme() == u"https" && !m_caCertificates.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(m_caCertificates);
        request.setSslConfiguration(ssl);
    }
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = m_network->post(request, d->body);
    const quint64 generation = m_generation;
    connect(reply, &QNetworkReply::finished, this, [this, reply, d, timer, timeout, generation]() {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const qint64 latency = timer.elapsed();
        const bool ok = status >= 200 && status < 300 && latency <= timeout;
        const int logIndex = findLog(d->id);
        QJsonObject attemptEntry{{QStringLiteral("status"), status},
                                 {QStringLiteral("latencyMs"), latency},
                                 {QStringLiteral("at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
        if (status == 0)
            attemptEntry.insert(QStringLiteral("error"), reply->errorString());
        const qint64 delay = qMin(kMaxRetryDelayMs, kFirstRetryDelayMs << qMin(d->attempts - 1, 20));
        const bool giveUp = !ok && double(d->sinceFirst.elapsed() + delay * m_scale) > kGiveUpAfterMs * m_scale;
        if (logIndex >= 0) {
            QJsonObject entry = m_log.at(logIndex);
            QJsonArray attempts = entry.value(QStringLiteral("attemptLog")).toArray();
            attempts.append(attemptEntry);
            entry.insert(QStringLiteral("attemptLog"), attempts);
            entry.insert(QStringLiteral("attempts"), d->attempts);
            entry.insert(QStringLiteral("status"), status);
            entry.insert(QStringLiteral("latencyMs"), latency);
            entry.insert(QStringLiteral("delivered"), ok);
            entry.insert(QStringLiteral("finished"), ok || giveUp);
            m_log[logIndex] = entry;
            if (ok || giveUp)
                Q_EMIT deliveryFinished(entry);
        }
        if (ok || giveUp) {
            m_pending.remove(d->id);
            qCDebug(lcDelivery) << "delivery" << d->id << (ok ? "succeeded" : "given up") << "after" << d->attempts
                                << "attempts";
            return;
        }
        qCDebug(lcDelivery) << "delivery" << d->id << "failed with" << status << "; retrying";
        QTimer::singleShot(int(qMax(1.0, double(delay) * m_scale)), this, [this, id = d->id]() { attempt(id); });
    });
}

QJsonArray NotificationSender::log() const
{
    QJsonArray array;
    for (const QJsonObject &o : m_log)
        array.append(o);
    return array;
}

void NotificationSender::clearLog()
{
    m_log.clear();
}

void NotificationSender::cancelAll()
{
    ++m_generation;
    m_pending.clear();
}

} // namespace graphsim
