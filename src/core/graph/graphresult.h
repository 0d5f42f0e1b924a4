#pragma once

#include "core/graph/grapherror.h"

#include <optional>
#include <utility>

namespace vigil::core {

/// A value or the GraphError that prevented it.
template <typename T>
class GraphResult
{
public:
    /// An empty result (neither value nor error); only for containers and waiting helpers.
    GraphResult() = default;
    GraphResult(T value) : m_value(std::move(value)) {}                // NOLINT: implicit by design
    GraphResult(GraphError error) : m_error(std::move(error)) {}      // NOLINT: implicit by design

    bool ok() const { return m_value.has_value(); }
    bool hasError() const { return m_error.has_value(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const GraphError &error() const { return *m_error; }

private:
    std::optional<T> m_value;
    std::optional<GraphError> m_error;
};

} // namespace vigil::core
