#include "core/Invitation.h"

namespace trellis::core {

namespace {
nlohmann::json orNull(const std::string& text)
{
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}
std::string textOf(const nlohmann::json& j, const char* key)
{
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}
} // namespace

void to_json(nlohmann::json& j, const Invitation& i)
{
    j = nlohmann::json{
        {"id", i.id},
        {"orgId", i.orgId},
        {"email", i.email},
        {"displayName", i.displayName},
        {"title", i.title},
        {"roleIds", i.roleIds},
        {"source", i.membershipSource},
        {"membershipExpiresAt", orNull(i.membershipExpiresAt)},
        {"invitedBy", orNull(i.invitedBy)},
        {"status", i.status},
        {"createdAt", i.createdAt},
        {"expiresAt", i.expiresAt},
        {"acceptedAt", orNull(i.acceptedAt)},
        {"acceptedUserId", orNull(i.acceptedUserId)},
        {"revokedAt", orNull(i.revokedAt)},
    };
}

void from_json(const nlohmann::json& j, Invitation& i)
{
    i.id = j.at("id").get<std::string>();
    i.orgId = textOf(j, "orgId");
    i.email = textOf(j, "email");
    i.displayName = textOf(j, "displayName");
    i.title = textOf(j, "title");
    i.roleIds = j.value("roleIds", std::vector<std::string>());
    i.membershipSource = textOf(j, "source");
    i.membershipExpiresAt = textOf(j, "membershipExpiresAt");
    i.invitedBy = textOf(j, "invitedBy");
    i.status = textOf(j, "status");
    i.createdAt = textOf(j, "createdAt");
    i.expiresAt = textOf(j, "expiresAt");
    i.acceptedAt = textOf(j, "acceptedAt");
    i.acceptedUserId = textOf(j, "acceptedUserId");
    i.revokedAt = textOf(j, "revokedAt");
}

} // namespace trellis::core
