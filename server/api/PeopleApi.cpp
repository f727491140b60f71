#include "server/api/PeopleApi.h"

#include "core/OrgPath.h"
#include "core/Permission.h"
#include "core/TimeFormat.h"
#include "server/api/AccessCheck.h"
#include "server/api/ApiContext.h"
#include "server/api/ApiErrors.h"
#include "server/api/Caller.h"
#include "server/api/JsonInput.h"
#include "server/api/SessionRevocation.h"
#include "server/http/HttpRequest.h"
#include "server/login/PasskeyRepository.h"
#include "server/store/AuditLog.h"
#include "server/store/Database.h"
#include "server/store/PersonRepository.h"
#include "server/store/RoleRepository.h"
#include "server/store/UserRepository.h"

#include <algorithm>
#include <functional>
#include <iterator>
#include <map>

namespace trellis::server {

struct PeopleApi::Person
{
    core::User user;
    std::vector<ScopedMembership> memberships;
};

namespace {

const char* const kNoPerson = "No person with this id.";
const char* const kNoMembership = "No membership with this id.";

nlohmann::json orNull(const std::string& text)
{
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

bool isEnded(const ScopedMembership& m)
{
    return m.membership.status == core::MembershipStatus::Ended;
}

// The last-admin rule's exception: a grant of `permission` made at an org strictly above `orgPath`.
bool hasGrantAbove(const core::AdminScope& scope, std::string_view permission, const std::string& orgPath)
{
    return std::any_of(scope.grants().begin(), scope.grants().end(), [&](const core::ScopeGrant& grant) {
        return grant.orgPath != orgPath && core::OrgPath::isWithin(orgPath, grant.orgPath) &&
               std::find(grant.permissions.begin(), grant.permissions.end(), permission) != grant.permissions.end();
    });
}

// Actions take an optional JSON body {"reason": "..."}, recorded in the audit event; no body is fine.
std::string optionalReason(const HttpRequest& request)
{
    if (request.body.find_first_not_of(" \t\r\n") == std::string::npos)
        return {};
    return JsonInput::parse(request, {"reason"}).optionalString("reason", 500).value_or(std::string());
}

nlohmann::json sessionsJson(const ActiveSessions& s)
{
    return {{"total", s.total()},
            {"refreshTokens", s.refreshTokens},
            {"ssoSessions", s.ssoSessions},
            {"apiTokens", s.apiTokens}};
}

nlohmann::json mfaJson(const MfaState& mfa)
{
    return {{"totpEnrolled", mfa.totpEnrolled},
            {"totpEnrolmentPending", mfa.totpEnrolmentPending},
            {"resetPending", mfa.enrolmentRequired}};
}

nlohmann::json membershipJson(const core::Membership& m)
{
    nlohmann::json j = m;
    j.erase("user");
    j["userId"] = m.user.id;
    return j;
}

std::string describe(const ScopedMembership& m)
{
    return m.membership.user.email + " @ " + m.membership.orgName;
}

} // namespace

PeopleApi::Person PeopleApi::load(const std::string& userId) const
{
    auto user = UserRepository(m_context.db).find(userId);
    if (!user)
        throw ApiErrors::notFound(kNoPerson);
    return Person{std::move(*user), MembershipRepository(m_context.db).ofUser(userId)};
}

nlohmann::json PeopleApi::view(const Caller& caller, const Person& person) const
{
    const PersonRepository people(m_context.db);
    const MembershipRepository memberships(m_context.db);
    std::map<std::string, std::vector<HeldRole>> rolesByOrg;
    for (auto& role : people.activeRoles(person.user.id))
        rolesByOrg[role.orgId].push_back(std::move(role));

    // Who granted a role is shown only when the caller may see that person too.
    std::map<std::string, std::optional<core::User>> granters;
    const auto granter = [&](const std::string& id) -> const std::optional<core::User>& {
        auto it = granters.find(id);
        if (it != granters.end())
            return it->second;
        std::optional<core::User> visible;
        const auto theirs = memberships.ofUser(id);
        if (std::any_of(theirs.begin(), theirs.end(), [&](const ScopedMembership& m) {
                return caller.scope.allows(core::Permission::UserRead, m.orgPath);
            }))
            visible = UserRepository(m_context.db).find(id);
        return granters.emplace(id, std::move(visible)).first->second;
    };

    nlohmann::json j = person.user;
    nlohmann::json list = nlohmann::json::array();
    for (const auto& m : person.memberships) {
        if (!caller.scope.allows(core::Permission::UserRead, m.orgPath))
            continue; // outside the caller's scope: left out entirely
        nlohmann::json mj = membershipJson(m.membership);
        nlohmann::json assignments = nlohmann::json::array();
        for (const auto& role : rolesByOrg[m.membership.orgId]) {
            nlohmann::json grantedBy = nullptr;
            if (!role.grantedBy.empty()) {
                if (const auto& g = granter(role.grantedBy))
                    grantedBy = {{"id", g->id}, {"email", g->email}, {"displayName", g->displayName}};
            }
            assignments.push_back({{"id", role.assignmentId},
                                   {"roleId", role.roleId},
                                   {"roleKey", role.roleKey},
                                   {"roleName", role.roleName},
                                   {"grantedBy", grantedBy},
                                   {"expiresAt", orNull(role.expiresAt)},
                                   {"justification", role.justification},
                                   {"createdAt", role.createdAt}});
        }
        mj["roleAssignments"] = std::move(assignments);
        list.push_back(std::move(mj));
    }
    j["memberships"] = std::move(list);
    j["mfa"] = mfaJson(people.mfaState(person.user.id));
    j["activeSessions"] = sessionsJson(people.activeSessions(person.user.id));
    return j;
}

HttpResponse PeopleApi::get(const Caller& caller, HttpRequest& request) const
{
    const Person person = load(request.pathParams.at("id"));
    const bool visible = std::any_of(person.memberships.begin(), person.memberships.end(), [&](const auto& m) {
        return caller.scope.allows(core::Permission::UserRead, m.orgPath);
    });
    if (!visible)
        throw ApiErrors::notFound(kNoPerson);
    return HttpResponse::json(200, view(caller, person));
}

const core::ScopeGrant& PeopleApi::requireAccountWide(const AccessCheck& access, const Person& person,
                                                      const std::string& action, bool selfRefused, AccessTarget& target,
                                                      const nlohmann::json& attempted) const
{
    const Caller& caller = access.caller();
    const auto& all = person.memberships;
    const bool visible = std::any_of(all.begin(), all.end(), [&](const ScopedMembership& m) {
        return caller.scope.allows(core::Permission::UserRead, m.orgPath);
    });
    if (!visible) {
        access.recordDenied(action, target, "person outside the caller's scope", attempted);
        throw ApiErrors::notFound(kNoPerson);
    }
    // The memberships the person still holds decide; someone with none left is judged by all they ever had.
    std::vector<const ScopedMembership*> held;
    for (const auto& m : all) {
        if (!isEnded(m))
            held.push_back(&m);
    }
    if (held.empty()) {
        for (const auto& m : all)
            held.push_back(&m);
    }
    // The event names an org the caller can see, so their own attempts show up in their part of the audit trail.
    const ScopedMembership* named = nullptr;
    for (const ScopedMembership* m : held) {
        if (!named && caller.scope.allows(core::Permission::UserRead, m->orgPath))
            named = m;
    }
    for (const auto& m : all) {
        if (!named && caller.scope.allows(core::Permission::UserRead, m.orgPath))
            named = &m;
    }
    target.orgId = named->membership.orgId;
    target.orgPath = named->orgPath;

    if (selfRefused && person.user.id == caller.user.id) {
        access.recordDenied(action, target, "acting on one's own account", attempted);
        throw ApiErrors::forbidden("You cannot do this to your own account; ask another administrator.");
    }
    const core::ScopeGrant* first = nullptr;
    int manageable = 0;
    for (const ScopedMembership* m : held) {
        const core::ScopeGrant* grant = caller.scope.grantFor(core::Permission::UserManage, m->orgPath);
        if (grant) {
            ++manageable;
            if (!first)
                first = grant;
        }
    }
    if (manageable == int(held.size()))
        return *first;
    access.recordDenied(action, target,
                        manageable == 0 ? "no user.manage here" : "person also belongs to orgs outside user.manage",
                        attempted, first);
    if (manageable == 0)
        throw ApiErrors::forbidden("You may not do this here: it needs the permission user.manage at every "
                                   "organisation this person belongs to.");
    throw ApiErrors::forbidden(
        "This person also belongs to organisations you do not administer, so you may not change their account. "
        "Offboard them from your own organisation instead (POST /api/v1/memberships/{id}/offboard).");
}

const ScopedMembership* PeopleApi::lastAdminOrg(const core::AdminScope& scope, const std::string& userId,
                                                const std::vector<ScopedMembership>& memberships, bool lock) const
{
    const RoleRepository roles(m_context.db);
    if (lock) {
        std::vector<std::string> orgIds;
        for (const auto& m : memberships)
            orgIds.push_back(m.membership.orgId);
        PersonRepository(m_context.db).lockOrgs(orgIds);
    }
    for (const auto& m : memberships) {
        if (!roles.isAdmin(userId, m.membership.orgId) || roles.adminCount(m.membership.orgId) > 1)
            continue;
        if (hasGrantAbove(scope, core::Permission::UserManage, m.orgPath))
            continue;
        return &m;
    }
    return nullptr;
}

void PeopleApi::refuseLastAdmin(const AccessCheck& access, const ScopedMembership& m, const std::string& action,
                                const AccessTarget& target) const
{
    access.recordDenied(action, target, "last admin of " + m.membership.orgName + " (" + m.membership.orgId + ")",
                        nullptr, access.caller().scope.grantFor(core::Permission::UserManage, m.orgPath));
    throw HttpError(409, "last_admin",
                    "This person is the last admin of " + m.membership.orgName +
                        "; an organisation must keep an admin. Make someone else its admin first, or ask an "
                        "administrator of an organisation above it.");
}

void PeopleApi::transactionKeepingAdmins(const AccessCheck& access, const std::string& userId,
                                         const std::vector<ScopedMembership>& memberships, const std::string& action,
                                         const AccessTarget& target, const std::function<void()>& work) const
{
    // Checked before (a quick answer) and again inside the transaction with the orgs locked, so two admins removing
    // each other at the same moment cannot both succeed.
    if (const ScopedMembership* m = lastAdminOrg(access.caller().scope, userId, memberships, false))
        refuseLastAdmin(access, *m, action, target);
    struct LastAdminRace
    {
        const ScopedMembership* membership;
    };
    try {
        m_context.db.transaction([&] {
            if (const ScopedMembership* m = lastAdminOrg(access.caller().scope, userId, memberships, true))
                throw LastAdminRace{m};
            work();
        });
    } catch (const LastAdminRace& race) {
        refuseLastAdmin(access, *race.membership, action, target);
    }
}

HttpResponse PeopleApi::update(const Caller& caller, HttpRequest& request) const
{
    const JsonInput input = JsonInput::parse(request, {"displayName"});
    const std::string displayName = input.requiredString("displayName", 200);
    const Person person = load(request.pathParams.at("id"));
    const AccessCheck access(m_context, caller, request);
    AccessTarget target{"user", person.user.id, person.user.email, {}, {}};
    const core::ScopeGrant& grant =
        requireAccountWide(access, person, "user.update", false, target, {{"displayName", displayName}});
    m_context.db.transaction([&] {
        PersonRepository(m_context.db).setDisplayName(person.user.id, displayName);
        core::AuditEvent event = access.successEvent("user.update", target, grant);
        event.before = {{"displayName", person.user.displayName}};
        event.after = {{"displayName", displayName}};
        AuditLog(m_context.db).append(event);
    });
    return HttpResponse::json(200, view(caller, load(person.user.id)));
}

HttpResponse PeopleApi::disable(const Caller& caller, HttpRequest& request) const
{
    return accountAction(caller, request, Action::Disable);
}

HttpResponse PeopleApi::enable(const Caller& caller, HttpRequest& request) const
{
    return accountAction(caller, request, Action::Enable);
}

HttpResponse PeopleApi::offboard(const Caller& caller, HttpRequest& request) const
{
    return accountAction(caller, request, Action::Offboard);
}

HttpResponse PeopleApi::resetMfa(const Caller& caller, HttpRequest& request) const
{
    return accountAction(caller, request, Action::ResetMfa);
}

HttpResponse PeopleApi::revokeSessions(const Caller& caller, HttpRequest& request) const
{
    return accountAction(caller, request, Action::RevokeSessions);
}

HttpResponse PeopleApi::accountAction(const Caller& caller, HttpRequest& request, Action action) const
{
    const std::string reason = optionalReason(request);
    const Person person = load(request.pathParams.at("id"));
    std::string name;
    bool selfRefused = true;
    switch (action) {
    case Action::Disable:
        name = "user.disable";
        break;
    case Action::Enable:
        name = "user.enable";
        break;
    case Action::Offboard:
        name = "user.offboard";
        break;
    case Action::ResetMfa:
        name = "user.mfa_reset";
        break;
    case Action::RevokeSessions:
        name = "user.sessions_revoke";
        selfRefused = false; // signing oneself out everywhere takes nothing from anyone
        break;
    }
    const AccessCheck access(m_context, caller, request);
    AccessTarget target{"user", person.user.id, person.user.email, {}, {}};
    const nlohmann::json attempted = reason.empty() ? nlohmann::json(nullptr) : nlohmann::json{{"reason", reason}};
    const core::ScopeGrant& grant = requireAccountWide(access, person, name, selfRefused, target, attempted);
    // Disabling and offboarding take the person's admin rights away; the others leave them alone.
    std::vector<ScopedMembership> held;
    if (action == Action::Disable || action == Action::Offboard)
        std::copy_if(person.memberships.begin(), person.memberships.end(), std::back_inserter(held),
                     [](const ScopedMembership& m) { return !isEnded(m); });

    const PersonRepository people(m_context.db);
    const std::string status(core::toString(person.user.status));
    transactionKeepingAdmins(access, person.user.id, held, name, target, [&] {
        core::AuditEvent event = access.successEvent(name, target, grant);
        event.reason = reason;
        switch (action) {
        case Action::Disable: {
            people.setStatus(person.user.id, core::UserStatus::Disabled);
            const auto revoked = SessionRevocation::revokeAllFor(m_context.db, person.user.id, "user disabled");
            event.before = {{"status", status}};
            event.after = {{"status", "disabled"}, {"revokedSessions", revoked.toJson()}};
            break;
        }
        case Action::Enable:
            people.setStatus(person.user.id, core::UserStatus::Active);
            event.before = {{"status", status}};
            event.after = {{"status", "active"}};
            break;
        case Action::Offboard: {
            nlohmann::json before = nlohmann::json::array();
            for (const auto& m : person.memberships)
                before.push_back({{"id", m.membership.id},
                                  {"orgId", m.membership.orgId},
                                  {"status", std::string(core::toString(m.membership.status))},
                                  {"roles", m.membership.roles}});
            const int ended = MembershipRepository(m_context.db).endAllFor(person.user.id);
            const int roles = people.revokeRoles(person.user.id);
            people.setStatus(person.user.id, core::UserStatus::Disabled);
            const auto revoked = SessionRevocation::revokeAllFor(m_context.db, person.user.id, "user offboarded");
            event.before = {{"status", status}, {"memberships", before}};
            event.after = {{"status", "disabled"},
                           {"endedMemberships", ended},
                           {"revokedRoleAssignments", roles},
                           {"revokedSessions", revoked.toJson()}};
            break;
        }
        case Action::ResetMfa: {
            event.before = {{"mfa", mfaJson(people.mfaState(person.user.id))}};
            const int removed = people.resetMfa(person.user.id);
            // Signed out everywhere, so the next sign-in (which enrols a new factor) happens now, not in a month.
            const auto revoked = SessionRevocation::revokeAllFor(m_context.db, person.user.id, "MFA reset");
            event.after = {{"mfa", mfaJson(people.mfaState(person.user.id))},
                           {"removedTotpFactors", removed},
                           {"revokedSessions", revoked.toJson()}};
            break;
        }
        case Action::RevokeSessions: {
            event.before = {{"activeSessions", sessionsJson(people.activeSessions(person.user.id))}};
            const auto revoked = SessionRevocation::revokeAllFor(m_context.db, person.user.id, "revoked by an admin");
            event.after = {{"revokedSessions", revoked.toJson()}};
            break;
        }
        }
        AuditLog(m_context.db).append(event);
    });
    return HttpResponse::json(200, view(caller, load(person.user.id)));
}

HttpResponse PeopleApi::updateMembership(const Caller& caller, HttpRequest& request) const
{
    const JsonInput input = JsonInput::parse(request, {"title", "expiresAt"});
    const nlohmann::json& body = input.value();
    std::optional<std::string> title;
    if (body.contains("title")) {
        const auto& value = body["title"];
        if (!value.is_string())
            throw ApiErrors::invalidField("title", "The field \"title\" must be a string (\"\" clears it).");
        title = value.get<std::string>();
        if (JsonInput::characterCount(*title) > 200)
            throw ApiErrors::invalidField("title", "The field \"title\" is longer than 200 characters.");
        if (std::any_of(title->begin(), title->end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; }))
            throw ApiErrors::invalidField("title", "The field \"title\" contains a control character.");
    }
    std::optional<std::string> expiresAt; // "" clears
    if (body.contains("expiresAt")) {
        const auto& value = body["expiresAt"];
        if (value.is_null()) {
            expiresAt = std::string();
        } else {
            const auto parsed = value.is_string() && value.get<std::string>().size() == 20
                                    ? core::parseTimestamp(value.get<std::string>())
                                    : std::nullopt;
            if (!parsed)
                throw ApiErrors::invalidField("expiresAt", "expiresAt must be an RFC 3339 UTC time like "
                                                           "\"2027-01-31T17:00:00Z\", or null to clear it.");
            if (*parsed <= m_context.db.clock().now())
                throw ApiErrors::invalidField("expiresAt", "expiresAt must be in the future.");
            expiresAt = core::formatTimestamp(*parsed);
        }
    }
    if (!title && !expiresAt)
        throw HttpError(400, "invalid_body", "Nothing to change: send title and/or expiresAt.");

