#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace trellis::server {

struct ApiContext;

/// Checks the JWT access tokens this provider issued: ES256 signature by a published key, typ at+jwt, iss, aud,
/// exp. Access tokens are not individually revocable: they live minutes, and the admin API re-checks the person.
class AccessTokenVerifier
{
public:
    /// The claims when valid; `audience` empty means "the client named in client_id" (any of our tokens).
    static std::optional<nlohmann::json> verify(const ApiContext& context, std::string_view token,
                                                const std::string& audience);
    /// Cheap shape test: three base64url parts (so opaque tokens take their own path).
    static bool looksLikeJwt(std::string_view token);
};

} // namespace trellis::server
