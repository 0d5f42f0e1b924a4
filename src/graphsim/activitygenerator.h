#pragma once

#include <QObject>
#include <QTimer>

namespace graphsim {

class Simulator;

/// Makes the tenant feel alive (demo mode, `--activity SECONDS`): every interval a new alert
/// arrives, an open one moves along (assigned, in progress, resolved with a classification), or a
/// legacy alert is raised or updated (which drives change notifications). Deterministic for a seed.
class ActivityGenerator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityGenerator)

public:
    ActivityGenerator(Simulator *simulator, quint64 seed, QObject *parent = nullptr);

    /// 0 stops it.
    void setInterval(int seconds);
    int interval() const { return m_timer.isActive() ? m_timer.interval() / 1000 : 0; }
    void reseed(quint64 seed) { m_seed = seed; m_step = 0; }
    void tick();

private:
    Simulator *m_simulator = nullptr;
    QTimer m_timer;
    quint64 m_seed = 1;
    quint64 m_step = 0;
};

} // namespace graphsim
