#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>

namespace graphsim {

/// The simulator's notion of "now": a start time that runs with real time, plus an offset that
/// tests move forward (token expiry, subscription expiry, throttling windows). Never goes back.
class Clock final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Clock)

public:
    explicit Clock(QObject *parent = nullptr);

    /// Restart at `start` (UTC); an invalid value means the current system time.
    void reset(const QDateTime &start = {});
    QDateTime now() const;
    /// Milliseconds since the Unix epoch, the cheap form of now().
    qint64 nowMs() const;
    void advance(qint64 milliseconds);

Q_SIGNALS:
    void advanced(qint64 milliseconds);

private:
    qint64 m_startMs = 0;
    qint64 m_offsetMs = 0;
    QElapsedTimer m_elapsed;
};

} // namespace graphsim
