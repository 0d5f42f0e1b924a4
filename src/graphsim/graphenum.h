#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace graphsim {

/// One enumeration of the published v1.0 schema (CSDL): members in schema order, the member
/// index of `unknownFutureValue`, and (for evolvable enums) the members after it, which Graph only
/// returns when the request carries `Prefer: include-unknown-enum-members`.
class GraphEnum
{
public:
    GraphEnum(const char *typeName, QList<QByteArray> members, QList<std::pair<QByteArray, QByteArray>> aliases = {});

    const char *typeName() const { return m_typeName; }
    int count() const { return int(m_members.size()); }
    const QByteArray &name(int index) const { return m_members.at(index); }
    /// The wire spelling, honouring evolvable members: without `includeUnknown` a member after
    /// unknownFutureValue is written as "unknownFutureValue".
    const QByteArray &wireName(int index, bool includeUnknown) const;
    /// Member index of `text` (case-insensitive; documented alias spellings accepted), or -1.
    int parse(QStringView text) const;
    int unknownFutureValue() const { return m_unknownFutureValue; }

private:
    const char *m_typeName;
    QList<QByteArray> m_members;
    QList<std::pair<QByteArray, QByteArray>> m_aliases;
    int m_unknownFutureValue = -1;
};

/// The enumerations the simulator serves. Member order is the CSDL order, so the index doubles as
/// the ordering used by `gt`/`lt` comparisons in $filter.
namespace enums {
const GraphEnum &alertSeverity();       // microsoft.graph.security.alertSeverity
const GraphEnum &alertStatus();         // microsoft.graph.security.alertStatus
const GraphEnum &alertClassification(); // microsoft.graph.security.alertClassification
const GraphEnum &alertDetermination();  // microsoft.graph.security.alertDetermination
const GraphEnum &serviceSource();       // microsoft.graph.security.serviceSource
const GraphEnum &detectionSource();     // microsoft.graph.security.detectionSource
const GraphEnum &incidentStatus();      // microsoft.graph.security.incidentStatus
const GraphEnum &legacySeverity();      // microsoft.graph.alertSeverity
const GraphEnum &legacyStatus();        // microsoft.graph.alertStatus
const GraphEnum &legacyFeedback();      // microsoft.graph.alertFeedback
} // namespace enums

// Member indexes used by the generator and the handlers (CSDL order).
namespace severity { enum : quint8 { Unknown, Informational, Low, Medium, High }; }
namespace alertstatus { enum : quint8 { Unknown, New, InProgress, Resolved }; }
namespace classification { enum : quint8 { Unknown, FalsePositive, TruePositive, InformationalExpectedActivity }; }
namespace incidentstatus { enum : quint8 { Active, Resolved, InProgress, Redirected, UnknownFutureValue, AwaitingAction }; }
namespace legacystatus { enum : quint8 { Unknown, NewAlert, InProgress, Resolved, Dismissed }; }
namespace legacyfeedback { enum : quint8 { Unknown, TruePositive, FalsePositive, BenignPositive }; }

} // namespace graphsim
