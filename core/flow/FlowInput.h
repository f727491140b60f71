#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace trellis::core::flow {

/// What the user submitted on a screen: the node the form was for and its field values.
struct FlowInput
{
    std::string nodeId;                        ///< lets the interpreter spot a stale form (back button, second tab)
    std::map<std::string, std::string> values; ///< field name -> value, e.g. "password" -> "..."

    std::string value(const std::string& name) const;
};

void from_json(const nlohmann::json& j, FlowInput& input);

} // namespace trellis::core::flow
