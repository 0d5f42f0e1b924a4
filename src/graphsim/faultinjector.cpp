#include "faultinjector.h"

namespace graphsim {

std::optional<FaultSpec> FaultSpec::fromJson(const QJsonObject &json, QString *error)
{
    FaultSpec f;
    f.pathPrefix = json.value(QStringLiteral("path")).toString();
    f.method = json.value(QStringLiteral("method")).toString().toUpper();
    f.count = json.value(QStringLiteral("count")).toInt(1);
    f.status = json.value(QStringLiteral("status")).toInt(0);
    f.delayMs = json.value(QStringLiteral("delayMs")).toInt(0);
    f.drop = json.value(QStringLiteral("drop")).toBool(false);
    f.retryAfterSeconds = json.value(QStringLiteral("retryAfter")).toDouble(-1);
    if (!f.pathPrefix.startsWith(u'/')) {
        *error = QStringLiteral("'path' must be a path starting with '/'.");
        return std::nullopt;
    }
    if (f.count < 1 || (f.status != 0 && (f.status < 100 || f.status > 599)) || f.delayMs < 0 || f.delayMs > 600'000) {
        *error = QStringLiteral("'count' must be at least 1, 'status' an HTTP status and 'delayMs' 0 to 600000.");
        return std::nullopt;
    }
    if (f.status == 0 && f.delayMs == 0 && !f.drop) {
        *error = QStringLiteral("A fault needs a 'status', a 'delayMs' or 'drop': true.");
        return std::nullopt;
    }
    return f;
}

QJsonObject FaultSpec::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("path"), pathPrefix},
                  {QStringLiteral("count"), count},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("delayMs"), delayMs},
                  {QStringLiteral("drop"), drop}};
    if (!method.isEmpty())
        o.insert(QStringLiteral("method"), method);
    if (retryAfterSeconds >= 0)
        o.insert(QStringLiteral("retryAfter"), retryAfterSeconds);
    return o;
}

int FaultInjector::add(FaultSpec fault)
{
    fault.id = m_nextId++;
    m_faults.append(fault);
    return fault.id;
}

std::optional<FaultSpec> FaultInjector::take(const QByteArray &method, const QString &path)
{
    for (int i = 0; i < m_faults.size(); ++i) {
        FaultSpec &f = m_faults[i];
        if (!path.startsWith(f.pathPrefix, Qt::CaseInsensitive))
            continue;
        if (!f.method.isEmpty() && f.method != QLatin1StringView(method))
            continue;
        const FaultSpec taken = f;
        if (--f.count <= 0)
            m_faults.removeAt(i);
        return taken;
    }
    return std::nullopt;
}

} // namespace graphsim
