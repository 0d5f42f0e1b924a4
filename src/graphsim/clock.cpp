#include "clock.h"

#include <QTimeZone>

namespace graphsim {

Clock::Clock(QObject *parent)
    : QObject(parent)
{
    reset();
}

void Clock::reset(const QDateTime &start)
{
    m_startMs = start.isValid() ? start.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch();
    m_offsetMs = 0;
    m_elapsed.start();
}

QDateTime Clock::now() const
{
    return QDateTime::fromMSecsSinceEpoch(nowMs(), QTimeZone::utc());
}

qint64 Clock::nowMs() const
{
    return m_startMs + m_offsetMs + m_elapsed.elapsed();
}

void Clock::advance(qint64 milliseconds)
{
    if (milliseconds <= 0)
        return;
    m_offsetMs += milliseconds;
    Q_EMIT advanced(milliseconds);
}

} // namespace graphsim
