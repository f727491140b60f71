#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace trellis::client {

/// A role as GET /roles?orgId= describes it: what it allows, where it is defined, and whether the signed-in admin
/// may hand it out at the organisation asked about.
struct RoleInfo
{
    std::string id;
    std::string key;
    std::string name;
    std::string description;
    std::vector<std::string> permissions;
    bool builtIn = true;
    std::string definedAt; ///< org id of a custom role; empty for built-in roles
    bool assignable = false;
    std::string createdAt; ///< RFC 3339 UTC
    std::string updatedAt; ///< empty when never changed

    static RoleInfo fromJson(const nlohmann::json& j);
};

} // namespace trellis::client
