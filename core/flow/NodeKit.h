#pragma once

// Small helpers shared by the node behaviours (BuiltinNodes, AccountNodes, ConditionNode, PasskeyNodes,
// FederationNodes). Header-only, internal to core/flow.

#include "core/flow/ConfigField.h"
#include "core/flow/FlowScreen.h"
#include "core/flow/FlowState.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace trellis::core::flow::kit {

/// Adds an authentication method reference (RFC 8176) once; the server copies them into the ID token's "amr".
inline void addAmr(FlowState& state, const std::string& method)
{
    nlohmann::json& amr = state.facts["amr"];
    if (!amr.is_array())
        amr = nlohmann::json::array();
    if (std::find(amr.begin(), amr.end(), method) == amr.end())
        amr.push_back(method);
}

inline ScreenField field(std::string name, std::string kind, std::string autocomplete, bool required = true,
                         std::string value = {})
{
    return ScreenField{std::move(name), std::move(kind), std::move(autocomplete), required, std::move(value)};
}

inline FlowScreen screen(std::string kind, std::vector<ScreenField> fields, std::string error = {},
                         nlohmann::json data = nlohmann::json::object())
{
    FlowScreen s;
    s.kind = std::move(kind);
    s.fields = std::move(fields);
    s.error = std::move(error);
    s.data = std::move(data);
    return s;
}

inline ConfigField intField(std::string name, std::string displayName, std::string description, int def, int min,
                            int max)
{
    ConfigField f;
    f.name = std::move(name);
    f.displayName = std::move(displayName);
    f.description = std::move(description);
    f.type = ConfigFieldType::Integer;
    f.defaultValue = def;
    f.minimum = min;
    f.maximum = max;
    return f;
}

inline ConfigField stringField(std::string name, std::string displayName, std::string description, nlohmann::json def,
                               std::size_t maxLength, bool required = false)
{
    ConfigField f;
    f.name = std::move(name);
    f.displayName = std::move(displayName);
    f.description = std::move(description);
    f.type = ConfigFieldType::String;
    f.required = required;
    if (!required)
        f.defaultValue = std::move(def);
    f.maxLength = maxLength;
    return f;
}

inline ConfigField listField(std::string name, std::string displayName, std::string description,
                             std::vector<std::string> def)
{
    ConfigField f;
    f.name = std::move(name);
    f.displayName = std::move(displayName);
    f.description = std::move(description);
    f.type = ConfigFieldType::StringList;
    f.defaultValue = std::move(def);
    return f;
}

inline ConfigField boolField(std::string name, std::string displayName, std::string description, bool def)
{
    ConfigField f;
    f.name = std::move(name);
    f.displayName = std::move(displayName);
    f.description = std::move(description);
    f.type = ConfigFieldType::Boolean;
    f.defaultValue = def;
    return f;
}

inline ConfigField choiceField(std::string name, std::string displayName, std::string description,
                               std::vector<std::string> choices, std::string def)
{
    ConfigField f;
    f.name = std::move(name);
    f.displayName = std::move(displayName);
    f.description = std::move(description);
    f.type = ConfigFieldType::Choice;
    f.choices = std::move(choices);
    if (def.empty())
        f.required = true;
    else
        f.defaultValue = std::move(def);
    return f;
}

/// A per-node slot in state.facts, e.g. facts["magicLink"]["login-link"]: remembered between requests.
inline const nlohmann::json* slot(const FlowState& state, const std::string& group, const std::string& nodeId)
{
    const auto g = state.facts.find(group);
    if (g == state.facts.end() || !g->is_object())
        return nullptr;
    const auto it = g->find(nodeId);
    return it == g->end() ? nullptr : &*it;
}

inline void setSlot(FlowState& state, const std::string& group, const std::string& nodeId, nlohmann::json value)
{
    nlohmann::json& g = state.facts[group];
    if (!g.is_object())
        g = nlohmann::json::object();
    g[nodeId] = std::move(value);
}

inline void clearSlot(FlowState& state, const std::string& group, const std::string& nodeId)
{
    if (state.facts.contains(group) && state.facts[group].is_object()) {
        state.facts[group].erase(nodeId);
        if (state.facts[group].empty())
            state.facts.erase(group);
    }
}

inline std::string trimmed(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

} // namespace trellis::core::flow::kit
