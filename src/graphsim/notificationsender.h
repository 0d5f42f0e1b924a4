#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace graphsim {

/// Outbound HTTP of the simulator: the subscription validation handshake and change/lifecycle
/// notification delivery with Graph's documented behaviour: a delivery succeeds on a 2xx within
/// 3 s; otherwise it is retried with exponential backoff (10 s timeout per retry) for up to 4 h.
/// All times are multiplied by a scale so tests can compress hours into seconds. Every attempt is
/// recorded in a delivery log.
class NotificationSender final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationSender)

public:
    explicit NotificationSender(QObject *parent = nullptr);
    ~NotificationSender() override;

    void setTimeScale(double scale) { m_scale = scale > 0 ? scale : 1.0; }
    double timeScale() const { return m_scale; }
    void setValidationTimeout(int ms) { m_validationTimeoutMs = ms; }
    void setCaCertificates(const QList<QSslCertificate> &certificates) { m_caCertificates = certificates; }

    using ValidationResult = std::function<void(bool ok, const QString &detail)>;
    /// POSTs `url?validationToken=…` (empty text/plain body) and checks for 200, text/plain and
    /// the exact token within the validation timeout.
    void validate(const QUrl &url, const QString &subscriptionId, ValidationResult done);

    /// Delivers `payload` ({"value":[…]}) to `url`, retrying as Graph does. `meta` is copied into
    /// the delivery log entry (subscriptionId, changeType, resource, kind).
    void deliver(const QUrl &url, const QJsonObject &payload, const QJsonObject &meta);

    QJsonArray log() const;
    void clearLog();
    /// Stops pending retries (reset).
    void cancelAll();

Q_SIGNALS:
    /// A delivery finished: delivered, or given up. `entry` is its log entry.
    void deliveryFinished(const QJsonObject &entry);

private:
    struct Delivery;
    void attempt(int logIndex);
    int appendLog(QJsonObject entry);
    int findLog(int id) const;

    QNetworkAccessManager *m_network = nullptr;
    double m_scale = 1.0;
    int m_validationTimeoutMs = 10'000;
    QList<QSslCertificate> m_caCertificates;
    QList<QJsonObject> m_log;
    QHash<int, std::shared_ptr<Delivery>> m_pending;
    int m_nextId = 1;
    quint64 m_generation = 0;
};

} // namespace graphsim
