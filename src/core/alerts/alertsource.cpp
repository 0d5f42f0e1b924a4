#include "alertsource.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QtConcurrent/QtConcurrentRun>

#include <qcoro/qcorofuture.h>

namespace vigil::core {

AlertSource::AlertSource(GraphClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

std::optional<Alert> AlertSource::parseOne(const QByteArray &json)
{
    if (!m_parser)
        m_parser.emplace(api());
    return m_parser->parseAlert(json);
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

namespace {
AlertPage parsePageWith(std::shared_ptr<AlertParser> parser, QByteArray body)
{
    return parser->parsePage(body);
}
} // namespace

// Coroutine rule in this code base (GCC 12 destroys some temporaries of a co_await expression
// twice): parameters by value, and no lambdas or braced temporaries inside a co_await; build them
// into named locals first.
GraphRequest AlertSource::readRequest(QUrl url) const
{
    GraphRequest request;
    request.url = std::move(url);
    // Without it, alerts_v2 reports newer enum members (microsoftSentinel, …) as unknownFutureValue.
    if (api() == AlertApi::V2)
        request.headers.append({QByteArrayLiteral("Prefer"), QByteArrayLiteral("include-unknown-enum-members")});
    return request;
}

QCoro::Task<GraphResponse> AlertSource::fetchRaw(QUrl url, CancelToken cancel)
{
    GraphRequest request = readRequest(std::move(url));
    GraphResponse response = co_await m_client->send(std::move(request), std::move(cancel));
    co_return response;
}

QFuture<AlertPage> AlertSource::parseAsync(const QByteArray &body)
{
    if (!m_pageParser)
        m_pageParser = std::make_shared<AlertParser>(api());
    return QtConcurrent::run(&parsePageWith, m_pageParser, body);
}

QUrl AlertSource::peekNextLink(const QByteArray &body)
{
    static const QByteArray key = QByteArrayLiteral("\"@odata.nextLink\"");
    const auto stringAt = [&body](qsizetype quote) -> QUrl {
        // body[quote] is the opening quote of the value; nextLinks hold no escapes worth decoding
        // except "\/", which JSON allows for "/".
        const qsizetype end = body.indexOf('"', quote + 1);
        if (end < 0)
            return {};
        QByteArray value = body.mid(quote + 1, end - quote - 1);
        if (value.contains('\\')) {
            if (value.contains("\\u") || value.contains("\\\""))
                return {};
            value.replace("\\/", "/");
        }
        return QUrl(QString::fromUtf8(value), QUrl::StrictMode);
    };
    const auto valueAfterKey = [&body](qsizetype keyAt) -> qsizetype {
        qsizetype i = keyAt + key.size();
        while (i < body.size() && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t'))
            ++i;
        if (i >= body.size() || body[i] != ':')
            return -1;
        ++i;
        while (i < body.size() && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t'))
            ++i;
        return i < body.size() && body[i] == '"' ? i : -1;
    };
    // Before "value": everything up to the array is top-level metadata (short; no nested objects).
    const qsizetype valueAt = body.indexOf("\"value\"");
    if (valueAt > 0) {
        const QByteArrayView head(body.constData(), valueAt);
        const qsizetype k = head.indexOf(key);
        if (k > 0 && !head.contains('[') && head.count('{') == 1) {
            const qsizetype quote = valueAfterKey(k);
            if (quote > 0 && quote < valueAt)
                return stringAt(quote);
        }
    }
    // As the last member: `,"@odata.nextLink":"…"}` right before the final closing brace.
    qsizetype last = body.size() - 1;
    while (last >= 0 && (body[last] == ' ' || body[last] == '\n' || body[last] == '\r' || body[last] == '\t'))
        --last;
    if (last < 1 || body[last] != '}' || body[last - 1] != '"')
        return {};
    const qsizetype k = body.lastIndexOf(key);
    if (k < 1)
        return {};
    const qsizetype quote = valueAfterKey(k);
    if (quote < 0 || body.indexOf('"', quote + 1) != last - 1)
        return {};
    qsizetype before = k - 1;
    while (before >= 0 && (body[before] == ' ' || body[before] == '\n' || body[before] == '\r' || body[before] == '\t'))
        --before;
    if (before < 0 || body[before] != ',')
        return {};
    return stringAt(quote);
}

QCoro::Task<GraphResult<AlertPage>> AlertSource::fetchPage(QUrl url, CancelToken cancel)
{
    GraphResponse response = co_await fetchRaw(url, cancel);
    if (!response.ok()) {
        GraphResult<AlertPage> failed(*response.error);
        co_return failed;
    }
    QFuture<AlertPage> future = parseAsync(response.body);
    AlertPage page = co_await future;
    if (!page.error.isEmpty()) {
        GraphError e = invalidAnswer(response);
        e.message = page.error;
        GraphResult<AlertPage> failed(e);
        co_return failed;
    }
    GraphResult<AlertPage> result(std::move(page));
    co_return result;
}

QCoro::Task<GraphResult<Alert>> AlertSource::get(QString id)
{
    GraphRequest request = readRequest(alertUrl(id));
    GraphResponse response = co_await m_client->send(std::move(request));
    if (!response.ok()) {
        GraphResult<Alert> failed(*response.error);
        co_return failed;
    }
    std::optional<Alert> alert = parseOne(response.body);
    GraphResult<Alert> result = alert ? GraphResult<Alert>(std::move(*alert)) : GraphResult<Alert>(invalidAnswer(response));
    co_return result;
}

QCoro::Task<GraphResult<Alert>> AlertsV2Source::update(Alert current, AlertUpdate update)
{
    const QJsonObject body = update.patchBody(current);
    Alert latest = current;
    if (!body.isEmpty()) {
        const QUrl url = alertUrl(current.id);
        GraphResponse response = co_await client()->patch(url, body);
        if (!response.ok()) {
            GraphResult<Alert> failed(*response.error);
            co_return failed;
        }
        std::optional<Alert> updated = parseOne(response.body);
        if (!updated) {
            GraphResult<Alert> failed(invalidAnswer(response));
            co_return failed;
        }
        latest = *updated;
    }
    if (!update.comment.trimmed().isEmpty()) {
        QJsonObject comment;
        comment.insert(QStringLiteral("@odata.type"), QStringLiteral("microsoft.graph.security.alertComment"));
        comment.insert(QStringLiteral("comment"), update.comment.trimmed());
        QStringList path;
        path << QStringLiteral("security") << QStringLiteral("alerts_v2") << current.id << QStringLiteral("comments");
        const QUrl commentsUrl = client()->endpoint(path);
        GraphResponse response = co_await client()->post(commentsUrl, comment);
        if (!response.ok()) {
            GraphResult<Alert> failed(*response.error);
            co_return failed;
        }
        // The answer lists every comment; read the alert as it is now for the table and details.
        GraphResult<Alert> refreshed = co_await get(current.id);
        co_return refreshed;
    }
    GraphResult<Alert> result(std::move(latest));
    co_return result;
}

QCoro::Task<GraphResult<Alert>> LegacyAlertSource::update(Alert current, AlertUpdate update)
{
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (update.returnRepresentation)
        headers.append({QByteArrayLiteral("Prefer"), QByteArrayLiteral("return=representation")});
    const QUrl url = alertUrl(current.id);
    const QJsonObject body = update.patchBody(current);
    GraphResponse response = co_await client()->patch(url, body, headers);
    if (!response.ok()) {
        GraphResult<Alert> failed(*response.error);
        co_return failed;
    }
    if (response.status == 204) {
        // 204 No Content: read the alert back to show what changed.
        GraphResult<Alert> reread = co_await get(current.id);
        co_return reread;
    }
    std::optional<Alert> updated = parseOne(response.body);
    GraphResult<Alert> result = updated ? GraphResult<Alert>(std::move(*updated)) : GraphResult<Alert>(invalidAnswer(response));
    co_return result;
}

} // namespace vigil::core
