#include "server/oidc/AuthorizationCodeIssuer.h"

#include "core/AuditEvent.h"
#include "core/Encoding.h"
#include "core/Random.h"
#include "core/TimeFormat.h"
#include "server/api/ApiContext.h"
#include "server/oidc/AuthorizationCodeRepository.h"
#include "server/store/AuditLog.h"
#include "server/store/Database.h"

#include <chrono>

namespace trellis::server {

namespace {

constexpr std::chrono::seconds kCodeLifetime{60};

} // namespace

std::string AuthorizationCodeIssuer::issue(const ApiContext& context, const AuthorizationRequest& request,
                                           const std::string& userId, const std::string& ssoSessionId,
                                           const std::string& authTime, const std::vector<std::string>& amr)
{
    const std::string code = core::newSecretToken();
    AuthorizationCode data;
    data.id = core::newUuid();
    data.clientId = request.clientId;
    data.userId = userId;
    data.ssoSessionId = ssoSessionId;
    data.redirectUri = request.redirectUri;
    data.scope = request.scope;
    data.nonce = request.nonce;
    data.codeChallenge = request.codeChallenge;
    data.codeChallengeMethod = request.codeChallengeMethod;
    data.authTime = authTime;
    data.amr = amr;
    data.expiresAt = core::formatTimestamp(context.db.clock().now() + kCodeLifetime);

    context.db.transaction([&] {
        AuthorizationCodeRepository(context.db).create(code, data);
        core::AuditEvent event;
        event.actorType = "user";
        event.actorId = userId;
        event.action = "oidc.code.issue";
        event.targetType = "oidc_client";
        event.targetId = request.clientId;
        event.targetDisplay = request.clientId;
        event.outcome = "success";
        event.after = {{"codeId", data.id},
                       {"clientId", request.clientId},
                       {"scope", request.scope},
                       {"expiresAt", data.expiresAt}};
        AuditLog(context.db).append(event);
    });

    std::string url = request.redirectUri;
    url += url.find('?') == std::string::npos ? '?' : '&';
    url += "code=" + core::percentEncode(code);
    if (!request.state.empty())
        url += "&state=" + core::percentEncode(request.state);
    url += "&iss=" + core::percentEncode(context.issuer);
    return url;
}

} // namespace trellis::server
