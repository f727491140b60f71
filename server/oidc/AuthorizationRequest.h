#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace trellis::server {

/// What /oauth2/authorize was asked (kept in the flow session while the person signs in).
struct AuthorizationRequest
{
    std::string clientId;
    std::string redirectUri;
    std::string scope;
    std::string state;
    std::string nonce;
    std::string codeChallenge;
    std::string codeChallengeMethod; ///< "S256" only
    std::string prompt;
    std::string loginHint;
    std::string acrValues;    ///< as asked, e.g. "urn:trellis:acr:mfa"
    std::string organization; ///< id of the org named by the "organization" parameter; empty when not given
};

void to_json(nlohmann::json& j, const AuthorizationRequest& r);
/// Missing members become empty strings; non-string members throw nlohmann::json::exception.
void from_json(const nlohmann::json& j, AuthorizationRequest& r);

} // namespace trellis::server
