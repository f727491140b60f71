#pragma once

#include "server/oidc/RefreshToken.h"

#include <optional>
#include <string>

namespace trellis::server {

class Database;

/// refresh_tokens: opaque tokens stored as their hash, rotated on every use, revoked per family.
class RefreshTokenRepository
{
public:
    explicit RefreshTokenRepository(const Database& db)
        : m_db(db)
    {
    }

    /// Stores a new token for `data` (id and familyId must be set) and returns the secret.
    std::string create(const RefreshToken& data) const;
    std::optional<RefreshToken> findByToken(const std::string& token) const;
    /// Marks it exchanged; false when it already was or is revoked (two concurrent refreshes: one wins).
    bool markRotated(const std::string& id) const;
    /// Revokes every token of the family that is not revoked yet; returns how many.
    int revokeFamily(const std::string& familyId, const std::string& reason) const;
    /// Revokes every live token of the user (disable, offboarding, session revocation); returns how many.
    int revokeAllFor(const std::string& userId, const std::string& reason) const;

private:
    const Database& m_db;
};

} // namespace trellis::server
