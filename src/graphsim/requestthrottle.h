#pragma once

#include <QHash>
#include <QString>

#include <deque>
#include <optional>

namespace graphsim {

/// A per-app request budget over a sliding minute (the security API's "150 requests per minute
/// per app per tenant", with the number configurable). Time comes from the simulator clock, so a
/// test can advance past a window instead of waiting.
class RequestThrottle
{
public:
    void setRequestsPerMinute(int rpm) { m_rpm = qMax(0, rpm); m_windows.clear(); }
    int requestsPerMinute() const { return m_rpm; }

    /// Records a request of `key` at `nowMs`. When the budget is spent, records nothing and returns
    /// the seconds until a slot frees up (the Retry-After value).
    std::optional<double> admit(const QString &key, qint64 nowMs);
    void clear() { m_windows.clear(); }

private:
    int m_rpm = 0;
    QHash<QString, std::deque<qint64>> m_windows;
};

} // namespace graphsim
