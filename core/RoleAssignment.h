#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace trellis::core {

/// One role given to one person at one organisation (and so its whole subtree), with who granted it and why.
struct RoleAssignment
{
    std::string id;
    struct
    {
        std::string id;
        std::string email;
        std::string displayName;
    } user;
    struct
    {
        std::string id;
        std::string key;
        std::string name;
    } role;
    struct
    {
        std::string id;
        std::string name;
        std::string path; ///< materialised path (server side only, not in JSON)
    } org;
    struct
    {
        std::string id; ///< empty: nobody (seeded, or granted by the system)
        std::string email;
    } grantedBy;
    std::string justification;
    std::string expiresAt; ///< RFC 3339 UTC; empty: open-ended
    std::string createdAt;
    std::string revokedAt; ///< empty while not revoked

    /// "revoked", "expired" (at `now`, RFC 3339) or "active". Active here says nothing about the membership it
    /// depends on; the permission check also needs the person, org and membership to be active.
    std::string statusAt(const std::string& now) const;
};

/// JSON as the admin API returns it; "status" is computed at `now`.
nlohmann::json toJson(const RoleAssignment& a, const std::string& now);
void from_json(const nlohmann::json& j, RoleAssignment& a);

} // namespace trellis::core
