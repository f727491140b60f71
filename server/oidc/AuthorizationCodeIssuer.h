#pragma once

#include "server/oidc/AuthorizationRequest.h"

#include <string>
#include <vector>

namespace trellis::server {

struct ApiContext;

/// Ends a successful sign-in: stores a fresh authorization code (hashed, single use, 60 s) bound to the client,
/// redirect URI, PKCE challenge and nonce, audits `oidc.code.issue`, and builds the redirect back to the client.
class AuthorizationCodeIssuer
{
public:
    /// The full redirect URL: redirect_uri?code=…&state=…&iss=… (RFC 9207). The request must already have been
    /// validated (client, redirect URI, PKCE); authTime is RFC 3339, amr e.g. {"pwd", "otp"}.
    static std::string issue(const ApiContext& context, const AuthorizationRequest& request, const std::string& userId,
                             const std::string& ssoSessionId, const std::string& authTime,
                             const std::vector<std::string>& amr);
};

} // namespace trellis::server
