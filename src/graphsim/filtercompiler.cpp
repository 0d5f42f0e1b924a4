#include "filtercompiler.h"

#include "graphenum.h"
#include "jsonwriter.h"

#include <QJsonObject>

namespace graphsim {

namespace {

template<typename T>
bool compareValues(FilterOp op, const T &a, const T &b)
{
    switch (op) {
    case FilterOp::Eq: return a == b;
    case FilterOp::Ne: return a != b;
    case FilterOp::Gt: return a > b;
    case FilterOp::Ge: return a >= b;
    case FilterOp::Lt: return a < b;
    case FilterOp::Le: return a <= b;
    }
    return false;
}

bool compareStrings(FilterOp op, const QString &value, const QString &literal, bool literalNull)
{
    if (literalNull || value.isNull()) {
        const bool same = literalNull == value.isNull();
        if (op == FilterOp::Eq)
            return same;
        if (op == FilterOp::Ne)
            return !same;
        return false;   // ordering against null is never true in OData
    }
    return compareValues(op, QString::compare(value, literal, Qt::CaseInsensitive), 0);
}

QString literalTypeName(const FilterLiteral &l)
{
    switch (l.kind) {
    case FilterLiteral::Kind::Null: return QStringLiteral("null");
    case FilterLiteral::Kind::String: return QStringLiteral("Edm.String");
    case FilterLiteral::Kind::Number: return QStringLiteral("Edm.Int32");
    case FilterLiteral::Kind::Boolean: return QStringLiteral("Edm.Boolean");
    case FilterLiteral::Kind::DateTime: return QStringLiteral("Edm.DateTimeOffset");
    case FilterLiteral::Kind::Enum: return l.enumType;
    }
    return {};
}

using ElementPredicate = std::function<bool(const QJsonValue &)>;

ElementPredicate compileElement(const FilterNode &node, const QString &variable, QString *error)
{
    switch (node.kind) {
    case FilterNode::Kind::And:
    case FilterNode::Kind::Or: {
        std::vector<ElementPredicate> parts;
        for (const FilterNode &child : node.children) {
            ElementPredicate p = compileElement(child, variable, error);
            if (!p)
                return {};
            parts.push_back(std::move(p));
        }
        const bool isAnd = node.kind == FilterNode::Kind::And;
        return [parts, isAnd](const QJsonValue &v) {
            for (const ElementPredicate &p : parts) {
                if (p(v) != isAnd)
                    return !isAnd;
            }
            return isAnd;
        };
    }
    case FilterNode::Kind::Any:
        *error = QStringLiteral("nested any() is not supported");
        return {};
    case FilterNode::Kind::Compare:
        break;
    }
    if (node.path.isEmpty() || node.path.first() != variable) {
        *error = QStringLiteral("the expression inside any() must use the range variable '%1'").arg(variable);
        return {};
    }
    const QStringList sub = node.path.mid(1);
    const FilterLiteral literal = node.literal;
    const FilterOp op = node.op;
    return [sub, literal, op](const QJsonValue &element) {
        QJsonValue v = element;
        for (const QString &segment : sub) {
            const QJsonObject o = v.toObject();
            v = QJsonValue::Undefined;
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (it.key().compare(segment, Qt::CaseInsensitive) == 0) {
                    v = it.value();
                    break;
                }
            }
        }
        switch (literal.kind) {
        case FilterLiteral::Kind::Null:
            return compareStrings(op, v.isString() ? v.toString() : QString(), QString(), true);
        case FilterLiteral::Kind::String:
        case FilterLiteral::Kind::Enum:
            return v.isString() && compareStrings(op, v.toString(), literal.text, false);
        case FilterLiteral::Kind::Number:
            return v.isDouble() && compareValues(op, v.toDouble(), literal.number);
        case FilterLiteral::Kind::Boolean:
            return v.isBool() && compareValues(op, v.toBool(), literal.boolean);
        case FilterLiteral::Kind::DateTime: {
            qint64 ticks = 0;
            return v.isString() && parseTicks(v.toString(), &ticks) && compareValues(op, ticks, literal.ticks);
        }
        }
        return false;
    };
}

} // namespace

FilterCompiler::FilterCompiler(QString entityType, QList<FilterField> fields, QStringList otherProperties)
    : m_entityType(std::move(entityType))
    , m_fields(std::move(fields))
    , m_otherProperties(std::move(otherProperties))
{
}

const FilterField *FilterCompiler::field(const QStringList &path) const
{
    const QString name = path.join(u'/');
    for (const FilterField &f : m_fields) {
        if (f.name.compare(name, Qt::CaseInsensitive) == 0)
            return &f;
    }
    return nullptr;
}

