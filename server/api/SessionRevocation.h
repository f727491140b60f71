#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace trellis::server {

class Database;

/// How many of a person's sessions one revocation ended.
struct RevokedSessions
{
    int refreshTokens = 0; ///< OpenID Connect refresh tokens (console and applications)
    int ssoSessions = 0;   ///< hosted-login single sign-on cookies
    int apiTokens = 0;     ///< opaque admin API tokens (CLI, bootstrap)

    int total() const { return refreshTokens + ssoSessions + apiTokens; }
    nlohmann::json toJson() const;
};

/// Ends everything that keeps a person signed in. Signed access tokens cannot be recalled, but they are short-lived
/// and the admin API re-reads the person's status and roles on every request, so they lose their power at once.
/// Runs inside the caller's transaction, so the revocation lands together with the change that caused it.
class SessionRevocation
{
public:
    static RevokedSessions revokeAllFor(const Database& db, const std::string& userId, const std::string& reason);
};

} // namespace trellis::server
