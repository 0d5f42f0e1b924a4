#include "listquery.h"

#include "graphcontext.h"
#include "graphresponse.h"

#include <QUrl>

namespace graphsim {

namespace {
std::optional<int> nonNegative(const QString &text)
{
    bool ok = false;
    const int v = text.toInt(&ok);
    if (!ok || v < 0)
        return std::nullopt;
    return v;
}

QString encode(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value, "'(),:/"));
}
} // namespace

std::optional<ListQuery> ListQuery::parse(const GraphCall &call, const FilterCompiler &compiler,
                                          const QStringList &extraOptions, QString *error)
{
    ListQuery q;
    QStringList seen;
    const auto items = graphresponse::queryItems(call.request);
    for (const auto &[rawName, value] : items) {
        const QString name = rawName.toLower();
        if (!name.startsWith(u'$'))
            continue;
        if (seen.contains(name)) {
            *error = QStringLiteral("Query option '%1' was specified more than once, but it must be specified at "
                                    "most once.").arg(rawName.mid(1));
            return std::nullopt;
        }
        seen.append(name);
        if (name == u"$filter") {
            q.filterText = value;
            std::unique_ptr<FilterNode> node = ODataFilter::parse(value, error);
            if (!node) {
                *error = QStringLiteral("Invalid filter clause: ") + *error;
                return std::nullopt;
            }
            q.filter = compiler.compile(*node, error);
            if (!q.filter)
                return std::nullopt;
        } else if (name == u"$top") {
            const auto v = nonNegative(value);
            if (!v) {
                *error = QStringLiteral("Invalid value '%1' for $top query option found. The $top query option "
                                        "requires a non-negative integer value.").arg(value);
                return std::nullopt;
            }
            q.top = *v;
        } else if (name == u"$skip") {
            const auto v = nonNegative(value);
            if (!v) {
                *error = QStringLiteral("Invalid value '%1' for $skip query option found. The $skip query option "
                                        "requires a non-negative integer value.").arg(value);
                return std::nullopt;
            }
            q.skip = *v;
        } else if (name == u"$count") {
            if (value != u"true" && value != u"false") {
                *error = QStringLiteral("'%1' is not a valid count option.").arg(value);
                return std::nullopt;
            }
            q.count = value == u"true";
        } else if (name == u"$skiptoken") {
            const QByteArray decoded = QByteArray::fromBase64(value.toLatin1(), QByteArray::Base64UrlEncoding);
            bool ok = false;
            q.below = decoded.startsWith("b:") ? decoded.mid(2).toLongLong(&ok) : -1;
            if (!ok || q.below < 0) {
                *error = QStringLiteral("The $skiptoken value is not valid.");
                return std::nullopt;
            }
        } else if (extraOptions.contains(name)) {
            if (name == u"$expand")
                q.expand = value;
        } else {
            QString option = rawName.mid(1);
            if (!option.isEmpty())
                option[0] = option[0].toUpper();
            *error = QStringLiteral("Query option '%1' is not allowed. To allow it, set the 'AllowedQueryOptions' "
                                    "property on EnableQueryAttribute or QueryValidationSettings.")
                         .arg(option);
            return std::nullopt;
        }
    }
    if (q.below >= 0)
        q.skip = 0;     // the token already carries the position
    return q;
}

ListQuery::Page ListQuery::run(int entityCount, int pageSize) const
{
    Page page;
    const int limit = top >= 0 ? qMin(top, pageSize) : pageSize;
    qint64 start = below >= 0 ? qMin<qint64>(below, entityCount) : entityCount;
    int skipped = 0;
    qint64 i = start - 1;
    for (; i >= 0 && page.indexes.size() < limit; --i) {
        if (filter && !filter(int(i)))
            continue;
        if (skipped < skip) {
            ++skipped;
            continue;
        }
        page.indexes.append(int(i));
    }
    // Is there anything after this page?
    for (qint64 j = i; j >= 0; --j) {
        if (!filter || filter(int(j))) {
            page.nextBelow = i + 1;
            break;
        }
    }
    if (page.indexes.size() < limit || limit == 0)
        page.nextBelow = limit == 0 ? -1 : page.nextBelow;
    if (count) {
        if (!filter) {
            page.total = entityCount;
        } else {
            qint64 n = 0;
            for (int k = 0; k < entityCount; ++k)
                n += filter(k) ? 1 : 0;
            page.total = n;
        }
    }
    return page;
}

QString ListQuery::nextLink(const QString &collectionUrl, const Page &page, int pageSize) const
{
    if (page.nextBelow < 0)
        return {};
    QStringList parts;
    if (!filterText.isNull())
        parts.append(QStringLiteral("$filter=") + encode(filterText));
    if (!expand.isNull())
        parts.append(QStringLiteral("$expand=") + encode(expand));
    if (count)
        parts.append(QStringLiteral("$count=true"));
    parts.append(QStringLiteral("$top=") + QString::number(top >= 0 ? qMin(top, pageSize) : pageSize));
    parts.append(QStringLiteral("$skiptoken=")
                 + QString::fromLatin1(QByteArray("b:" + QByteArray::number(page.nextBelow))
                                           .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
    return collectionUrl + u'?' + parts.join(u'&');
}

} // namespace graphsim