    const MembershipRepository memberships(m_context.db);
    const auto scoped = memberships.find(request.pathParams.at("id"));
    if (!scoped)
        throw ApiErrors::notFound(kNoMembership);
    const core::Membership& m = scoped->membership;
    const AccessCheck access(m_context, caller, request);
    const AccessTarget target{"membership", m.id, describe(*scoped), m.orgId, scoped->orgPath};
    nlohmann::json attempted = nlohmann::json::object();
    if (title)
        attempted["title"] = *title;
    if (expiresAt)
        attempted["expiresAt"] = orNull(*expiresAt);
    const core::ScopeGrant& grant = access.require(core::Permission::UserManage, "membership.update", target,
                                                   core::Permission::UserRead, kNoMembership, {}, attempted);
    if (expiresAt && m.user.id == caller.user.id) {
        access.recordDenied("membership.update", target, "changing one's own end date", attempted, &grant);
        throw ApiErrors::forbidden("You cannot change the end date of your own membership; ask another "
                                   "administrator.");
    }
    if (expiresAt && scoped->storedStatus == core::MembershipStatus::Ended)
        throw ApiErrors::conflict("expiresAt", "This membership has ended; an end date no longer applies.");

    m_context.db.transaction([&] {
        core::AuditEvent event = access.successEvent("membership.update", target, grant);
        event.before = nlohmann::json::object();
        event.after = attempted;
        if (title) {
            memberships.setTitle(m.id, *title);
            event.before["title"] = m.title;
        }
        if (expiresAt) {
            memberships.setExpiresAt(m.id, *expiresAt);
            event.before["expiresAt"] = orNull(m.expiresAt);
        }
        AuditLog(m_context.db).append(event);
    });
    return HttpResponse::json(200, membershipJson(memberships.find(m.id)->membership));
}

HttpResponse PeopleApi::offboardMembership(const Caller& caller, HttpRequest& request) const
{
    const std::string reason = optionalReason(request);
    const MembershipRepository memberships(m_context.db);
    const auto scoped = memberships.find(request.pathParams.at("id"));
    if (!scoped)
        throw ApiErrors::notFound(kNoMembership);
    const core::Membership& m = scoped->membership;
    const AccessCheck access(m_context, caller, request);
    const AccessTarget target{"membership", m.id, describe(*scoped), m.orgId, scoped->orgPath};
    const nlohmann::json attempted = reason.empty() ? nlohmann::json(nullptr) : nlohmann::json{{"reason", reason}};
    const core::ScopeGrant& grant = access.require(core::Permission::UserManage, "membership.offboard", target,
                                                   core::Permission::UserRead, kNoMembership, {}, attempted);
    if (m.user.id == caller.user.id) {
        access.recordDenied("membership.offboard", target, "offboarding oneself", attempted, &grant);
        throw ApiErrors::forbidden("You cannot offboard yourself; ask another administrator.");
    }
    if (scoped->storedStatus == core::MembershipStatus::Ended)
        throw ApiErrors::conflict("status", "This membership has already ended.");

    // Access remains while another membership is active; otherwise the person is signed out everywhere.
    const auto all = memberships.ofUser(m.user.id);
    const bool otherActive = std::any_of(all.begin(), all.end(), [&](const ScopedMembership& other) {
        return other.membership.id != m.id && other.membership.status == core::MembershipStatus::Active;
    });
    transactionKeepingAdmins(access, m.user.id, {*scoped}, "membership.offboard", target, [&] {
        memberships.end(m.id);
        const int roles = PersonRepository(m_context.db).revokeRoles(m.user.id, m.orgId);
        core::AuditEvent event = access.successEvent("membership.offboard", target, grant);
        event.reason = reason;
        event.before = {{"status", std::string(core::toString(m.status))}, {"roles", m.roles}};
        event.after = {{"status", "ended"}, {"revokedRoleAssignments", roles}, {"revokedSessions", nullptr}};
        if (!otherActive)
            event.after["revokedSessions"] =
                SessionRevocation::revokeAllFor(m_context.db, m.user.id, "last membership offboarded").toJson();
        AuditLog(m_context.db).append(event);
    });
    return HttpResponse::json(200, membershipJson(memberships.find(m.id)->membership));
}

HttpResponse PeopleApi::listPasskeys(const Caller& caller, HttpRequest& request) const
{
    const Person person = load(request.pathParams.at("id"));
    const bool visible = std::any_of(person.memberships.begin(), person.memberships.end(), [&](const auto& m) {
        return caller.scope.allows(core::Permission::UserRead, m.orgPath);
    });
    if (!visible)
        throw ApiErrors::notFound(kNoPerson);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& credential : PasskeyRepository(m_context.db).listForUser(person.user.id))
        items.push_back(toApiJson(credential));
    return HttpResponse::json(200, {{"items", items}});
}

