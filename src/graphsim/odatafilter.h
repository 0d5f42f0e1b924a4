#pragma once

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace graphsim {

/// A literal in a $filter expression.
struct FilterLiteral
{
    enum class Kind { Null, String, Number, Boolean, DateTime, Enum };
    Kind kind = Kind::Null;
    QString text;           ///< String and Enum: the decoded value; DateTime: the source text
    QString enumType;       ///< Enum: the qualified type prefix ("microsoft.graph.security.alertSeverity")
    double number = 0;
    bool boolean = false;
    qint64 ticks = 0;       ///< DateTime
};

enum class FilterOp { Eq, Ne, Gt, Ge, Lt, Le };

/// One node of a parsed $filter: `and`/`or` of children, a comparison `path op literal`, or a
/// lambda `collection/any(var: inner)`.
struct FilterNode
{
    enum class Kind { And, Or, Compare, Any };
    Kind kind = Kind::Compare;
    std::vector<FilterNode> children;   ///< And/Or: two or more; Any: the inner expression
    QStringList path;                   ///< Compare: property path; Any: collection path
    FilterOp op = FilterOp::Eq;
    FilterLiteral literal;
    QString variable;                   ///< Any: the range variable
};

/// Parses the OData v4 $filter subset Graph's security APIs accept: eq, ne, gt, ge, lt, le,
/// and, or, parentheses, string/number/boolean/null/DateTimeOffset/enum literals, and
/// `collection/any(x: …)` lambdas. Everything else (not, in, has, functions, arithmetic) is
/// refused with a message, as the real service answers 400 for it.
class ODataFilter
{
public:
    static std::unique_ptr<FilterNode> parse(const QString &text, QString *error);
    static QString opName(FilterOp op);
};

} // namespace graphsim
