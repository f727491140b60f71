#include "client/RoleInfo.h"

namespace trellis::client {

RoleInfo RoleInfo::fromJson(const nlohmann::json& j)
{
    RoleInfo role;
    role.id = j.at("id").get<std::string>();
    role.key = j.at("key").get<std::string>();
    role.name = j.value("name", role.key);
    role.description = j.value("description", std::string());
    role.permissions = j.value("permissions", std::vector<std::string>());
    role.builtIn = j.value("builtIn", true);
    if (j.contains("definedAt") && j["definedAt"].is_string())
        role.definedAt = j["definedAt"].get<std::string>();
    if (j.contains("createdAt") && j["createdAt"].is_string())
        role.createdAt = j["createdAt"].get<std::string>();
    if (j.contains("updatedAt") && j["updatedAt"].is_string())
        role.updatedAt = j["updatedAt"].get<std::string>();
    role.assignable = j.contains("assignable") && j["assignable"].is_boolean() && j["assignable"].get<bool>();
    return role;
}

} // namespace trellis::client
