#include "activitygenerator.h"

#include "dataset.h"
#include "simulator.h"

#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcActivity, "graphsim.activity", QtInfoMsg)

namespace graphsim {

ActivityGenerator::ActivityGenerator(Simulator *simulator, quint64 seed, QObject *parent)
    : QObject(parent)
    , m_simulator(simulator)
    , m_seed(seed)
{
    connect(&m_timer, &QTimer::timeout, this, &ActivityGenerator::tick);
}

void ActivityGenerator::setInterval(int seconds)
{
    if (seconds <= 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(seconds * 1000);
}

void ActivityGenerator::tick()
{
    const quint64 h = Dataset::mix(m_seed, m_step++, 0xac71);
    const int roll = int(h % 100);
    static const char *const statusFlow[] = {"inProgress", "resolved"};
    static const char *const classifications[] = {"truePositive", "falsePositive", "informationalExpectedActivity"};
    static const char *const determinations[] = {"malware", "notMalicious", "securityTesting"};
    static const char *const legacyStatus[] = {"inProgress", "resolved"};
    const QList<SimUser> users = m_simulator->users();
    QString analyst;
    for (const SimUser &u : users) {
        if (u.role == SecurityRole::Operator && (h >> 20) % 2 == 0)
            analyst = u.userPrincipalName;
        else if (u.role >= SecurityRole::Operator && analyst.isEmpty())
            analyst = u.userPrincipalName;
    }
    if (roll < 45 || m_simulator->alertCount() == 0) {
        const QString id = m_simulator->createAlert({});
        qCDebug(lcActivity) << "new alert" << id;
    } else if (roll < 80) {
        // Move one of the newest alerts along its lifecycle.
        const QString id = m_simulator->alertIdAt(int((h >> 8) % 20));
        const QJsonObject current = m_simulator->alert(id);
        const QString status = current.value(QStringLiteral("status")).toString();
        QJsonObject change;
        if (status == u"new") {
            change = {{QStringLiteral("status"), QString::fromLatin1(statusFlow[0])},
                      {QStringLiteral("assignedTo"), analyst}};
        } else if (status == u"inProgress") {
            const int c = int((h >> 16) % 3);
            change = {{QStringLiteral("status"), QString::fromLatin1(statusFlow[1])},
                      {QStringLiteral("classification"), QString::fromLatin1(classifications[c])},
                      {QStringLiteral("determination"), QString::fromLatin1(determinations[c])}};
        } else {
            change = {{QStringLiteral("assignedTo"), analyst}};
        }
        m_simulator->updateAlert(id, change);
        qCDebug(lcActivity) << "alert moved on" << id;
    } else if (roll < 90 || m_simulator->legacyAlertCount() == 0) {
        static const char *const providers[] = {"IPC", "MCAS", "Azure Advanced Threat Protection", "ASC", "Azure Sentinel"};
        m_simulator->createLegacyAlert({{QStringLiteral("provider"), QString::fromLatin1(providers[(h >> 8) % 5])}});
    } else {
        const QString id = m_simulator->legacyAlertIdAt(int((h >> 8) % 10));
        m_simulator->updateLegacyAlert(id, {{QStringLiteral("status"), QString::fromLatin1(legacyStatus[(h >> 16) % 2])},
                                            {QStringLiteral("assignedTo"), analyst}});
    }
}

} // namespace graphsim
