#pragma once

#include "core/AdminScope.h"

#include <string>

namespace trellis::server {

class Database;

/// Roles (built-in ones are seeded by the first migration from core::builtinRoles()) and role assignments.
class RoleRepository
{
public:
    explicit RoleRepository(const Database& db)
        : m_db(db)
    {
    }

    /// Assigns role `roleKey` to the user at the org; returns the assignment id.
    std::string assign(const std::string& userId, const std::string& roleKey, const std::string& orgId,
                       const std::string& grantedByUserId, const std::string& justification,
                       const std::string& expiresAt = {}) const;

    /// The caller's effective scope: unrevoked, unexpired assignments at active orgs where the (active) user holds an
    /// active, unexpired membership. A membership that ends or is suspended takes the roles held there with it.
    core::AdminScope scopeFor(const std::string& userId) const;

    /// People who administer this org itself: an unrevoked, unexpired assignment at exactly this org of a role that
    /// carries role.assign, held by an active person with an active, unexpired membership here. The last-admin rule
    /// counts these (docs/permissions.md).
    int adminCount(const std::string& orgId) const;
    /// Whether `userId` is one of those admins of the org.
    bool isAdmin(const std::string& userId, const std::string& orgId) const;

private:
    const Database& m_db;
};

} // namespace trellis::server
