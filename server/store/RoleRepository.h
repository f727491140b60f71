#pragma once

#include "core/AdminScope.h"
#include "core/Page.h"
#include "core/PageCursor.h"
#include "core/Role.h"
#include "core/RoleAssignment.h"

#include <optional>
#include <string>
#include <vector>

namespace trellis::server {

class Database;

/// A custom role to define at an org; the repository fills id and timestamps.
struct NewRole
{
    std::string orgId;
    std::string key; ///< slug-like, unique among the live roles of orgId
    std::string name;
    std::string description;
    std::vector<std::string> permissions; ///< from the catalog, checked by the caller
};

/// What PATCH /roles/{id} changes; absent fields stay as they are.
struct RoleChanges
{
    std::optional<std::string> name;
    std::optional<std::string> description;
    std::optional<std::vector<std::string>> permissions;
};

/// Which role assignments a list shows.
struct RoleAssignmentFilter
{
    std::string orgId;
    std::string orgPath;       ///< materialised path of orgId (for the subtree range scan)
    bool subtree = false;      ///< also assignments at every org below orgId
    std::string userId;        ///< empty: everybody
    bool includeEnded = false; ///< also revoked and expired ones
};

/// Roles (built-in ones are seeded by migration 0002 from core::builtinRoles(); their id is their key; custom ones
/// are defined at an org and usable in its subtree) and role assignments.
class RoleRepository
{
public:
    explicit RoleRepository(const Database& db)
        : m_db(db)
    {
    }

    // Roles

    /// A live (not deleted) role by id, built-in or custom.
    std::optional<core::Role> findRole(const std::string& roleId) const;
    /// The roles usable at the org with this path: built-in ones, then custom ones defined at it or an ancestor
    /// (closest last), each group by key.
    std::vector<core::Role> rolesUsableAt(const std::string& orgPath) const;
    /// Built-in roles plus custom roles defined inside any of `rootPaths` or at one of their ancestors.
    std::vector<core::Role> rolesVisibleWithin(const std::vector<std::string>& rootPaths) const;
    /// Throws StoreError Conflict ("role.key") when a live role of that org already has the key.
    core::Role createRole(const NewRole& role) const;
    /// Changes a custom role; returns it as it is afterwards. Throws NotFound for a missing, deleted or built-in role.
    core::Role updateRole(const std::string& roleId, const RoleChanges& changes) const;
    /// Marks a custom role deleted (the row stays for history, the key becomes free).
    void deleteRole(const std::string& roleId) const;
    /// Assignments of the role that are neither revoked nor expired (whatever the memberships they depend on).
    int activeAssignmentCount(const std::string& roleId) const;
    /// The orgs where the role has assignments that are neither revoked nor expired.
    std::vector<std::string> orgsWithActiveAssignments(const std::string& roleId) const;

    // Assignments

    /// Assigns role `roleId` (built-in roles: their key) to the user at the org; returns the assignment id.
    /// Throws StoreError NotFound when the role does not exist or was deleted. The API checks the delegation rules.
    std::string assign(const std::string& userId, const std::string& roleId, const std::string& orgId,
                       const std::string& grantedByUserId, const std::string& justification,
                       const std::string& expiresAt = {}) const;
    std::optional<core::RoleAssignment> findAssignment(const std::string& assignmentId) const;
    /// Ordered by (the person's case-folded display name, assignment id).
    core::Page<core::RoleAssignment> assignments(const RoleAssignmentFilter& filter, int limit,
                                                 const std::optional<core::PageCursor>& after) const;
    /// Whether the person holds the role at the org by an assignment that is neither revoked nor expired.
    bool hasActiveAssignment(const std::string& userId, const std::string& roleId, const std::string& orgId) const;
    /// Sets revoked_at to now; false when it was already revoked.
    bool revoke(const std::string& assignmentId) const;

    /// Whether the person holds an active, unexpired membership at the org (assignments need one).
    bool isActiveMember(const std::string& userId, const std::string& orgId) const;
    /// Materialised paths of every org where the person has a membership (any status): where they can be seen.
    std::vector<std::string> membershipOrgPaths(const std::string& userId) const;
    /// On PostgreSQL, locks the org's row until the transaction ends, so role changes at one org (duplicate checks,
    /// the last-admin rule) run one after another. SQLite write transactions are serialised already.
    void lockOrg(const std::string& orgId) const;

    /// The caller's effective scope: unrevoked, unexpired assignments at active orgs where the (active) user holds an
    /// active, unexpired membership. A membership that ends or is suspended takes the roles held there with it.
    core::AdminScope scopeFor(const std::string& userId) const;

    /// People who administer this org itself: an unrevoked, unexpired assignment at exactly this org of a role that
    /// carries role.assign, held by an active person with an active, unexpired membership here. The last-admin rule
    /// counts these (docs/permissions.md).
    int adminCount(const std::string& orgId) const;
    /// Whether `userId` is one of those admins of the org.
    bool isAdmin(const std::string& userId, const std::string& orgId) const;
    /// The admins the org would keep without `userId` (their membership there ending) or, `userId` empty, without
    /// the assignment `assignmentId`: what an access review's revocation leaves.
    int adminCountWithout(const std::string& orgId, const std::string& userId, const std::string& assignmentId) const;

private:
    const Database& m_db;
};

} // namespace trellis::server
