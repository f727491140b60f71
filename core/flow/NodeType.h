#pragma once

#include "core/flow/ConfigField.h"
#include "core/flow/FlowNode.h"
#include "core/flow/FlowProblem.h"
#include "core/flow/NodeBehaviour.h"

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace trellis::core::flow {

/// One named exit of a node type, e.g. password's "locked".
struct OutcomeSpec
{
    std::string name;
    std::string displayName;
};

/// A catalog entry: everything the designer's palette, the validator, the interpreter and the docs know
/// about one kind of node.
struct NodeType
{
    enum class Terminal
    {
        None,
        Success,
        Failure
    };

    std::string name;        ///< the "type" written in flow documents, e.g. "totp-verify"
    std::string displayName; ///< English palette caption
    std::string category;    ///< palette group: "identification", "authentication", "logic", "end"
    std::string description;
    std::vector<OutcomeSpec> outcomes;
    std::vector<ConfigField> fields;
    bool showsScreen = false; ///< waits for the user's input (breaks loops, see the validator)
    Terminal terminal = Terminal::None;
    std::shared_ptr<const NodeBehaviour> behaviour;
    /// Checks the schema cannot express (CIDR syntax, an operator that needs a value, ...); may be empty.
    /// Called by checkConfig after the per-field checks, with the effective config (defaults filled in).
    std::function<void(const FlowNode& node, const nlohmann::json& config, std::vector<FlowProblem>& problems)>
        extraCheck;
    /// The outcomes are not fixed by the type but come from the node's config (subflow: the exported outcomes of
    /// the flow it runs); `outcomes` is then empty and the validator asks a FlowResolver.
    bool dynamicOutcomes = false;

    bool hasOutcome(std::string_view outcome) const;
    const ConfigField* field(std::string_view name) const;
    /// The config a new node of this type starts with: every optional field's default.
    nlohmann::json defaultConfig() const;
    /// `config` with defaults filled in for absent optional fields (what the behaviour runs with).
    nlohmann::json effectiveConfig(const nlohmann::json& config) const;
    /// Missing required fields, wrongly typed or out-of-range values, unknown keys.
    void checkConfig(const FlowNode& node, std::vector<FlowProblem>& problems) const;
};

std::string_view toString(NodeType::Terminal terminal);
void to_json(nlohmann::json& j, const NodeType& t);

} // namespace trellis::core::flow
