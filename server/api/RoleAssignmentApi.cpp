#include "server/api/RoleAssignmentApi.h"

#include "core/OrgPath.h"
#include "core/Permission.h"
#include "core/TimeFormat.h"
#include "server/api/AccessCheck.h"
#include "server/api/ApiContext.h"
#include "server/api/ApiErrors.h"
#include "server/api/Caller.h"
#include "server/api/JsonInput.h"
#include "server/api/QueryParameters.h"
#include "server/api/RoleDelegation.h"
#include "server/http/HttpRequest.h"
#include "server/store/AuditLog.h"
#include "server/store/Database.h"
#include "server/store/OrgRepository.h"
#include "server/store/RoleRepository.h"
#include "server/store/UserRepository.h"

#include <algorithm>

namespace trellis::server {

namespace {

// Thrown inside a transaction to roll it back when a rule fails after the change was tried.
struct Refused
{
};

std::string joined(const std::vector<std::string>& items)
{
    std::string text;
    for (const auto& item : items)
        text += (text.empty() ? "" : ", ") + item;
    return text;
}

// A yes/no query parameter: true/false (or 1/0); absent means false.
bool flag(const HttpRequest& request, const char* name)
{
    if (!request.hasQuery(name))
        return false;
    const std::string value = request.queryValue(name);
    if (value == "true" || value == "1")
        return true;
    if (value == "false" || value == "0" || value.empty())
        return false;
    throw ApiErrors::invalidParameter(name, std::string(name) + " must be true or false.");
}

std::string assignmentDisplay(const std::string& email, const std::string& roleKey, const std::string& orgName)
{
    return email + ": " + roleKey + " at " + orgName;
}

} // namespace

HttpResponse RoleAssignmentApi::list(const Caller& caller, HttpRequest& request) const
{
    const int limit = QueryParameters::limit(request);
    const auto cursor = QueryParameters::cursor(request);
    RoleAssignmentFilter filter;
    filter.subtree = flag(request, "subtree");
    filter.includeEnded = flag(request, "includeEnded");
    filter.userId = QueryParameters::text(request, "userId", 100).value_or(std::string());

    const auto org = OrgRepository(m_context.db).find(request.pathParams.at("id"));
    const std::string path = org ? core::OrgPath::make(org->path) : std::string();
    if (!org || !caller.scope.allows(core::Permission::OrgRead, path))
        throw ApiErrors::notFound("No organisation with this id.");
    // user.read at the org covers its whole subtree, so nothing in the list (nor its length) lies outside the scope.
    if (!caller.scope.allows(core::Permission::UserRead, path))
        throw ApiErrors::forbidden("You may not see the people of this organisation (needs user.read).");
    filter.orgId = org->id;
    filter.orgPath = path;
    const auto page = RoleRepository(m_context.db).assignments(filter, limit, cursor);
    const std::string now = core::formatTimestamp(m_context.db.clock().now());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& a : page.items)
        items.push_back(core::toJson(a, now));
    return HttpResponse::json(
        200, {{"items", items},
              {"nextCursor", page.nextCursor.empty() ? nlohmann::json(nullptr) : nlohmann::json(page.nextCursor)}});
}

