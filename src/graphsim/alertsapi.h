#pragma once

#include "filtercompiler.h"

#include "http/response.h"

namespace graphsim {

class AlertSerializer;
class Clock;
class Dataset;
struct GraphCall;

/// `security/alerts_v2` (list, get, PATCH, comments) and `security/incidents` (list with
/// $expand=alerts, get, PATCH, comments, alerts navigation), with the scope and directory-role
/// checks of the real service.
class AlertsApi
{
public:
    AlertsApi(Dataset *dataset, const Clock *clock, const AlertSerializer *serializer);

    void setMaxPageSize(int size) { m_maxPageSize = qMax(1, size); }
    /// Handles segments "security/alerts_v2[/…]" and "security/incidents[/…]".
    vigil::http::Response handle(const GraphCall &call);

private:
    vigil::http::Response listAlerts(const GraphCall &call);
    vigil::http::Response alert(const GraphCall &call, int index);
    vigil::http::Response patchAlert(const GraphCall &call, int index);
    vigil::http::Response addAlertComment(const GraphCall &call, int index);
    vigil::http::Response listIncidents(const GraphCall &call);
    vigil::http::Response incident(const GraphCall &call, int index, const QString &expand);
    vigil::http::Response patchIncident(const GraphCall &call, int index);
    vigil::http::Response addIncidentComment(const GraphCall &call, int index);
    vigil::http::Response incidentAlerts(const GraphCall &call, int index);

    /// nullopt when the caller may do it; else the 403 answer.
    std::optional<vigil::http::Response> denied(const GraphCall &call, bool write, bool incidents) const;

    Dataset *m_dataset = nullptr;
    const Clock *m_clock = nullptr;
    const AlertSerializer *m_serializer = nullptr;
    FilterCompiler m_alertFilter;
    FilterCompiler m_incidentFilter;
    int m_maxPageSize = 2000;
};

} // namespace graphsim
