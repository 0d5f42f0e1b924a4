#include "legacyalertsapi.h"

#include "alertcatalog.h"
#include "alertserializer.h"
#include "clock.h"
#include "dataset.h"
#include "graphcontext.h"
#include "graphenum.h"
#include "graphresponse.h"
#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcLegacy, "graphsim.legacy", QtInfoMsg)

namespace graphsim {

using vigil::http::Response;

namespace {
constexpr int kMaxTop = 1000;
constexpr int kMaxSkip = 500;

QString ts(qint64 ticks)
{
    return ticks == 0 ? QString() : QString::fromLatin1(formatTicks(ticks));
}

QJsonValue tsValue(qint64 ticks)
{
    return ticks == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(ts(ticks));
}

FilterField collection(const char *name, const Dataset *, const LegacyAlertsApi *api)
{
    FilterField f;
    f.name = QString::fromLatin1(name);
    f.type = FilterField::Type::Collection;
    const QString key = f.name;
    f.collection = [api, key](int i) { return api->alertJson(i).value(key).toArray(); };
    return f;
}

FilterField text(const char *name, std::function<QString(int)> get)
{
    FilterField f;
    f.name = QString::fromLatin1(name);
    f.type = FilterField::Type::String;
    f.string = std::move(get);
    return f;
}

FilterField enumField(const char *name, const GraphEnum *e, std::function<int(int)> get)
{
    FilterField f;
    f.name = QString::fromLatin1(name);
    f.type = FilterField::Type::Enum;
    f.enumDef = e;
    f.enumValue = std::move(get);
    return f;
}

FilterField dateField(const char *name, std::function<qint64(int)> get)
{
    FilterField f;
    f.name = QString::fromLatin1(name);
    f.type = FilterField::Type::DateTime;
    f.ticks = std::move(get);
    return f;
}

const LegacyProvider &providerOf(const LegacyAlertRecord &r)
{
    int n = 0;
    return catalog::legacyProviders(&n)[r.provider];
}

const LegacyTemplate &templateOf(const LegacyAlertRecord &r)
{
    int n = 0;
    return catalog::legacyTemplates(&n)[r.templateIndex];
}
} // namespace

LegacyAlertsApi::LegacyAlertsApi(Dataset *dataset, const Clock *clock)
    : m_dataset(dataset)
    , m_clock(clock)
    , m_filter(QStringLiteral("microsoft.graph.alert"), {})
{
    const Dataset *d = dataset;
    QList<FilterField> fields{
        text("id", [d](int i) { return d->legacy(i).id; }),
        text("assignedTo", [d](int i) { return d->legacy(i).assignedTo; }),
        text("category", [d](int i) { return QString::fromLatin1(templateOf(d->legacy(i)).category); }),
        text("title", [d](int i) { return QString::fromLatin1(templateOf(d->legacy(i)).title); }),
        text("azureTenantId", [d](int) { return d->tenantId(); }),
        text("vendorInformation/provider", [d](int i) { return QString::fromLatin1(providerOf(d->legacy(i)).provider); }),
        text("vendorInformation/vendor", [](int) { return QStringLiteral("Microsoft"); }),
        text("vendorInformation/subProvider", [d](int i) {
            const char *s = providerOf(d->legacy(i)).subProvider;
            return s ? QString::fromLatin1(s) : QString();
        }),
        text("vendorInformation/providerVersion", [d](int i) {
            return QString::fromLatin1(providerOf(d->legacy(i)).providerVersion);
        }),
        enumField("severity", &enums::legacySeverity(), [d](int i) { return int(d->legacy(i).severity); }),
        enumField("status", &enums::legacyStatus(), [d](int i) { return int(d->legacy(i).status); }),
        enumField("feedback", &enums::legacyFeedback(), [d](int i) { return int(d->legacy(i).feedback); }),
        dateField("createdDateTime", [d](int i) { return d->legacy(i).createdTicks; }),
        dateField("eventDateTime", [d](int i) { return d->legacy(i).eventTicks; }),
        dateField("lastModifiedDateTime", [d](int i) { return d->legacy(i).lastModifiedTicks; }),
        dateField("closedDateTime", [d](int i) { return d->legacy(i).closedTicks; }),
        collection("hostStates", d, this),
        collection("userStates", d, this),
        collection("fileStates", d, this),
        collection("networkConnections", d, this),
        collection("processes", d, this),
        collection("tags", d, this),
        collection("comments", d, this),
        collection("detectionIds", d, this),
        collection("malwareStates", d, this),
        collection("vulnerabilityStates", d, this),
        collection("registryKeyStates", d, this),
        collection("cloudAppStates", d, this),
        collection("triggers", d, this),
    };
    FilterField confidence;
    confidence.name = QStringLiteral("confidence");
    confidence.type = FilterField::Type::Number;
    confidence.number = [d](int i) { return double(d->legacy(i).confidence); };
    fields.append(confidence);
    m_filter = FilterCompiler(QStringLiteral("microsoft.graph.alert"), fields);
}

FilterPredicate LegacyAlertsApi::compileFilter(const QString &filter, QString *error) const
{
    std::unique_ptr<FilterNode> node = ODataFilter::parse(filter, error);
    if (!node) {
        *error = QStringLiteral("Invalid filter clause: ") + *error;
        return {};
    }
    return m_filter.compile(*node, error);
}

QJsonObject LegacyAlertsApi::alertJson(int index) const
{
    const LegacyAlertRecord &r = m_dataset->legacy(index);
    const LegacyTemplate &t = templateOf(r);
    const LegacyProvider &p = providerOf(r);
    const Person &person = m_dataset->people()[size_t(r.user)];
    const Device &device = m_dataset->devices()[size_t(r.host)];
    const QString ip = QStringLiteral("%1.%2.%3.%4").arg(40 + r.salt % 150).arg((r.salt >> 8) % 254 + 1)
                           .arg((r.salt >> 16) % 254 + 1).arg((r.salt >> 24) % 253 + 2);
    QJsonArray userStates, hostStates, fileStates, networkConnections, processes;
    if (t.evidence & evidence::User) {
        userStates.append(QJsonObject{
            {QStringLiteral("aadUserId"), person.id}, {QStringLiteral("accountName"), person.accountName},
            {QStringLiteral("domainName"), m_dataset->tenantDomain()}, {QStringLiteral("emailRole"), QStringLiteral("unknown")},
            {QStringLiteral("isVpn"), QJsonValue::Null}, {QStringLiteral("logonDateTime"), ts(r.eventTicks)},
            {QStringLiteral("logonId"), QJsonValue::Null}, {QStringLiteral("logonIp"), ip},
            {QStringLiteral("logonLocation"), QStringLiteral("Amsterdam, North Holland, NL")},
            {QStringLiteral("logonType"), QJsonValue::Null}, {QStringLiteral("onPremisesSecurityIdentifier"), person.sid},
            {QStringLiteral("riskScore"), QString::number(r.confidence)},
            {QStringLiteral("userAccountType"), QJsonValue::Null}, {QStringLiteral("userPrincipalName"), person.userPrincipalName}});
    }
    if (t.evidence & evidence::Device) {
        hostStates.append(QJsonObject{
            {QStringLiteral("fqdn"), device.fqdn}, {QStringLiteral("isAzureAdJoined"), true},
            {QStringLiteral("isAzureAdRegistered"), QJsonValue::Null}, {QStringLiteral("isHybridAzureDomainJoined"), true},
            {QStringLiteral("netBiosName"), device.hostName}, {QStringLiteral("os"), device.osPlatform},
            {QStringLiteral("privateIpAddress"), device.ipAddress}, {QStringLiteral("publicIpAddress"), ip},
            {QStringLiteral("riskScore"), QStringLiteral("Medium")}});
    }
    if (t.evidence & evidence::File) {
        fileStates.append(QJsonObject{
            {QStringLiteral("name"), QStringLiteral("invoice_2024.pdf.exe")},
            {QStringLiteral("path"), QStringLiteral("C:\\Users\\%1\\Downloads").arg(person.accountName)},
            {QStringLiteral("riskScore"), QJsonValue::Null},
            {QStringLiteral("fileHash"), QJsonObject{{QStringLiteral("hashType"), QStringLiteral("sha256")},
                                                     {QStringLiteral("hashValue"), QString::fromLatin1(pseudoHex(r.salt, 32))}}}});
    }
    if (t.evidence & evidence::Ip) {
        networkConnections.append(QJsonObject{
            {QStringLiteral("applicationName"), QJsonValue::Null}, {QStringLiteral("destinationAddress"), ip},
            {QStringLiteral("destinationDomain"), QJsonValue::Null}, {QStringLiteral("destinationPort"), QStringLiteral("443")},
            {QStringLiteral("direction"), QStringLiteral("outbound")}, {QStringLiteral("protocol"), QStringLiteral("tcp")},
            {QStringLiteral("sourceAddress"), device.ipAddress}, {QStringLiteral("status"), QStringLiteral("unknown")}});
    }
    if (t.evidence & evidence::Process) {
        processes.append(QJsonObject{
            {QStringLiteral("accountName"), person.accountName},
            {QStringLiteral("commandLine"), QStringLiteral("powershell.exe -nop -w hidden -enc SQBFAFgA")},
            {QStringLiteral("createdDateTime"), ts(r.eventTicks)}, {QStringLiteral("integrityLevel"), QStringLiteral("medium")},
            {QStringLiteral("isElevated"), false}, {QStringLiteral("name"), QStringLiteral("powershell.exe")},
            {QStringLiteral("path"), QStringLiteral("C:\\Windows\\System32\\WindowsPowerShell\\v1.0")},
            {QStringLiteral("processId"), qint64(1000 + r.salt % 30000)}});
    }
    QJsonArray comments, tags;
    for (const QString &c : r.comments)
        comments.append(c);
    for (const QString &c : r.tags)
        tags.append(c);
    QJsonObject vendor{{QStringLiteral("provider"), QString::fromLatin1(p.provider)},
                       {QStringLiteral("providerVersion"), QString::fromLatin1(p.providerVersion)},
                       {QStringLiteral("subProvider"), p.subProvider ? QJsonValue(QString::fromLatin1(p.subProvider))
                                                                     : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("vendor"), QStringLiteral("Microsoft")}};
    return QJsonObject{
        {QStringLiteral("id"), r.id},
        {QStringLiteral("activityGroupName"), QJsonValue::Null},
        {QStringLiteral("assignedTo"), r.assignedTo.isEmpty() ? QJsonValue(QString()) : QJsonValue(r.assignedTo)},
        {QStringLiteral("azureSubscriptionId"), QJsonValue::Null},
        {QStringLiteral("azureTenantId"), m_dataset->tenantId()},
        {QStringLiteral("category"), QString::fromLatin1(t.category)},
        {QStringLiteral("closedDateTime"), tsValue(r.closedTicks)},
        {QStringLiteral("cloudAppStates"), QJsonArray()},
        {QStringLiteral("comments"), comments},
        {QStringLiteral("confidence"), r.confidence},
        {QStringLiteral("createdDateTime"), ts(r.createdTicks)},
        {QStringLiteral("description"), QString::fromLatin1(t.description)},
        {QStringLiteral("detectionIds"), QJsonArray()},
        {QStringLiteral("eventDateTime"), ts(r.eventTicks)},
        {QStringLiteral("feedback"), QString::fromLatin1(enums::legacyFeedback().name(r.feedback))},
        {QStringLiteral("fileStates"), fileStates},
        {QStringLiteral("historyStates"), QJsonArray()},
        {QStringLiteral("hostStates"), hostStates},
        {QStringLiteral("incidentIds"), QJsonArray()},
        {QStringLiteral("lastEventDateTime"), ts(r.eventTicks)},
        {QStringLiteral("lastModifiedDateTime"), ts(r.lastModifiedTicks)},
        {QStringLiteral("malwareStates"), QJsonArray()},
        {QStringLiteral("networkConnections"), networkConnections},
        {QStringLiteral("processes"), processes},
        {QStringLiteral("recommendedActions"), QJsonArray()},
        {QStringLiteral("registryKeyStates"), QJsonArray()},
        {QStringLiteral("securityResources"), QJsonArray()},
        {QStringLiteral("severity"), QString::fromLatin1(enums::legacySeverity().name(r.severity))},
        {QStringLiteral("sourceMaterials"), QJsonArray{QStringLiteral("https://security.microsoft.com/alerts/%1").arg(r.id)}},
        {QStringLiteral("status"), QString::fromLatin1(enums::legacyStatus().name(r.status))},
        {QStringLiteral("tags"), tags},
        {QStringLiteral("title"), QString::fromLatin1(t.title)},
        {QStringLiteral("triggers"), QJsonArray()},
        {QStringLiteral("userStates"), userStates},
        {QStringLiteral("vendorInformation"), vendor},
        {QStringLiteral("vulnerabilityStates"), QJsonArray()},
    };
}

Response LegacyAlertsApi::handle(const GraphCall &call)
{
    const QByteArray &method = call.request.method;
    const bool write = method != "GET" && method != "HEAD";
    if (write ? !call.hasScope({"SecurityEvents.ReadWrite.All"})
              : !call.hasScope({"SecurityEvents.Read.All", "SecurityEvents.ReadWrite.All"}))
        return write ? call.missingScope({"SecurityEvents.ReadWrite.All"})
                     : call.missingScope({"SecurityEvents.Read.All", "SecurityEvents.ReadWrite.All"});
    if (call.claims.role < (write ? SecurityRole::Operator : SecurityRole::Reader))
        return call.error(403, QStringLiteral("Forbidden"),
                          QStringLiteral("The signed-in user has no security role that allows this operation."));
    const QStringList &s = call.segments;
    if (s.size() == 2) {
        if (!write)
            return list(call);
    } else if (s.size() == 3) {
        const int index = m_dataset->findLegacy(s.at(2));
        if (index < 0)
            return call.error(404, QStringLiteral("NotFound"),
                              QStringLiteral("Alert with id '%1' was not found.").arg(s.at(2)));
        if (!write)
            return get(call, index);
        if (method == "PATCH")
            return patch(call, index);
    } else {
        return call.error(400, QStringLiteral("BadRequest"),
                          QStringLiteral("Resource not found for the segment '%1'.").arg(s.at(3)));
    }
    return call.error(405, QStringLiteral("Request_BadRequest"),
                      QStringLiteral("The HTTP method '%1' is not supported on this resource.")
                          .arg(QString::fromLatin1(method)));
}

Response LegacyAlertsApi::list(const GraphCall &call)
{
    int top = kMaxTop;
    int skip = 0;
    bool count = false;
    FilterPredicate filter;
    QString filterText, orderBy, select;
    QStringList seen;
    for (const auto &[rawName, value] : graphresponse::queryItems(call.request)) {
        const QString name = rawName.toLower();
        if (!name.startsWith(u'$'))
            continue;
        if (seen.contains(name))
            return call.error(400, QStringLiteral("BadRequest"),
                              QStringLiteral("Query option '%1' was specified more than once.").arg(rawName));
        seen.append(name);
        bool ok = true;
        if (name == u"$top") {
            top = value.toInt(&ok);
            ok = ok && top >= 0;
            top = qMin(top, kMaxTop);
        } else if (name == u"$skip") {
            skip = value.toInt(&ok);
            ok = ok && skip >= 0;
            if (ok && skip > kMaxSkip)
                return call.error(400, QStringLiteral("BadRequest"),
                                  QStringLiteral("Invalid value for $skip: the maximum is %1. Use an eventDateTime "
                                                 "range filter to page deeper.").arg(kMaxSkip));
        } else if (name == u"$count") {
            ok = value == u"true" || value == u"false";
            count = value == u"true";
        } else if (name == u"$filter") {
            QString error;
            filterText = value;
            filter = compileFilter(value, &error);
            if (!filter)
                return call.error(400, QStringLiteral("BadRequest"), error);
        } else if (name == u"$orderby") {
            orderBy = value;
        } else if (name == u"$select") {
            select = value;
        } else {
            return call.error(400, QStringLiteral("BadRequest"),
                              QStringLiteral("Query option '%1' is not supported on security/alerts.").arg(rawName));
        }
        if (!ok)
            return call.error(400, QStringLiteral("BadRequest"),
                              QStringLiteral("Invalid value '%1' for query option '%2'.").arg(value, rawName));
    }
    QList<int> matching;
    for (int i = m_dataset->legacyCount() - 1; i >= 0; --i) {
        if (!filter || filter(i))
            matching.append(i);
    }
    // $orderby: one property, asc or desc (default createdDateTime desc).
    QString orderField = QStringLiteral("createdDateTime");
    bool descending = true;
    if (!orderBy.isEmpty()) {
        const QStringList parts = orderBy.split(u' ', Qt::SkipEmptyParts);
        orderField = parts.value(0);
        descending = parts.value(1).compare(u"desc", Qt::CaseInsensitive) == 0;
        static const QStringList sortable{QStringLiteral("createdDateTime"), QStringLiteral("eventDateTime"),
                                          QStringLiteral("lastModifiedDateTime"), QStringLiteral("severity"),
                                          QStringLiteral("title"), QStringLiteral("status")};
        if (!sortable.contains(orderField, Qt::CaseInsensitive))
            return call.error(400, QStringLiteral("BadRequest"),
                              QStringLiteral("The property '%1' cannot be used in $orderby.").arg(orderField));
    }
    const auto key = [&](int i) -> QString {
        const LegacyAlertRecord &r = m_dataset->legacy(i);
        const QString f = orderField.toLower();
        if (f == u"severity")
            return QString::number(r.severity);
        if (f == u"status")
            return QString::number(r.status);
        if (f == u"title")
            return QString::fromLatin1(templateOf(r).title);
        if (f == u"eventdatetime")
            return QString::fromLatin1(formatTicks(r.eventTicks));
        if (f == u"lastmodifieddatetime")
            return QString::fromLatin1(formatTicks(r.lastModifiedTicks));
        return QString::fromLatin1(formatTicks(r.createdTicks));
    };
    std::stable_sort(matching.begin(), matching.end(), [&](int a, int b) {
        return descending ? key(a) > key(b) : key(a) < key(b);
    });
    // Federated: top and skip apply per provider, then the answers are merged.
    QList<int> page;
    QHash<int, int> seenPerProvider;
    bool more = false;
    for (int i : std::as_const(matching)) {
        const int p = m_dataset->legacy(i).provider;
        const int n = seenPerProvider.value(p);
        seenPerProvider[p] = n + 1;
        if (n < skip)
            continue;
        if (n < skip + top)
            page.append(i);
        else
            more = true;
    }
    const QStringList selected = select.isEmpty() ? QStringList() : select.split(u',', Qt::SkipEmptyParts);
    QJsonArray values;
    for (int i : std::as_const(page)) {
        QJsonObject o = alertJson(i);
        if (!selected.isEmpty()) {
            QJsonObject projected{{QStringLiteral("id"), o.value(QStringLiteral("id"))}};
            for (const QString &field : selected)
                if (o.contains(field.trimmed()))
                    projected.insert(field.trimmed(), o.value(field.trimmed()));
            o = projected;
        }
        values.append(o);
    }
    QJsonObject body{{QStringLiteral("@odata.context"), call.url(QStringLiteral("$metadata#Security/alerts"))}};
    if (count)
        body.insert(QStringLiteral("@odata.count"), matching.size());
    if (more && top > 0 && skip + top <= kMaxSkip) {
        QStringList parts;
        if (!filterText.isEmpty())
            parts.append(QStringLiteral("$filter=") + QString::fromLatin1(QUrl::toPercentEncoding(filterText, "'(),:/")));
        if (!orderBy.isEmpty())
            parts.append(QStringLiteral("$orderby=") + QString::fromLatin1(QUrl::toPercentEncoding(orderBy)));
        if (!select.isEmpty())
            parts.append(QStringLiteral("$select=") + QString::fromLatin1(QUrl::toPercentEncoding(select, ",")));
        if (count)
            parts.append(QStringLiteral("$count=true"));
        parts.append(QStringLiteral("$top=%1").arg(top));
        parts.append(QStringLiteral("$skip=%1").arg(skip + top));
        body.insert(QStringLiteral("@odata.nextLink"), QString(call.url(QStringLiteral("security/alerts")) + u'?' + parts.join(u'&')));
    }
    body.insert(QStringLiteral("value"), values);
    return call.json(200, body);
}

Response LegacyAlertsApi::get(const GraphCall &call, int index)
{
    QJsonObject o = alertJson(index);
    o.insert(QStringLiteral("@odata.context"), call.url(QStringLiteral("$metadata#Security/alerts/$entity")));
    return call.json(200, o);
}

Response LegacyAlertsApi::patch(const GraphCall &call, int index)
{
    QString error;
    const auto body = call.jsonBody(&error);
    if (!body)
        return call.error(400, QStringLiteral("BadRequest"), error);
    LegacyAlertRecord r = m_dataset->legacy(index);
    const LegacyProvider &provider = providerOf(r);
    const QJsonObject vendor = body->value(QStringLiteral("vendorInformation")).toObject();
    const QString providerName = vendor.value(QStringLiteral("provider")).toString();
    const QString vendorName = vendor.value(QStringLiteral("vendor")).toString();
    if (providerName.isEmpty() || vendorName.isEmpty())
        return call.error(400, QStringLiteral("BadRequest"),
                          QStringLiteral("The request body must contain the vendorInformation property with valid "
                                         "provider and vendor fields."));
    if (providerName.compare(QLatin1StringView(provider.provider), Qt::CaseInsensitive) != 0
        || vendorName.compare(u"Microsoft", Qt::CaseInsensitive) != 0)
        return call.error(400, QStringLiteral("BadRequest"),
                          QStringLiteral("The vendorInformation (%1/%2) does not match the provider of alert '%3'.")
                              .arg(vendorName, providerName, r.id));
    if (QByteArrayView(provider.provider) == "Azure Sentinel")
        return call.error(400, QStringLiteral("BadRequest"),
                          QStringLiteral("The provider 'Azure Sentinel' does not support updating alerts."));
    for (auto it = body->begin(); it != body->end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        const auto enumValue = [&](const GraphEnum &e, quint8 *target) {
            const int m = v.isString() ? e.parse(v.toString()) : -1;
            if (m < 0 || m == e.unknownFutureValue())
                return false;
            *target = quint8(m);
            return true;
        };
        const auto strings = [&](QStringList *target) {
            if (!v.isArray())
                return false;
            QStringList list;
            const QJsonArray a = v.toArray();
            for (const QJsonValue &item : a) {
                if (!item.isString())
                    return false;
                list.append(item.toString());
            }
            *target = list;
            return true;
        };
        bool ok = true;
        if (key == u"vendorInformation" || key.startsWith(u'@'))
            continue;
        if (key == u"status")
            ok = enumValue(enums::legacyStatus(), &r.status);
        else if (key == u"feedback")
            ok = enumValue(enums::legacyFeedback(), &r.feedback);
        else if (key == u"assignedTo") {
            ok = v.isString() || v.isNull();
            r.assignedTo = v.toString();
        } else if (key == u"closedDateTime") {
            ok = v.isNull() || (v.isString() && parseTicks(v.toString(), &r.closedTicks));
            if (v.isNull())
                r.closedTicks = 0;
        } else if (key == u"comments")
            ok = strings(&r.comments);
        else if (key == u"tags")
            ok = strings(&r.tags);
        else
            return call.error(400, QStringLiteral("BadRequest"),
                              QStringLiteral("The property '%1' cannot be updated. Updatable properties: assignedTo, "
                                             "closedDateTime, comments, feedback, status, tags.").arg(key));
        if (!ok)
            return call.error(400, QStringLiteral("BadRequest"),
                              QStringLiteral("Invalid value for the property '%1'.").arg(key));
    }
    const qint64 now = ticksFromMs(m_clock->nowMs());
    if (r.status == legacystatus::Resolved && r.closedTicks == 0)
        r.closedTicks = now;
    r.lastModifiedTicks = now;
    m_dataset->legacy(index) = r;
    if (m_onChange)
        m_onChange(index, QStringLiteral("updated"));
    if (call.prefers("return=representation")) {
        Response res = get(call, index);
        res.setHeader("Preference-Applied", "return=representation");
        return res;
    }
    return call.empty(204);
}

} // namespace graphsim
