#include "core/flow/FlowNode.h"

namespace trellis::core::flow {

std::string FlowNode::target(const std::string& outcome) const
{
    const auto it = outcomes.find(outcome);
    return it == outcomes.end() ? std::string() : it->second;
}

} // namespace trellis::core::flow
