#pragma once

#include "core/Membership.h"
#include "core/User.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace trellis::client {

/// A role someone holds at one organisation, with who granted it and why (GET /users/{id}).
struct HeldRole
{
    std::string assignmentId;
    std::string roleId;
    std::string roleKey;
    std::string roleName;
    std::string grantedByEmail; ///< empty: the system, or someone the viewer may not see
    std::string expiresAt;
    std::string justification;
};

/// One membership as the person editor shows it.
struct PersonMembership
{
    core::Membership membership; ///< user left empty (it is the enclosing person)
    std::vector<HeldRole> heldRoles;
};

/// A person with every membership the viewer may see, their MFA state and how many sessions they have.
struct PersonDetails
{
    core::User user;
    std::vector<PersonMembership> memberships;
    bool totpEnrolled = false;
    bool mfaResetPending = false;
    int activeSessions = 0;

    static PersonDetails fromJson(const nlohmann::json& j);
};

} // namespace trellis::client
