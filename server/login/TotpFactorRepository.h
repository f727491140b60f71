#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace trellis::server {

class Database;

/// One person's TOTP factor (row of totp_factors): confirmed, or an enrolment waiting for its first code.
struct TotpFactor
{
    std::string userId;
    std::string secret; ///< base32, as shown to the person
    bool confirmed = false;
    std::int64_t lastUsedStep = 0;
};

/// totp_factors: at most one factor per person; a code's time step is used at most once.
class TotpFactorRepository
{
public:
    explicit TotpFactorRepository(const Database& db)
        : m_db(db)
    {
    }

    std::optional<TotpFactor> find(const std::string& userId) const;
    /// Stores a pending (unconfirmed) secret, replacing an earlier pending one; never touches a confirmed factor.
    void savePending(const std::string& userId, const std::string& base32Secret) const;
    /// Confirms the pending factor and marks `step` used.
    void confirm(const std::string& userId, std::int64_t step) const;
    /// Marks `step` used; false when it (or a later one) was used already, so a code never works twice,
    /// even with two requests racing.
    bool useStep(const std::string& userId, std::int64_t step) const;

private:
    const Database& m_db;
};

} // namespace trellis::server
