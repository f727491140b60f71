#pragma once

#include "core/User.h"

#include <string>
#include <vector>

namespace trellis::server {

class Database;

/// A role assignment as the person view shows it.
struct HeldRole
{
    std::string assignmentId;
    std::string orgId;
    std::string roleId;
    std::string roleKey;
    std::string roleName;
    std::string grantedBy;        ///< user id; empty for the system (demo seed, bootstrap)
    std::string grantedByDisplay; ///< e-mail of the granter
    std::string justification;
    std::string expiresAt; ///< empty: open-ended
    std::string createdAt;
};

/// A person's multi-factor state, without secrets.
struct MfaState
{
    bool totpEnrolled = false;         ///< a confirmed TOTP factor
    bool totpEnrolmentPending = false; ///< an enrolment started but not confirmed
    bool enrolmentRequired = false;    ///< an admin reset MFA: the next sign-in enrols
};

/// How many ways the person is signed in right now.
struct ActiveSessions
{
    int refreshTokens = 0;
    int ssoSessions = 0;
    int apiTokens = 0;
    int total() const { return refreshTokens + ssoSessions + apiTokens; }
};

/// The account-wide side of a person that the People API reads and changes: profile and status, role assignments
/// (revocation on offboarding), MFA reset and session counts. Writers run inside the caller's transaction.
class PersonRepository
{
public:
    explicit PersonRepository(const Database& db)
        : m_db(db)
    {
    }

    void setDisplayName(const std::string& userId, const std::string& displayName) const;
    void setStatus(const std::string& userId, core::UserStatus status) const;

    /// Unrevoked, unexpired assignments of the person, ordered by org and role key.
    std::vector<HeldRole> activeRoles(const std::string& userId) const;
    /// Revokes the person's unrevoked assignments (at `orgId` only, when given); returns how many.
    int revokeRoles(const std::string& userId, const std::string& orgId = {}) const;

    MfaState mfaState(const std::string& userId) const;
    /// Removes every TOTP factor (confirmed or pending) and makes the hosted login require a new enrolment.
    int resetMfa(const std::string& userId) const;
    /// Whether the next sign-in must enrol a second factor (see resetMfa()).
    bool mfaEnrolmentRequired(const std::string& userId) const;
    void clearMfaEnrolmentRequired(const std::string& userId) const;

    ActiveSessions activeSessions(const std::string& userId) const;

    /// Inside a transaction: serialises changes to these orgs' admins (PostgreSQL row locks; SQLite write
    /// transactions are serialised already), so a last-admin check stays true until the commit.
    void lockOrgs(const std::vector<std::string>& orgIds) const;

private:
    const Database& m_db;
};

} // namespace trellis::server
