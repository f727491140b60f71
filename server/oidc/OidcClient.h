#pragma once

#include <string>
#include <vector>

namespace trellis::server {

/// A registered OpenID Connect relying party (row of oidc_clients); the secret hash stays in the repository.
struct OidcClient
{
    enum class Type
    {
        Public,
        Confidential
    };

    std::string id;
    std::string name;
    Type type = Type::Public;
    std::vector<std::string> redirectUris;
    std::vector<std::string> postLogoutRedirectUris;
    std::vector<std::string> grantTypes; ///< "authorization_code", "refresh_token", "client_credentials"
    std::vector<std::string> scopes;     ///< scopes the client may ask for
    bool builtIn = false;

    bool isPublic() const { return type == Type::Public; }

    /// Exact match against a registered redirect URI. For public (native) clients a registered loopback URI
    /// ("http://127.0.0.1/…", "http://[::1]/…") also matches the same URI on any port (RFC 8252 §7.3).
    bool acceptsRedirect(const std::string& uri) const;
    /// Exact match against a registered post-logout redirect URI (same loopback rule).
    bool acceptsPostLogoutRedirect(const std::string& uri) const;
    bool allowsGrant(const std::string& grantType) const;
    /// True when every space-separated scope in `scope` is registered for the client.
    bool allowsScope(const std::string& scope) const;
};

} // namespace trellis::server
