#pragma once

#include "filtercompiler.h"

#include "http/response.h"

#include <QJsonObject>

#include <functional>

namespace graphsim {

class Clock;
class Dataset;
struct GraphCall;

/// The legacy `security/alerts` API (microsoft.graph.alert), deprecated by Microsoft but kept for
/// parity with the original samples and because it is the only security resource Graph change
/// notifications exist for. Federated semantics: `$top` is the number of alerts *per provider*
/// (the samples discover providers with `$top=1`), `$top` above 1000 is capped, `$skip` above 500
/// is a 400. PATCH needs `vendorInformation.provider` and `.vendor`; 204, or 200 with
/// `Prefer: return=representation`.
class LegacyAlertsApi
{
public:
    using ChangeHandler = std::function<void(int index, const QString &changeType)>;

    LegacyAlertsApi(Dataset *dataset, const Clock *clock);

    void setChangeHandler(ChangeHandler handler) { m_onChange = std::move(handler); }
    vigil::http::Response handle(const GraphCall &call);

    /// The alert as Graph serialises it.
    QJsonObject alertJson(int index) const;
    /// Compiles a $filter over legacy alerts (used by subscriptions on `security/alerts?$filter=`).
    FilterPredicate compileFilter(const QString &filter, QString *error) const;

private:
    vigil::http::Response list(const GraphCall &call);
    vigil::http::Response get(const GraphCall &call, int index);
    vigil::http::Response patch(const GraphCall &call, int index);

    Dataset *m_dataset = nullptr;
    const Clock *m_clock = nullptr;
    FilterCompiler m_filter;
    ChangeHandler m_onChange;
};

} // namespace graphsim
