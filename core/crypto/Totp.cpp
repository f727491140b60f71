#include "core/crypto/Totp.h"

#include "core/Encoding.h"
#include "core/Random.h"
#include "core/crypto/Base32.h"

#include <array>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdexcept>

namespace trellis::core::crypto::Totp {

namespace {
void checkDigits(int digits)
{
    if (digits < 6 || digits > 8)
        throw std::invalid_argument("TOTP codes have 6 to 8 digits");
}

std::string percentEncode(std::string_view text)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out += char(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}
} // namespace

std::string newSecret()
{
    return secureRandomBytes(20);
}

std::string hotp(std::string_view secret, std::uint64_t counter, int digits)
{
    checkDigits(digits);
    std::array<unsigned char, 8> message{};
    for (int i = 7; i >= 0; --i) {
        message[std::size_t(i)] = static_cast<unsigned char>(counter & 0xFF);
        counter >>= 8;
    }
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    unsigned int macLength = 0;
    if (!HMAC(EVP_sha1(), secret.data(), int(secret.size()), message.data(), message.size(), mac.data(), &macLength) ||
        macLength != 20)
        throw std::runtime_error("HMAC-SHA-1 failed");
    // Dynamic truncation (RFC 4226 §5.3).
    const unsigned offset = mac[19] & 0x0F;
    const std::uint32_t binary = (std::uint32_t(mac[offset] & 0x7F) << 24) | (std::uint32_t(mac[offset + 1]) << 16) |
                                 (std::uint32_t(mac[offset + 2]) << 8) | std::uint32_t(mac[offset + 3]);
    std::uint32_t modulus = 1;
    for (int i = 0; i < digits; ++i)
        modulus *= 10;
    std::string out = std::to_string(binary % modulus);
    out.insert(0, std::size_t(digits) - out.size(), '0');
    return out;
}

std::int64_t timeStep(std::chrono::system_clock::time_point at, std::chrono::seconds period)
{
    if (period.count() <= 0)
        throw std::invalid_argument("TOTP period must be positive");
    const std::int64_t seconds = std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count();
    // Floor division, so instants before 1970 do not share step 0.
    std::int64_t step = seconds / period.count();
    if (seconds % period.count() < 0)
        --step;
    return step;
}

std::string code(std::string_view secret, std::chrono::system_clock::time_point at, const Options& options)
{
    return hotp(secret, std::uint64_t(timeStep(at, options.period)), options.digits);
}

std::optional<std::int64_t> verify(std::string_view secret, std::string_view code,
                                   std::chrono::system_clock::time_point at, const Options& options,
                                   std::optional<std::int64_t> lastUsedStep)
{
    checkDigits(options.digits);
    if (code.size() != std::size_t(options.digits))
        return std::nullopt;
    for (char c : code) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    const std::int64_t current = timeStep(at, options.period);
    std::optional<std::int64_t> matched;
    // Every step in the window is computed, so timing does not tell which one matched.
    for (std::int64_t step = current - options.window; step <= current + options.window; ++step) {
        if (step < 0 || (lastUsedStep && step <= *lastUsedStep))
            continue;
        if (constantTimeEquals(hotp(secret, std::uint64_t(step), options.digits), code) && !matched)
            matched = step;
    }
    return matched;
}

std::string keyUri(std::string_view issuer, std::string_view account, std::string_view secret, const Options& options)
{
    checkDigits(options.digits);
    if (issuer.empty() || issuer.find(':') != std::string_view::npos || account.find(':') != std::string_view::npos)
        throw std::invalid_argument("TOTP issuer must be non-empty; issuer and account must not contain ':'");
    const std::string encodedIssuer = percentEncode(issuer);
    return "otpauth://totp/" + encodedIssuer + ":" + percentEncode(account) + "?secret=" + base32Encode(secret) +
           "&issuer=" + encodedIssuer + "&algorithm=SHA1&digits=" + std::to_string(options.digits) +
           "&period=" + std::to_string(options.period.count());
}

} // namespace trellis::core::crypto::Totp
