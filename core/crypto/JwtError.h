#pragma once

#include <string_view>

namespace trellis::core::crypto {

/// Why a JWT was refused; each has a stable code for logs, audit events and error responses.
enum class JwtError
{
    None,          ///< "ok"
    Malformed,     ///< "malformed": not three base64url parts of JSON objects, bad claim types, crit, too long
    BadAlg,        ///< "bad_alg": alg is not exactly ES256 (none, HS256, RS256, missing …)
    UnknownKid,    ///< "unknown_kid": no kid, or none of the given keys has it
    BadSignature,  ///< "bad_signature"
    Expired,       ///< "expired": now is at or after exp (plus leeway), or exp is missing
    NotYetValid,   ///< "not_yet_valid": nbf or iat lies in the future (beyond leeway)
    WrongIssuer,   ///< "wrong_issuer"
    WrongAudience, ///< "wrong_audience"
};

std::string_view jwtErrorCode(JwtError error);

} // namespace trellis::core::crypto
