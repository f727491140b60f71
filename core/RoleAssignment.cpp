#include "core/RoleAssignment.h"

namespace trellis::core {

namespace {
nlohmann::json textOrNull(const std::string& text)
{
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}
std::string textOf(const nlohmann::json& j, const char* key)
{
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}
} // namespace

std::string RoleAssignment::statusAt(const std::string& now) const
{
    if (!revokedAt.empty())
        return "revoked";
    // RFC 3339 UTC with second precision sorts in time order.
    if (!expiresAt.empty() && expiresAt <= now)
        return "expired";
    return "active";
}

nlohmann::json toJson(const RoleAssignment& a, const std::string& now)
{
    return nlohmann::json{
        {"id", a.id},
        {"user", {{"id", a.user.id}, {"email", a.user.email}, {"displayName", a.user.displayName}}},
        {"role", {{"id", a.role.id}, {"key", a.role.key}, {"name", a.role.name}}},
        {"org", {{"id", a.org.id}, {"name", a.org.name}}},
        {"grantedBy", a.grantedBy.id.empty() ? nlohmann::json(nullptr)
                                             : nlohmann::json{{"id", a.grantedBy.id}, {"email", a.grantedBy.email}}},
        {"justification", a.justification},
        {"expiresAt", textOrNull(a.expiresAt)},
        {"createdAt", a.createdAt},
        {"revokedAt", textOrNull(a.revokedAt)},
        {"status", a.statusAt(now)},
    };
}

void from_json(const nlohmann::json& j, RoleAssignment& a)
{
    a.id = j.at("id").get<std::string>();
    const auto& user = j.at("user");
    a.user.id = textOf(user, "id");
    a.user.email = textOf(user, "email");
    a.user.displayName = textOf(user, "displayName");
    const auto& role = j.at("role");
    a.role.id = textOf(role, "id");
    a.role.key = textOf(role, "key");
    a.role.name = textOf(role, "name");
    const auto& org = j.at("org");
    a.org.id = textOf(org, "id");
    a.org.name = textOf(org, "name");
    if (j.contains("grantedBy") && j["grantedBy"].is_object()) {
        a.grantedBy.id = textOf(j["grantedBy"], "id");
        a.grantedBy.email = textOf(j["grantedBy"], "email");
    }
    a.justification = textOf(j, "justification");
    a.expiresAt = textOf(j, "expiresAt");
    a.createdAt = textOf(j, "createdAt");
    a.revokedAt = textOf(j, "revokedAt");
}

} // namespace trellis::core
