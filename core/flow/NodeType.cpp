#include "core/flow/NodeType.h"

#include <algorithm>

namespace trellis::core::flow {

bool NodeType::hasOutcome(std::string_view outcome) const
{
    return std::any_of(outcomes.begin(), outcomes.end(), [&](const OutcomeSpec& o) { return o.name == outcome; });
}

const ConfigField* NodeType::field(std::string_view fieldName) const
{
    const auto it =
        std::find_if(fields.begin(), fields.end(), [&](const ConfigField& f) { return f.name == fieldName; });
    return it == fields.end() ? nullptr : &*it;
}

nlohmann::json NodeType::defaultConfig() const
{
    return effectiveConfig(nlohmann::json::object());
}

nlohmann::json NodeType::effectiveConfig(const nlohmann::json& config) const
{
    nlohmann::json out = config.is_object() ? config : nlohmann::json::object();
    for (const ConfigField& f : fields) {
        if (!out.contains(f.name) && !f.defaultValue.is_null())
            out[f.name] = f.defaultValue;
    }
    return out;
}

void NodeType::checkConfig(const FlowNode& node, std::vector<FlowProblem>& problems) const
{
    for (const ConfigField& f : fields) {
        const auto it = node.config.find(f.name);
        if (it == node.config.end()) {
            if (f.required)
                problems.push_back(
                    FlowProblem{"missing_config_field",
                                node.id,
                                {},
                                "config." + f.name,
                                "Node \"" + node.id + "\": the setting \"" + f.name + "\" is required."});
            continue;
        }
        f.check(*it, node.id, problems);
    }
    // Unknown keys are usually typos or leftovers of another type; silently ignoring them hides mistakes.
    for (const auto& [key, value] : node.config.items()) {
        (void)value;
        if (!field(key))
            problems.push_back(
                FlowProblem{"unknown_config_field",
                            node.id,
                            {},
                            "config." + key,
                            "Node \"" + node.id + "\": a " + name + " node has no setting \"" + key + "\"."});
    }
    if (extraCheck)
        extraCheck(node, effectiveConfig(node.config), problems);
}

std::string_view toString(NodeType::Terminal terminal)
{
    switch (terminal) {
    case NodeType::Terminal::None:
        return "none";
    case NodeType::Terminal::Success:
        return "success";
    case NodeType::Terminal::Failure:
        return "failure";
    }
    return "none";
}

void to_json(nlohmann::json& j, const NodeType& t)
{
    nlohmann::json outcomes = nlohmann::json::array();
    for (const OutcomeSpec& o : t.outcomes)
        outcomes.push_back({{"name", o.name}, {"displayName", o.displayName}});
    j = nlohmann::json{{"name", t.name},
                       {"displayName", t.displayName},
                       {"category", t.category},
                       {"description", t.description},
                       {"outcomes", std::move(outcomes)},
                       {"config", t.fields},
                       {"showsScreen", t.showsScreen},
                       {"terminal", std::string(toString(t.terminal))}};
    if (t.dynamicOutcomes)
        j["dynamicOutcomes"] = true;
}

} // namespace trellis::core::flow
