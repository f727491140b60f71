#include "core/Random.h"

#include "core/Encoding.h"

#include <openssl/rand.h>

#include <stdexcept>

namespace trellis::core {

std::string secureRandomBytes(std::size_t count)
{
    std::string out(count, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), int(count)) != 1) {
        throw std::runtime_error("secure random generator failed");
    }
    return out;
}

std::string newSecretToken()
{
    return base64UrlEncode(secureRandomBytes(32));
}

std::string newUuid()
{
    std::string b = secureRandomBytes(16);
    b[6] = char((b[6] & 0x0F) | 0x40);
    b[8] = char((b[8] & 0x3F) | 0x80);
    const std::string hex = toHex(b);
    return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' + hex.substr(16, 4) + '-' +
           hex.substr(20, 12);
}

} // namespace trellis::core
