#include "core/flow/NodeCatalog.h"

#include "core/flow/BuiltinNodes.h"

#include <algorithm>
#include <stdexcept>

namespace trellis::core::flow {

const NodeCatalog& NodeCatalog::builtin()
{
    static const NodeCatalog catalog = [] {
        NodeCatalog c;
        addBuiltinNodes(c);
        return c;
    }();
    return catalog;
}

void NodeCatalog::add(NodeType type)
{
    if (type.name.empty() || !type.behaviour)
        throw std::invalid_argument("node type \"" + type.name + "\" needs a name and a behaviour");
    if (find(type.name))
        throw std::invalid_argument("node type \"" + type.name + "\" is already in the catalog");
    if (type.terminal != NodeType::Terminal::None && !type.outcomes.empty())
        throw std::invalid_argument("terminal node type \"" + type.name + "\" cannot have outcomes");
    m_types.push_back(std::move(type));
}

const NodeType* NodeCatalog::find(std::string_view name) const
{
    const auto it = std::find_if(m_types.begin(), m_types.end(), [&](const NodeType& t) { return t.name == name; });
    return it == m_types.end() ? nullptr : &*it;
}

std::vector<std::string> NodeCatalog::categories() const
{
    std::vector<std::string> out;
    for (const NodeType& t : m_types) {
        if (std::find(out.begin(), out.end(), t.category) == out.end())
            out.push_back(t.category);
    }
    return out;
}

nlohmann::json NodeCatalog::toJson() const
{
    return nlohmann::json{{"types", m_types}};
}

} // namespace trellis::core::flow
