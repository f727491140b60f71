#include "server/api/ApiRoutes.h"

#include "server/api/AccessReviewApi.h"
#include "server/api/ApiContext.h"
#include "server/api/ApiErrors.h"
#include "server/api/AuditApi.h"
#include "server/api/AuthApi.h"
#include "server/api/Authenticator.h"
#include "server/api/FlowApi.h"
#include "server/api/FlowBindingApi.h"
#include "server/api/IdentityProviderApi.h"
#include "server/api/ImportApi.h"
#include "server/api/InvitationApi.h"
#include "server/api/OrgApi.h"
#include "server/api/OrgManageApi.h"
#include "server/api/OutboxApi.h"
#include "server/api/PeopleApi.h"
#include "server/api/RoleApi.h"
#include "server/api/RoleAssignmentApi.h"
#include "server/http/JsonLog.h"
#include "server/http/Router.h"
#include "server/login/LoginRoutes.h"
#include "server/oidc/OidcRoutes.h"
#include "server/store/Database.h"

#include <memory>

namespace trellis::server {

namespace {

using CallerHandler = std::function<HttpResponse(const Caller&, HttpRequest&)>;

// "org.slug" -> "slug": the API names the field, the store names the rule.
std::string fieldOfConstraint(const std::string& constraint)
{
    const auto dot = constraint.find('.');
    return dot == std::string::npos ? constraint : constraint.substr(dot + 1);
}

HttpResponse fromStoreError(const StoreError& e, const HttpRequest& request)
{
    switch (e.kind()) {
    case StoreError::Kind::Conflict: {
        const std::string field = fieldOfConstraint(e.constraint());
        return HttpResponse::error(409, "conflict",
                                   field.empty() ? std::string("This conflicts with existing data.")
                                                 : "Another record already uses this " + field + ".",
                                   field);
    }
    case StoreError::Kind::NotFound:
        return HttpResponse::error(404, "not_found", "No such resource.");
    case StoreError::Kind::Unavailable:
        JsonLog::error("database unavailable", {{"requestId", request.requestId}, {"error", e.what()}});
        return HttpResponse::error(503, "unavailable", "The database is unavailable; try again shortly.");
    case StoreError::Kind::Internal:
        break;
    }
    JsonLog::error("store error", {{"requestId", request.requestId}, {"error", e.what()}});
    return HttpResponse::error(500, "internal_error",
                               "Something went wrong on the server; the request id is " + request.requestId + ".");
}

// Turns the API's exceptions into responses: HttpError as given (401 unauthorized with the Bearer challenge),
// StoreError by kind, with details only in the log.
Router::Handler guarded(Router::Handler handler)
{
    return [handler = std::move(handler)](HttpRequest& request) -> HttpResponse {
        HttpResponse response;
        try {
            response = handler(request);
        } catch (const HttpError& e) {
            response = HttpResponse::json(e.status(), nlohmann::json(e.error()));
            if (e.status() == 401 && e.error().code == "unauthorized")
                response.setHeader("WWW-Authenticate", "Bearer");
        } catch (const StoreError& e) {
            response = fromStoreError(e, request);
        }
        // API answers may carry tokens or personal data: never cache them.
        if (request.path.rfind("/api/", 0) == 0)
            response.setHeader("Cache-Control", "no-store");
        return response;
    };
}

Router::Handler authenticated(const ApiContext& context, CallerHandler handler)
{
    return guarded([&context, handler = std::move(handler)](HttpRequest& request) {
        const Caller caller = Authenticator::authenticate(context, request);
        return handler(caller, request);
    });
}

} // namespace

void ApiRoutes::install(Router& router, const ApiContext& context)
{
    const auto orgs = std::make_shared<OrgApi>(context);
    const auto auth = std::make_shared<AuthApi>(context);
    const auto manage = std::make_shared<OrgManageApi>(context);
    const auto roles = std::make_shared<RoleApi>(context);
    const auto roleAssignments = std::make_shared<RoleAssignmentApi>(context);
    const auto invitations = std::make_shared<InvitationApi>(context);
    const auto imports = std::make_shared<ImportApi>(context);
    const auto people = std::make_shared<PeopleApi>(context);
    const auto flows = std::make_shared<FlowApi>(context);
    const auto flowBindings = std::make_shared<FlowBindingApi>(context);
    const auto bind = [](const auto& api, auto method) {
        return [api, method](const Caller& caller, HttpRequest& request) { return ((*api).*method)(caller, request); };
    };

    router.add("GET", "/healthz", guarded([](HttpRequest&) { return HttpResponse::json(200, {{"status", "ok"}}); }));
    router.add("GET", "/readyz", guarded([&context](HttpRequest&) {
                   if (!context.db.ping())
                       return HttpResponse::error(503, "not_ready", "The database does not answer.");
                   return HttpResponse::json(200, {{"status", "ready"}});
               }));
    router.add("POST", "/api/v1/auth/bootstrap",
               guarded([auth](HttpRequest& request) { return auth->bootstrap(request); }));
    router.add("GET", "/api/v1/me", authenticated(context, bind(auth, &AuthApi::me)));
    router.add("GET", "/api/v1/orgs", authenticated(context, bind(orgs, &OrgApi::list)));
    router.add("POST", "/api/v1/orgs", authenticated(context, bind(orgs, &OrgApi::create)));
    router.add("GET", "/api/v1/orgs/{id}", authenticated(context, bind(orgs, &OrgApi::get)));
    router.add("GET", "/api/v1/orgs/{id}/children", authenticated(context, bind(orgs, &OrgApi::children)));
    router.add("GET", "/api/v1/orgs/{id}/members", authenticated(context, bind(orgs, &OrgApi::members)));
    router.add("PATCH", "/api/v1/orgs/{id}", authenticated(context, bind(manage, &OrgManageApi::update)));
    router.add("POST", "/api/v1/orgs/{id}/move", authenticated(context, bind(manage, &OrgManageApi::move)));
    router.add("GET", "/api/v1/orgs/{id}/impact", authenticated(context, bind(manage, &OrgManageApi::impact)));
    router.add("POST", "/api/v1/orgs/{id}/suspend", authenticated(context, bind(manage, &OrgManageApi::suspend)));
    router.add("POST", "/api/v1/orgs/{id}/resume", authenticated(context, bind(manage, &OrgManageApi::resume)));
    router.add("POST", "/api/v1/orgs/{id}/offboard", authenticated(context, bind(manage, &OrgManageApi::offboard)));
    router.add("GET", "/api/v1/roles", authenticated(context, bind(roles, &RoleApi::list)));
    router.add("POST", "/api/v1/orgs/{id}/roles", authenticated(context, bind(roles, &RoleApi::create)));
    router.add("PATCH", "/api/v1/roles/{id}", authenticated(context, bind(roles, &RoleApi::update)));
    router.add("DELETE", "/api/v1/roles/{id}", authenticated(context, bind(roles, &RoleApi::remove)));
    router.add("GET", "/api/v1/orgs/{id}/role-assignments",
               authenticated(context, bind(roleAssignments, &RoleAssignmentApi::list)));
    router.add("POST", "/api/v1/role-assignments",
               authenticated(context, bind(roleAssignments, &RoleAssignmentApi::create)));
    router.add("DELETE", "/api/v1/role-assignments/{id}",
               authenticated(context, bind(roleAssignments, &RoleAssignmentApi::revoke)));
    router.add("POST", "/api/v1/orgs/{id}/invitations",
               authenticated(context, bind(invitations, &InvitationApi::create)));
    router.add("GET", "/api/v1/orgs/{id}/invitations", authenticated(context, bind(invitations, &InvitationApi::list)));
    router.add("POST", "/api/v1/invitations/{id}/resend",
               authenticated(context, bind(invitations, &InvitationApi::resend)));
    router.add("DELETE", "/api/v1/invitations/{id}", authenticated(context, bind(invitations, &InvitationApi::revoke)));
    router.add("POST", "/api/v1/orgs/{id}/imports", authenticated(context, bind(imports, &ImportApi::import)));
    router.add("GET", "/api/v1/orgs/{id}/members.csv", authenticated(context, bind(orgs, &OrgApi::membersCsv)));
    router.add("GET", "/api/v1/users/{id}", authenticated(context, bind(people, &PeopleApi::get)));
    router.add("PATCH", "/api/v1/users/{id}", authenticated(context, bind(people, &PeopleApi::update)));
    router.add("POST", "/api/v1/users/{id}/disable", authenticated(context, bind(people, &PeopleApi::disable)));
    router.add("POST", "/api/v1/users/{id}/enable", authenticated(context, bind(people, &PeopleApi::enable)));
    router.add("POST", "/api/v1/users/{id}/offboard", authenticated(context, bind(people, &PeopleApi::offboard)));
    router.add("POST", "/api/v1/users/{id}/reset-mfa", authenticated(context, bind(people, &PeopleApi::resetMfa)));
    router.add("GET", "/api/v1/users/{id}/passkeys", authenticated(context, bind(people, &PeopleApi::listPasskeys)));
    router.add("DELETE", "/api/v1/users/{id}/passkeys/{credentialId}",
               authenticated(context, bind(people, &PeopleApi::deletePasskey)));
    router.add("POST", "/api/v1/users/{id}/revoke-sessions",
               authenticated(context, bind(people, &PeopleApi::revokeSessions)));
    router.add("PATCH", "/api/v1/memberships/{id}", authenticated(context, bind(people, &PeopleApi::updateMembership)));
    router.add("POST", "/api/v1/memberships/{id}/offboard",
               authenticated(context, bind(people, &PeopleApi::offboardMembership)));
    // Login journeys (flows, versions, bindings).
    router.add("GET", "/api/v1/flow-catalog", authenticated(context, bind(flows, &FlowApi::catalog)));
    router.add("GET", "/api/v1/orgs/{id}/flows", authenticated(context, bind(flows, &FlowApi::list)));
    router.add("POST", "/api/v1/orgs/{id}/flows", authenticated(context, bind(flows, &FlowApi::create)));
    router.add("GET", "/api/v1/flows/{id}", authenticated(context, bind(flows, &FlowApi::get)));
    router.add("PATCH", "/api/v1/flows/{id}", authenticated(context, bind(flows, &FlowApi::update)));
    router.add("DELETE", "/api/v1/flows/{id}", authenticated(context, bind(flows, &FlowApi::remove)));
    router.add("PUT", "/api/v1/flows/{id}/draft", authenticated(context, bind(flows, &FlowApi::saveDraft)));
    router.add("POST", "/api/v1/flows/{id}/validate", authenticated(context, bind(flows, &FlowApi::validate)));
    router.add("POST", "/api/v1/flows/{id}/simulate", authenticated(context, bind(flows, &FlowApi::simulate)));
    router.add("GET", "/api/v1/flows/{id}/versions", authenticated(context, bind(flows, &FlowApi::versions)));
    router.add("GET", "/api/v1/flows/{id}/versions/{n}", authenticated(context, bind(flows, &FlowApi::version)));
    router.add("POST", "/api/v1/flows/{id}/publish", authenticated(context, bind(flows, &FlowApi::publish)));
    router.add("POST", "/api/v1/flows/{id}/versions/{n}/restore",
               authenticated(context, bind(flows, &FlowApi::restore)));
    router.add("POST", "/api/v1/flows/{id}/versions/{n}/publish",
               authenticated(context, bind(flows, &FlowApi::rollback)));
    router.add("GET", "/api/v1/orgs/{id}/flow-bindings",
               authenticated(context, bind(flowBindings, &FlowBindingApi::list)));
    router.add("PUT", "/api/v1/orgs/{id}/flow-bindings",
               authenticated(context, bind(flowBindings, &FlowBindingApi::bind)));
    router.add("DELETE", "/api/v1/flow-bindings/{id}",
               authenticated(context, bind(flowBindings, &FlowBindingApi::unbind)));
    router.add("GET", "/api/v1/applications",
               authenticated(context, bind(flowBindings, &FlowBindingApi::applications)));
    // Federation: an organisation's upstream identity providers.
    const auto identityProviders = std::make_shared<IdentityProviderApi>(context);
    router.add("GET", "/api/v1/orgs/{id}/identity-providers",
               authenticated(context, bind(identityProviders, &IdentityProviderApi::list)));
    router.add("POST", "/api/v1/orgs/{id}/identity-providers",
               authenticated(context, bind(identityProviders, &IdentityProviderApi::create)));
    router.add("GET", "/api/v1/identity-providers/{id}",
               authenticated(context, bind(identityProviders, &IdentityProviderApi::get)));
    router.add("PATCH", "/api/v1/identity-providers/{id}",
               authenticated(context, bind(identityProviders, &IdentityProviderApi::update)));
    router.add("DELETE", "/api/v1/identity-providers/{id}",
               authenticated(context, bind(identityProviders, &IdentityProviderApi::remove)));
    // Access reviews: campaigns over an org subtree, reviewers' decisions.
    const auto reviews = std::make_shared<AccessReviewApi>(context);
    router.add("GET", "/api/v1/access-reviews", authenticated(context, bind(reviews, &AccessReviewApi::list)));
    router.add("POST", "/api/v1/access-reviews", authenticated(context, bind(reviews, &AccessReviewApi::create)));
    router.add("GET", "/api/v1/access-reviews/{id}", authenticated(context, bind(reviews, &AccessReviewApi::get)));
    router.add("GET", "/api/v1/access-reviews/{id}/items",
               authenticated(context, bind(reviews, &AccessReviewApi::items)));
    router.add("GET", "/api/v1/access-reviews/{id}/results.csv",
               authenticated(context, bind(reviews, &AccessReviewApi::resultsCsv)));
    router.add("POST", "/api/v1/access-reviews/{id}/close",
               authenticated(context, bind(reviews, &AccessReviewApi::close)));
    router.add("POST", "/api/v1/access-reviews/{id}/process-due",
               authenticated(context, bind(reviews, &AccessReviewApi::processDue)));
    router.add("POST", "/api/v1/access-reviews/{id}/reassign",
               authenticated(context, bind(reviews, &AccessReviewApi::reassign)));
    router.add("GET", "/api/v1/access-review-items", authenticated(context, bind(reviews, &AccessReviewApi::myItems)));
    router.add("POST", "/api/v1/access-review-items/decisions",
               authenticated(context, bind(reviews, &AccessReviewApi::decideBulk)));
    router.add("POST", "/api/v1/access-review-items/{id}/decision",
               authenticated(context, bind(reviews, &AccessReviewApi::decideOne)));
    const auto outbox = std::make_shared<OutboxApi>(context);
    router.add("GET", "/api/v1/outbox", authenticated(context, bind(outbox, &OutboxApi::list)));

    const auto audit = std::make_shared<AuditApi>(context);
    router.add("GET", "/api/v1/audit/events", authenticated(context, bind(audit, &AuditApi::events)));
    router.add("GET", "/api/v1/audit/histogram", authenticated(context, bind(audit, &AuditApi::histogram)));
    router.add("GET", "/api/v1/audit/export", authenticated(context, bind(audit, &AuditApi::exportEvents)));
    router.add("GET", "/api/v1/audit/actions", authenticated(context, bind(audit, &AuditApi::actions)));
    router.add("POST", "/api/v1/audit/verify", authenticated(context, bind(audit, &AuditApi::verify)));
    router.add("GET", "/api/v1/audit/checkpoints", authenticated(context, bind(audit, &AuditApi::checkpoints)));
    router.add("GET", "/api/v1/audit/delegations/{id}/chain",
               authenticated(context, bind(audit, &AuditApi::delegationChain)));
    OidcRoutes::install(router, context);
    LoginRoutes::install(router, context);
}

} // namespace trellis::server
