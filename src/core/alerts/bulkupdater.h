#pragma once

#include "core/alerts/alertsource.h"

#include <QObject>
#include <QPointer>

namespace vigil::core {

/// Applies one AlertUpdate to many alerts, a few requests at a time (throttling is retried by the
/// Graph client), and carries on past failures: every alert ends as updated or failed with its
/// error, and nothing already changed is rolled back.
class BulkUpdater final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkUpdater)

public:
    struct Outcome
    {
        QString alertId;
        QString title;
        std::optional<Alert> before;
        std::optional<Alert> after;
        std::optional<GraphError> error;
        bool ok() const { return after.has_value(); }
    };

    explicit BulkUpdater(AlertSource *source, QObject *parent = nullptr);

    /// How many requests run at once (default 3, within Graph's security API budget).
    void setConcurrency(int requests) { m_concurrency = qMax(1, requests); }
    void start(const QList<Alert> &alerts, const AlertUpdate &update);
    void cancel();
    bool isRunning() const { return m_running > 0 || m_nextIndex < m_alerts.size(); }
    const QList<Outcome> &outcomes() const { return m_outcomes; }

Q_SIGNALS:
    void alertUpdated(const vigil::core::Alert &alert);
    void progress(int done, int total);
    void finished(int succeeded, int failed);

private:
    void launchMore();
    QCoro::Task<> updateOne(int index);

    QPointer<AlertSource> m_source;
    QList<Alert> m_alerts;
    AlertUpdate m_update;
    QList<Outcome> m_outcomes;
    qsizetype m_nextIndex = 0;
    int m_running = 0;
    int m_done = 0;
    int m_concurrency = 3;
    bool m_cancelled = false;
};

} // namespace vigil::core
