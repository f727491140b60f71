#include "server/api/FlowAccess.h"

#include "core/Permission.h"
#include "core/flow/FlowValidator.h"
#include "server/api/ApiErrors.h"
#include "server/api/Caller.h"
#include "server/login/PublishedFlowResolver.h"

namespace trellis::server {

namespace flow = core::flow;

bool FlowAccess::mayRead(const core::AdminScope& scope, std::string_view orgPath)
{
    return scope.allows(core::Permission::FlowDesign, orgPath) || scope.allows(core::Permission::FlowPublish, orgPath);
}

const core::ScopeGrant& FlowAccess::require(const AccessCheck& access, std::string_view permission,
                                            std::string_view action, const FlowRecord& flow,
                                            const nlohmann::json& attempted)
{
    const core::AdminScope& scope = access.caller().scope;
    if (const core::ScopeGrant* grant = scope.grantFor(permission, flow.orgPath))
        return *grant;
    access.recordDenied(action, target(flow), "no " + std::string(permission) + " here", attempted);
    if (!mayRead(scope, flow.orgPath))
        throw ApiErrors::notFound("No flow with this id.");
    throw ApiErrors::forbidden("You may not do this to this flow: it needs the permission " + std::string(permission) +
                               " at the organisation that owns it.");
}

AccessTarget FlowAccess::target(const FlowRecord& flow)
{
    return AccessTarget{"flow", flow.id, flow.name, flow.orgId, flow.orgPath};
}

nlohmann::json FlowAccess::summary(const FlowRecord& flow)
{
    nlohmann::json j{{"id", flow.id},
                     {"orgId", flow.orgId},
                     {"name", flow.name},
                     {"description", flow.description},
                     {"liveVersion", nullptr},
                     {"draftRevision", flow.draftRevision},
                     {"updatedAt", flow.updatedAt},
                     {"updatedBy", nullptr}};
    if (flow.liveVersion)
        j["liveVersion"] = *flow.liveVersion;
    if (!flow.updatedById.empty())
        j["updatedBy"] = {{"id", flow.updatedById}, {"name", flow.updatedByName}};
    return j;
}

nlohmann::json FlowAccess::version(const FlowVersionRecord& v, const std::optional<int>& liveVersion)
{
    nlohmann::json j{{"version", v.version},
                     {"note", v.note},
                     {"publishedAt", v.publishedAt},
                     {"publishedBy", nullptr},
                     {"live", liveVersion && *liveVersion == v.version}};
    if (!v.publishedById.empty())
        j["publishedBy"] = {{"id", v.publishedById}, {"name", v.publishedByName}};
    return j;
}

std::vector<flow::FlowProblem> FlowAccess::problemsOf(const Database& db, const FlowRecord& flow,
                                                      const nlohmann::json& document)
{
    std::vector<flow::FlowProblem> problems;
    if (const auto parsed = parse(document, problems))
        return validate(db, flow, *parsed);
    return problems;
}

std::vector<flow::FlowProblem> FlowAccess::validate(const Database& db, const FlowRecord& flow,
                                                    const flow::FlowDocument& document)
{
    const PublishedFlowResolver subflows(db, flow.orgPath);
    return flow::FlowValidator(flow::NodeCatalog::builtin(), &subflows).validate(document);
}

std::optional<flow::FlowDocument> FlowAccess::parse(const nlohmann::json& document,
                                                    std::vector<flow::FlowProblem>& problems)
{
    if (!document.is_object()) {
        problems.push_back({"invalid_document", {}, {}, {}, "A flow document must be a JSON object."});
        return std::nullopt;
    }
    return flow::FlowDocument::fromJson(document, problems);
}

} // namespace trellis::server
