#include "server/api/InvitationApi.h"

#include "core/OrgPath.h"
#include "core/Permission.h"
#include "core/TimeFormat.h"
#include "core/User.h"
#include "server/api/AccessCheck.h"
#include "server/api/ApiContext.h"
#include "server/api/ApiErrors.h"
#include "server/api/Caller.h"
#include "server/api/JsonInput.h"
#include "server/api/QueryParameters.h"
#include "server/http/HttpRequest.h"
#include "server/store/AuditLog.h"
#include "server/store/Database.h"
#include "server/store/InvitationRepository.h"
#include "server/store/MembershipLanding.h"
#include "server/store/OrgRepository.h"
#include "server/store/RoleCatalog.h"
#include "server/store/UserRepository.h"

#include <chrono>

namespace trellis::server {

namespace {

const std::string kNoOrg = "No organisation with this id.";
const std::string kNoInvitation = "No invitation with this id.";

int expiryDays(const nlohmann::json& body)
{
    if (!body.contains("expiresInDays") || body["expiresInDays"].is_null())
        return InvitationApi::kDefaultDays;
    const auto& v = body["expiresInDays"];
    if (!v.is_number_integer() || v.get<long long>() < 1 || v.get<long long>() > InvitationApi::kMaxDays)
        throw ApiErrors::invalidField("expiresInDays", "expiresInDays must be a whole number from 1 to " +
                                                           std::to_string(InvitationApi::kMaxDays) + ".");
    return v.get<int>();
}

std::string daysFromNow(const Database& db, int days)
{
    return core::formatTimestamp(db.clock().now() + std::chrono::hours(24 * days));
}

// "Nobody grants what they do not hold": role.assign at the org and every permission of the role there. Throws
// (after a denied audit event) naming the roleIds entry.
void requireGrantable(const AccessCheck& access, const std::vector<CatalogRole>& roles, const AccessTarget& target,
                      std::string_view action, const nlohmann::json& attempted)
{
    const auto& scope = access.caller().scope;
    for (std::size_t i = 0; i < roles.size(); ++i) {
        const std::string field = "roleIds[" + std::to_string(i) + "]";
        if (!scope.allows(core::Permission::RoleAssign, target.orgPath)) {
            access.recordDenied(action, target, "no role.assign here", attempted);
            throw HttpError(403, "forbidden",
                            "Inviting with roles needs the permission role.assign at this organisation.", field);
        }
        if (!scope.allowsAll(roles[i].permissions, target.orgPath)) {
            access.recordDenied(action, target, "role " + roles[i].key + " exceeds the caller's permissions",
                                attempted);
            throw HttpError(403, "forbidden",
                            "You may not hand out the role " + roles[i].key +
                                ": it carries permissions you do not hold at this organisation.",
                            field);
        }
    }
}

nlohmann::json created(const core::Invitation& invitation, const std::string& url)
{
    return {{"invitation", invitation}, {"acceptUrl", url}};
}

// What audit events say about an invitation: everything but the token.
nlohmann::json auditView(const core::Invitation& invitation)
{
    return nlohmann::json(invitation);
}

} // namespace

std::string InvitationApi::acceptUrl(const ApiContext& context, const std::string& token)
{
    return context.issuer + "/invite?token=" + token;
}

core::Invitation InvitationApi::visibleInvitation(const Caller& caller, const std::string& id, core::Org* org) const
{
    auto invitation = InvitationRepository(m_context.db).find(id);
    std::optional<core::Org> found = invitation ? OrgRepository(m_context.db).find(invitation->orgId) : std::nullopt;
    const std::string path = found ? core::OrgPath::make(found->path) : std::string();
    if (!found || !(caller.scope.allows(core::Permission::UserRead, path) ||
                    caller.scope.allows(core::Permission::UserInvite, path)))
        throw ApiErrors::notFound(kNoInvitation);
    *org = std::move(*found);
    return std::move(*invitation);
}

HttpResponse InvitationApi::create(const Caller& caller, HttpRequest& request) const
{
    const JsonInput input = JsonInput::parse(request, {"email", "displayName", "title", "roleIds", "expiresInDays"});
    const auto org = OrgRepository(m_context.db).find(request.pathParams.at("id"));
    if (!org || !caller.scope.allows(core::Permission::OrgRead, core::OrgPath::make(org->path)))
        throw ApiErrors::notFound(kNoOrg);

    const std::string rawEmail = input.requiredString("email", 320);
    const auto email = core::normaliseEmail(rawEmail);
    if (!email)
        throw ApiErrors::invalidField("email", "email must be an address like name@example.com.");
    const std::string displayName = input.optionalString("displayName", 200).value_or(std::string());
    const std::string title = input.optionalString("title", 200).value_or(std::string());
    std::vector<std::string> roleIds;
    if (input.has("roleIds") && !input.value()["roleIds"].is_null()) {
        const auto& list = input.value()["roleIds"];
        if (!list.is_array() || list.size() > 20)
            throw ApiErrors::invalidField("roleIds", "roleIds must be an array of at most 20 role ids.");
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (!list[i].is_string() || list[i].get<std::string>().empty())
                throw ApiErrors::invalidField("roleIds[" + std::to_string(i) + "]", "Role ids are strings.");
            roleIds.push_back(list[i].get<std::string>());
        }
    }
    const int days = expiryDays(input.value());

