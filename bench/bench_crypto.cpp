// Per-core cost of the cryptography behind sign-in: what bounds password sign-ins/s (Argon2id) and token
// grants/s (ES256 signatures, token hashing) on one core, before HTTP and the database add theirs.
// Not a test: run it by hand (build/bench/bench_crypto) and record the results in docs/benchmarks.md.
#include "core/PasswordHasher.h"
#include "core/Random.h"
#include "core/crypto/Jwt.h"
#include "core/crypto/Pkce.h"
#include "core/crypto/SigningKey.h"
#include "core/crypto/TokenHash.h"
#include "core/crypto/Totp.h"

#include <chrono>
#include <cstdio>
#include <functional>
#include <string>

namespace {

using Clock = std::chrono::steady_clock;

// Runs `operation` repeatedly for at least `budget` and prints operations per second and the mean latency.
void measure(const char* name, const std::function<void()>& operation,
             std::chrono::milliseconds budget = std::chrono::milliseconds(3000))
{
    operation(); // warm-up: first-use allocations and lazy OpenSSL initialisation
    long long count = 0;
    const auto start = Clock::now();
    auto elapsed = Clock::duration::zero();
    do {
        operation();
        ++count;
        elapsed = Clock::now() - start;
    } while (elapsed < budget);
    const double seconds = std::chrono::duration<double>(elapsed).count();
    std::printf("| %-44s | %12.1f | %10.3f ms |\n", name, double(count) / seconds, 1000.0 * seconds / double(count));
    std::fflush(stdout);
}

} // namespace

int main()
{
    using namespace trellis::core;
    std::printf("| operation (one thread) | per second | mean |\n|---|---:|---:|\n");

    const std::string password = "correct horse battery staple";
    const std::string stored = PasswordHasher::hash(password);
    measure("Argon2id verify (m=19 MiB, t=2, p=1)", [&] {
        if (!PasswordHasher::verify(password, stored))
            std::abort();
    });

    const crypto::SigningKey key = crypto::SigningKey::generate();
    const std::vector<crypto::VerificationKey> keys{key.verificationKey()};
    const nlohmann::json claims{
        {"iss", "https://id.example"},
        {"sub", "c44a214d-29a3-4de0-8930-3b104be74dbc"},
        {"aud", nlohmann::json::array({"trellis-admin-api", "trellis-console"})},
        {"exp", 1900000000},
        {"iat", 1899999400},
        {"scope", "openid profile email offline_access"},
        {"trellis", {{"memberships", nlohmann::json::array({{{"org", "x"}, {"status", "active"}}})}}}};
    std::string token;
    measure("ES256 JWT sign (access token)", [&] { token = crypto::Jwt::sign(key, claims); });
    measure("ES256 JWT verify", [&] {
        if (!crypto::Jwt::verify(token, keys))
            std::abort();
    });

    measure("refresh token: new secret + SHA-256 hash", [&] {
        const std::string fresh = newSecretToken();
        if (crypto::tokenHash(fresh).empty())
            std::abort();
    });
    const std::string verifier = crypto::Pkce::newVerifier();
    const std::string challenge = crypto::Pkce::s256Challenge(verifier);
    measure("PKCE S256 verify", [&] {
        if (!crypto::Pkce::verify("S256", challenge, verifier))
            std::abort();
    });
    const std::string totpSecret = crypto::Totp::newSecret();
    measure("TOTP code (HMAC-SHA1)", [&] {
        if (crypto::Totp::code(totpSecret, std::chrono::system_clock::now()).size() != 6)
            std::abort();
    });
    return 0;
}
