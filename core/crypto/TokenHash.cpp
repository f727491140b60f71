#include "core/crypto/TokenHash.h"

#include "core/Encoding.h"

namespace trellis::core::crypto {

std::string tokenHash(std::string_view token)
{
    return toHex(sha256(token));
}

std::string oidcHalfHash(std::string_view token)
{
    const std::string digest = sha256(token);
    return base64UrlEncode(std::string_view(digest).substr(0, digest.size() / 2));
}

} // namespace trellis::core::crypto
