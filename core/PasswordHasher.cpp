#include "core/PasswordHasher.h"

#include "core/Random.h"

#include <argon2.h>
#include <cstdio>
#include <stdexcept>

namespace trellis::core::PasswordHasher {

namespace {
// OWASP Password Storage Cheat Sheet, Argon2id option 2: 19 MiB, 2 iterations, 1 lane.
constexpr std::uint32_t kMemoryKiB = 19456;
constexpr std::uint32_t kIterations = 2;
constexpr std::uint32_t kLanes = 1;
constexpr std::size_t kSaltLength = 16;
constexpr std::size_t kHashLength = 32;
// A stored string may come from an older or tampered record: refuse parameters that would let it make
// a single verification exhaust memory or CPU.
constexpr unsigned long kMaxMemoryKiB = 1u << 20;
constexpr unsigned long kMaxIterations = 16;
constexpr unsigned long kMaxLanes = 8;

bool plausibleParameters(const std::string& phc)
{
    unsigned long version = 0, m = 0, t = 0, p = 0;
    int consumed = 0;
    if (std::sscanf(phc.c_str(), "$argon2id$v=%lu$m=%lu,t=%lu,p=%lu$%n", &version, &m, &t, &p, &consumed) != 4 ||
        consumed == 0)
        return false;
    return version == ARGON2_VERSION_13 && m >= 8 && m <= kMaxMemoryKiB && t >= 1 && t <= kMaxIterations && p >= 1 &&
           p <= kMaxLanes;
}
} // namespace

std::string hash(std::string_view password)
{
    const std::string salt = secureRandomBytes(kSaltLength);
    std::string encoded(argon2_encodedlen(kIterations, kMemoryKiB, kLanes, kSaltLength, kHashLength, Argon2_id), '\0');
    const int rc = argon2id_hash_encoded(kIterations, kMemoryKiB, kLanes, password.data(), password.size(), salt.data(),
                                         salt.size(), kHashLength, encoded.data(), encoded.size());
    if (rc != ARGON2_OK)
        throw std::runtime_error(std::string("argon2id hashing failed: ") + argon2_error_message(rc));
    encoded.resize(encoded.find('\0') == std::string::npos ? encoded.size() : encoded.find('\0'));
    return encoded;
}

bool verify(std::string_view password, const std::string& phcString)
{
    if (!plausibleParameters(phcString))
        return false;
    // libargon2 recomputes the hash and compares it in constant time.
    return argon2id_verify(phcString.c_str(), password.data(), password.size()) == ARGON2_OK;
}

} // namespace trellis::core::PasswordHasher
