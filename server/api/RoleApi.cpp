#include "server/api/RoleApi.h"

#include "core/Org.h"
#include "core/OrgPath.h"
#include "core/Permission.h"
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

#include <algorithm>

namespace trellis::server {

namespace {

constexpr std::size_t kMaxDescription = 1000;

// Thrown inside a transaction to roll it back when a rule fails after the change was tried.
struct Refused
{
};

std::string catalogList()
{
    std::string list;
    for (const auto p : core::Permission::all())
        list += (list.empty() ? "" : ", ") + std::string(p);
    return list;
}

std::string joined(const std::vector<std::string>& items)
{
    std::string text;
    for (const auto& item : items)
        text += (text.empty() ? "" : ", ") + item;
    return text;
}

// permissions: an array of catalog permissions; duplicates collapse. nullopt when absent and not required.
std::optional<std::vector<std::string>> permissionsField(const JsonInput& input, bool required)
{
    const auto& body = input.value();
    const auto it = body.find("permissions");
    if (it == body.end() || it->is_null()) {
        if (required)
            throw ApiErrors::invalidField("permissions", "The field \"permissions\" is required (it may be empty).");
        return std::nullopt;
    }
    if (!it->is_array())
        throw ApiErrors::invalidField("permissions", "The field \"permissions\" must be an array of permissions.");
    if (it->size() > 100)
        throw ApiErrors::invalidField("permissions", "The field \"permissions\" has too many entries.");
    std::vector<std::string> permissions;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const auto& entry = (*it)[i];
        if (!entry.is_string())
            throw ApiErrors::invalidField("permissions", "permissions[" + std::to_string(i) + "] must be a string.");
        const std::string permission = entry.get<std::string>();
        if (!core::Permission::isKnown(permission)) {
            const std::string shown = permission.size() > 64 ? permission.substr(0, 64) + "..." : permission;
            throw ApiErrors::invalidField("permissions",
                                          "permissions[" + std::to_string(i) + "] \"" + shown +
                                              "\" is not a permission; the catalog is: " + catalogList() + ".");
        }
        if (std::find(permissions.begin(), permissions.end(), permission) == permissions.end())
            permissions.push_back(permission);
    }
    return permissions;
}

// description: may be empty (clears it), at most 1000 characters, no control characters except line breaks.
std::optional<std::string> descriptionField(const JsonInput& input)
{
    const auto& body = input.value();
    const auto it = body.find("description");
    if (it == body.end() || it->is_null())
        return std::nullopt;
    if (!it->is_string())
        throw ApiErrors::invalidField("description", "The field \"description\" must be a string.");
    std::string text = it->get<std::string>();
    if (JsonInput::characterCount(text) > kMaxDescription)
        throw ApiErrors::invalidField("description", "The field \"description\" is longer than " +
                                                         std::to_string(kMaxDescription) + " characters.");
    for (unsigned char c : text) {
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
            throw ApiErrors::invalidField("description", "The field \"description\" contains a control character.");
    }
    return text;
}

nlohmann::json roleState(const core::Role& role)
{
    nlohmann::json state = role;
    state.erase("assignable"); // about the viewer, not the role
    return state;
}

AccessTarget roleTarget(const core::Role& role)
{
    return AccessTarget{"role", role.id, role.key, role.definedAt, role.definedAtPath};
}

[[noreturn]] void notHeld(const std::vector<std::string>& missing)
{
    throw HttpError(403, "permission_not_held",
                    "You can only hand out permissions you hold here yourself; you lack: " + joined(missing) + ".",
                    "permissions");
}

[[noreturn]] void builtinReadOnly()
{
    throw HttpError(409, "builtin_role",
                    "Built-in roles cannot be changed or deleted; define a custom role at an organisation instead.");
}

} // namespace

HttpResponse RoleApi::list(const Caller& caller, HttpRequest& request) const
{
    const auto orgId = QueryParameters::text(request, "orgId", 100);
    const RoleRepository roles(m_context.db);
    std::vector<core::Role> items;
    if (orgId) {
        const auto org = OrgRepository(m_context.db).find(*orgId);
        const std::string path = org ? core::OrgPath::make(org->path) : std::string();
        if (!org || !caller.scope.allows(core::Permission::OrgRead, path))
            throw ApiErrors::notFound("No organisation with this id.", "orgId");
        items = roles.rolesUsableAt(path);
        for (auto& role : items)
            role.assignable = RoleDelegation::mayAssign(caller.scope, role, path);
    } else {
        items = roles.rolesVisibleWithin(caller.scope.rootPaths(core::Permission::OrgRead));
    }
    return HttpResponse::json(200, {{"items", items}});
}

