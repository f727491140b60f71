#pragma once

#include "core/Membership.h"
#include "core/Page.h"
#include "core/PageCursor.h"

#include <optional>
#include <string>
#include <vector>

namespace trellis::server {

class Database;

struct NewMembership
{
    std::string userId;
    std::string orgId;
    std::string title;
    core::MembershipSource source = core::MembershipSource::Manual;
    core::MembershipStatus status = core::MembershipStatus::Active;
    std::string expiresAt; ///< RFC 3339; empty: open-ended
};

/// Which memberships a member list shows (GET /orgs/{id}/members and its CSV export). Unset fields do not filter.
/// The order of a member listing; every order ends with the membership id, so pages never overlap.
enum class MemberSort
{
    Name, ///< display name (folded), the default
    Email,
    LastSignIn ///< never signed in first, then the longest ago
};

struct MemberFilter
{
    std::string orgId;       ///< the members of this org...
    std::string subtreePath; ///< ...or, when set, of every org whose path lies within this one (orgId is ignored)
    /// The effective status: a membership whose end date has passed counts as ended, whatever was stored.
    std::optional<core::MembershipStatus> status;
    std::optional<core::MembershipSource> source;
    std::string roleKey;   ///< the person holds this role (unrevoked, unexpired) at the membership's own org
    int inactiveDays = -1; ///< >= 0: no sign-in for this many days, or never
    std::string text;      ///< case-insensitive substring of display name or e-mail
    MemberSort sort = MemberSort::Name;
    bool descending = false;
};

/// A membership together with its org's materialised path, for permission checks.
struct ScopedMembership
{
    core::Membership membership;
    std::string orgPath;
    core::MembershipStatus storedStatus = core::MembershipStatus::Active; ///< as written, before expiry is applied
};

/// Memberships (user × org), listed with the person, the org's name and the role keys assigned at that org.
class MembershipRepository
{
public:
    explicit MembershipRepository(const Database& db)
        : m_db(db)
    {
    }

    /// Members of one org (all statuses), ordered by (case-folded display name, membership id).
    core::Page<core::Membership> members(const std::string& orgId, int limit,
                                         const std::optional<core::PageCursor>& after) const;
    /// Filtered members, same order and cursors. A subtree is one range scan on orgs.path joined to memberships.
    core::Page<core::Membership> list(const MemberFilter& filter, int limit,
                                      const std::optional<core::PageCursor>& after) const;

    std::optional<ScopedMembership> find(const std::string& membershipId) const;
    /// Every membership of one person (all statuses), ordered by org path.
    std::vector<ScopedMembership> ofUser(const std::string& userId) const;

    /// Throws StoreError Conflict ("membership.user_org") when the person is already a member there.
    std::string create(const NewMembership& membership) const;
    void setTitle(const std::string& membershipId, const std::string& title) const;
    /// Empty `expiresAt` clears the end date.
    void setExpiresAt(const std::string& membershipId, const std::string& expiresAt) const;
    /// Ends one membership (status "ended"); the record stays for audit.
    void end(const std::string& membershipId) const;
    /// Ends every membership of the person; returns how many were not ended yet.
    int endAllFor(const std::string& userId) const;
    int count() const;

private:
    const Database& m_db;
};

} // namespace trellis::server
