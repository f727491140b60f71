#include "core/flow/FlowInput.h"

namespace trellis::core::flow {

std::string FlowInput::value(const std::string& name) const
{
    const auto it = values.find(name);
    return it == values.end() ? std::string() : it->second;
}

void from_json(const nlohmann::json& j, FlowInput& input)
{
    input.nodeId = j.at("nodeId").get<std::string>();
    input.values = j.value("values", std::map<std::string, std::string>());
}

} // namespace trellis::core::flow
