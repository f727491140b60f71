#pragma once

#include "server/oidc/AuthorizationCode.h"

#include <chrono>
#include <optional>
#include <string>

namespace trellis::server {

class Database;

/// authorization_codes: codes stored as their hash; redeeming marks them used in one conditional UPDATE so two
/// concurrent redemptions cannot both win, on any number of trellisd instances.
class AuthorizationCodeRepository
{
public:
    explicit AuthorizationCodeRepository(const Database& db)
        : m_db(db)
    {
    }

    /// Stores `code` (the secret, hashed here) with id, expiry and the binding taken from `data`.
    void create(const std::string& code, const AuthorizationCode& data) const;

    struct Redemption
    {
        enum class Outcome
        {
            Redeemed, ///< first use, unexpired: code holds the row
            Replayed, ///< already used: code holds the row (its familyId must be revoked)
            Expired,
            Unknown
        };
        Outcome outcome = Outcome::Unknown;
        AuthorizationCode code;
    };
    /// Looks the code up and marks it used if it was not; call inside a transaction.
    Redemption redeem(const std::string& code) const;

    /// Remembers which refresh token family the code issued (so a replay can revoke it).
    void setFamily(const std::string& codeId, const std::string& familyId) const;

private:
    const Database& m_db;
};

} // namespace trellis::server
