#pragma once

#include "core/Membership.h"

#include <optional>
#include <string>

namespace trellis::server {

class Database;

/// What acceptance and import need to know about and do with one person's membership in one org.
class MembershipLanding
{
public:
    explicit MembershipLanding(const Database& db)
        : m_db(db)
    {
    }

    /// An active, unexpired membership of the user there.
    bool isActiveMember(const std::string& userId, const std::string& orgId) const;
    /// Creates the membership, or re-activates an ended one with the new title/source/end; an active or suspended
    /// one is kept as it is. Returns its id and whether it was created or re-activated (`*changed`).
    std::string land(const std::string& userId, const std::string& orgId, const std::string& title,
                     core::MembershipSource source, const std::string& expiresAt, bool* changed) const;

private:
    const Database& m_db;
};

} // namespace trellis::server
