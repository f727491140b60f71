#include "core/flow/FlowResolver.h"

#include "core/flow/NodeCatalog.h"

#include <algorithm>

namespace trellis::core::flow {

void MapFlowResolver::add(const std::string& flowId, FlowDocument document)
{
    m_flows[flowId] = std::make_shared<const FlowDocument>(std::move(document));
}

std::shared_ptr<const FlowDocument> MapFlowResolver::resolve(const std::string& flowId) const
{
    const auto it = m_flows.find(flowId);
    return it == m_flows.end() ? nullptr : it->second;
}

std::string exportedOutcome(const FlowNode& node, const NodeCatalog& catalog)
{
    const NodeType* type = catalog.find(node.type);
    if (!type || type->terminal == NodeType::Terminal::None)
        return {};
    const auto it = node.config.find("outcome");
    if (it != node.config.end() && it->is_string() && !it->get<std::string>().empty())
        return it->get<std::string>();
    return type->terminal == NodeType::Terminal::Success ? "success" : "failure";
}

std::vector<std::string> exportedOutcomes(const FlowDocument& flow, const NodeCatalog& catalog)
{
    std::vector<std::string> out;
    for (const FlowNode& node : flow.nodes) {
        const std::string name = exportedOutcome(node, catalog);
        if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end())
            out.push_back(name);
    }
    return out;
}

} // namespace trellis::core::flow
