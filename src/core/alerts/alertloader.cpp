#include "alertloader.h"

#include "core/alerts/alerttablemodel.h"

#include <QLoggingCategory>

#include <qcoro/qcorofuture.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

Q_LOGGING_CATEGORY(lcAlertLoader, "vigil.core.alerts.loader", QtInfoMsg)

namespace vigil::core {

AlertLoader::AlertLoader(AlertTableModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
}

AlertLoader::~AlertLoader()
{
    m_cancel.cancel();
}

void AlertLoader::setSource(AlertSource *source)
{
    cancel();
    m_source = source;
}

void AlertLoader::start(const QUrl &url)
{
    cancel();
    m_model->clear();
    m_first = url;
    m_next = {};
    m_loaded = 0;
    m_total.reset();
    run(url, false, ++m_generation);
}

void AlertLoader::loadMore()
{
    if (canLoadMore())
        run(m_next, false, ++m_generation);
}

void AlertLoader::loadAll()
{
    if (canLoadMore())
        run(m_next, true, ++m_generation);
}

void AlertLoader::cancel()
{
    m_cancel.cancel();
    m_cancel = CancelToken();
    ++m_generation;
    if (m_loading) {
        m_loading = false;
        Q_EMIT stateChanged();
    }
}

QCoro::Task<> AlertLoader::run(QUrl url, bool all, quint64 generation)
{
    if (!m_source)
        co_return;
    QPointer<AlertLoader> self(this);
    QPointer<AlertSource> source = m_source;
    CancelToken cancel = m_cancel;
    m_loading = true;
    Q_EMIT stateChanged();
    GraphResponse response = co_await source->fetchRaw(url, cancel);
    while (true) {
        if (!self || !source || generation != m_generation)
            co_return;  // cancelled or superseded while waiting
        if (!response.ok()) {
            m_loading = false;
            Q_EMIT stateChanged();
            if (!response.error->cancelled)
                Q_EMIT failed(*response.error);
            co_return;
        }
        // Parse this page on a worker while the next one is already being fetched.
        QFuture<AlertPage> parsing = source->parseAsync(response.body);
        const QUrl peeked = all ? AlertSource::peekNextLink(response.body) : QUrl();
        std::optional<QCoro::Task<GraphResponse>> prefetch;
        if (peeked.isValid() && !peeked.isEmpty())
            prefetch.emplace(source->fetchRaw(peeked, cancel));
        AlertPage page = co_await parsing;
        if (!self || !source || generation != m_generation)
            co_return;
        if (!page.error.isEmpty()) {
            m_loading = false;
            Q_EMIT stateChanged();
            GraphError e;
            e.httpStatus = response.status;
            e.message = page.error;
            e.requestId = QString::fromLatin1(response.header("request-id"));
            Q_EMIT failed(e);
            co_return;
        }
        if (page.count) {
            m_total = page.count;
            // Loading everything: size the table's index once rather than rehash it as it grows
            // (a pause of a tenth of a second at a million alerts). Bounded, as the count is the server's word.
            if (all)
                m_model->reserve(qsizetype(qMin<qint64>(*page.count, 10'000'000)));
        }
        m_next = page.nextLink;
        const int received = int(page.alerts.size());
        m_model->appendAlerts(std::move(page.alerts));
        m_loaded = m_model->rowCount();
        Q_EMIT pageLoaded(received);
        Q_EMIT progress(m_loaded, m_total.value_or(-1));
        if (!all || m_next.isEmpty())
            break;
        if (prefetch && peeked == m_next) {
            response = co_await *prefetch;
        } else {
            const QUrl next = m_next;
            response = co_await source->fetchRaw(next, cancel);
        }
    }
    m_loading = false;
    if (m_model->sortColumn() >= 0)
        m_model->sort(m_model->sortColumn(), m_model->sortOrder());
    qCDebug(lcAlertLoader) << "loaded" << m_loaded << "alerts";
#if defined(__GLIBC__)
    // The pages' bodies and the parser's buffers are free now but stay with the allocator, several
    // megabytes per page and thread: after loading everything, give them back to the system.
    if (all)
        ::malloc_trim(0);
#endif
    Q_EMIT stateChanged();
    Q_EMIT finished();
}

} // namespace vigil::core
