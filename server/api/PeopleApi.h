#pragma once

#include "server/http/HttpResponse.h"
#include "server/store/MembershipRepository.h"

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace trellis::core {
class AdminScope;
struct ScopeGrant;
} // namespace trellis::core

namespace trellis::server {

struct AccessTarget;
struct ApiContext;
struct Caller;
struct HttpRequest;
class AccessCheck;

/// /api/v1/users/{id}… and /api/v1/memberships/{id}…: one person across organisations, as far as the caller may see
/// them. Account-wide changes need user.manage at every membership the person still holds, so an admin never changes
/// an account that also belongs to someone else's organisation; per-membership changes need it at that org only.
class PeopleApi
{
public:
    explicit PeopleApi(const ApiContext& context)
        : m_context(context)
    {
    }

    HttpResponse get(const Caller& caller, HttpRequest& request) const;            ///< GET /users/{id}
    HttpResponse update(const Caller& caller, HttpRequest& request) const;         ///< PATCH /users/{id}
    HttpResponse disable(const Caller& caller, HttpRequest& request) const;        ///< POST /users/{id}/disable
    HttpResponse enable(const Caller& caller, HttpRequest& request) const;         ///< POST /users/{id}/enable
    HttpResponse offboard(const Caller& caller, HttpRequest& request) const;       ///< POST /users/{id}/offboard
    HttpResponse resetMfa(const Caller& caller, HttpRequest& request) const;       ///< POST /users/{id}/reset-mfa
    HttpResponse revokeSessions(const Caller& caller, HttpRequest& request) const; ///< POST /users/{id}/revoke-sessions
    HttpResponse updateMembership(const Caller& caller, HttpRequest& request) const; ///< PATCH /memberships/{id}
    HttpResponse offboardMembership(const Caller& caller,
                                    HttpRequest& request) const; ///< POST /memberships/{id}/offboard
    /// GET /users/{id}/passkeys: the person's passkeys (user.read at one of their orgs, like GET /users/{id}).
    HttpResponse listPasskeys(const Caller& caller, HttpRequest& request) const;
    /// DELETE /users/{id}/passkeys/{credentialId}: removes a lost device's passkey (user.manage like reset-mfa).
    HttpResponse deletePasskey(const Caller& caller, HttpRequest& request) const;

private:
    struct Person;
    enum class Action
    {
        Disable,
        Enable,
        Offboard,
        ResetMfa,
        RevokeSessions
    };

    /// The person with every membership; 404 when there is no such person.
    Person load(const std::string& userId) const;
    /// What the caller may see of the person (GET /users/{id} and every action's answer).
    nlohmann::json view(const Caller& caller, const Person& person) const;
    /// Checks an account-wide `action`: 404 when no membership is visible, 403 for oneself (`selfRefused`) and
    /// without user.manage at every membership the person still holds. Returns the grant that allows it.
    const core::ScopeGrant& requireAccountWide(const AccessCheck& access, const Person& person,
                                               const std::string& action, bool selfRefused, AccessTarget& target,
                                               const nlohmann::json& attempted) const;
    /// The last-admin rule: the membership whose org would lose its last admin if the person lost their roles
    /// there, unless the caller's grant comes from above that org; nullptr when none. `lock` (inside a
    /// transaction) locks those orgs first.
    const ScopedMembership* lastAdminOrg(const core::AdminScope& scope, const std::string& userId,
                                         const std::vector<ScopedMembership>& memberships, bool lock) const;
    /// Records the denied `action` and throws 409 last_admin.
    [[noreturn]] void refuseLastAdmin(const AccessCheck& access, const ScopedMembership& membership,
                                      const std::string& action, const AccessTarget& target) const;
    /// Runs `work` in a transaction unless it would leave one of these memberships' orgs without an admin.
    void transactionKeepingAdmins(const AccessCheck& access, const std::string& userId,
                                  const std::vector<ScopedMembership>& memberships, const std::string& action,
                                  const AccessTarget& target, const std::function<void()>& work) const;
    HttpResponse accountAction(const Caller& caller, HttpRequest& request, Action action) const;

    const ApiContext& m_context;
};

} // namespace trellis::server
