#include "server/oidc/AccessTokenVerifier.h"

#include "core/crypto/Jwt.h"
#include "server/api/ApiContext.h"
#include "server/oidc/SigningKeyRing.h"
#include "server/store/Database.h"

#include <algorithm>

namespace trellis::server {

bool AccessTokenVerifier::looksLikeJwt(std::string_view token)
{
    return std::count(token.begin(), token.end(), '.') == 2 && token.size() <= core::crypto::Jwt::kMaxTokenLength;
}

std::optional<nlohmann::json> AccessTokenVerifier::verify(const ApiContext& context, std::string_view token,
                                                          const std::string& audience)
{
    if (!context.signingKeys || !looksLikeJwt(token))
        return std::nullopt;
    auto keys = context.signingKeys->keys();
    auto verified = core::crypto::Jwt::verify(token, keys->verification);
    if (verified.error == core::crypto::JwtError::UnknownKid) {
        // Another instance may have rotated a moment ago.
        keys = context.signingKeys->reloadForUnknownKid();
        verified = core::crypto::Jwt::verify(token, keys->verification);
    }
    if (!verified || verified.header.value("typ", "") != "at+jwt")
        return std::nullopt;
    const auto& claims = verified.claims;
    if (!claims.contains("client_id") || !claims["client_id"].is_string() || !claims.contains("sub") ||
        !claims["sub"].is_string())
        return std::nullopt;
    core::crypto::Jwt::ClaimsExpectation expected;
    expected.issuer = context.issuer;
    expected.audience = audience.empty() ? claims["client_id"].get<std::string>() : audience;
    if (core::crypto::Jwt::checkClaims(claims, expected, context.db.clock().now()) != core::crypto::JwtError::None)
        return std::nullopt;
    return claims;
}

} // namespace trellis::server
