#pragma once

#include "odatafilter.h"

#include <QJsonArray>
#include <QList>
#include <QString>

#include <functional>

namespace graphsim {

class GraphEnum;

/// One property $filter may use on an entity set, with how to read it from entity number `i`.
struct FilterField
{
    enum class Type { Enum, DateTime, String, Number, Collection };
    QString name;                                   ///< path as written, e.g. "vendorInformation/provider"
    Type type = Type::String;
    const GraphEnum *enumDef = nullptr;             ///< Type::Enum
    std::function<int(int)> enumValue;              ///< member index
    std::function<qint64(int)> ticks;               ///< 0 = null
    std::function<QString(int)> string;             ///< null QString = null
    std::function<double(int)> number;
    std::function<QJsonArray(int)> collection;      ///< for any(): objects or scalars
};

using FilterPredicate = std::function<bool(int)>;

/// Binds a parsed $filter to the properties of one entity set and returns a predicate over entity
/// indexes. Property names match case-insensitively (Graph accepts `Severity eq 'high'`), enum
/// values too, and strings compare case-insensitively like the directory-backed services do.
class FilterCompiler
{
public:
    FilterCompiler(QString entityType, QList<FilterField> fields, QStringList otherProperties = {});

    FilterPredicate compile(const FilterNode &node, QString *error) const;

private:
    FilterPredicate compileCompare(const FilterNode &node, QString *error) const;
    FilterPredicate compileAny(const FilterNode &node, QString *error) const;
    const FilterField *field(const QStringList &path) const;

    QString m_entityType;
    QList<FilterField> m_fields;
    QStringList m_otherProperties;
};

} // namespace graphsim
