#include "requestthrottle.h"

namespace graphsim {

std::optional<double> RequestThrottle::admit(const QString &key, qint64 nowMs)
{
    if (m_rpm <= 0)
        return std::nullopt;
    constexpr qint64 kWindowMs = 60'000;
    std::deque<qint64> &window = m_windows[key];
    while (!window.empty() && window.front() <= nowMs - kWindowMs)
        window.pop_front();
    if (int(window.size()) >= m_rpm)
        return qMax(0.001, double(window.front() + kWindowMs - nowMs) / 1000.0);
    window.push_back(nowMs);
    return std::nullopt;
}

} // namespace graphsim
