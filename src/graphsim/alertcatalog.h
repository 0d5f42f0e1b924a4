#pragma once

#include <QtGlobal>

namespace graphsim {

/// Evidence kinds an alert template produces (bit flags).
namespace evidence {
enum : quint16 {
    User = 1, Device = 2, Ip = 4, Url = 8, File = 16, Process = 32, Mailbox = 64, Message = 128,
    CloudApp = 256, Registry = 512,
};
}

/// A kind of alert as one detection source raises it. Texts may hold the placeholders {user},
/// {device}, {ip}, {file}, {url} and {count}, filled in per alert.
struct AlertTemplate
{
    const char *title;
    const char *description;
    const char *category;           ///< MITRE tactic as the API spells it ("DefenseEvasion")
    const char *mitreTechniques;    ///< comma-separated, may be empty
    quint8 serviceSource;           ///< enums::serviceSource() member index
    quint8 detectionSource;         ///< enums::detectionSource() member index
    const char *productName;
    const char *recommendedActions;
    quint16 evidence;
    quint8 baseSeverity;            ///< typical severity (severity:: index)
    const char *threatFamily;       ///< may be null
    int weight;                     ///< relative frequency
};

/// A legacy (microsoft.graph.alert) alert kind of one of the original samples' providers.
struct LegacyTemplate
{
    int provider;                   ///< index into legacyProviders()
    const char *title;
    const char *description;
    const char *category;           ///< as in the samples' category list ("impossibleTravel")
    quint8 severity;
    quint16 evidence;
};

struct LegacyProvider
{
    const char *provider;           ///< the filter keyword: "IPC", "MCAS", …
    const char *providerVersion;
    const char *subProvider;        ///< may be null
    bool notifies;                  ///< emits change notifications (MDE and O365 do not, by design)
};

namespace catalog {
const AlertTemplate *alertTemplates(int *count);
int alertTemplateWeightTotal();
const LegacyTemplate *legacyTemplates(int *count);
const LegacyProvider *legacyProviders(int *count);

const char *const *firstNames(int *count);
const char *const *lastNames(int *count);
const char *const *departments(int *count);
const char *const *maliciousDomains(int *count);
const char *const *suspiciousFiles(int *count);
const char *const *countries(int *count);     ///< pairs: letter code, city
const char *const *commentTexts(int *count);
} // namespace catalog

} // namespace graphsim
