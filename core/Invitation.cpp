#include "core/Invitation.h"

namespace trellis::core {

namespace {
nlohmann::json orNull(const std::string& text)
{
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
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

} // namespace trellis::core
