#pragma once

#include "core/User.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace trellis::core {

enum class MembershipStatus
{
    Active,
    Suspended,
    Ended
};
std::string_view toString(MembershipStatus status);
std::optional<MembershipStatus> membershipStatusFromString(std::string_view text);

enum class MembershipSource
{
    Manual,
    Invitation,
    Import,
    Scim,
    Federation ///< just-in-time provisioning at a federated sign-in
};
std::string_view toString(MembershipSource source);
std::optional<MembershipSource> membershipSourceFromString(std::string_view text);

/// A person's membership in one organisation, with the person and the roles held there
/// (as `GET /orgs/{id}/members` returns it).
struct Membership
{
    std::string id;
    std::string orgId;
    std::string orgName; ///< the org's display name (lists spanning a subtree need it)
    User user;
    MembershipStatus status = MembershipStatus::Active;
    std::string title;
    MembershipSource source = MembershipSource::Manual;
    std::string expiresAt; ///< RFC 3339 UTC; empty when open-ended
    /// The end date has passed: `status` then reads Ended whatever was stored, because access stopped by itself.
    bool expired = false;
    std::vector<std::string> roles; ///< role keys assigned at this org, e.g. "org-admin"
    std::string createdAt;
};

void to_json(nlohmann::json& j, const Membership& m);
void from_json(const nlohmann::json& j, Membership& m);

} // namespace trellis::core