HttpResponse RoleAssignmentApi::create(const Caller& caller, HttpRequest& request) const
{
    const JsonInput input = JsonInput::parse(request, {"userId", "roleId", "orgId", "expiresAt", "justification"});
    const std::string userId = input.requiredString("userId", 100);
    const std::string roleId = input.requiredString("roleId", 100);
    const std::string orgId = input.requiredString("orgId", 100);
    const std::string justification = input.requiredString("justification", 500);
    std::string expiresAt;
    const std::string now = core::formatTimestamp(m_context.db.clock().now());
    if (const auto text = input.optionalString("expiresAt", 64)) {
        const auto when = core::parseTimestamp(*text);
        if (!when)
            throw ApiErrors::invalidField("expiresAt", "expiresAt must be a UTC time in RFC 3339 form, e.g. "
                                                       "2027-01-31T17:00:00Z.");
        expiresAt = core::formatTimestamp(*when);
        if (expiresAt <= now)
            throw ApiErrors::invalidField("expiresAt", "expiresAt must lie in the future.");
    }
    const nlohmann::json attempted{
        {"userId", userId},
        {"roleId", roleId},
        {"orgId", orgId},
        {"expiresAt", expiresAt.empty() ? nlohmann::json(nullptr) : nlohmann::json(expiresAt)},
        {"justification", justification},
        {"grantedBy", {{"id", caller.user.id}, {"email", caller.user.email}}}};

    const auto org = OrgRepository(m_context.db).find(orgId);
    if (!org)
        throw ApiErrors::notFound("No organisation with this id.", "orgId");
    const std::string path = core::OrgPath::make(org->path);
    const AccessCheck access(m_context, caller, request);
    AccessTarget target{"role_assignment", {}, {}, org->id, path};
    const core::ScopeGrant& grant =
        access.require(core::Permission::RoleAssign, "role.assign", target, core::Permission::OrgRead,
                       "No organisation with this id.", "orgId", attempted);
    // Nobody raises their own privileges, whatever they hold.
    if (userId == caller.user.id) {
        access.recordDenied("role.assign", target, "self-escalation: nobody assigns a role to themselves", attempted,
                            &grant);
        throw HttpError(403, "self_escalation", "Nobody can assign a role to themselves; ask another admin.", "userId");
    }

    const RoleRepository roles(m_context.db);
    const auto role = roles.findRole(roleId);
    if (!role || !RoleDelegation::visible(caller.scope, *role)) {
        access.recordDenied("role.assign", target, "no such role", attempted, &grant);
        throw ApiErrors::notFound("No role with this id.", "roleId");
    }
    target.display = role->key;
    if (!RoleDelegation::usableAt(*role, path)) {
        access.recordDenied("role.assign", target, "role not usable at this organisation", attempted, &grant);
        throw ApiErrors::invalidField("roleId", "The role \"" + role->key +
                                                    "\" is defined at another organisation and can only be used in "
                                                    "that organisation's subtree.");
    }
    if (const auto missing = RoleDelegation::missingAt(caller.scope, role->permissions, path); !missing.empty()) {
        access.recordDenied("role.assign", target, "permissions not held: " + joined(missing), attempted, &grant);
        throw HttpError(
            403, "permission_not_held",
            "You can only assign roles whose permissions you hold here yourself; you lack: " + joined(missing) + ".",
            "roleId");
    }

    // The person must be someone the caller can see (a membership within their user.read scope).
    const auto user = UserRepository(m_context.db).find(userId);
    const auto memberPaths = user ? roles.membershipOrgPaths(userId) : std::vector<std::string>();
    const bool userVisible = std::any_of(memberPaths.begin(), memberPaths.end(), [&](const std::string& p) {
        return caller.scope.allows(core::Permission::UserRead, p);
    });
    if (!userVisible) {
        access.recordDenied("role.assign", target, "no such person in scope", attempted, &grant);
        throw ApiErrors::notFound("No person with this id.", "userId");
    }
    target.display = assignmentDisplay(user->email, role->key, org->name);
    if (!roles.isActiveMember(userId, org->id)) {
        access.recordDenied("role.assign", target, "not an active member of the organisation", attempted, &grant);
        throw HttpError(409, "not_a_member",
                        "This person has no active membership in this organisation; add or invite them first.",
                        "userId");
    }

    core::RoleAssignment created;
    try {
        m_context.db.transaction([&] {
            roles.lockOrg(org->id);
            if (roles.hasActiveAssignment(userId, role->id, org->id)) {
                throw Refused{};
            }
            const std::string id = roles.assign(userId, role->id, org->id, caller.user.id, justification, expiresAt);
            created = roles.findAssignment(id).value();
            target.id = id;
            core::AuditEvent event = access.successEvent("role.assign", target, grant);
            event.after = core::toJson(created, now);
            AuditLog(m_context.db).append(event);
        });
    } catch (const Refused&) {
        access.recordDenied("role.assign", target, "already assigned", attempted, &grant);
        throw ApiErrors::conflict("roleId", "This person already holds this role at this organisation.");
    }
    return HttpResponse::json(201, core::toJson(created, now));
}

HttpResponse RoleAssignmentApi::revoke(const Caller& caller, HttpRequest& request) const
{
    const RoleRepository roles(m_context.db);
    const auto assignment = roles.findAssignment(request.pathParams.at("id"));
    if (!assignment)
        throw ApiErrors::notFound("No role assignment with this id.");
    const std::string& path = assignment->org.path;
    const AccessCheck access(m_context, caller, request);
    const AccessTarget target{"role_assignment", assignment->id,
                              assignmentDisplay(assignment->user.email, assignment->role.key, assignment->org.name),
                              assignment->org.id, path};
    const core::ScopeGrant& grant = access.require(core::Permission::RoleAssign, "role.revoke", target,
                                                   core::Permission::UserRead, "No role assignment with this id.");
    if (!assignment->revokedAt.empty())
        throw HttpError(409, "already_revoked", "This role assignment was revoked already.");
    // A deleted role has no live assignments left, so there is nothing it could still grant.
    const auto role = roles.findRole(assignment->role.id);
    const std::vector<std::string> permissions = role ? role->permissions : std::vector<std::string>();
    if (const auto missing = RoleDelegation::missingAt(caller.scope, permissions, path); !missing.empty()) {
        access.recordDenied("role.revoke", target, "permissions not held: " + joined(missing), nullptr, &grant);
        throw HttpError(
            403, "permission_not_held",
            "You can only remove roles whose permissions you hold here yourself; you lack: " + joined(missing) + ".");
    }

    const core::ScopeGrant* fromAbove = RoleDelegation::grantFromAbove(caller.scope, path);
    const std::string now = core::formatTimestamp(m_context.db.clock().now());
    core::RoleAssignment revoked;
    try {
        m_context.db.transaction([&] {
            roles.lockOrg(assignment->org.id);
            const int adminsBefore = roles.adminCount(assignment->org.id);
            if (!roles.revoke(assignment->id))
                throw HttpError(409, "already_revoked", "This role assignment was revoked already.");
            const bool leavesNoAdmin = adminsBefore > 0 && roles.adminCount(assignment->org.id) == 0;
            if (leavesNoAdmin && !fromAbove) {
                throw Refused{};
            }
            revoked = roles.findAssignment(assignment->id).value();
            // When only the grant from above made this allowed, that is the delegation to name.
            core::AuditEvent event =
                access.successEvent("role.revoke", target, leavesNoAdmin && fromAbove ? *fromAbove : grant);
            event.before = core::toJson(*assignment, now);
            event.after = core::toJson(revoked, now);
            AuditLog(m_context.db).append(event);
        });
    } catch (const Refused&) {
        access.recordDenied("role.revoke", target, "last admin of the organisation", nullptr, &grant);
        throw HttpError(409, "last_admin",
                        "This is the organisation's last admin (nobody else holds role.assign there); only an admin "
                        "from an organisation above it may remove it.");
    }
    return HttpResponse::json(200, core::toJson(revoked, now));
}

} // namespace trellis::server
