#include "server/api/AuthApi.h"

#include "core/OrgPath.h"
#include "core/Permission.h"
#include "server/api/ApiContext.h"
#include "server/api/BootstrapSecret.h"
#include "server/api/Caller.h"
#include "server/api/JsonInput.h"
#include "server/api/PlatformOwner.h"
#include "server/api/RequestAudit.h"
#include "server/http/HttpError.h"
#include "server/http/HttpRequest.h"
#include "server/store/AuditLog.h"
#include "server/store/Database.h"
#include "server/store/TokenRepository.h"

#include <chrono>

namespace trellis::server {

namespace {

constexpr std::chrono::hours kBootstrapTokenLifetime{12};

} // namespace

HttpResponse AuthApi::bootstrap(HttpRequest& request) const
{
    const JsonInput input = JsonInput::parse(request, {"secret"});
    const std::string secret = input.requiredString("secret", 512);

    std::optional<core::User> owner;
    IssuedToken issued;
    const auto exchange = [&] {
        owner = PlatformOwner::find(m_context.db);
        if (!owner)
            throw HttpError(409, "no_platform_owner",
                            "There is nobody to sign in as: no active platform owner at a root organisation.");
        m_context.db.transaction([&] {
            issued = TokenRepository(m_context.db).issue(owner->id, kBootstrapTokenLifetime, "bootstrap");
            core::AuditEvent event = RequestAudit::byClient(request, "auth.bootstrap");
            event.actorType = "user";
            event.actorId = owner->id;
            event.actorDisplay = owner->email;
            event.targetType = "token";
            event.targetId = issued.tokenId;
            event.targetDisplay = owner->email;
            event.after = {{"purpose", "bootstrap"}, {"userId", owner->id}, {"expiresAt", issued.expiresAt}};
            AuditLog(m_context.db).append(event);
        });
    };
    if (!m_context.bootstrapSecret || !m_context.bootstrapSecret->redeem(secret, exchange)) {
        core::AuditEvent denied = RequestAudit::byClient(request, "auth.bootstrap");
        denied.outcome = "denied";
        denied.reason = m_context.bootstrapSecret && !m_context.bootstrapSecret->isSpent()
                            ? "wrong bootstrap secret"
                            : "no bootstrap secret available (not configured or already used)";
        RequestAudit::record(m_context, denied);
        throw HttpError(401, "invalid_secret", "The bootstrap secret is wrong or has already been used.");
    }
    HttpResponse response = HttpResponse::json(
        200,
        {{"accessToken", issued.token}, {"tokenType", "Bearer"}, {"expiresAt", issued.expiresAt}, {"user", *owner}});
    return response;
}

HttpResponse AuthApi::me(const Caller& caller, HttpRequest&) const
{
    nlohmann::json roots = nlohmann::json::array();
    for (const auto& path : caller.scope.rootPaths(core::Permission::OrgRead)) {
        const auto ids = core::OrgPath::split(path);
        if (!ids.empty())
            roots.push_back(ids.back());
    }
    // The grants let the console mirror what the server allows (it never decides anything with them).
    nlohmann::json grants = nlohmann::json::array();
    for (const auto& grant : caller.scope.grants()) {
        grants.push_back({{"assignmentId", grant.assignmentId},
                          {"roleKey", grant.roleKey},
                          {"orgId", grant.orgId},
                          {"orgPath", core::OrgPath::split(grant.orgPath)},
                          {"permissions", grant.permissions}});
    }
    return HttpResponse::json(200, {{"user", caller.user}, {"rootOrgIds", roots}, {"grants", grants}});
}

} // namespace trellis::server
