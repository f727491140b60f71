#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace trellis::core {

/// A role: a named set of permissions. Built-in roles (definedAt empty, id == key) exist everywhere; a custom role
/// is defined at one organisation and usable only in that organisation's subtree.
struct Role
{
    std::string id;
    std::string key;
    std::string name;
    std::string description;
    std::vector<std::string> permissions; ///< from the catalog (core/Permission.h), in catalog order
    std::string definedAt;                ///< id of the defining org; empty for a built-in role
    std::string definedAtPath;            ///< materialised path of definedAt (server side only, not in JSON)
    std::string createdAt;
    std::string updatedAt; ///< empty when never changed
    /// Whether the caller may assign it at the org the list was asked for; nullopt when no org was given.
    std::optional<bool> assignable;

    bool builtIn() const { return definedAt.empty(); }
};

void to_json(nlohmann::json& j, const Role& r);
void from_json(const nlohmann::json& j, Role& r);

} // namespace trellis::core
