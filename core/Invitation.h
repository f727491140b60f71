#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace trellis::core {

/// An invitation to join an organisation: who is invited (normalised email), what they get there (title, roles,
/// membership end) and where it stands. The token itself is never part of it (only its hash is stored).
struct Invitation
{
    std::string id;
    std::string orgId;
    std::string email; ///< normalised (normaliseEmail)
    std::string displayName;
    std::string title;
    std::vector<std::string> roleIds;
    std::string membershipSource = "invitation"; ///< "invitation", or "import" for CSV imports
    std::string membershipExpiresAt;             ///< RFC 3339; empty: open-ended membership
    std::string invitedBy;                       ///< user id of the inviter
    std::string status;                          ///< "pending", "accepted", "revoked", "expired" (computed from time)
    std::string createdAt;
    std::string expiresAt;
    std::string acceptedAt;
    std::string acceptedUserId;
    std::string revokedAt;
};

void to_json(nlohmann::json& j, const Invitation& i);
void from_json(const nlohmann::json& j, Invitation& i);

} // namespace trellis::core
