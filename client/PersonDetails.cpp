#include "client/PersonDetails.h"

namespace trellis::client {

namespace {

std::string optionalString(const nlohmann::json& j, const char* key)
{
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

} // namespace

PersonDetails PersonDetails::fromJson(const nlohmann::json& j)
{
    PersonDetails person;
    person.user = j.get<core::User>();
    for (const auto& m : j.at("memberships")) {
        PersonMembership entry;
        nlohmann::json withUser = m;
        // The membership codec wants its person; here the person is the enclosing object.
        withUser["user"] = j;
        withUser["user"].erase("memberships");
        entry.membership = withUser.get<core::Membership>();
        for (const auto& r : m.value("roleAssignments", nlohmann::json::array())) {
            HeldRole role;
            role.assignmentId = r.at("id").get<std::string>();
            role.roleId = optionalString(r, "roleId");
            role.roleKey = optionalString(r, "roleKey");
            role.roleName = optionalString(r, "roleName");
            if (r.contains("grantedBy") && r["grantedBy"].is_object())
                role.grantedByEmail = optionalString(r["grantedBy"], "email");
            role.expiresAt = optionalString(r, "expiresAt");
            role.justification = optionalString(r, "justification");
            entry.heldRoles.push_back(std::move(role));
        }
        person.memberships.push_back(std::move(entry));
    }
    const auto& mfa = j.at("mfa");
    person.totpEnrolled = mfa.value("totpEnrolled", false);
    person.mfaResetPending = mfa.value("resetPending", false);
    person.activeSessions = j.at("activeSessions").value("total", 0);
    return person;
}

} // namespace trellis::client
