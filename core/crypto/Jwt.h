#pragma once

#include "core/crypto/JwtError.h"
#include "core/crypto/SigningKey.h"
#include "core/crypto/VerificationKey.h"

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace trellis::core::crypto {

/// JWS compact serialisation of JWTs, ES256 only (RFC 7515, 7519, 7518 §3.4).
namespace Jwt {

/// The longest token accepted; anything larger is refused before decoding.
inline constexpr std::size_t kMaxTokenLength = 16 * 1024;

/// Signs claims with the key. The header starts from extraHeader (e.g. {"typ":"at+jwt"}; typ defaults to "JWT"),
/// then alg is forced to ES256 and kid to the key's kid.
std::string sign(const SigningKey& key, const nlohmann::json& claims,
                 const nlohmann::json& extraHeader = nlohmann::json::object());

/// Outcome of verify(): header and claims are filled only when error is None.
struct Verified
{
    JwtError error = JwtError::Malformed;
    nlohmann::json header;
    nlohmann::json claims;

    explicit operator bool() const { return error == JwtError::None; }
};

/// Checks structure, alg (exactly ES256), picks the key by the header's kid among keys (all published keys
/// during rotation) and checks the signature. Claims are not looked at: call checkClaims() next.
Verified verify(std::string_view token, const std::vector<VerificationKey>& keys);

/// What checkClaims() requires of the claims.
struct ClaimsExpectation
{
    std::string issuer;              ///< iss must equal this
    std::string audience;            ///< aud (string, or array of strings) must contain this
    std::chrono::seconds leeway{30}; ///< tolerated clock skew for exp, nbf and iat
};

/// iss, aud, then exp (required), nbf and iat (optional) against now; now is a parameter so tests and the
/// server's injectable clock decide the time. Non-numeric time claims are Malformed.
JwtError checkClaims(const nlohmann::json& claims, const ClaimsExpectation& expected,
                     std::chrono::system_clock::time_point now);

} // namespace Jwt
} // namespace trellis::core::crypto
