#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace trellis::core::flow {

/// Where a node sits on the designer's canvas; the engine itself never looks at it.
struct FlowPosition
{
    double x = 0;
    double y = 0;

    bool operator==(const FlowPosition&) const = default;
};

/// One step of a login journey: a catalog type, its configuration and its wired outcomes.
struct FlowNode
{
    std::string id;
    std::string type;  ///< a NodeCatalog type name, e.g. "password"
    std::string label; ///< optional caption the designer shows; empty when none
    nlohmann::json config = nlohmann::json::object();
    FlowPosition position;
    std::map<std::string, std::string> outcomes;     ///< outcome name -> target node id
    nlohmann::json extra = nlohmann::json::object(); ///< unknown keys, kept so newer documents round-trip

    /// Target of an outcome, or an empty string when it is not wired.
    std::string target(const std::string& outcome) const;

    bool operator==(const FlowNode&) const = default;
};

} // namespace trellis::core::flow