    const AccessCheck access(m_context, caller, request);
    AccessTarget target{"invitation", {}, *email, org->id, core::OrgPath::make(org->path)};
    const nlohmann::json attempted{{"orgId", org->id}, {"email", *email}, {"roleIds", roleIds}};
    const core::ScopeGrant& grant = access.require(core::Permission::UserInvite, "invitation.create", target,
                                                   core::Permission::OrgRead, kNoOrg, {}, attempted);
    // Nobody joins a suspended or offboarded organisation (the link could not be accepted anyway).
    if (org->status != core::OrgStatus::Active) {
        const std::string status(core::toString(org->status));
        access.recordDenied("invitation.create", target, "the organisation is " + status, nullptr, &grant);
        throw ApiErrors::conflict({}, "Nobody can be invited into a " + status + " organisation.");
    }

    const RoleCatalog catalog(m_context.db);
    std::vector<CatalogRole> roles;
    for (std::size_t i = 0; i < roleIds.size(); ++i) {
        auto role = catalog.usableById(roleIds[i], target.orgPath);
        if (!role)
            throw ApiErrors::invalidField("roleIds[" + std::to_string(i) + "]",
                                          "No role with this id can be used at this organisation.");
        for (std::size_t j = 0; j < i; ++j) {
            if (roleIds[j] == roleIds[i])
                throw ApiErrors::invalidField("roleIds[" + std::to_string(i) + "]", "This role is listed twice.");
        }
        roles.push_back(std::move(*role));
    }
    requireGrantable(access, roles, target, "invitation.create", attempted);

    if (const auto user = UserRepository(m_context.db).findByEmail(*email);
        user && MembershipLanding(m_context.db).isActiveMember(user->id, org->id))
        throw HttpError(409, "already_member", "This person is already an active member of this organisation.",
                        "email");

    NewInvitation n;
    n.orgId = org->id;
    n.email = *email;
    n.displayName = displayName;
    n.title = title;
    n.roleIds = roleIds;
    n.invitedBy = caller.user.id;
    n.expiresAt = daysFromNow(m_context.db, days);
    core::Invitation invitation;
    std::string token;
    m_context.db.transaction([&] {
        const InvitationRepository invitations(m_context.db);
        if (invitations.pendingFor(org->id, *email))
            throw HttpError(409, "invitation_pending",
                            "An invitation for this address is already pending here; resend or revoke it.", "email");
        invitation = invitations.create(n, &token);
        target.id = invitation.id;
        core::AuditEvent event = access.successEvent("invitation.create", target, grant);
        event.after = auditView(invitation);
        AuditLog(m_context.db).append(event);
    });
    HttpResponse response = HttpResponse::json(201, created(invitation, acceptUrl(m_context, token)));
    response.setHeader("Location", "/api/v1/invitations/" + invitation.id);
    return response;
}

