#include "alertsource.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QtConcurrent/QtConcurrentRun>

#include <qcoro/qcorofuture.h>

namespace vigil::core {

AlertSource::AlertSource(GraphClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_parser(AlertApi::V2)
{
}

AlertSource::~AlertSource() = default;

QStringList AlertSource::collectionPath() const
{
    return {QStringLiteral("security"), api() == AlertApi::V2 ? QStringLiteral("alerts_v2") : QStringLiteral("alerts")};
}

QUrl AlertSource::listUrl(const AlertQuery &query, const QString &me, const QDateTime &now) const
{
    return m_client->endpoint(collectionPath(), query.urlQuery(me, now));
}

QUrl AlertSource::alertUrl(const QString &id) const
{
    return m_client->endpoint(collectionPath() << id);
}

GraphError AlertSource::invalidAnswer(const GraphResponse &response) const
{
    GraphError e;
    e.httpStatus = response.status;
    e.code = QStringLiteral("InvalidResponse");
    e.message = QCoreApplication::translate("AlertSource", "Microsoft Graph sent something that is not an alert.");
    e.requestId = QString::fromLatin1(response.header("request-id"));
    return e;
}

QCoro::Task<GraphResult<AlertPage>> AlertSource::fetchPage(QUrl url, CancelToken cancel)
{
    const GraphResponse response = co_await m_client->get(url, cancel);
    if (!response.ok())
        co_return *response.error;
    if (!m_pageParser)
        m_pageParser = std::make_shared<AlertParser>(api());
    std::shared_ptr<AlertParser> parser = m_pageParser;
    const QByteArray body = response.body;
    AlertPage page = co_await QtConcurrent::run([parser, body] { return parser->parsePage(body); });
    if (!page.error.isEmpty()) {
        GraphError e = invalidAnswer(response);
        e.message = page.error;
        co_return e;
    }
    co_return page;
}

QCoro::Task<GraphResult<Alert>> AlertSource::get(const QString &id)
{
    const GraphResponse response = co_await m_client->get(alertUrl(id));
    if (!response.ok())
        co_return *response.error;
    m_parser = AlertParser(api());
    if (auto alert = parseOne(response.body))
        co_return *alert;
    co_return invalidAnswer(response);
}

QCoro::Task<GraphResult<Alert>> AlertsV2Source::update(Alert current, AlertUpdate update)
{
    const QJsonObject body = update.patchBody(current);
    Alert result = current;
    if (!body.isEmpty()) {
        const GraphResponse response = co_await client()->patch(alertUrl(current.id), body);
        if (!response.ok())
            co_return *response.error;
        auto updated = parseOne(response.body);
        if (!updated)
            co_return invalidAnswer(response);
        result = *updated;
    }
    if (!update.comment.trimmed().isEmpty()) {
        // (Built outside the co_await: GCC 12 miscompiles braced lists inside one.)
        QJsonObject comment;
        comment.insert(QStringLiteral("@odata.type"), QStringLiteral("microsoft.graph.security.alertComment"));
        comment.insert(QStringLiteral("comment"), update.comment.trimmed());
        QStringList path;
        path << QStringLiteral("security") << QStringLiteral("alerts_v2") << current.id << QStringLiteral("comments");
        const QUrl commentsUrl = client()->endpoint(path);
        const GraphResponse response = co_await client()->post(commentsUrl, comment);
        if (!response.ok())
            co_return *response.error;
        // The answer lists every comment; take the alert as it is now for the table and details.
        auto refreshed = co_await get(current.id);
        if (!refreshed.ok())
            co_return refreshed.error();
        result = refreshed.value();
    }
    co_return result;
}

QCoro::Task<GraphResult<Alert>> LegacyAlertSource::update(Alert current, AlertUpdate update)
{
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (update.returnRepresentation)
        headers.append({QByteArrayLiteral("Prefer"), QByteArrayLiteral("return=representation")});
    const GraphResponse response = co_await client()->patch(alertUrl(current.id), update.patchBody(current), headers);
    if (!response.ok())
        co_return *response.error;
    if (response.status == 204) {
        // 204 No Content: read the alert back to show what changed.
        co_return co_await get(current.id);
    }
    if (auto updated = parseOne(response.body))
        co_return *updated;
    co_return invalidAnswer(response);
}

} // namespace vigil::core
