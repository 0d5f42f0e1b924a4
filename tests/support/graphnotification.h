#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace vigil::test {

/// The body of one Graph change notification about legacy alert `alertId`, shaped as Graph sends it.
inline QByteArray notificationBody(const QString &subscriptionId, const QString &clientState, const QString &alertId,
                                   const QString &changeType = QStringLiteral("updated"))
{
    const QString resource = QStringLiteral("security/alerts/") + alertId;
    const QJsonObject item {
        { QStringLiteral("id"), QStringLiteral("lsgTZMr9KwAAA") },
        { QStringLiteral("subscriptionId"), subscriptionId },
        { QStringLiteral("subscriptionExpirationDateTime"), QStringLiteral("2026-12-20T11:00:00.0000000Z") },
        { QStringLiteral("clientState"), clientState },
        { QStringLiteral("changeType"), changeType },
        { QStringLiteral("resource"), resource },
        { QStringLiteral("tenantId"), QStringLiteral("84bd8158-6d4d-4958-8b9f-9d6445542f95") },
        { QStringLiteral("resourceData"),
          QJsonObject { { QStringLiteral("@odata.type"), QStringLiteral("#Microsoft.Graph.alert") },
                        { QStringLiteral("@odata.id"), resource },
                        { QStringLiteral("id"), alertId } } },
    };
    return QJsonDocument(QJsonObject { { QStringLiteral("value"), QJsonArray { item } } })
        .toJson(QJsonDocument::Compact);
}

} // namespace vigil::test
