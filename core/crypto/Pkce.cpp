#include "core/crypto/Pkce.h"

#include "core/Encoding.h"
#include "core/Random.h"

namespace trellis::core::crypto::Pkce {

std::string newVerifier()
{
    return newSecretToken();
}

bool isValidVerifier(std::string_view verifier)
{
    if (verifier.size() < 43 || verifier.size() > 128)
        return false;
    for (char c : verifier) {
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~';
        if (!unreserved)
            return false;
    }
    return true;
}

std::string s256Challenge(std::string_view verifier)
{
    return base64UrlEncode(sha256(verifier));
}

bool verify(std::string_view method, std::string_view challenge, std::string_view verifier)
{
    if (method != "S256" || !isValidVerifier(verifier))
        return false;
    return constantTimeEquals(s256Challenge(verifier), challenge);
}

} // namespace trellis::core::crypto::Pkce