HttpResponse PeopleApi::deletePasskey(const Caller& caller, HttpRequest& request) const
{
    const Person person = load(request.pathParams.at("id"));
    const std::string credentialId = request.pathParams.at("credentialId");
    const AccessCheck access(m_context, caller, request);
    AccessTarget target{"user", person.user.id, person.user.email, {}, {}};
    // Removing one's own lost device is fine; everyone else's needs user.manage wherever the person belongs.
    const core::ScopeGrant& grant =
        requireAccountWide(access, person, "user.passkey_delete", false, target, {{"credentialId", credentialId}});
    const PasskeyRepository passkeys(m_context.db);
    m_context.db.transaction([&] {
        std::optional<PasskeyCredential> found;
        for (const auto& c : passkeys.listForUser(person.user.id)) {
            if (c.credentialId == credentialId)
                found = c;
        }
        if (!found || !passkeys.remove(person.user.id, credentialId))
            throw ApiErrors::notFound("This person has no passkey with this id.");
        core::AuditEvent event = access.successEvent("user.passkey_delete", target, grant);
        event.before = {{"passkey", toApiJson(*found)}};
        event.after = nullptr;
        AuditLog(m_context.db).append(event);
    });
    HttpResponse response;
    response.status = 204;
    return response;
}

} // namespace trellis::server
