#include "graphenum.h"

namespace graphsim {

GraphEnum::GraphEnum(const char *typeName, QList<QByteArray> members, QList<std::pair<QByteArray, QByteArray>> aliases)
    : m_typeName(typeName)
    , m_members(std::move(members))
    , m_aliases(std::move(aliases))
    , m_unknownFutureValue(int(m_members.indexOf(QByteArrayLiteral("unknownFutureValue"))))
{
}

const QByteArray &GraphEnum::wireName(int index, bool includeUnknown) const
{
    if (!includeUnknown && m_unknownFutureValue >= 0 && index > m_unknownFutureValue)
        return m_members.at(m_unknownFutureValue);
    return m_members.at(index);
}

int GraphEnum::parse(QStringView text) const
{
    const QByteArray utf8 = text.toUtf8();
    for (int i = 0; i < m_members.size(); ++i) {
        if (QByteArrayView(m_members.at(i)).compare(utf8, Qt::CaseInsensitive) == 0)
            return i;
    }
    for (const auto &[alias, member] : m_aliases) {
        if (QByteArrayView(alias).compare(utf8, Qt::CaseInsensitive) == 0)
            return int(m_members.indexOf(member));
    }
    return -1;
}

namespace enums {

const GraphEnum &alertSeverity()
{
    static const GraphEnum e("microsoft.graph.security.alertSeverity",
                             {"unknown", "informational", "low", "medium", "high", "unknownFutureValue"});
    return e;
}

const GraphEnum &alertStatus()
{
    // CSDL: unknown(0), new(2), inProgress(4), resolved(8), unknownFutureValue(31).
    static const GraphEnum e("microsoft.graph.security.alertStatus",
                             {"unknown", "new", "inProgress", "resolved", "unknownFutureValue"});
    return e;
}

const GraphEnum &alertClassification()
{
    // Older doc versions say benignPositive; the CSDL does not. Accepted as an alias of
    // informationalExpectedActivity, which is what the portal calls "benign positive".
    static const GraphEnum e("microsoft.graph.security.alertClassification",
                             {"unknown", "falsePositive", "truePositive", "informationalExpectedActivity",
                              "unknownFutureValue"},
                             {{"benignPositive", "informationalExpectedActivity"}});
    return e;
}

const GraphEnum &alertDetermination()
{
    // The CSDL member names are emitted; the doc tables' spellings are accepted on input.
    static const GraphEnum e("microsoft.graph.security.alertDetermination",
                             {"unknown", "apt", "malware", "securityPersonnel", "securityTesting", "unwantedSoftware",
                              "other", "multiStagedAttack", "compromisedAccount", "phishing", "maliciousUserActivity",
                              "notMalicious", "notEnoughDataToValidate", "confirmedActivity",
                              "lineOfBusinessApplication", "unknownFutureValue"},
                             {{"compromisedUser", "compromisedAccount"},
                              {"clean", "notMalicious"},
                              {"insufficientData", "notEnoughDataToValidate"},
                              {"confirmedUserActivity", "confirmedActivity"}});
    return e;
}

const GraphEnum &serviceSource()
{
    static const GraphEnum e("microsoft.graph.security.serviceSource",
                             {"unknown", "microsoftDefenderForEndpoint", "microsoftDefenderForIdentity",
                              "microsoftDefenderForCloudApps", "microsoftDefenderForOffice365", "microsoft365Defender",
                              "azureAdIdentityProtection", "microsoftAppGovernance", "dataLossPrevention",
                              "unknownFutureValue", "microsoftDefenderForCloud", "microsoftSentinel",
                              "microsoftInsiderRiskManagement", "microsoftThreatIntelligence",
                              "microsoftSecurityForAI"});
    return e;
}

const GraphEnum &detectionSource()
{
    static const GraphEnum e("microsoft.graph.security.detectionSource",
                             {"unknown", "microsoftDefenderForEndpoint", "antivirus", "smartScreen", "customTi",
                              "microsoftDefenderForOffice365", "automatedInvestigation", "microsoftThreatExperts",
                              "customDetection", "microsoftDefenderForIdentity", "cloudAppSecurity",
                              "microsoft365Defender", "azureAdIdentityProtection", "manual",
                              "microsoftDataLossPrevention", "appGovernancePolicy", "appGovernanceDetection",
                              "unknownFutureValue", "microsoftDefenderForCloud", "microsoftDefenderForIoT",
                              "microsoftDefenderForServers", "microsoftDefenderForStorage", "microsoftDefenderForDNS",
                              "microsoftDefenderForDatabases", "microsoftDefenderForContainers",
                              "microsoftDefenderForNetwork", "microsoftDefenderForAppService",
                              "microsoftDefenderForKeyVault", "microsoftDefenderForResourceManager",
                              "microsoftDefenderForApiManagement", "nrtAlerts", "scheduledAlerts",
                              "microsoftDefenderThreatIntelligenceAnalytics", "builtInMl",
                              "microsoftInsiderRiskManagement", "microsoftThreatIntelligence",
                              "microsoftDefenderForAIServices", "securityCopilot", "microsoftSentinel"});
    return e;
}

const GraphEnum &incidentStatus()
{
    static const GraphEnum e("microsoft.graph.security.incidentStatus",
                             {"active", "resolved", "inProgress", "redirected", "unknownFutureValue", "awaitingAction"});
    return e;
}

const GraphEnum &legacySeverity()
{
    static const GraphEnum e("microsoft.graph.alertSeverity",
                             {"unknown", "informational", "low", "medium", "high", "unknownFutureValue"});
    return e;
}

const GraphEnum &legacyStatus()
{
    static const GraphEnum e("microsoft.graph.alertStatus",
                             {"unknown", "newAlert", "inProgress", "resolved", "dismissed", "unknownFutureValue"});
    return e;
}

const GraphEnum &legacyFeedback()
{
    static const GraphEnum e("microsoft.graph.alertFeedback",
                             {"unknown", "truePositive", "falsePositive", "benignPositive", "unknownFutureValue"});
    return e;
}

} // namespace enums
} // namespace graphsim
