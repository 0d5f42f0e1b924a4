#include "alertloader.h"

#include "core/alerts/alerttablemodel.h"

#include <QLoggingCategory>

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
    CancelToken cancel = m_cancel;
    m_loading = true;
    Q_EMIT stateChanged();
    while (url.isValid() && !url.isEmpty()) {
        auto result = co_await m_source->fetchPage(url, cancel);
        if (!self || generation != m_generation)
            co_return;  // cancelled or superseded while waiting
        if (!result.ok()) {
            m_loading = false;
            Q_EMIT stateChanged();
            if (!result.error().cancelled)
                Q_EMIT failed(result.error());
            co_return;
        }
        AlertPage &page = result.value();
        if (page.count)
            m_total = page.count;
        m_next = page.nextLink;
        const int received = int(page.alerts.size());
        m_model->appendAlerts(std::move(page.alerts));
        m_loaded = m_model->rowCount();
        Q_EMIT pageLoaded(received);
        Q_EMIT progress(m_loaded, m_total.value_or(-1));
        if (!all)
            break;
        url = m_next;
    }
    m_loading = false;
    if (m_model->sortColumn() >= 0)
        m_model->sort(m_model->sortColumn(), m_model->sortOrder());
    qCDebug(lcAlertLoader) << "loaded" << m_loaded << "alerts";
    Q_EMIT stateChanged();
    Q_EMIT finished();
}

} // namespace vigil::core
