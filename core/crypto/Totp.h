#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace trellis::core::crypto {

/// TOTP (RFC 6238) over HOTP (RFC 4226) with HMAC-SHA-1: the only algorithm every authenticator app honours.
namespace Totp {

/// Digits and period of the codes; the defaults are what authenticator apps assume when the URI omits them.
struct Options
{
    int digits = 6;                  ///< 6 to 8
    std::chrono::seconds period{30}; ///< length of one time step
    int window = 1;                  ///< steps accepted either side of the current one (clock drift)
};

/// A fresh 20-byte secret (the HMAC-SHA-1 block size RFC 4226 recommends) from the secure generator.
std::string newSecret();

/// The HOTP value of a counter, zero-padded to the number of digits (RFC 4226 §5.3).
std::string hotp(std::string_view secret, std::uint64_t counter, int digits = 6);

/// The time step that contains the instant: floor(unix seconds / period).
std::int64_t timeStep(std::chrono::system_clock::time_point at, std::chrono::seconds period = std::chrono::seconds(30));

/// The code shown by an authenticator at that instant.
std::string code(std::string_view secret, std::chrono::system_clock::time_point at, const Options& options = {});

/// Checks a code at an instant, within the window. Returns the time step it matched so the caller can store it
/// and pass it back as lastUsedStep: steps up to and including that one are then refused (no replay of a code
/// seen once, RFC 6238 §5.2). std::nullopt when the code is malformed or matches no acceptable step.
std::optional<std::int64_t> verify(std::string_view secret, std::string_view code,
                                   std::chrono::system_clock::time_point at, const Options& options = {},
                                   std::optional<std::int64_t> lastUsedStep = std::nullopt);

/// The otpauth://totp/ key URI for QR enrolment ("Issuer:account" label and issuer parameter, both
/// percent-encoded; secret in unpadded base32). Throws std::invalid_argument if issuer or account contain a colon,
/// which apps would split the label on, or if the issuer is empty.
std::string keyUri(std::string_view issuer, std::string_view account, std::string_view secret,
                   const Options& options = {});

} // namespace Totp
} // namespace trellis::core::crypto
