#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace graphsim {

/// One injected fault: the next `count` requests whose path starts with `pathPrefix` (and whose
/// method matches, when given) are answered with `status`, delayed by `delayMs`, or dropped.
struct FaultSpec
{
    QString pathPrefix;             ///< e.g. "/v1.0/security/alerts_v2"; case-insensitive
    QString method;                 ///< empty = any
    int count = 1;
    int status = 0;                 ///< 0 = answer normally (after the delay)
    int delayMs = 0;
    bool drop = false;              ///< close the connection without an answer
    double retryAfterSeconds = -1;  ///< Retry-After for 429/503 (default 1)
    int id = 0;

    static std::optional<FaultSpec> fromJson(const QJsonObject &json, QString *error);
    QJsonObject toJson() const;
};

/// The list of pending faults, consumed as matching requests arrive.
class FaultInjector
{
public:
    int add(FaultSpec fault);
    void clear() { m_faults.clear(); }
    std::optional<FaultSpec> take(const QByteArray &method, const QString &path);
    QList<FaultSpec> faults() const { return m_faults; }

private:
    QList<FaultSpec> m_faults;
    int m_nextId = 1;
};

} // namespace graphsim
