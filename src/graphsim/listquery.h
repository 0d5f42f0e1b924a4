#pragma once

#include "filtercompiler.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace graphsim {

struct GraphCall;

/// The OData query options of a collection request ($filter, $top, $skip, $count, $skiptoken,
/// optionally $expand), validated the way the security APIs do: anything else starting with '$'
/// is a 400, non-$ parameters are ignored.
struct ListQuery
{
    FilterPredicate filter;         ///< empty = everything
    QString filterText;
    int top = -1;                   ///< -1 = not given
    int skip = 0;
    bool count = false;
    qint64 below = -1;              ///< from $skiptoken: continue with entities whose index is < below
    QString expand;

    /// On failure returns nullopt and a message for a 400 BadRequest.
    static std::optional<ListQuery> parse(const GraphCall &call, const FilterCompiler &compiler,
                                          const QStringList &extraOptions, QString *error);

    /// Walks entity indexes newest first (count-1 … 0), applying the filter, skip/skiptoken and a
    /// page size. Returns the indexes of the page and, when more remain, the token for the next.
    struct Page
    {
        QList<int> indexes;
        qint64 nextBelow = -1;      ///< -1 = last page
        qint64 total = -1;          ///< when count was asked for
    };
    Page run(int entityCount, int pageSize) const;

    /// The nextLink for `page`: the same request with `$skiptoken` instead of `$skip`.
    QString nextLink(const QString &collectionUrl, const Page &page, int pageSize) const;
};

} // namespace graphsim
