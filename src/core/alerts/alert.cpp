#include "alert.h"

#include <QCoreApplication>

namespace vigil::core {

namespace {
QString splitCamelCase(const QString &value)
{
    // "informationalExpectedActivity" → "Informational expected activity", for values added later.
    QString out;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (i == 0)
            out += c.toUpper();
        else if (c.isUpper())
            out += QLatin1Char(' ') + c.toLower();
        else
            out += c;
    }
    return out;
}
} // namespace

Severity severityFromWire(QStringView value)
{
    if (value.compare(u"high", Qt::CaseInsensitive) == 0)
        return Severity::High;
    if (value.compare(u"medium", Qt::CaseInsensitive) == 0)
        return Severity::Medium;
    if (value.compare(u"low", Qt::CaseInsensitive) == 0)
        return Severity::Low;
    if (value.compare(u"informational", Qt::CaseInsensitive) == 0)
        return Severity::Informational;
    return Severity::Unknown;
}

QString severityToWire(Severity severity)
{
    switch (severity) {
    case Severity::High: return QStringLiteral("high");
    case Severity::Medium: return QStringLiteral("medium");
    case Severity::Low: return QStringLiteral("low");
    case Severity::Informational: return QStringLiteral("informational");
    case Severity::Unknown: break;
    }
    return QStringLiteral("unknown");
}

QString displaySeverity(Severity severity)
{
    switch (severity) {
    case Severity::High: return QCoreApplication::translate("Alert", "High");
    case Severity::Medium: return QCoreApplication::translate("Alert", "Medium");
    case Severity::Low: return QCoreApplication::translate("Alert", "Low");
    case Severity::Informational: return QCoreApplication::translate("Alert", "Informational");
    case Severity::Unknown: break;
    }
    return QCoreApplication::translate("Alert", "Unknown");
}

QString displayStatus(const QString &status)
{
    if (status == QLatin1String("new") || status.compare(QLatin1String("newAlert"), Qt::CaseInsensitive) == 0)
        return QCoreApplication::translate("Alert", "New");
    if (status.compare(QLatin1String("inProgress"), Qt::CaseInsensitive) == 0)
        return QCoreApplication::translate("Alert", "In progress");
    if (status.compare(QLatin1String("resolved"), Qt::CaseInsensitive) == 0)
        return QCoreApplication::translate("Alert", "Resolved");
    if (status.compare(QLatin1String("dismissed"), Qt::CaseInsensitive) == 0)
        return QCoreApplication::translate("Alert", "Dismissed");
    if (status.isEmpty() || status == QLatin1String("unknown"))
        return QCoreApplication::translate("Alert", "Unknown");
    return splitCamelCase(status);
}

QString displayClassification(const QString &c)
{
    if (c.isEmpty() || c == QLatin1String("unknown"))
        return QString();
    if (c == QLatin1String("truePositive"))
        return QCoreApplication::translate("Alert", "True positive");
    if (c == QLatin1String("falsePositive"))
        return QCoreApplication::translate("Alert", "False positive");
    if (c == QLatin1String("informationalExpectedActivity"))
        return QCoreApplication::translate("Alert", "Informational, expected activity");
    if (c == QLatin1String("benignPositive"))
        return QCoreApplication::translate("Alert", "Benign positive");
    return splitCamelCase(c);
}

QString displayDetermination(const QString &d)
{
    static const std::pair<const char *, const char *> names[] = {
        {"apt", QT_TRANSLATE_NOOP("Alert", "APT")},
        {"malware", QT_TRANSLATE_NOOP("Alert", "Malware")},
        {"securityPersonnel", QT_TRANSLATE_NOOP("Alert", "Security personnel")},
        {"securityTesting", QT_TRANSLATE_NOOP("Alert", "Security testing")},
        {"unwantedSoftware", QT_TRANSLATE_NOOP("Alert", "Unwanted software")},
        {"other", QT_TRANSLATE_NOOP("Alert", "Other")},
        {"multiStagedAttack", QT_TRANSLATE_NOOP("Alert", "Multi-staged attack")},
        {"compromisedAccount", QT_TRANSLATE_NOOP("Alert", "Compromised account")},
        {"phishing", QT_TRANSLATE_NOOP("Alert", "Phishing")},
        {"maliciousUserActivity", QT_TRANSLATE_NOOP("Alert", "Malicious user activity")},
        {"notMalicious", QT_TRANSLATE_NOOP("Alert", "Not malicious")},
        {"notEnoughDataToValidate", QT_TRANSLATE_NOOP("Alert", "Not enough data to validate")},
        {"confirmedActivity", QT_TRANSLATE_NOOP("Alert", "Confirmed activity")},
        {"lineOfBusinessApplication", QT_TRANSLATE_NOOP("Alert", "Line-of-business application")},
    };
    if (d.isEmpty() || d == QLatin1String("unknown"))
        return QString();
    for (const auto &[wire, name] : names) {
        if (d == QLatin1String(wire))
            return QCoreApplication::translate("Alert", name);
    }
    return splitCamelCase(d);
}

QString displayServiceSource(const QString &s)
{
    static const std::pair<const char *, const char *> names[] = {
        {"microsoftDefenderForEndpoint", "Microsoft Defender for Endpoint"},
        {"microsoftDefenderForIdentity", "Microsoft Defender for Identity"},
        {"microsoftDefenderForCloudApps", "Microsoft Defender for Cloud Apps"},
        {"microsoftDefenderForOffice365", "Microsoft Defender for Office 365"},
        {"microsoft365Defender", "Microsoft Defender XDR"},
        {"azureAdIdentityProtection", "Microsoft Entra ID Protection"},
        {"microsoftAppGovernance", "App governance"},
        {"dataLossPrevention", "Microsoft Purview Data Loss Prevention"},
        {"microsoftDefenderForCloud", "Microsoft Defender for Cloud"},
        {"microsoftSentinel", "Microsoft Sentinel"},
        {"microsoftInsiderRiskManagement", "Microsoft Purview Insider Risk Management"},
        {"microsoftThreatIntelligence", "Microsoft Threat Intelligence"},
        {"microsoftSecurityForAI", "Microsoft Security for AI"},
    };
    for (const auto &[wire, name] : names) {
        if (s == QLatin1String(wire))
            return QString::fromLatin1(name);  // product names are not translated
    }
    return s;
}

} // namespace vigil::core