HttpResponse InvitationApi::list(const Caller& caller, HttpRequest& request) const
{
    const int limit = QueryParameters::limit(request);
    const auto cursor = QueryParameters::cursor(request);
    const auto org = OrgRepository(m_context.db).find(request.pathParams.at("id"));
    const std::string path = org ? core::OrgPath::make(org->path) : std::string();
    if (!org || !caller.scope.allows(core::Permission::OrgRead, path))
        throw ApiErrors::notFound(kNoOrg);
    if (!caller.scope.allows(core::Permission::UserRead, path) &&
        !caller.scope.allows(core::Permission::UserInvite, path))
        throw ApiErrors::forbidden("You may not see this organisation's invitations (needs user.read or user.invite).");
    InvitationFilter filter;
    filter.orgId = org->id;
    filter.status = request.queryValue("status");
    if (request.hasQuery("status") && filter.status != "pending" && filter.status != "accepted" &&
        filter.status != "revoked" && filter.status != "expired")
        throw ApiErrors::invalidParameter("status", "status must be pending, accepted, revoked or expired.");
    const std::string subtree = request.queryValue("subtree", "false");
    if (subtree != "true" && subtree != "false")
        throw ApiErrors::invalidParameter("subtree", "subtree must be true or false.");
    // A grant at this org reaches its whole subtree, so the subtree holds nothing the caller may not see.
    if (subtree == "true")
        filter.subtreePath = path;
    return HttpResponse::json(200, InvitationRepository(m_context.db).list(filter, limit, cursor));
}

HttpResponse InvitationApi::resend(const Caller& caller, HttpRequest& request) const
{
    int days = kDefaultDays;
    if (!request.body.empty())
        days = expiryDays(JsonInput::parse(request, {"expiresInDays"}).value());
    core::Org org;
    const core::Invitation before = visibleInvitation(caller, request.pathParams.at("id"), &org);
    const AccessCheck access(m_context, caller, request);
    AccessTarget target{"invitation", before.id, before.email, org.id, core::OrgPath::make(org.path)};
    const core::ScopeGrant& grant = access.require(core::Permission::UserInvite, "invitation.resend", target,
                                                   core::Permission::UserRead, kNoInvitation);
    if (org.status != core::OrgStatus::Active) {
        const std::string status(core::toString(org.status));
        access.recordDenied("invitation.resend", target, "the organisation is " + status, nullptr, &grant);
        throw ApiErrors::conflict({}, "The organisation is " + status + ": its invitations cannot be renewed.");
    }
    // Renewing a link is handing out its roles again: the same rule as at creation.
    std::vector<CatalogRole> roles;
    for (const auto& id : before.roleIds) {
        auto role = RoleCatalog(m_context.db).usableById(id, target.orgPath);
        if (!role)
            throw HttpError(409, "conflict", "A role of this invitation no longer exists; revoke it and invite again.",
                            "roleIds");
        roles.push_back(std::move(*role));
    }
    requireGrantable(access, roles, target, "invitation.resend", {{"invitation", before.id}});
    if (before.status == "accepted" || before.status == "revoked")
        throw HttpError(409, "invitation_closed", "This invitation was already " + before.status + ".", "status");

    std::string token;
    core::Invitation after;
    m_context.db.transaction([&] {
        const InvitationRepository invitations(m_context.db);
        if (!invitations.reissue(before.id, daysFromNow(m_context.db, days), &token))
            throw HttpError(409, "invitation_closed", "This invitation was accepted or revoked meanwhile.", "status");
        after = *invitations.find(before.id);
        core::AuditEvent event = access.successEvent("invitation.resend", target, grant);
        event.before = {{"status", before.status}, {"expiresAt", before.expiresAt}};
        event.after = {{"status", after.status}, {"expiresAt", after.expiresAt}};
        AuditLog(m_context.db).append(event);
    });
    return HttpResponse::json(200, created(after, acceptUrl(m_context, token)));
}

HttpResponse InvitationApi::revoke(const Caller& caller, HttpRequest& request) const
{
    core::Org org;
    const core::Invitation before = visibleInvitation(caller, request.pathParams.at("id"), &org);
    const AccessCheck access(m_context, caller, request);
    AccessTarget target{"invitation", before.id, before.email, org.id, core::OrgPath::make(org.path)};
    const core::ScopeGrant& grant = access.require(core::Permission::UserInvite, "invitation.revoke", target,
                                                   core::Permission::UserRead, kNoInvitation);
    if (before.status == "accepted" || before.status == "revoked")
        throw HttpError(409, "invitation_closed", "This invitation was already " + before.status + ".", "status");
    core::Invitation after;
    m_context.db.transaction([&] {
        const InvitationRepository invitations(m_context.db);
        if (!invitations.revoke(before.id))
            throw HttpError(409, "invitation_closed", "This invitation was accepted or revoked meanwhile.", "status");
        after = *invitations.find(before.id);
        core::AuditEvent event = access.successEvent("invitation.revoke", target, grant);
        event.before = {{"status", before.status}};
        event.after = {{"status", after.status}};
        AuditLog(m_context.db).append(event);
    });
    return HttpResponse::json(200, after);
}

} // namespace trellis::server
