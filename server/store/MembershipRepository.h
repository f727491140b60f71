#pragma once

#include "core/Membership.h"
#include "core/Page.h"
#include "core/PageCursor.h"

#include <optional>
#include <string>

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

/// Memberships (user × org), listed with the person and the role keys assigned at that org.
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
    /// Throws StoreError Conflict ("membership.user_org") when the person is already a member there.
    std::string create(const NewMembership& membership) const;
    int count() const;

private:
    const Database& m_db;
};

} // namespace trellis::server