HttpResponse RoleApi::create(const Caller& caller, HttpRequest& request) const
{
    const JsonInput input = JsonInput::parse(request, {"key", "name", "description", "permissions"});
    NewRole role;
    role.key = input.requiredString("key", 63);
    if (!core::isValidSlug(role.key))
        throw ApiErrors::invalidField("key", "key must be 2 to 63 characters a-z, 0-9 and '-', not starting or "
                                             "ending with '-'.");
    role.name = input.requiredString("name", 200);
    role.description = descriptionField(input).value_or(std::string());
    role.permissions = *permissionsField(input, true);
    const auto& builtins = core::builtinRoles();
    if (std::any_of(builtins.begin(), builtins.end(), [&](const auto& b) { return b.key == role.key; }))
        throw ApiErrors::conflict("key", "\"" + role.key + "\" is the key of a built-in role; choose another.");

    const auto org = OrgRepository(m_context.db).find(request.pathParams.at("id"));
    if (!org)
        throw ApiErrors::notFound("No organisation with this id.");
    role.orgId = org->id;
    const std::string path = core::OrgPath::make(org->path);
    const AccessCheck access(m_context, caller, request);
    AccessTarget target{"role", {}, role.key, org->id, path};
    const nlohmann::json attempted{
        {"key", role.key}, {"name", role.name}, {"description", role.description}, {"permissions", role.permissions}};
    const core::ScopeGrant& grant =
        access.require(core::Permission::RoleAssign, "role.create", target, core::Permission::OrgRead,
                       "No organisation with this id.", {}, attempted);
    if (const auto missing = RoleDelegation::missingAt(caller.scope, role.permissions, path); !missing.empty()) {
        access.recordDenied("role.create", target, "permissions not held: " + joined(missing), attempted, &grant);
        notHeld(missing);
    }

    const RoleRepository roles(m_context.db);
    core::Role created;
    m_context.db.transaction([&] {
        created = roles.createRole(role);
        target.id = created.id;
        core::AuditEvent event = access.successEvent("role.create", target, grant);
        event.after = roleState(created);
        AuditLog(m_context.db).append(event);
    });
    created.assignable = RoleDelegation::mayAssign(caller.scope, created, path);
    return HttpResponse::json(201, created);
}

