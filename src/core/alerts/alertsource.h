#pragma once

#include "core/alerts/alertparser.h"
#include "core/alerts/alertquery.h"
#include "core/alerts/alertupdate.h"
#include "core/graph/graphclient.h"
#include "core/graph/graphresult.h"

#include <QFuture>
#include <QObject>

#include <memory>

namespace vigil::core {

/// Where alerts come from: one implementation per Graph API (alerts_v2, legacy /security/alerts).
/// Lists page by page (JSON parsed on a worker thread), gets, and applies lifecycle updates.
class AlertSource : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertSource)

public:
    explicit AlertSource(GraphClient *client, QObject *parent = nullptr);
    ~AlertSource() override;

    virtual AlertApi api() const = 0;
    /// The permission the API needs to read, and to update.
    virtual QString readPermission() const = 0;
    virtual QString writePermission() const = 0;

    GraphClient *client() const { return m_client; }
    QUrl listUrl(const AlertQuery &query, const QString &me, const QDateTime &now) const;
    QUrl alertUrl(const QString &id) const;

    /// GETs one page (the first from listUrl(), later ones from @odata.nextLink) and parses it off
    /// the GUI thread.
    QCoro::Task<GraphResult<AlertPage>> fetchPage(QUrl url, CancelToken cancel = {});
    /// The two halves of fetchPage(), so a loader can fetch the next page while this one is parsed.
    QCoro::Task<GraphResponse> fetchRaw(QUrl url, CancelToken cancel = {});
    QFuture<AlertPage> parseAsync(const QByteArray &body);
    /// @odata.nextLink of a page without parsing it, when it can be found cheaply and surely (at the
    /// top level before "value", as graphsim writes it, or as the last member, as Graph does).
    static QUrl peekNextLink(const QByteArray &body);
    QCoro::Task<GraphResult<Alert>> get(QString id);
    /// Applies `update`; returns the alert as the service has it afterwards.
    virtual QCoro::Task<GraphResult<Alert>> update(Alert current, AlertUpdate update) = 0;

protected:
    std::optional<Alert> parseOne(const QByteArray &json);
    GraphError invalidAnswer(const GraphResponse &response) const;
    GraphRequest readRequest(QUrl url) const;

private:
    QStringList collectionPath() const;

    GraphClient *m_client = nullptr;
    std::optional<AlertParser> m_parser;         ///< GUI thread; made on first use (needs api())
    std::shared_ptr<AlertParser> m_pageParser;   ///< worker thread, one page at a time
};

/// /security/alerts_v2: PATCH answers 200 with the alert; comments are added with POST …/comments.
class AlertsV2Source final : public AlertSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsV2Source)

public:
    using AlertSource::AlertSource;
    AlertApi api() const override { return AlertApi::V2; }
    QString readPermission() const override { return QStringLiteral("SecurityAlert.Read.All"); }
    QString writePermission() const override { return QStringLiteral("SecurityAlert.ReadWrite.All"); }
    QCoro::Task<GraphResult<Alert>> update(Alert current, AlertUpdate update) override;
};

/// The legacy /security/alerts (retired by Microsoft on 2026-08-31): PATCH needs vendorInformation
/// and answers 204, or 200 with the alert when asked with Prefer: return=representation.
class LegacyAlertSource final : public AlertSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LegacyAlertSource)

public:
    using AlertSource::AlertSource;
    AlertApi api() const override { return AlertApi::Legacy; }
    QString readPermission() const override { return QStringLiteral("SecurityEvents.Read.All"); }
    QString writePermission() const override { return QStringLiteral("SecurityEvents.ReadWrite.All"); }
    QCoro::Task<GraphResult<Alert>> update(Alert current, AlertUpdate update) override;
};

} // namespace vigil::core
