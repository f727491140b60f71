#pragma once

#include <string>
#include <vector>

namespace trellis::server {

/// A stored refresh token (row of refresh_tokens), without the token itself.
struct RefreshToken
{
    std::string id;
    std::string familyId; ///< every rotation of one grant shares it; reuse revokes all of them
    std::string clientId;
    std::string userId;
    std::string ssoSessionId;
    std::string scope;
    std::string authTime;
    std::vector<std::string> amr;
    std::string expiresAt;
    std::string rotatedAt; ///< set when exchanged for a successor: presenting it again is reuse
    std::string revokedAt;
};
} // namespace trellis::server
