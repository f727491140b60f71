#include "core/crypto/JwtError.h"

namespace trellis::core::crypto {

std::string_view jwtErrorCode(JwtError error)
{
    switch (error) {
    case JwtError::None:
        return "ok";
    case JwtError::Malformed:
        return "malformed";
    case JwtError::BadAlg:
        return "bad_alg";
    case JwtError::UnknownKid:
        return "unknown_kid";
    case JwtError::BadSignature:
        return "bad_signature";
    case JwtError::Expired:
        return "expired";
    case JwtError::NotYetValid:
        return "not_yet_valid";
    case JwtError::WrongIssuer:
        return "wrong_issuer";
    case JwtError::WrongAudience:
        return "wrong_audience";
    }
    return "malformed";
}

} // namespace trellis::core::crypto
