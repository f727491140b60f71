#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace trellis::server {

class Database;

/// One row of signing_keys.
struct StoredSigningKey
{
    std::string kid;
    std::string privateKeyPem; ///< the secret: never logged
    nlohmann::json publicJwk;
    std::string createdAt;
    std::string retiredAt;      ///< empty while active
    std::string publishedUntil; ///< retired keys leave the JWKS after this
};

/// ES256 signing keys in the database, so every trellisd instance signs and verifies with the same set.
class SigningKeyRepository
{
public:
    explicit SigningKeyRepository(const Database& db)
        : m_db(db)
    {
    }

    /// Keys in the JWKS: the active ones and retired ones still inside published_until; newest first.
    std::vector<StoredSigningKey> published() const;

    /// Makes sure an active key younger than maxAge exists: creates the first one, or rotates (new key active,
    /// older ones retired and kept published for `retiredPublication`, expired ones deleted). Serialised across
    /// instances by the write transaction (SQLite) or a table lock (PostgreSQL). True when it created a key.
    bool ensureActive(std::chrono::seconds maxAge, std::chrono::seconds retiredPublication) const;

private:
    const Database& m_db;
};

} // namespace trellis::server
