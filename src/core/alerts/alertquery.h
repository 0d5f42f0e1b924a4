#pragma once

#include "core/alerts/alert.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QUrlQuery>

namespace vigil::core {

/// What the query bar asks for, as a value: filters, time window, page size, for either API.
/// Builds the OData query; every string value is quoted with ' doubled, never pasted raw.
struct AlertQuery
{
    enum class Assignee { Anyone, Me, Unassigned, User };
    enum class TimeField { Created, LastUpdated };
    enum class Window { Any, Last24Hours, Last7Days, Last30Days, Custom };

    AlertApi api = AlertApi::V2;

    // alerts_v2
    QList<Severity> severities;
    QStringList statuses;
    QStringList serviceSources;
    QStringList classifications;
    QStringList determinations;
    Assignee assignee = Assignee::Anyone;
    QString assignedUser;            ///< UPN for Assignee::User
    TimeField timeField = TimeField::Created;
    Window window = Window::Any;
    QDateTime from;                  ///< Window::Custom (either end may be invalid = open)
    QDateTime to;
    int pageSize = 500;

    // legacy /security/alerts: the form of the original samples
    QString provider;                ///< vendorInformation/provider, e.g. "IPC"
    QString category;
    QString legacyStatus;            ///< newAlert, inProgress, resolved
    QString legacySeverity;          ///< high, medium, low, informational
    bool assignedToMe = false;
    QString hostFqdn;
    QString userUpn;
    int top = 5;                     ///< 1, 5, 10 or 20

    /// The $filter expression (empty when nothing is filtered). `me` is the signed-in UPN,
    /// `now` anchors relative time windows.
    QString filter(const QString &me, const QDateTime &now) const;
    /// $filter, $top and (v2) $count=true, ready for the request URL.
    QUrlQuery urlQuery(const QString &me, const QDateTime &now) const;
    /// The collection path below /v1.0: "security/alerts_v2" or "security/alerts".
    QStringList collectionPath() const;

    /// An OData string literal: 'value' with every ' doubled.
    static QString quote(const QString &value);
    /// An OData DateTimeOffset literal (UTC, unquoted).
    static QString dateTimeLiteral(const QDateTime &time);

    /// For saved queries.
    QJsonObject toJson() const;
    static AlertQuery fromJson(const QJsonObject &json);

    friend bool operator==(const AlertQuery &, const AlertQuery &) = default;
};

/// Ways to copy a request: as a URL, a curl command line (token as a shell variable, never the
/// real one) or a Graph Explorer link.
QString curlCommand(const QUrl &url);
QUrl graphExplorerLink(const QUrl &url);

} // namespace vigil::core
