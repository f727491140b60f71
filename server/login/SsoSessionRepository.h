#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace trellis::server {

class Database;

/// A single sign-on session of the hosted login (row of sso_sessions).
struct SsoSession
{
    std::string id;
    std::string userId;
    std::string authTime; ///< RFC 3339, when the person last proved who they are
    std::vector<std::string> amr;
    std::string expiresAt;
};

/// sso_sessions: the `trellis_sso` cookie holds a random token, the database its hash. Also used by the OIDC side
/// (revokeAllFor when an account is disabled or its credentials change).
class SsoSessionRepository
{
public:
    /// Absolute lifetime: one working day, then the password is asked again.
    static constexpr std::chrono::hours lifetime{10};

    explicit SsoSessionRepository(const Database& db)
        : m_db(db)
    {
    }

    /// Starts a session; returns it and writes the cookie token to *token.
    SsoSession create(const std::string& userId, const std::string& authTime, const std::vector<std::string>& amr,
                      std::string* token) const;
    /// The live session of this cookie token: not ended, not expired, its user active.
    std::optional<SsoSession> findByToken(const std::string& token) const;
    std::optional<SsoSession> find(const std::string& id) const;
    /// Ends one session; false when it had ended already.
    bool end(const std::string& id) const;
    /// Ends every live session of a person; returns how many.
    int revokeAllFor(const std::string& userId) const;

private:
    const Database& m_db;
};

} // namespace trellis::server