FilterPredicate FilterCompiler::compile(const FilterNode &node, QString *error) const
{
    switch (node.kind) {
    case FilterNode::Kind::Compare:
        return compileCompare(node, error);
    case FilterNode::Kind::Any:
        return compileAny(node, error);
    case FilterNode::Kind::And:
    case FilterNode::Kind::Or: {
        std::vector<FilterPredicate> parts;
        for (const FilterNode &child : node.children) {
            FilterPredicate p = compile(child, error);
            if (!p)
                return {};
            parts.push_back(std::move(p));
        }
        if (node.kind == FilterNode::Kind::And)
            return [parts](int i) {
                for (const FilterPredicate &p : parts) {
                    if (!p(i))
                        return false;
                }
                return true;
            };
        return [parts](int i) {
            for (const FilterPredicate &p : parts) {
                if (p(i))
                    return true;
            }
            return false;
        };
    }
    }
    return {};
}

FilterPredicate FilterCompiler::compileCompare(const FilterNode &node, QString *error) const
{
    const FilterField *f = field(node.path);
    const QString name = node.path.join(u'/');
    if (!f) {
        for (const QString &other : m_otherProperties) {
            if (other.compare(name, Qt::CaseInsensitive) == 0) {
                *error = QStringLiteral("Invalid filter clause: the property '%1' cannot be used in $filter on this "
                                        "resource.").arg(name);
                return {};
            }
        }
        *error = QStringLiteral("Could not find a property named '%1' on type '%2'.").arg(name, m_entityType);
        return {};
    }
    const FilterLiteral &l = node.literal;
    const FilterOp op = node.op;
    const auto incompatible = [&](const QString &fieldType) {
        *error = QStringLiteral("A binary operator with incompatible types was detected. Found operand types '%1' "
                                "and '%2' for operator kind '%3'.")
                     .arg(fieldType, literalTypeName(l), ODataFilter::opName(op));
        return FilterPredicate{};
    };
    switch (f->type) {
    case FilterField::Type::Enum: {
        if (l.kind != FilterLiteral::Kind::String && l.kind != FilterLiteral::Kind::Enum)
            return incompatible(QLatin1StringView(f->enumDef->typeName()));
        if (l.kind == FilterLiteral::Kind::Enum
            && l.enumType.compare(QLatin1StringView(f->enumDef->typeName()), Qt::CaseInsensitive) != 0) {
            *error = QStringLiteral("The enum type '%1' does not match the property type '%2'.")
                         .arg(l.enumType, QLatin1StringView(f->enumDef->typeName()));
            return {};
        }
        const int member = f->enumDef->parse(l.text);
        if (member < 0) {
            *error = QStringLiteral("The string '%1' is not a valid enumeration type constant.").arg(l.text);
            return {};
        }
        const auto get = f->enumValue;
        return [get, op, member](int i) { return compareValues(op, get(i), member); };
    }
    case FilterField::Type::DateTime: {
        const auto get = f->ticks;
        if (l.kind == FilterLiteral::Kind::Null) {
            if (op != FilterOp::Eq && op != FilterOp::Ne)
                return incompatible(QStringLiteral("Edm.DateTimeOffset"));
            const bool wantNull = op == FilterOp::Eq;
            return [get, wantNull](int i) { return (get(i) == 0) == wantNull; };
        }
        if (l.kind != FilterLiteral::Kind::DateTime)
            return incompatible(QStringLiteral("Edm.DateTimeOffset"));
        const qint64 ticks = l.ticks;
        return [get, op, ticks](int i) {
            const qint64 v = get(i);
            return v != 0 && compareValues(op, v, ticks);
        };
    }
    case FilterField::Type::String: {
        if (l.kind != FilterLiteral::Kind::String && l.kind != FilterLiteral::Kind::Null)
            return incompatible(QStringLiteral("Edm.String"));
        const auto get = f->string;
        const QString text = l.text;
        const bool isNull = l.kind == FilterLiteral::Kind::Null;
        return [get, op, text, isNull](int i) { return compareStrings(op, get(i), text, isNull); };
    }
    case FilterField::Type::Number: {
        if (l.kind != FilterLiteral::Kind::Number)
            return incompatible(QStringLiteral("Edm.Int32"));
        const auto get = f->number;
        const double n = l.number;
        return [get, op, n](int i) { return compareValues(op, get(i), n); };
    }
    case FilterField::Type::Collection:
        *error = QStringLiteral("The collection '%1' can only be filtered with any().").arg(name);
        return {};
    }
    return {};
}

FilterPredicate FilterCompiler::compileAny(const FilterNode &node, QString *error) const
{
    const FilterField *f = field(node.path);
    const QString name = node.path.join(u'/');
    if (!f || f->type != FilterField::Type::Collection) {
        *error = f ? QStringLiteral("'%1' is not a collection.").arg(name)
                   : QStringLiteral("Invalid filter clause: any() on '%1' is not supported on type '%2'.")
                         .arg(name, m_entityType);
        return {};
    }
    const ElementPredicate inner = compileElement(node.children.front(), node.variable, error);
    if (!inner)
        return {};
    const auto get = f->collection;
    return [get, inner](int i) {
        const QJsonArray items = get(i);
        for (const QJsonValue &v : items) {
            if (inner(v))
                return true;
        }
        return false;
    };
}

} // namespace graphsim
