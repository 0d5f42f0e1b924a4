#include "scopes.h"

namespace graphsim::scopes {

namespace {
struct Known
{
    const char *name;
    const char *description;
};
const Known kScopes[] = {
    {"User.Read", "Sign you in and read your profile"},
    {"User.ReadBasic.All", "Read all users' basic profiles"},
    {"Mail.Send", "Send mail as you"},
    {"Mail.Read", "Read your mail"},
    {"SecurityAlert.Read.All", "Read your organization's security alerts"},
    {"SecurityAlert.ReadWrite.All", "Read and update your organization's security alerts"},
    {"SecurityIncident.Read.All", "Read your organization's security incidents"},
    {"SecurityIncident.ReadWrite.All", "Read and update your organization's security incidents"},
    {"SecurityEvents.Read.All", "Read your organization's security events (legacy alerts)"},
    {"SecurityEvents.ReadWrite.All", "Read and update your organization's security events (legacy alerts)"},
    {"Subscription.Read.All", "Read all webhook subscriptions"},
};
} // namespace

const QStringList &graphScopes()
{
    static const QStringList list = [] {
        QStringList l;
        for (const Known &k : kScopes)
            l.append(QString::fromLatin1(k.name));
        return l;
    }();
    return list;
}

bool isOidcScope(const QString &scope)
{
    static const QStringList oidc{QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("email"),
                                  QStringLiteral("offline_access")};
    return oidc.contains(scope, Qt::CaseInsensitive);
}

QString description(const QString &scope)
{
    for (const Known &k : kScopes) {
        if (scope.compare(QLatin1StringView(k.name), Qt::CaseInsensitive) == 0)
            return QString::fromLatin1(k.description);
    }
    if (scope == u"offline_access")
        return QStringLiteral("Maintain access to data you have given it access to");
    if (scope == u"openid" || scope == u"profile" || scope == u"email")
        return QStringLiteral("View your basic profile");
    return scope;
}

Parsed parse(const QString &scopeParameter)
{
    Parsed parsed;
    const QStringList items = scopeParameter.split(u' ', Qt::SkipEmptyParts);
    static const QString graphPrefix = QStringLiteral("https://graph.microsoft.com/");
    for (QString item : items) {
        if (isOidcScope(item)) {
            item = item.toLower();
            if (!parsed.oidc.contains(item))
                parsed.oidc.append(item);
            continue;
        }
        if (item.startsWith(graphPrefix, Qt::CaseInsensitive))
            item = item.mid(graphPrefix.size());
        else if (item.startsWith(QStringLiteral("00000003-0000-0000-c000-000000000000/"), Qt::CaseInsensitive))
            item = item.mid(37);
        if (item == u".default") {
            // The tenant has consented to every permission the simulator knows.
            for (const QString &s : graphScopes()) {
                if (!parsed.graph.contains(s))
                    parsed.graph.append(s);
            }
            continue;
        }
        bool found = false;
        for (const QString &s : graphScopes()) {
            if (s.compare(item, Qt::CaseInsensitive) == 0) {
                if (!parsed.graph.contains(s))
                    parsed.graph.append(s);
                found = true;
            }
        }
        if (!found && parsed.invalid.isEmpty())
            parsed.invalid = item;
    }
    return parsed;
}

} // namespace graphsim::scopes
