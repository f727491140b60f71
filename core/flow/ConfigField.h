#pragma once

#include "core/flow/FlowProblem.h"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trellis::core::flow {

enum class ConfigFieldType
{
    Boolean,
    Integer,
    Number,
    String,
    Choice,
    StringList
};
std::string_view toString(ConfigFieldType type);

/// Schema of one configuration field of a node type: drives the validator and the designer's inspector.
struct ConfigField
{
    std::string name;        ///< key in the node's "config" object
    std::string displayName; ///< English caption for the inspector
    std::string description;
    ConfigFieldType type = ConfigFieldType::String;
    bool required = false;         ///< required fields have no default: the designer must ask
    nlohmann::json defaultValue;   ///< used when an optional field is absent; null when none
    std::optional<double> minimum; ///< Integer/Number: inclusive bounds
    std::optional<double> maximum;
    std::optional<std::size_t> maxLength; ///< String: upper bound in bytes
    std::vector<std::string> choices;     ///< Choice: the allowed values

    /// Checks one present value; appends problems naming `nodeId` and "config.<name>".
    void check(const nlohmann::json& value, const std::string& nodeId, std::vector<FlowProblem>& problems) const;
};

void to_json(nlohmann::json& j, const ConfigField& f);

} // namespace trellis::core::flow
