#include "server/oidc/AuthorizationRequest.h"

namespace trellis::server {

void to_json(nlohmann::json& j, const AuthorizationRequest& r)
{
    j = nlohmann::json{{"clientId", r.clientId},
                       {"redirectUri", r.redirectUri},
                       {"scope", r.scope},
                       {"state", r.state},
                       {"nonce", r.nonce},
                       {"codeChallenge", r.codeChallenge},
                       {"codeChallengeMethod", r.codeChallengeMethod},
                       {"prompt", r.prompt},
                       {"loginHint", r.loginHint},
                       {"acrValues", r.acrValues},
                       {"organization", r.organization}};
}

void from_json(const nlohmann::json& j, AuthorizationRequest& r)
{
    const auto get = [&j](const char* key) { return j.contains(key) ? j.at(key).get<std::string>() : std::string(); };
    r.clientId = get("clientId");
    r.redirectUri = get("redirectUri");
    r.scope = get("scope");
    r.state = get("state");
    r.nonce = get("nonce");
    r.codeChallenge = get("codeChallenge");
    r.codeChallengeMethod = get("codeChallengeMethod");
    r.prompt = get("prompt");
    r.loginHint = get("loginHint");
    r.acrValues = get("acrValues");
    r.organization = get("organization");
}

} // namespace trellis::server
