#include "controlapi.h"

#include "clock.h"
#include "simulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcControl, "graphsim.control", QtInfoMsg)

namespace graphsim {

using vigil::http::Request;
using vigil::http::Response;

namespace {
Response problem(int status, const QString &message)
{
    return Response::json(status, QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"),
                                                                                     QStringLiteral("SimulatorControl")},
                                                                                    {QStringLiteral("message"), message}}}});
}

Response list(const QJsonArray &values)
{
    return Response::json(200, QJsonObject{{QStringLiteral("value"), values}});
}
} // namespace

bool ControlApi::handles(const QString &path)
{
    return path == u"/_sim" || path.startsWith(u"/_sim/");
}

Response ControlApi::status(const Request &) const
{
    QJsonArray users;
    for (const SimUser &u : m_simulator->users()) {
        static const char *const roles[] = {"none", "securityReader", "securityOperator", "securityAdministrator"};
        users.append(QJsonObject{{QStringLiteral("id"), u.id},
                                 {QStringLiteral("displayName"), u.displayName},
                                 {QStringLiteral("userPrincipalName"), u.userPrincipalName},
                                 {QStringLiteral("role"), QString::fromLatin1(roles[int(u.role)])}});
    }
    const SimulatorOptions &o = m_simulator->options();
    return Response::json(200, QJsonObject{
        {QStringLiteral("tenantId"), m_simulator->tenantId()},
        {QStringLiteral("baseUrl"), m_simulator->baseUrl().toString()},
        {QStringLiteral("now"), m_simulator->clock()->now().toString(Qt::ISODateWithMs)},
        {QStringLiteral("alerts"), m_simulator->alertCount()},
        {QStringLiteral("incidents"), m_simulator->incidentCount()},
        {QStringLiteral("legacyAlerts"), m_simulator->legacyAlertCount()},
        {QStringLiteral("seed"), QString::number(o.seed)},
        {QStringLiteral("users"), users},
    });
}

