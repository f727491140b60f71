#include "server/api/OrgApi.h"

#include "core/OrgPath.h"
#include "core/Permission.h"
#include "server/api/AccessCheck.h"
#include "server/api/ApiContext.h"
#include "server/api/ApiErrors.h"
#include "server/api/Caller.h"
#include "server/api/JsonInput.h"
#include "server/api/MemberCsv.h"
#include "server/api/OrgInput.h"
#include "server/api/QueryParameters.h"
#include "server/api/RequestAudit.h"
#include "server/http/HttpRequest.h"
#include "server/store/AuditLog.h"
#include "server/store/Database.h"
#include "server/store/MembershipRepository.h"
#include "server/store/OrgLifecycleRepository.h"
#include "server/store/OrgRepository.h"

namespace trellis::server {

core::Org OrgApi::visibleOrg(const Caller& caller, const std::string& id) const
{
    auto org = OrgRepository(m_context.db).find(id);
    if (!org || !caller.scope.allows(core::Permission::OrgRead, core::OrgPath::make(org->path)))
        throw ApiErrors::notFound("No organisation with this id.");
    return std::move(*org);
}

HttpResponse OrgApi::list(const Caller& caller, HttpRequest& request) const
{
    const int limit = QueryParameters::limit(request);
    const auto cursor = QueryParameters::cursor(request);
    const auto text = QueryParameters::text(request, "q", 200);
    const auto roots = caller.scope.rootPaths(core::Permission::OrgRead);
    if (roots.empty())
        return HttpResponse::json(200, core::Page<core::Org>{});
    const OrgRepository orgs(m_context.db);
    const auto page = text ? orgs.search(*text, roots, limit, cursor) : orgs.withPaths(roots, limit, cursor);
    return HttpResponse::json(200, page);
}

HttpResponse OrgApi::get(const Caller& caller, HttpRequest& request) const
{
    return HttpResponse::json(200, visibleOrg(caller, request.pathParams.at("id")));
}

HttpResponse OrgApi::children(const Caller& caller, HttpRequest& request) const
{
    const int limit = QueryParameters::limit(request);
    const auto cursor = QueryParameters::cursor(request);
    const core::Org parent = visibleOrg(caller, request.pathParams.at("id"));
    return HttpResponse::json(200, OrgRepository(m_context.db).children(parent.id, limit, cursor));
}

struct OrgApi::MemberQuery
{
    core::Org org;
    MemberFilter filter;
};

OrgApi::MemberQuery OrgApi::memberQuery(const Caller& caller, const HttpRequest& request) const
{
    MemberQuery query;
    const auto flag = [&](const char* name) {
        const std::string value = request.queryValue(name, "false");
        if (value == "true" || value == "1")
            return true;
        if (value == "false" || value == "0")
            return false;
        throw ApiErrors::invalidParameter(name, std::string(name) + " must be true or false.");
    };
    MemberFilter& filter = query.filter;
    const bool subtree = flag("subtree");
    if (const auto status = QueryParameters::text(request, "status", 20)) {
        filter.status = core::membershipStatusFromString(*status);
        if (!filter.status)
            throw ApiErrors::invalidParameter("status", "status must be one of: active, suspended, ended.");
    }
    if (const auto source = QueryParameters::text(request, "source", 20)) {
        filter.source = core::membershipSourceFromString(*source);
        if (!filter.source)
            throw ApiErrors::invalidParameter("source", "source must be one of: manual, invitation, import, scim.");
    }
    filter.roleKey = QueryParameters::text(request, "role", 100).value_or(std::string());
    if (request.hasQuery("inactiveDays")) {
        const std::string text = request.queryValue("inactiveDays");
        const bool digits =
            !text.empty() && text.size() <= 5 && text.find_first_not_of("0123456789") == std::string::npos;
        filter.inactiveDays = digits ? std::stoi(text) : -1;
        if (filter.inactiveDays < 0 || filter.inactiveDays > 36500)
            throw ApiErrors::invalidParameter("inactiveDays", "inactiveDays must be a whole number from 0 to 36500.");
    }
    filter.text = QueryParameters::text(request, "q", 200).value_or(std::string());
    if (const auto sort = QueryParameters::text(request, "sort", 20)) {
        // "-" first means descending, as in "-lastSignIn" (most recent first).
        filter.descending = sort->front() == '-';
        const std::string key = filter.descending ? sort->substr(1) : *sort;
        if (key == "name")
            filter.sort = MemberSort::Name;
        else if (key == "email")
            filter.sort = MemberSort::Email;
        else if (key == "lastSignIn")
            filter.sort = MemberSort::LastSignIn;
        else
            throw ApiErrors::invalidParameter("sort", "sort must be one of: name, email, lastSignIn (each optionally "
                                                      "prefixed with '-' for descending order).");
    }

    query.org = visibleOrg(caller, request.pathParams.at("id"));
    // user.read here covers the whole subtree too: a grant reaches every org below the one it was made at.
    if (!caller.scope.allows(core::Permission::UserRead, core::OrgPath::make(query.org.path)))
        throw ApiErrors::forbidden("You may not see the people of this organisation (needs user.read).");
    if (subtree)
        filter.subtreePath = core::OrgPath::make(query.org.path);
    else
        filter.orgId = query.org.id;
    return query;
}

HttpResponse OrgApi::members(const Caller& caller, HttpRequest& request) const
{
    const int limit = QueryParameters::limit(request);
    const auto cursor = QueryParameters::cursor(request);
    const MemberQuery query = memberQuery(caller, request);
    return HttpResponse::json(200, MembershipRepository(m_context.db).list(query.filter, limit, cursor));
}

HttpResponse OrgApi::membersCsv(const Caller& caller, HttpRequest& request) const
{
    const MemberQuery query = memberQuery(caller, request);
    const MembershipRepository memberships(m_context.db);
    std::string body = MemberCsv::header();
    std::optional<core::PageCursor> cursor;
    std::size_t rows = 0;
    // Page by page through the same keyset as the JSON listing, so the export holds exactly what it would list.
    for (;;) {
        const auto page = memberships.list(query.filter, 500, cursor);
        for (const auto& m : page.items)
            body += MemberCsv::row(m);
        rows += page.items.size();
        if (page.nextCursor.empty())
            break;
        cursor = core::PageCursor::decode(page.nextCursor);
    }

    // Exporting personal data is worth a trace, even though nothing changes.
    const AccessCheck access(m_context, caller, request);
    const std::string orgPath = core::OrgPath::make(query.org.path);
    const AccessTarget target{"org", query.org.id, query.org.name, query.org.id, orgPath};
    core::AuditEvent event =
        access.successEvent("members.export", target, *caller.scope.grantFor(core::Permission::UserRead, orgPath));
    const MemberFilter& f = query.filter;
    event.after = {
        {"rows", rows},
        {"subtree", !f.subtreePath.empty()},
        {"status", f.status ? nlohmann::json(std::string(core::toString(*f.status))) : nlohmann::json(nullptr)},
        {"source", f.source ? nlohmann::json(std::string(core::toString(*f.source))) : nlohmann::json(nullptr)},
        {"role", f.roleKey.empty() ? nlohmann::json(nullptr) : nlohmann::json(f.roleKey)},
        {"inactiveDays", f.inactiveDays >= 0 ? nlohmann::json(f.inactiveDays) : nlohmann::json(nullptr)},
        {"q", f.text.empty() ? nlohmann::json(nullptr) : nlohmann::json(f.text)}};
    RequestAudit::record(m_context, event);

    HttpResponse response;
    response.status = 200;
    response.body = std::move(body);
    response.setHeader("Content-Type", "text/csv; charset=utf-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"members-" + query.org.slug +
                                                  (query.filter.subtreePath.empty() ? "" : "-subtree") + ".csv\"");
    response.setHeader("X-Content-Type-Options", "nosniff");
    return response;
}

HttpResponse OrgApi::create(const Caller& caller, HttpRequest& request) const
{
    const JsonInput input = JsonInput::parse(request, {"parentId", "kind", "name", "slug", "attributes"});
    NewOrg org;
    org.parentId = input.requiredString("parentId", 100);
    org.kind = OrgInput::kind(input.requiredString("kind", 50));
    org.name = input.requiredString("name", 200);
    org.slug = input.requiredString("slug", 63);
    if (!core::isValidSlug(org.slug))
        throw ApiErrors::invalidField("slug", "slug must be 2 to 63 characters a-z, 0-9 and '-', not starting or "
                                              "ending with '-'.");
    if (const auto attributes = input.optionalObject("attributes"))
        org.attributes = OrgInput::attributes(*attributes);

    const OrgRepository orgs(m_context.db);
    const auto parent = orgs.find(org.parentId);
    if (!parent)
        throw ApiErrors::notFound("No organisation with this parentId.", "parentId");
    const AccessCheck access(m_context, caller, request);
    AccessTarget target{"org", {}, org.name, parent->id, core::OrgPath::make(parent->path)};
    const core::ScopeGrant& grant = access.require(
        core::Permission::OrgManage, "org.create", target, core::Permission::OrgRead,
        "No organisation with this parentId.", "parentId",
        {{"parentId", org.parentId}, {"kind", core::toString(org.kind)}, {"name", org.name}, {"slug", org.slug}});
    // Suspended and offboarded subtrees stay as they are: nothing new grows under them.
    if (parent->status != core::OrgStatus::Active) {
        access.recordDenied("org.create", target,
                            "the parent organisation is " + std::string(core::toString(parent->status)), nullptr,
                            &grant);
        throw ApiErrors::conflict("parentId", "Nothing can be created under a " +
                                                  std::string(core::toString(parent->status)) + " organisation.");
    }

    core::Org created;
    m_context.db.transaction([&] {
        // Shared structure lock: a concurrent move or suspension of the parent's subtree finishes first, so the
        // new org gets the parent's current path and status.
        OrgLifecycleRepository(m_context.db).lockStructure(false);
        const auto current = orgs.find(org.parentId);
        if (!current || current->status != core::OrgStatus::Active)
            throw ApiErrors::conflict("parentId", "The parent organisation changed meanwhile; try again.");
        created = orgs.create(org);
        target.id = created.id;
        target.orgId = created.id;
        target.orgPath = core::OrgPath::make(created.path);
        core::AuditEvent event = access.successEvent("org.create", target, grant);
        event.after = created;
        AuditLog(m_context.db).append(event);
    });
    HttpResponse response = HttpResponse::json(201, created);
    response.setHeader("Location", "/api/v1/orgs/" + created.id);
    return response;
}

} // namespace trellis::server
