#include "server/api/FlowBindingApi.h"

#include "core/OrgPath.h"
#include "core/Permission.h"
#include "server/api/AccessCheck.h"
#include "server/api/ApiContext.h"
#include "server/api/ApiErrors.h"
#include "server/api/Caller.h"
#include "server/api/FlowAccess.h"
#include "server/api/JsonInput.h"
#include "server/http/HttpRequest.h"
#include "server/store/AuditLog.h"
#include "server/store/Database.h"
#include "server/store/FlowRepository.h"
#include "server/store/OrgRepository.h"
#include "server/store/SqlSupport.h"

#include <set>

namespace trellis::server {

namespace {

nlohmann::json bindingJson(const FlowBindingRecord& b)
{
    return {{"id", b.id},
            {"orgId", b.orgId},
            {"clientId", b.clientId.empty() ? nlohmann::json(nullptr) : nlohmann::json(b.clientId)},
            {"flowId", b.flowId},
            {"flowName", b.flowName}};
}

nlohmann::json bindingState(const FlowBindingRecord& b)
{
    nlohmann::json j = bindingJson(b);
    j.erase("id");
    return j;
}

AccessTarget bindingTarget(const std::string& id, const core::Org& org)
{
    return AccessTarget{"flow_binding", id, org.name, org.id, core::OrgPath::make(org.path)};
}

bool clientExists(const Database& db, const std::string& clientId)
{
    QSqlQuery q = sql::prepare(db, QStringLiteral("SELECT 1 FROM oidc_clients WHERE id = ?"));
    q.addBindValue(sql::qs(clientId));
    sql::run(q, "looking up an application failed");
    return q.next();
}

// The org of the path, visible to callers who may read its flows: 404 (no org.read either) or 403 otherwise.
core::Org readableOrg(const ApiContext& context, const Caller& caller, const std::string& orgId)
{
    auto org = OrgRepository(context.db).find(orgId);
    const std::string path = org ? core::OrgPath::make(org->path) : std::string();
    if (!org || !(caller.scope.allows(core::Permission::OrgRead, path) || FlowAccess::mayRead(caller.scope, path)))
        throw ApiErrors::notFound("No organisation with this id.");
    if (!FlowAccess::mayRead(caller.scope, path))
        throw ApiErrors::forbidden("Seeing login journeys needs flow.design or flow.publish at this organisation.");
    return std::move(*org);
}

} // namespace

HttpResponse FlowBindingApi::list(const Caller& caller, HttpRequest& request) const
{
    const core::Org org = readableOrg(m_context, caller, request.pathParams.at("id"));
    const FlowRepository flows(m_context.db);
    nlohmann::json own = nlohmann::json::array();
    for (const auto& b : flows.bindingsAt(org.id))
        own.push_back(bindingJson(b));
    // What applies here: for all applications, and for every application some org on the path binds for.
    const std::string path = core::OrgPath::make(org.path);
    std::set<std::string> clients{std::string()};
    for (const auto& b : flows.bindingsOnPath(path))
        clients.insert(b.clientId);
    nlohmann::json effective = nlohmann::json::array();
    for (const auto& client : clients) {
        const auto resolved = flows.resolve(path, client);
        if (!resolved)
            continue;
        effective.push_back({{"clientId", client.empty() ? nlohmann::json(nullptr) : nlohmann::json(client)},
                             {"flowId", resolved->flowId},
                             {"flowName", resolved->flowName},
                             {"fromOrgId", resolved->fromOrgId}});
    }
    return HttpResponse::json(200, {{"bindings", own}, {"effective", effective}});
}

HttpResponse FlowBindingApi::bind(const Caller& caller, HttpRequest& request) const
{
    const JsonInput input = JsonInput::parse(request, {"clientId", "flowId"});
    const std::string flowId = input.requiredString("flowId", 100);
    const std::string clientId = input.optionalString("clientId", 200).value_or(std::string());
    const auto org = OrgRepository(m_context.db).find(request.pathParams.at("id"));
    if (!org)
        throw ApiErrors::notFound("No organisation with this id.");
    const std::string path = core::OrgPath::make(org->path);
    const AccessCheck access(m_context, caller, request);
    AccessTarget target = bindingTarget({}, *org);
    const nlohmann::json attempted{{"clientId", clientId.empty() ? nlohmann::json(nullptr) : nlohmann::json(clientId)},
                                   {"flowId", flowId}};
    const core::ScopeGrant& grant =
        access.require(core::Permission::FlowPublish, "flow.bind", target, core::Permission::OrgRead,
                       "No organisation with this id.", {}, attempted);
    if (!clientId.empty() && !clientExists(m_context.db, clientId))
        throw ApiErrors::invalidField("clientId", "There is no application with this client id.");

    const FlowRepository flows(m_context.db);
    const auto flow = flows.find(flowId);
    // A flow the caller may not see is not named, whether or not it exists.
    if (!flow || !(core::OrgPath::isWithin(path, flow->orgPath) || FlowAccess::mayRead(caller.scope, flow->orgPath)))
        throw ApiErrors::notFound("No flow with this id.", "flowId");
    if (!core::OrgPath::isWithin(path, flow->orgPath)) {
        access.recordDenied("flow.bind", target, "flow not usable here (owned outside this organisation's path)",
                            attempted, &grant);
        throw ApiErrors::invalidField("flowId", "This flow belongs to an organisation that is not this one or above "
                                                "it, so it cannot be used here.");
    }
    if (!flow->liveVersion) {
        access.recordDenied("flow.bind", target, "flow not published", attempted, &grant);
        throw HttpError(409, "flow_not_published", "This flow has never been published; publish it first.", "flowId");
    }
    FlowBindingRecord created;
    m_context.db.transaction([&] {
        flows.lock(flow->id);
        auto [binding, previous] = flows.bind(org->id, clientId, flow->id, caller.user.id);
        created = binding;
        target.id = binding.id;
        core::AuditEvent event = access.successEvent("flow.bind", target, grant);
        if (previous)
            event.before = bindingState(*previous);
        event.after = bindingState(binding);
        event.after["version"] = *flow->liveVersion;
        AuditLog(m_context.db).append(event);
    });
    return HttpResponse::json(200, bindingJson(created));
}

HttpResponse FlowBindingApi::unbind(const Caller& caller, HttpRequest& request) const
{
    const FlowRepository flows(m_context.db);
    const auto binding = flows.findBinding(request.pathParams.at("id"));
    if (!binding)
        throw ApiErrors::notFound("No flow binding with this id.");
    const auto org = OrgRepository(m_context.db).find(binding->orgId);
    if (!org)
        throw ApiErrors::notFound("No flow binding with this id.");
    const AccessCheck access(m_context, caller, request);
    const AccessTarget target = bindingTarget(binding->id, *org);
    const core::ScopeGrant* grant = caller.scope.grantFor(core::Permission::FlowPublish, binding->orgPath);
    if (!grant) {
        access.recordDenied("flow.unbind", target, "no flow.publish here", bindingState(*binding));
        if (!FlowAccess::mayRead(caller.scope, binding->orgPath))
            throw ApiErrors::notFound("No flow binding with this id.");
        throw ApiErrors::forbidden("Removing a binding needs flow.publish at its organisation.");
    }
    m_context.db.transaction([&] {
        flows.unbind(binding->id);
        core::AuditEvent event = access.successEvent("flow.unbind", target, *grant);
        event.before = bindingState(*binding);
        AuditLog(m_context.db).append(event);
    });
    HttpResponse response;
    response.status = 204;
    return response;
}

HttpResponse FlowBindingApi::applications(const Caller&, HttpRequest&) const
{
    QSqlQuery q = sql::prepare(m_context.db, QStringLiteral("SELECT id, name FROM oidc_clients ORDER BY name, id"));
    sql::run(q, "listing applications failed");
    nlohmann::json items = nlohmann::json::array();
    while (q.next())
        items.push_back({{"id", sql::ss(q.value(0))}, {"name", sql::ss(q.value(1))}});
    return HttpResponse::json(200, {{"items", items}});
}

} // namespace trellis::server
