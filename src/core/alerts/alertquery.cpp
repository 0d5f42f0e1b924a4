#include "alertquery.h"

#include <QJsonArray>
#include <QUrl>

namespace vigil::core {

namespace {
QString anyOf(const QString &property, const QStringList &values)
{
    QStringList terms;
    for (const QString &value : values)
        terms << property + QStringLiteral(" eq ") + AlertQuery::quote(value);
    if (terms.size() == 1)
        return terms.constFirst();
    return QLatin1Char('(') + terms.join(QStringLiteral(" or ")) + QLatin1Char(')');
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array)
        list << v.toString();
    return list;
}
} // namespace

QString AlertQuery::quote(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

QString AlertQuery::dateTimeLiteral(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QStringList AlertQuery::collectionPath() const
{
    return {QStringLiteral("security"), api == AlertApi::V2 ? QStringLiteral("alerts_v2") : QStringLiteral("alerts")};
}

QString AlertQuery::filter(const QString &me, const QDateTime &now) const
{
    QStringList clauses;
    if (api == AlertApi::Legacy) {
        // Same clauses, in the same order, as the original samples' form; values are quoted properly.
        if (!category.isEmpty())
            clauses << QStringLiteral("category eq ") + quote(category);
        if (!provider.isEmpty())
            clauses << QStringLiteral("vendorInformation/provider eq ") + quote(provider);
        if (!legacyStatus.isEmpty())
            clauses << QStringLiteral("status eq ") + quote(legacyStatus);
        if (!legacySeverity.isEmpty())
            clauses << QStringLiteral("severity eq ") + quote(legacySeverity);
        if (assignedToMe && !me.isEmpty())
            clauses << QStringLiteral("assignedTo eq ") + quote(me);
        if (!hostFqdn.trimmed().isEmpty())
            clauses << QStringLiteral("hostStates/any(a:a/fqdn eq %1)").arg(quote(hostFqdn.trimmed()));
        if (!userUpn.trimmed().isEmpty())
            clauses << QStringLiteral("userStates/any(a:a/userPrincipalName eq %1)").arg(quote(userUpn.trimmed()));
        return clauses.join(QStringLiteral(" and "));
    }

    if (!severities.isEmpty()) {
        QStringList wire;
        for (Severity s : severities)
            wire << severityToWire(s);
        clauses << anyOf(QStringLiteral("severity"), wire);
    }
    if (!statuses.isEmpty())
        clauses << anyOf(QStringLiteral("status"), statuses);
    if (!serviceSources.isEmpty())
        clauses << anyOf(QStringLiteral("serviceSource"), serviceSources);
    if (!classifications.isEmpty())
        clauses << anyOf(QStringLiteral("classification"), classifications);
    if (!determinations.isEmpty())
        clauses << anyOf(QStringLiteral("determination"), determinations);
    switch (assignee) {
    case Assignee::Me:
        if (!me.isEmpty())
            clauses << QStringLiteral("assignedTo eq ") + quote(me);
        break;
    case Assignee::Unassigned:
        clauses << QStringLiteral("assignedTo eq null");
        break;
    case Assignee::User:
        if (!assignedUser.trimmed().isEmpty())
            clauses << QStringLiteral("assignedTo eq ") + quote(assignedUser.trimmed());
        break;
    case Assignee::Anyone:
        break;
    }
    const QString field = timeField == TimeField::Created ? QStringLiteral("createdDateTime")
                                                          : QStringLiteral("lastUpdateDateTime");
    QDateTime lower;
    QDateTime upper;
    switch (window) {
    case Window::Last24Hours:
        lower = now.addSecs(-24 * 3600);
        break;
    case Window::Last7Days:
        lower = now.addDays(-7);
        break;
    case Window::Last30Days:
        lower = now.addDays(-30);
        break;
    case Window::Custom:
        lower = from;
        upper = to;
        break;
    case Window::Any:
        break;
    }
    if (lower.isValid())
        clauses << field + QStringLiteral(" ge ") + dateTimeLiteral(lower);
    if (upper.isValid())
        clauses << field + QStringLiteral(" le ") + dateTimeLiteral(upper);
    return clauses.join(QStringLiteral(" and "));
}

QUrlQuery AlertQuery::urlQuery(const QString &me, const QDateTime &now) const
{
    QUrlQuery query;
    const QString f = filter(me, now);
    // Values are percent-encoded here, so that characters QUrlQuery leaves alone ('&', '+', '#')
    // cannot change the meaning of the query.
    if (!f.isEmpty())
        query.addQueryItem(QStringLiteral("$filter"), QString::fromLatin1(QUrl::toPercentEncoding(f, "'()/:,")));
    if (api == AlertApi::V2) {
        query.addQueryItem(QStringLiteral("$top"), QString::number(qBound(1, pageSize, 2000)));
        query.addQueryItem(QStringLiteral("$count"), QStringLiteral("true"));
    } else {
        query.addQueryItem(QStringLiteral("$top"), QString::number(qBound(1, top, 1000)));
    }
    return query;
}

QJsonObject AlertQuery::toJson() const
{
    QJsonArray sev;
    for (Severity s : severities)
        sev.append(severityToWire(s));
    return {
        {QStringLiteral("api"), api == AlertApi::V2 ? QStringLiteral("v2") : QStringLiteral("legacy")},
        {QStringLiteral("severities"), sev},
        {QStringLiteral("statuses"), toArray(statuses)},
        {QStringLiteral("serviceSources"), toArray(serviceSources)},
        {QStringLiteral("classifications"), toArray(classifications)},
        {QStringLiteral("determinations"), toArray(determinations)},
        {QStringLiteral("assignee"), int(assignee)},
        {QStringLiteral("assignedUser"), assignedUser},
        {QStringLiteral("timeField"), int(timeField)},
        {QStringLiteral("window"), int(window)},
        {QStringLiteral("from"), from.isValid() ? from.toUTC().toString(Qt::ISODate) : QString()},
        {QStringLiteral("to"), to.isValid() ? to.toUTC().toString(Qt::ISODate) : QString()},
        {QStringLiteral("pageSize"), pageSize},
        {QStringLiteral("provider"), provider},
        {QStringLiteral("category"), category},
        {QStringLiteral("legacyStatus"), legacyStatus},
        {QStringLiteral("legacySeverity"), legacySeverity},
        {QStringLiteral("assignedToMe"), assignedToMe},
        {QStringLiteral("hostFqdn"), hostFqdn},
        {QStringLiteral("userUpn"), userUpn},
        {QStringLiteral("top"), top},
    };
}

AlertQuery AlertQuery::fromJson(const QJsonObject &j)
{
    AlertQuery q;
    q.api = j.value(QLatin1String("api")).toString() == QLatin1String("legacy") ? AlertApi::Legacy : AlertApi::V2;
    for (const QString &s : toList(j.value(QLatin1String("severities"))))
        q.severities << severityFromWire(s);
    q.statuses = toList(j.value(QLatin1String("statuses")));
    q.serviceSources = toList(j.value(QLatin1String("serviceSources")));
    q.classifications = toList(j.value(QLatin1String("classifications")));
    q.determinations = toList(j.value(QLatin1String("determinations")));
    q.assignee = Assignee(qBound(0, j.value(QLatin1String("assignee")).toInt(), 3));
    q.assignedUser = j.value(QLatin1String("assignedUser")).toString();
    q.timeField = TimeField(qBound(0, j.value(QLatin1String("timeField")).toInt(), 1));
    q.window = Window(qBound(0, j.value(QLatin1String("window")).toInt(), 4));
    q.from = QDateTime::fromString(j.value(QLatin1String("from")).toString(), Qt::ISODate);
    q.to = QDateTime::fromString(j.value(QLatin1String("to")).toString(), Qt::ISODate);
    q.pageSize = j.value(QLatin1String("pageSize")).toInt(500);
    q.provider = j.value(QLatin1String("provider")).toString();
    q.category = j.value(QLatin1String("category")).toString();
    q.legacyStatus = j.value(QLatin1String("legacyStatus")).toString();
    q.legacySeverity = j.value(QLatin1String("legacySeverity")).toString();
    q.assignedToMe = j.value(QLatin1String("assignedToMe")).toBool();
    q.hostFqdn = j.value(QLatin1String("hostFqdn")).toString();
    q.userUpn = j.value(QLatin1String("userUpn")).toString();
    q.top = j.value(QLatin1String("top")).toInt(5);
    return q;
}

QString curlCommand(const QUrl &url)
{
    QString u = url.toString(QUrl::FullyEncoded);
    u.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QStringLiteral("curl -H \"Authorization: Bearer $TOKEN\" '%1'").arg(u);
}

QUrl graphExplorerLink(const QUrl &url)
{
    // Graph Explorer wants the request relative to the version segment.
    QString relative = url.path();
    const qsizetype v = relative.indexOf(QLatin1String("/v1.0/"));
    relative = v >= 0 ? relative.mid(v + 6) : relative.mid(1);
    if (url.hasQuery())
        relative += QLatin1Char('?') + url.query(QUrl::FullyDecoded);
    QUrl link(QStringLiteral("https://developer.microsoft.com/en-us/graph/graph-explorer"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("request"), QString::fromLatin1(QUrl::toPercentEncoding(relative)));
    q.addQueryItem(QStringLiteral("method"), QStringLiteral("GET"));
    q.addQueryItem(QStringLiteral("version"), QStringLiteral("v1.0"));
    q.addQueryItem(QStringLiteral("GraphUrl"), QStringLiteral("https://graph.microsoft.com"));
    link.setQuery(q);
    return link;
}

} // namespace vigil::core
