#pragma once

#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>

#include <optional>

namespace graphsim {

/// Everything the simulator can be started with; the graphsim command line maps onto it.
struct SimulatorOptions
{
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 0;
    int alerts = 2000;             ///< alerts_v2 alerts generated at start
    int legacyAlerts = 200;        ///< legacy security/alerts generated at start
    quint64 seed = 1;
    int activitySeconds = 0;       ///< 0 = no activity generator; else one change every N seconds
    int throttleRpm = 0;           ///< Graph requests per minute per app; 0 = unlimited
    int tokenLifetimeSeconds = 3600;
    bool allowHttpNotifications = false;
    std::optional<QSslConfiguration> tls;

    // Additions beyond the command line, for tests and embedding.
    std::optional<QDateTime> startTime;    ///< clock start (UTC); default: the current time
    int maxPageSize = 2000;                ///< alerts_v2/incidents page size without or above $top
    /// Multiplies every notification delivery delay and timeout (1.0 = Graph's documented
    /// timing: 3 s first timeout, 10 s retry timeout, retries for 4 h). Tests use e.g. 0.01.
    double deliveryTimeScale = 1.0;
    /// Timeout of the subscription validation handshake (Graph: 10 s).
    int validationTimeoutMs = 10'000;
    /// Extra CA certificates trusted for https notification URLs (self-signed test receivers).
    QList<QSslCertificate> notificationCaCertificates;
};

} // namespace graphsim