Response ControlApi::handle(const Request &request)
{
    const QStringList s = request.path().split(u'/', Qt::SkipEmptyParts).mid(1);
    const QByteArray &m = request.method;
    const QString first = s.value(0);
    QJsonObject body;
    if (!request.body.trimmed().isEmpty()) {
        const QJsonDocument doc = QJsonDocument::fromJson(request.body);
        if (!doc.isObject())
            return problem(400, QStringLiteral("The body must be a JSON object."));
        body = doc.object();
    }
    QString error;
    if (first == u"status" && m == "GET")
        return status(request);
    if (first == u"reset" && m == "POST") {
        std::optional<quint64> seed;
        std::optional<int> alerts, legacy;
        if (body.contains(QStringLiteral("seed")))
            seed = quint64(body.value(QStringLiteral("seed")).toVariant().toULongLong());
        if (body.contains(QStringLiteral("alerts")))
            alerts = body.value(QStringLiteral("alerts")).toInt();
        if (body.contains(QStringLiteral("legacyAlerts")))
            legacy = body.value(QStringLiteral("legacyAlerts")).toInt();
        m_simulator->reset(seed, alerts, legacy);
        return status(request);
    }
    if (first == u"clock") {
        if (s.value(1) == u"advance" && m == "POST") {
            QString seconds = request.queryValue(QStringLiteral("seconds"));
            const double value = body.contains(QStringLiteral("seconds")) ? body.value(QStringLiteral("seconds")).toDouble()
                                                                          : seconds.toDouble();
            if (value <= 0)
                return problem(400, QStringLiteral("'seconds' must be a positive number."));
            m_simulator->clock()->advance(qint64(value * 1000));
        }
        return Response::json(200, QJsonObject{{QStringLiteral("now"),
                                                m_simulator->clock()->now().toString(Qt::ISODateWithMs)}});
    }
    if (first == u"signin" && (m == "POST" || m == "PUT")) {
        const QString user = body.value(QStringLiteral("user")).toString();
        if (!m_simulator->setAutoApproveUser(user))
            return problem(404, QStringLiteral("No simulated user '%1'.").arg(user));
        qCInfo(lcControl) << "auto-approve sign-in" << (user.isEmpty() ? QStringLiteral("off") : user);
        return Response::empty(204);
    }
    if (first == u"alerts" || first == u"legacyAlerts") {
        const bool legacy = first == u"legacyAlerts";
        if (s.size() == 1 && m == "POST") {
            const QString id = legacy ? m_simulator->createLegacyAlert(body, &error) : m_simulator->createAlert(body, &error);
            if (id.isEmpty())
                return problem(400, error);
            return Response::json(201, legacy ? m_simulator->legacyAlert(id) : m_simulator->alert(id));
        }
        if (s.size() == 2 && (m == "PATCH" || m == "POST")) {
            const bool ok = legacy ? m_simulator->updateLegacyAlert(s.at(1), body, &error)
                                   : m_simulator->updateAlert(s.at(1), body, &error);
            if (!ok)
                return problem(error.startsWith(u"No ") ? 404 : 400, error);
            return Response::json(200, legacy ? m_simulator->legacyAlert(s.at(1)) : m_simulator->alert(s.at(1)));
        }
        if (s.size() == 2 && m == "GET") {
            const QJsonObject o = legacy ? m_simulator->legacyAlert(s.at(1)) : m_simulator->alert(s.at(1));
            return o.isEmpty() ? problem(404, QStringLiteral("Not found.")) : Response::json(200, o);
        }
    }
    if (first == u"faults") {
        if (m == "GET") {
            QJsonArray values;
            for (const FaultSpec &f : m_simulator->faults())
                values.append(f.toJson());
            return list(values);
        }
        if (m == "DELETE") {
            m_simulator->clearFaults();
            return Response::empty(204);
        }
        if (m == "POST") {
            const auto fault = FaultSpec::fromJson(body, &error);
            if (!fault)
                return problem(400, error);
            FaultSpec f = *fault;
            f.id = m_simulator->addFault(f);
            return Response::json(201, f.toJson());
        }
    }
    if (first == u"outbox") {
        if (m == "DELETE") {
            m_simulator->clearOutbox();
            return Response::empty(204);
        }
        if (m == "GET")
            return list(m_simulator->outbox());
    }
    if (first == u"deliveries") {
        if (m == "DELETE") {
            m_simulator->clearDeliveryLog();
            return Response::empty(204);
        }
        if (m == "GET")
            return list(m_simulator->deliveryLog());
    }
    if (first == u"settings" && (m == "POST" || m == "PATCH")) {
        if (body.contains(QStringLiteral("deliveryTimeScale")))
            m_simulator->setDeliveryTimeScale(body.value(QStringLiteral("deliveryTimeScale")).toDouble(1.0));
        if (body.contains(QStringLiteral("throttleRpm")))
            m_simulator->setThrottleRpm(body.value(QStringLiteral("throttleRpm")).toInt());
        if (body.contains(QStringLiteral("activitySeconds")))
            m_simulator->setActivityInterval(body.value(QStringLiteral("activitySeconds")).toInt());
        return Response::empty(204);
    }
    if (first == u"subscriptions") {
        if (s.size() == 1 && m == "GET") {
            QJsonArray values;
            for (const QJsonObject &o : m_simulator->subscriptions())
                values.append(o);
            return list(values);
        }
        if (s.size() == 3 && s.at(2) == u"lifecycle" && m == "POST") {
            const QString event = body.value(QStringLiteral("event")).toString(QStringLiteral("reauthorizationRequired"));
            if (!m_simulator->sendLifecycleNotification(s.at(1), event))
                return problem(404, QStringLiteral("No subscription '%1' with a lifecycleNotificationUrl.").arg(s.at(1)));
            return Response::empty(202);
        }
    }
    if (first == u"activity" && s.value(1) == u"tick" && m == "POST") {
        m_simulator->activityTick();
        return Response::empty(204);
    }
    return problem(404, QStringLiteral("Unknown control endpoint %1 %2.")
                            .arg(QString::fromLatin1(m), request.path()));
}

} // namespace graphsim
