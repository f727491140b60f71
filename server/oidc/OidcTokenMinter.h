#pragma once

#include "server/oidc/SigningKeyRing.h"

#include <cstdint>
#include <string>
#include <vector>

namespace trellis::core {
struct User;
}

namespace trellis::server {

struct ApiContext;

/// A signed access token and what the token response says about it.
struct MintedAccessToken
{
    std::string token;
    std::string jti;
    std::int64_t expiresIn = 0; ///< seconds
};

/// Builds and signs the JWTs the provider issues: access tokens (RFC 9068, typ at+jwt) and ID tokens.
class OidcTokenMinter
{
public:
    /// The audience of access tokens that the admin API accepts.
    static constexpr const char* kAdminApiAudience = "trellis-admin-api";

    /// Throws StoreError (Unavailable) when there is no active signing key.
    OidcTokenMinter(const ApiContext& context, std::shared_ptr<const SigningKeyRing::Keys> keys);

    /// For a person: aud [trellis-admin-api, client], email, name and the `trellis` claim (memberships, admin
    /// roles per org) as they are now.
    MintedAccessToken userAccessToken(const core::User& user, const std::string& clientId,
                                      const std::string& scope) const;
    /// For a service client (client_credentials): sub = client id, aud = [client id], no person claims.
    MintedAccessToken clientAccessToken(const std::string& clientId, const std::string& scope) const;
    /// OIDC Core §2: iss, sub, aud, exp, iat, auth_time, nonce (when given), amr, at_hash, email, name.
    std::string idToken(const core::User& user, const std::string& clientId, const std::string& scope,
                        const std::string& authTime, const std::vector<std::string>& amr, const std::string& nonce,
                        const std::string& accessToken) const;

private:
    const ApiContext& m_context;
    std::shared_ptr<const SigningKeyRing::Keys> m_keys;
};

} // namespace trellis::server
