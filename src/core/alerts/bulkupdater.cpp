#include "bulkupdater.h"

namespace vigil::core {

BulkUpdater::BulkUpdater(AlertSource *source, QObject *parent)
    : QObject(parent)
    , m_source(source)
{
}

void BulkUpdater::start(const QList<Alert> &alerts, const AlertUpdate &update)
{
    m_alerts = alerts;
    m_update = update;
    m_outcomes.clear();
    m_outcomes.resize(alerts.size());
    m_nextIndex = 0;
    m_done = 0;
    m_cancelled = false;
    for (qsizetype i = 0; i < alerts.size(); ++i) {
        m_outcomes[i].alertId = alerts.at(i).id;
        m_outcomes[i].title = alerts.at(i).title;
        m_outcomes[i].before = alerts.at(i);
    }
    Q_EMIT progress(0, int(alerts.size()));
    if (alerts.isEmpty()) {
        Q_EMIT finished(0, 0);
        return;
    }
    launchMore();
}

void BulkUpdater::cancel()
{
    m_cancelled = true;
}

void BulkUpdater::launchMore()
{
    while (!m_cancelled && m_running < m_concurrency && m_nextIndex < m_alerts.size()) {
        ++m_running;
        updateOne(int(m_nextIndex++));
    }
    if (m_running == 0 && (m_cancelled || m_nextIndex >= m_alerts.size())) {
        int ok = 0;
        int failed = 0;
        for (const Outcome &o : std::as_const(m_outcomes)) {
            if (o.ok())
                ++ok;
            else if (o.error)
                ++failed;
        }
        Q_EMIT finished(ok, failed);
    }
}

QCoro::Task<> BulkUpdater::updateOne(int index)
{
    QPointer<BulkUpdater> self(this);
    auto result = co_await m_source->update(m_alerts.at(index), m_update);
    if (!self)
        co_return;
    if (result.ok()) {
        m_outcomes[index].after = result.value();
        Q_EMIT alertUpdated(result.value());
    } else {
        m_outcomes[index].error = result.error();
    }
    --m_running;
    Q_EMIT progress(++m_done, int(m_alerts.size()));
    launchMore();
}

} // namespace vigil::core
