#pragma once

#include "core/alerts/alert.h"
#include "core/graph/graphclient.h"
#include "core/notifications/notification.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

namespace vigil::core {

class AlertsV2Source;

/// The alerts_v2 change poller, for the current API (which has no webhooks) and for users without
/// a tunnel: every interval (default 60 s, at least 10 s, so far inside Graph's 150 requests per
/// minute per tenant) it asks for `lastUpdateDateTime gt <watermark>`, follows a few pages, and
/// reports new alerts and changed ones with what changed (status, severity, assignment,
/// classification, determination). The watermark is the newest lastUpdateDateTime seen and is
/// kept across runs. GraphClient waits out 429s (Retry-After); a failed poll tries again later.
class AlertPoller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertPoller)

public:
    static constexpr int kMaxPagesPerPoll = 5;
    static constexpr int kPageSize = 200;

    explicit AlertPoller(GraphClient *client, QObject *parent = nullptr);
    ~AlertPoller() override;

    void setInterval(std::chrono::seconds interval);
    std::chrono::seconds interval() const { return m_interval; }
    /// Where the previous values of an alert the poller has not seen yet can be found (the table).
    void setPreviousLookup(std::function<std::optional<Alert>(const QString &id)> lookup);
    /// "Now" for the first watermark (UTC); the default is the system clock.
    void setClock(std::function<QDateTime()> clock);

    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    bool isPolling() const { return m_polling; }

    QDateTime watermark() const { return m_watermark; }
    /// Sets (and keeps) the watermark; an invalid one starts from "now" at the next poll.
    void setWatermark(const QDateTime &watermark);
    /// Whether the watermark is kept in the settings (not in demo mode: the simulator's changes
    /// must not move the point a real tenant is polled from). On by default.
    void setPersistent(bool persistent);
    /// The request the next poll starts with.
    QUrl pollUrl() const;
    int requestCount() const { return m_requests; }

    /// One poll now (also what the timer runs). False if it failed or one is already running.
    QCoro::Task<bool> pollNow();

Q_SIGNALS:
    /// A new alert (change Created) or a changed one (Updated, changedFields set).
    void changeDetected(const vigil::core::Notification &notification, const vigil::core::Alert &alert);
    void pollFinished(int changes);
    void pollFailed(const vigil::core::GraphError &error);

private:
    struct Seen
    {
        QString status;
        Severity severity = Severity::Unknown;
        QString assignedTo;
        QString classification;
        QString determination;
        qint64 lastUpdatedMs = 0;
    };
    static Seen seenOf(const Alert &alert);
    void consider(const Alert &alert, qint64 previousWatermarkMs, int *changes);

    GraphClient *m_client = nullptr;
    AlertsV2Source *m_source = nullptr;
    QTimer m_timer;
    std::chrono::seconds m_interval { 60 };
    std::function<std::optional<Alert>(const QString &)> m_lookup;
    std::function<QDateTime()> m_clock;
    QDateTime m_watermark;
    QHash<QString, Seen> m_seen;
    bool m_polling = false;
    bool m_persistent = true;
    int m_requests = 0;
};

} // namespace vigil::core
