#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace trellis::server {

class Database;

struct IssuedToken
{
    std::string tokenId;
    std::string token; ///< the secret; shown once, stored only as its SHA-256
    std::string expiresAt;
};

struct TokenOwner
{
    std::string tokenId;
    std::string userId;
    std::string expiresAt;
};

/// Opaque bearer access tokens for the admin API (stored hashed). The OpenID Connect issue replaces
/// these with signed JWTs; the API's authentication goes through this one seam.
class TokenRepository
{
public:
    explicit TokenRepository(const Database& db)
        : m_db(db)
    {
    }

    /// `purpose` says how it was obtained: "admin-token" (CLI), "bootstrap" (local workspace).
    IssuedToken issue(const std::string& userId, std::chrono::seconds ttl, const std::string& purpose) const;
    /// The owner of a valid, unexpired, unrevoked token; nullopt otherwise. Looks up by hash.
    std::optional<TokenOwner> authenticate(const std::string& token) const;
    void revoke(const std::string& tokenId) const;
    /// Revokes every live token of the user; returns how many.
    int revokeAllFor(const std::string& userId) const;

private:
    const Database& m_db;
};

} // namespace trellis::server
