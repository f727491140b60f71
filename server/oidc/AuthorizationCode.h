#pragma once

#include <string>
#include <vector>

namespace trellis::server {

/// A stored authorization code (row of authorization_codes), without the code itself.
struct AuthorizationCode
{
    std::string id;
    std::string clientId;
    std::string userId;
    std::string ssoSessionId;
    std::string redirectUri;
    std::string scope;
    std::string nonce;
    std::string codeChallenge;
    std::string codeChallengeMethod;
    std::string authTime;
    std::vector<std::string> amr;
    std::string expiresAt;
    std::string usedAt;   ///< empty until redeemed
    std::string familyId; ///< the refresh token family the code issued (empty when none)
};

} // namespace trellis::server