HttpResponse RoleApi::update(const Caller& caller, HttpRequest& request) const
{
    const JsonInput input = JsonInput::parse(request, {"name", "description", "permissions"});
    RoleChanges changes;
    changes.name = input.optionalString("name", 200);
    changes.description = descriptionField(input);
    changes.permissions = permissionsField(input, false);

    const RoleRepository roles(m_context.db);
    const auto role = roles.findRole(request.pathParams.at("id"));
    if (!role || !RoleDelegation::visible(caller.scope, *role))
        throw ApiErrors::notFound("No role with this id.");
    const AccessCheck access(m_context, caller, request);
    const AccessTarget target = roleTarget(*role);
    nlohmann::json attempted = nlohmann::json::object();
    if (changes.name)
        attempted["name"] = *changes.name;
    if (changes.description)
        attempted["description"] = *changes.description;
    if (changes.permissions)
        attempted["permissions"] = *changes.permissions;
    if (role->builtIn()) {
        access.recordDenied("role.update", target, "built-in roles are read-only", attempted);
        builtinReadOnly();
    }
    const core::ScopeGrant* grant = caller.scope.grantFor(core::Permission::RoleAssign, role->definedAtPath);
    if (!grant) {
        access.recordDenied("role.update", target, "no role.assign at the defining organisation", attempted);
        throw ApiErrors::forbidden("You may not change this role: it needs role.assign at the organisation that "
                                   "defines it.");
    }
    // Nobody edits a role they could not assign, nor puts into it what they do not hold.
    std::vector<std::string> involved = role->permissions;
    if (changes.permissions)
        involved.insert(involved.end(), changes.permissions->begin(), changes.permissions->end());
    if (const auto missing = RoleDelegation::missingAt(caller.scope, involved, role->definedAtPath); !missing.empty()) {
        access.recordDenied("role.update", target, "permissions not held: " + joined(missing), attempted, grant);
        notHeld(missing);
    }

    // Taking role.assign out of a role can leave an org without an admin: the last-admin rule applies.
    const bool dropsRoleAssign = changes.permissions &&
                                 std::find(role->permissions.begin(), role->permissions.end(),
                                           core::Permission::RoleAssign) != role->permissions.end() &&
                                 std::find(changes.permissions->begin(), changes.permissions->end(),
                                           core::Permission::RoleAssign) == changes.permissions->end();
    const OrgRepository orgs(m_context.db);
    core::Role updated;
    std::string orphanedOrg;
    try {
        m_context.db.transaction([&] {
            std::vector<std::pair<std::string, int>> adminsBefore;
            if (dropsRoleAssign) {
                for (const auto& orgId : roles.orgsWithActiveAssignments(role->id)) {
                    roles.lockOrg(orgId);
                    adminsBefore.emplace_back(orgId, roles.adminCount(orgId));
                }
            }
            updated = roles.updateRole(role->id, changes);
            for (const auto& [orgId, before] : adminsBefore) {
                const std::string orgPath = orgs.pathOf(orgId).value_or(std::string());
                if (before > 0 && roles.adminCount(orgId) == 0 &&
                    !RoleDelegation::grantFromAbove(caller.scope, orgPath)) {
                    orphanedOrg = orgId;
                    throw Refused{};
                }
            }
            core::AuditEvent event = access.successEvent("role.update", target, *grant);
            event.targetDisplay = updated.key;
            event.before = roleState(*role);
            event.after = roleState(updated);
            AuditLog(m_context.db).append(event);
        });
    } catch (const Refused&) {
        access.recordDenied("role.update", target, "would remove the last admin of organisation " + orphanedOrg,
                            attempted, grant);
        throw HttpError(409, "last_admin",
                        "This change would leave an organisation without an admin (nobody holding role.assign "
                        "there); only an admin from an organisation above it may do that.",
                        "permissions");
    }
    updated.assignable = RoleDelegation::mayAssign(caller.scope, updated, updated.definedAtPath);
    return HttpResponse::json(200, updated);
}

HttpResponse RoleApi::remove(const Caller& caller, HttpRequest& request) const
{
    const RoleRepository roles(m_context.db);
    const auto role = roles.findRole(request.pathParams.at("id"));
    if (!role || !RoleDelegation::visible(caller.scope, *role))
        throw ApiErrors::notFound("No role with this id.");
    const AccessCheck access(m_context, caller, request);
    const AccessTarget target = roleTarget(*role);
    if (role->builtIn()) {
        access.recordDenied("role.delete", target, "built-in roles are read-only");
        builtinReadOnly();
    }
    const core::ScopeGrant* grant = caller.scope.grantFor(core::Permission::RoleAssign, role->definedAtPath);
    if (!grant) {
        access.recordDenied("role.delete", target, "no role.assign at the defining organisation");
        throw ApiErrors::forbidden("You may not delete this role: it needs role.assign at the organisation that "
                                   "defines it.");
    }
    if (const auto missing = RoleDelegation::missingAt(caller.scope, role->permissions, role->definedAtPath);
        !missing.empty()) {
        access.recordDenied("role.delete", target, "permissions not held: " + joined(missing), nullptr, grant);
        notHeld(missing);
    }
    int inUse = 0;
    try {
        m_context.db.transaction([&] {
            roles.lockOrg(role->definedAt);
            inUse = roles.activeAssignmentCount(role->id);
            if (inUse > 0)
                throw Refused{};
            roles.deleteRole(role->id);
            core::AuditEvent event = access.successEvent("role.delete", target, *grant);
            event.before = roleState(*role);
            AuditLog(m_context.db).append(event);
        });
    } catch (const Refused&) {
        access.recordDenied("role.delete", target, "role in use by " + std::to_string(inUse) + " assignments", nullptr,
                            grant);
        throw HttpError(409, "role_in_use",
                        "This role is still assigned " + std::to_string(inUse) +
                            " time(s); revoke those assignments first.");
    }
    HttpResponse response;
    response.status = 204;
    return response;
}

} // namespace trellis::server
