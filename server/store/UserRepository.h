#pragma once

#include "core/User.h"

#include <optional>
#include <string>

namespace trellis::server {

class Database;

struct NewUser
{
    std::string id;    ///< empty: a new uuid is made
    std::string email; ///< normalised by the caller (core::normaliseEmail)
    std::string displayName;
    core::UserStatus status = core::UserStatus::Active;
    std::string passwordHash; ///< PHC string from core::PasswordHasher; empty: no password
    std::string lastSignInAt; ///< RFC 3339; empty: never
};

/// People: one row per person, unique normalised email.
class UserRepository
{
public:
    explicit UserRepository(const Database& db)
        : m_db(db)
    {
    }

    std::optional<core::User> find(const std::string& id) const;
    std::optional<core::User> findByEmail(const std::string& normalisedEmail) const;
    /// The person if they may still sign in and hold tokens: the account is active and at least one membership is
    /// active, not past its end date, in an active organisation. Offboarded, suspended and expired access ends here.
    std::optional<core::User> findWithAccess(const std::string& id) const;
    /// Throws StoreError Conflict ("user.email") when the email exists.
    core::User create(const NewUser& user) const;
    int count() const;

private:
    const Database& m_db;
};

} // namespace trellis::server
