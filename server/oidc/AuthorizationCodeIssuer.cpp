#include "server/oidc/AuthorizationCodeIssuer.h"

#include "core/AuditEvent.h"
#include "core/Random.h"
#include "core/TimeFormat.h"
#include "server/api/ApiContext.h"
#include "server/oidc/AuthorizationCodeRepository.h"
#include "server/store/AuditLog.h"
#include "server/store/Database.h"

#include <cctype>
#include <chrono>

namespace trellis::server {

namespace {

constexpr std::chrono::seconds kCodeLifetime{60};

// RFC 3986 unreserved characters stay, everything else is %XX: safe in a query component.
std::string percentEncode(const std::string& text)
{
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 0x0F]);
        }
    }
    return out;
}

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
    url += "code=" + percentEncode(code);
    if (!request.state.empty())
        url += "&state=" + percentEncode(request.state);
    url += "&iss=" + percentEncode(context.issuer);
    return url;
}

} // namespace trellis::server
