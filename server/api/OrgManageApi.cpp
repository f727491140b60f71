#include "server/api/OrgManageApi.h"

#include "core/OrgPath.h"
#include "core/Permission.h"
#include "server/api/AccessCheck.h"
#include "server/api/ApiContext.h"
#include "server/api/ApiErrors.h"
#include "server/api/Caller.h"
#include "server/api/JsonInput.h"
#include "server/api/OrgInput.h"
#include "server/api/QueryParameters.h"
#include "server/api/SessionRevocation.h"
#include "server/http/HttpRequest.h"
#include "server/store/AuditLog.h"
#include "server/store/Database.h"
#include "server/store/OrgLifecycleRepository.h"
#include "server/store/OrgRepository.h"

namespace trellis::server {

namespace {

const std::string kNoSuchOrg = "No organisation with this id.";

std::string pathOf(const core::Org& org)
{
    return core::OrgPath::make(org.path);
}

std::string parentPathOf(const core::Org& org)
{
    return core::OrgPath::make({org.path.begin(), org.path.end() - 1});
}

bool isRoot(const core::Org& org)
{
    return org.parentId.empty() || org.path.size() < 2;
}

std::string statusName(core::OrgStatus status)
{
    return std::string(core::toString(status));
}

AccessTarget targetOf(const core::Org& org)
{
    return {"org", org.id, org.name, org.id, pathOf(org)};
}

nlohmann::json editableState(const core::Org& org)
{
    return {{"name", org.name}, {"kind", core::toString(org.kind)}, {"attributes", org.attributes}};
}

// The optional {reason} body of a lifecycle change; an empty body is fine.
std::string lifecycleReason(const HttpRequest& request)
{
    if (request.body.find_first_not_of(" \t\r\n") == std::string::npos)
        return {};
    const JsonInput input = JsonInput::parse(request, {"reason"});
    return input.optionalString("reason", 500).value_or(std::string());
}

std::string_view actionOf(OrgLifecycleChange change)
{
    return change == OrgLifecycleChange::Suspend ? "org.suspend" : "org.offboard";
}

// Why the org's current status does not allow the change (empty: it does). The preview answers the same.
std::string lifecycleObstacle(const core::Org& org, OrgLifecycleChange change)
{
    if (change == OrgLifecycleChange::Suspend && org.status != core::OrgStatus::Active)
        return "Only an active organisation can be suspended; this one is " + statusName(org.status) + ".";
    if (change == OrgLifecycleChange::Offboard && org.status == core::OrgStatus::Offboarded)
        return "This organisation is already offboarded.";
    return {};
}

} // namespace

core::Org OrgManageApi::orgForChange(const AccessCheck& access, const std::string& id, std::string_view action,
                                     const nlohmann::json& attempted) const
{
    auto org = OrgRepository(m_context.db).find(id);
    if (!org)
        throw ApiErrors::notFound(kNoSuchOrg);
    if (!access.allows(core::Permission::OrgRead, pathOf(*org))) {
        access.recordDenied(action, targetOf(*org), "organisation outside the caller's scope", attempted);
        throw ApiErrors::notFound(kNoSuchOrg);
    }
    return std::move(*org);
}

const core::ScopeGrant& OrgManageApi::requireAt(const AccessCheck& access, std::string_view action,
                                                const core::Org& org, const std::string& checkPath,
                                                bool hideUnlessVisible, const std::string& notFoundMessage,
                                                const std::string& notFoundField, const nlohmann::json& attempted) const
{
    if (const core::ScopeGrant* grant = access.caller().scope.grantFor(core::Permission::OrgManage, checkPath))
        return *grant;
    const bool sameOrg = checkPath == pathOf(org);
    access.recordDenied(action, targetOf(org), sameOrg ? "no org.manage here" : "no org.manage at " + checkPath,
                        attempted);
    if (hideUnlessVisible && !access.allows(core::Permission::OrgRead, checkPath))
        throw ApiErrors::notFound(notFoundMessage, notFoundField);
    throw ApiErrors::forbidden(sameOrg ? "You may not do this here: it needs the permission org.manage at this "
                                         "organisation."
                                       : "You may not do this here: it needs the permission org.manage at the "
                                         "parent organisation (an admin cannot move, suspend or offboard the "
                                         "organisation their own role is granted at).");
}

void OrgManageApi::refuse(const AccessCheck& access, std::string_view action, const core::Org& org,
                          const std::string& field, const std::string& message, const nlohmann::json& attempted,
                          const core::ScopeGrant* grant) const
{
    access.recordDenied(action, targetOf(org), message, attempted, grant);
    throw ApiErrors::conflict(field, message);
}

HttpResponse OrgManageApi::update(const Caller& caller, HttpRequest& request) const
{
    const JsonInput input = JsonInput::parse(request, {"name", "kind", "attributes", "slug"});
    const auto name = input.optionalString("name", 200);
    std::optional<core::OrgKind> kind;
    if (const auto text = input.optionalString("kind", 50))
        kind = OrgInput::kind(*text);
    std::optional<nlohmann::json> attributes;
    if (const auto object = input.optionalObject("attributes"))
        attributes = OrgInput::attributes(*object);

    const AccessCheck access(m_context, caller, request);
    nlohmann::json attempted = nlohmann::json::object();
    if (name)
        attempted["name"] = *name;
    if (kind)
        attempted["kind"] = core::toString(*kind);
    if (attributes)
        attempted["attributes"] = *attributes;
    const core::Org org = orgForChange(access, request.pathParams.at("id"), "org.update", attempted);
    // The slug is an identifier others may have stored: it never changes. Sending the current one is harmless.
    if (const auto slug = input.optionalString("slug", 63); slug && *slug != org.slug)
        throw ApiErrors::invalidField("slug", "The slug of an organisation cannot be changed.");
    const core::ScopeGrant& grant = access.require(core::Permission::OrgManage, "org.update", targetOf(org),
                                                   core::Permission::OrgRead, kNoSuchOrg, {}, attempted);
    if (org.status == core::OrgStatus::Offboarded)
        refuse(access, "org.update", org, {}, "An offboarded organisation cannot be changed.", attempted, &grant);

    core::Org changed = org;
    if (name)
        changed.name = *name;
    if (kind)
        changed.kind = *kind;
    if (attributes)
        changed.attributes = *attributes;
    if (editableState(changed) == editableState(org))
        return HttpResponse::json(200, org); // nothing to change, nothing to audit

    const OrgRepository orgs(m_context.db);
    core::Org updated;
    m_context.db.transaction([&] {
        if (!orgs.update(org.id, changed.name, changed.kind, changed.attributes))
            throw ApiErrors::notFound(kNoSuchOrg);
        updated = *orgs.find(org.id);
        core::AuditEvent event = access.successEvent("org.update", targetOf(updated), grant);
        event.before = editableState(org);
        event.after = editableState(updated);
        AuditLog(m_context.db).append(event);
    });
    return HttpResponse::json(200, updated);
}

HttpResponse OrgManageApi::move(const Caller& caller, HttpRequest& request) const
{
    const JsonInput input = JsonInput::parse(request, {"parentId"});
    const std::string parentId = input.requiredString("parentId", 100);
    const nlohmann::json attempted{{"parentId", parentId}};

    const AccessCheck access(m_context, caller, request);
    const core::Org org = orgForChange(access, request.pathParams.at("id"), "org.move", attempted);
    if (isRoot(org))
        refuse(access, "org.move", org, {}, "A root organisation cannot be moved.", attempted, nullptr);
    const OrgRepository orgs(m_context.db);
    const auto newParent = orgs.find(parentId);
    if (!newParent)
        throw ApiErrors::notFound("No organisation with this parentId.", "parentId");
    const std::string oldPath = pathOf(org);
    const std::string newParentPath = pathOf(*newParent);

    // Taking the org out of its parent and putting it under another both need org.manage. The current parent is
    // no secret (the org's own path names it), so lacking the right there is a 403; an invisible new parent is 404.
    const core::ScopeGrant& fromGrant =
        requireAt(access, "org.move", org, parentPathOf(org), false, kNoSuchOrg, {}, attempted);
    const core::ScopeGrant& toGrant = requireAt(access, "org.move", org, newParentPath, true,
                                                "No organisation with this parentId.", "parentId", attempted);
    if (newParent->id == org.parentId)
        return HttpResponse::json(200, org); // already there: nothing changes, nothing to audit
    if (core::OrgPath::isWithin(newParentPath, oldPath))
        refuse(access, "org.move", org, "parentId",
               "An organisation cannot be moved under itself or one of its own sub-organisations.", attempted,
               &fromGrant);
    if (org.status != core::OrgStatus::Active)
        refuse(access, "org.move", org, {},
               "Only an active organisation can be moved; this one is " + statusName(org.status) + ".", attempted,
               &fromGrant);
    if (newParent->status != core::OrgStatus::Active)
        refuse(access, "org.move", org, "parentId",
               "Organisations cannot be moved under a " + statusName(newParent->status) + " organisation.", attempted,
               &fromGrant);

    core::Org moved;
    m_context.db.transaction([&] {
        OrgLifecycleRepository(m_context.db).lockStructure(true);
        // Checked above without the lock: a concurrent move may have changed either side since.
        const auto current = orgs.find(org.id);
        const auto target = orgs.find(newParent->id);
        if (!current || !target || pathOf(*current) != oldPath || pathOf(*target) != newParentPath ||
            current->status != core::OrgStatus::Active || target->status != core::OrgStatus::Active)
            throw ApiErrors::conflict("parentId", "The organisations changed meanwhile; please try again.");
        const int count = orgs.move(org.id, oldPath, org.depth, target->id, newParentPath, target->depth);
        moved = *orgs.find(org.id);
        core::AuditEvent event = access.successEvent("org.move", targetOf(moved), fromGrant);
        event.before = {{"parentId", org.parentId}, {"path", oldPath}, {"depth", org.depth}};
        event.after = {{"parentId", moved.parentId},
                       {"path", pathOf(moved)},
                       {"depth", moved.depth},
                       {"movedOrgs", count},
                       {"newParentDelegationId", toGrant.assignmentId}};
        AuditLog(m_context.db).append(event);
    });
    return HttpResponse::json(200, moved);
}

HttpResponse OrgManageApi::impact(const Caller& caller, HttpRequest& request) const
{
    const auto changeText = QueryParameters::text(request, "change", 20);
    OrgLifecycleChange change = OrgLifecycleChange::Suspend;
    if (changeText == "suspend")
        change = OrgLifecycleChange::Suspend;
    else if (changeText == "offboard")
        change = OrgLifecycleChange::Offboard;
    else
        throw ApiErrors::invalidParameter("change", "change must be suspend or offboard.");

    auto org = OrgRepository(m_context.db).find(request.pathParams.at("id"));
    if (!org || !caller.scope.allows(core::Permission::OrgRead, pathOf(*org)))
        throw ApiErrors::notFound(kNoSuchOrg);
    // A preview answers like the change would, but it is a read: refusals are not audited.
    if (isRoot(*org))
        throw ApiErrors::conflict({}, "A root organisation cannot be suspended or offboarded.");
    if (!caller.scope.allows(core::Permission::OrgManage, parentPathOf(*org)))
        throw ApiErrors::forbidden("You may not do this here: it needs the permission org.manage at the parent "
                                   "organisation.");
    if (const std::string obstacle = lifecycleObstacle(*org, change); !obstacle.empty())
        throw ApiErrors::conflict({}, obstacle);
    return HttpResponse::json(200, OrgLifecycleRepository(m_context.db).impact(pathOf(*org), change).toJson(change));
}

HttpResponse OrgManageApi::suspend(const Caller& caller, HttpRequest& request) const
{
    return changeLifecycle(caller, request, OrgLifecycleChange::Suspend);
}

HttpResponse OrgManageApi::offboard(const Caller& caller, HttpRequest& request) const
{
    return changeLifecycle(caller, request, OrgLifecycleChange::Offboard);
}

HttpResponse OrgManageApi::changeLifecycle(const Caller& caller, HttpRequest& request, OrgLifecycleChange change) const
{
    const std::string action(actionOf(change));
    const std::string reason = lifecycleReason(request);
    const nlohmann::json attempted = reason.empty() ? nlohmann::json(nullptr) : nlohmann::json{{"reason", reason}};
    const AccessCheck access(m_context, caller, request);
    const core::Org org = orgForChange(access, request.pathParams.at("id"), action, attempted);
    if (isRoot(org))
        refuse(access, action, org, {}, "A root organisation cannot be suspended or offboarded.", attempted, nullptr);
    const core::ScopeGrant& grant = requireAt(access, action, org, parentPathOf(org), false, kNoSuchOrg, {}, attempted);
    if (const std::string obstacle = lifecycleObstacle(org, change); !obstacle.empty())
        refuse(access, action, org, {}, obstacle, attempted, &grant);

    const std::string path = pathOf(org);
    const OrgRepository orgs(m_context.db);
    const OrgLifecycleRepository lifecycle(m_context.db);
    OrgImpact impact;
    core::Org changed;
    m_context.db.transaction([&] {
        lifecycle.lockStructure(true);
        const auto current = orgs.find(org.id);
        if (!current || pathOf(*current) != path || current->status != org.status)
            throw ApiErrors::conflict({}, "The organisation changed meanwhile; please try again.");
        // Counted in the transaction, before the change: exactly what the preview shows and what changes.
        impact = lifecycle.impact(path, change);
        const auto people = lifecycle.affectedPeople(path, change);
        if (change == OrgLifecycleChange::Suspend)
            lifecycle.suspend(org.id, path);
        else
            lifecycle.offboard(path);
        RevokedSessions revoked;
        const std::string why =
            change == OrgLifecycleChange::Suspend ? "organisation suspended" : "organisation offboarded";
        for (const auto& person : people) {
            const RevokedSessions one = SessionRevocation::revokeAllFor(m_context.db, person, why);
            revoked.refreshTokens += one.refreshTokens;
            revoked.ssoSessions += one.ssoSessions;
            revoked.apiTokens += one.apiTokens;
        }
        changed = *orgs.find(org.id);
        core::AuditEvent event = access.successEvent(action, targetOf(changed), grant);
        event.reason = reason;
        event.before = {{"status", statusName(org.status)}};
        event.after = {{"status", statusName(changed.status)},
                       {"impact", impact.toJson(change)},
                       {"revokedSessions", revoked.toJson()}};
        AuditLog(m_context.db).append(event);
    });
    return HttpResponse::json(200, {{"org", changed}, {"impact", impact.toJson(change)}});
}

HttpResponse OrgManageApi::resume(const Caller& caller, HttpRequest& request) const
{
    const std::string reason = lifecycleReason(request);
    const nlohmann::json attempted = reason.empty() ? nlohmann::json(nullptr) : nlohmann::json{{"reason", reason}};
    const AccessCheck access(m_context, caller, request);
    const core::Org org = orgForChange(access, request.pathParams.at("id"), "org.resume", attempted);
    if (isRoot(org))
        refuse(access, "org.resume", org, {}, "A root organisation is never suspended.", attempted, nullptr);
    const core::ScopeGrant& grant =
        requireAt(access, "org.resume", org, parentPathOf(org), false, kNoSuchOrg, {}, attempted);
    const OrgLifecycleRepository lifecycle(m_context.db);
    if (org.status != core::OrgStatus::Suspended)
        refuse(access, "org.resume", org, {},
               "Only a suspended organisation can be resumed; this one is " + statusName(org.status) + ".", attempted,
               &grant);
    if (lifecycle.suspensionRootOf(org.id) != org.id)
        refuse(access, "org.resume", org, {},
               "This organisation was suspended together with a parent organisation; resume that one.", attempted,
               &grant);

    const std::string path = pathOf(org);
    const OrgRepository orgs(m_context.db);
    OrgImpact restored;
    core::Org changed;
    m_context.db.transaction([&] {
        lifecycle.lockStructure(true);
        const auto current = orgs.find(org.id);
        if (!current || pathOf(*current) != path || current->status != core::OrgStatus::Suspended ||
            lifecycle.suspensionRootOf(org.id) != org.id)
            throw ApiErrors::conflict({}, "The organisation changed meanwhile; please try again.");
        restored = lifecycle.resume(org.id, path);
        changed = *orgs.find(org.id);
        core::AuditEvent event = access.successEvent("org.resume", targetOf(changed), grant);
        event.reason = reason;
        event.before = {{"status", statusName(org.status)}};
        event.after = {{"status", statusName(changed.status)},
                       {"restored",
                        {{"orgs", restored.orgs}, {"memberships", restored.memberships}, {"people", restored.people}}}};
        AuditLog(m_context.db).append(event);
    });
    return HttpResponse::json(
        200,
        {{"org", changed},
         {"restored", {{"orgs", restored.orgs}, {"memberships", restored.memberships}, {"people", restored.people}}}});
}

} // namespace trellis::server
