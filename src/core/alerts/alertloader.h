#pragma once

#include "core/alerts/alertsource.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace vigil::core {

class AlertTableModel;

/// Runs a query into an AlertTableModel: the first page, then more pages on demand ("Load more",
/// "Load all"), following @odata.nextLink, with progress and cancel. Each page lands in the model
/// as one batch.
class AlertLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertLoader)

public:
    explicit AlertLoader(AlertTableModel *model, QObject *parent = nullptr);
    ~AlertLoader() override;

    void setSource(AlertSource *source);
    AlertSource *source() const { return m_source; }

    /// Clears the model and loads the first page of `url`.
    void start(const QUrl &url);
    void loadMore();
    void loadAll();
    void cancel();

    bool isLoading() const { return m_loading; }
    bool canLoadMore() const { return !m_loading && m_next.isValid() && !m_next.isEmpty(); }
    qint64 loaded() const { return m_loaded; }
    /// @odata.count of the query, when the service reported it.
    std::optional<qint64> total() const { return m_total; }
    QUrl firstUrl() const { return m_first; }

Q_SIGNALS:
    void stateChanged();
    void progress(qint64 loaded, qint64 total);   ///< total -1 when unknown
    void pageLoaded(int alerts);
    void failed(const vigil::core::GraphError &error);
    void finished();

private:
    QCoro::Task<> run(QUrl url, bool all, quint64 generation);

    AlertTableModel *m_model = nullptr;
    QPointer<AlertSource> m_source;
    QUrl m_first;
    QUrl m_next;
    CancelToken m_cancel;
    bool m_loading = false;
    qint64 m_loaded = 0;
    std::optional<qint64> m_total;
    quint64 m_generation = 0;
};

} // namespace vigil::core
