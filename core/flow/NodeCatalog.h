#pragma once

#include "core/flow/NodeType.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace trellis::core::flow {

/// The node types a flow may use: the one source of truth for palette, validator, interpreter and docs.
class NodeCatalog
{
public:
    /// Every built-in node type (see BuiltinNodes).
    static const NodeCatalog& builtin();

    /// Adds a type; throws std::invalid_argument when the name is taken or the entry is incomplete.
    void add(NodeType type);
    const NodeType* find(std::string_view name) const;
    const std::vector<NodeType>& types() const { return m_types; }
    /// Categories in the order their first type was added (the palette's group order).
    std::vector<std::string> categories() const;

    nlohmann::json toJson() const;

private:
    std::vector<NodeType> m_types;
};

} // namespace trellis::core::flow
