#include "server/store/RoleRepository.h"

#include "core/OrgPath.h"
#include "core/Permission.h"
#include "core/Random.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include <QSqlQuery>
#include <QStringList>

namespace trellis::server {

using namespace sql;

namespace {

const QString kRoleColumns = QStringLiteral("SELECT r.id, r.key, r.name, r.description, r.permissions, r.org_id, "
                                            "o.path, r.created_at, r.updated_at "
                                            "FROM roles r LEFT JOIN orgs o ON o.id = r.org_id ");

std::vector<std::string> permissionList(const QVariant& value)
{
    std::vector<std::string> permissions;
    const auto parsed = nlohmann::json::parse(ss(value), nullptr, false);
    if (parsed.is_array()) {
        for (const auto& p : parsed) {
            if (p.is_string())
                permissions.push_back(p.get<std::string>());
        }
    }
    return permissions;
}

core::Role readRole(const QSqlQuery& q)
{
    core::Role role;
    role.id = ss(q.value(0));
    role.key = ss(q.value(1));
    role.name = ss(q.value(2));
    role.description = ss(q.value(3));
    role.permissions = permissionList(q.value(4));
    role.definedAt = ss(q.value(5));
    role.definedAtPath = ss(q.value(6));
    role.createdAt = ss(q.value(7));
    role.updatedAt = ss(q.value(8));
    return role;
}

int builtinIndex(const std::string& key)
{
    const auto& roles = core::builtinRoles();
    for (std::size_t i = 0; i < roles.size(); ++i) {
        if (roles[i].key == key)
            return int(i);
    }
    return int(roles.size());
}

// Built-in roles in catalog order, then custom roles from the top of the tree down, each org's by key.
void sortRoles(std::vector<core::Role>& roles)
{
    std::sort(roles.begin(), roles.end(), [](const core::Role& a, const core::Role& b) {
        if (a.builtIn() != b.builtIn())
            return a.builtIn();
        if (a.builtIn())
            return builtinIndex(a.key) < builtinIndex(b.key);
        if (a.definedAtPath.size() != b.definedAtPath.size())
            return a.definedAtPath.size() < b.definedAtPath.size();
        if (a.definedAtPath != b.definedAtPath)
            return a.definedAtPath < b.definedAtPath;
        return a.key < b.key;
    });
}

std::vector<core::Role> readRoles(QSqlQuery& q)
{
    std::vector<core::Role> roles;
    while (q.next())
        roles.push_back(readRole(q));
    sortRoles(roles);
    return roles;
}

QString placeholders(std::size_t count)
{
    QStringList marks;
    for (std::size_t i = 0; i < count; ++i)
        marks.push_back(QStringLiteral("?"));
    return marks.join(QStringLiteral(", "));
}

// Stored in catalog order, without duplicates, so equal sets compare equal.
std::string permissionsJson(const std::vector<std::string>& permissions)
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto& p : core::Permission::all()) {
        if (std::find(permissions.begin(), permissions.end(), p) != permissions.end())
            list.push_back(std::string(p));
    }
    return list.dump();
}

const QString kAssignmentColumns =
    QStringLiteral("SELECT ra.id, u.id, u.email, u.display_name, r.id, r.key, r.name, o.id, o.name, o.path, g.id, "
                   "g.email, ra.justification, ra.expires_at, ra.created_at, ra.revoked_at, u.name_key "
                   "FROM role_assignments ra "
                   "JOIN users u ON u.id = ra.user_id "
                   "JOIN roles r ON r.id = ra.role_id "
                   "JOIN orgs o ON o.id = ra.org_id "
                   "LEFT JOIN users g ON g.id = ra.granted_by ");

core::RoleAssignment readAssignment(const QSqlQuery& q)
{
    core::RoleAssignment a;
    a.id = ss(q.value(0));
    a.user.id = ss(q.value(1));
    a.user.email = ss(q.value(2));
    a.user.displayName = ss(q.value(3));
    a.role.id = ss(q.value(4));
    a.role.key = ss(q.value(5));
    a.role.name = ss(q.value(6));
    a.org.id = ss(q.value(7));
    a.org.name = ss(q.value(8));
    a.org.path = ss(q.value(9));
    a.grantedBy.id = ss(q.value(10));
    a.grantedBy.email = ss(q.value(11));
    a.justification = ss(q.value(12));
    a.expiresAt = ss(q.value(13));
    a.createdAt = ss(q.value(14));
    a.revokedAt = ss(q.value(15));
    return a;
}

// "Neither revoked nor expired"; one "?" placeholder: now.
const QString kAssignmentLive =
    QStringLiteral("ra.revoked_at IS NULL AND (ra.expires_at IS NULL OR ra.expires_at > ?)");

} // namespace

std::optional<core::Role> RoleRepository::findRole(const std::string& roleId) const
{
    QSqlQuery q = prepare(m_db, kRoleColumns + QStringLiteral("WHERE r.id = ? AND r.deleted_at IS NULL"));
    q.addBindValue(qs(roleId));
    run(q, "reading a role failed");
    if (!q.next())
        return std::nullopt;
    return readRole(q);
}

std::vector<core::Role> RoleRepository::rolesUsableAt(const std::string& orgPath) const
{
    const auto ancestors = core::OrgPath::split(orgPath);
    QString where = QStringLiteral("WHERE r.deleted_at IS NULL AND (r.org_id IS NULL");
    if (!ancestors.empty())
        where += QStringLiteral(" OR r.org_id IN (%1)").arg(placeholders(ancestors.size()));
    where += u')';
    QSqlQuery q = prepare(m_db, kRoleColumns + where);
    for (const auto& id : ancestors)
        q.addBindValue(qs(id));
    run(q, "listing roles failed");
    return readRoles(q);
}

std::vector<core::Role> RoleRepository::rolesVisibleWithin(const std::vector<std::string>& rootPaths) const
{
    std::set<std::string> ancestors;
    QStringList scopes{QStringLiteral("r.org_id IS NULL")};
    QVariantList values;
    for (const auto& root : rootPaths) {
        scopes.push_back(QStringLiteral("(o.path >= ? AND o.path < ?)"));
        values.push_back(qs(root));
        values.push_back(qs(core::OrgPath::subtreeUpperBound(root)));
        for (const auto& id : core::OrgPath::split(root))
            ancestors.insert(id);
    }
    if (!ancestors.empty()) {
        scopes.push_back(QStringLiteral("r.org_id IN (%1)").arg(placeholders(ancestors.size())));
        for (const auto& id : ancestors)
            values.push_back(qs(id));
    }
    QSqlQuery q = prepare(m_db, kRoleColumns + QStringLiteral("WHERE r.deleted_at IS NULL AND (") +
                                    scopes.join(QStringLiteral(" OR ")) + u')');
    for (const auto& v : values)
        q.addBindValue(v);
    run(q, "listing roles failed");
    return readRoles(q);
}

core::Role RoleRepository::createRole(const NewRole& role) const
{
    const std::string id = core::newUuid();
    QSqlQuery q = prepare(m_db, QStringLiteral("INSERT INTO roles (id, key, name, description, permissions, org_id, "
                                               "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(qs(id));
    q.addBindValue(qs(role.key));
    q.addBindValue(qs(role.name));
    q.addBindValue(qs(role.description));
    q.addBindValue(qs(permissionsJson(role.permissions)));
    q.addBindValue(qs(role.orgId));
    q.addBindValue(qs(sql::now(m_db)));
    runGuarded(m_db, q, "creating a role failed",
               {{"roles.org_id, roles.key", "roles_org_key", "role.key",
                 "this organisation already defines a role with this key"}});
    auto created = findRole(id);
    if (!created)
        throw StoreError(StoreError::Kind::Internal, "a created role cannot be read back");
    return std::move(*created);
}

core::Role RoleRepository::updateRole(const std::string& roleId, const RoleChanges& changes) const
{
    QStringList sets{QStringLiteral("updated_at = ?")};
    QVariantList values{qs(sql::now(m_db))};
    if (changes.name) {
        sets.push_back(QStringLiteral("name = ?"));
        values.push_back(qs(*changes.name));
    }
    if (changes.description) {
        sets.push_back(QStringLiteral("description = ?"));
        values.push_back(qs(*changes.description));
    }
    if (changes.permissions) {
        sets.push_back(QStringLiteral("permissions = ?"));
        values.push_back(qs(permissionsJson(*changes.permissions)));
    }
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE roles SET ") + sets.join(QStringLiteral(", ")) +
                                    QStringLiteral(" WHERE id = ? AND org_id IS NOT NULL AND deleted_at IS NULL"));
    for (const auto& v : values)
        q.addBindValue(v);
    q.addBindValue(qs(roleId));
    run(q, "changing a role failed");
    if (q.numRowsAffected() != 1)
        throw StoreError(StoreError::Kind::NotFound, "no custom role " + roleId);
    auto updated = findRole(roleId);
    if (!updated)
        throw StoreError(StoreError::Kind::Internal, "a changed role cannot be read back");
    return std::move(*updated);
}

void RoleRepository::deleteRole(const std::string& roleId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE roles SET deleted_at = ?, updated_at = ? "
                                               "WHERE id = ? AND org_id IS NOT NULL AND deleted_at IS NULL"));
    const QString now = qs(sql::now(m_db));
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(qs(roleId));
    run(q, "deleting a role failed");
    if (q.numRowsAffected() != 1)
        throw StoreError(StoreError::Kind::NotFound, "no custom role " + roleId);
}

int RoleRepository::activeAssignmentCount(const std::string& roleId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT COUNT(*) FROM role_assignments ra WHERE ra.role_id = ? AND ") +
                                    kAssignmentLive);
    q.addBindValue(qs(roleId));
    q.addBindValue(qs(sql::now(m_db)));
    run(q, "counting a role's assignments failed");
    return q.next() ? q.value(0).toInt() : 0;
}

std::vector<std::string> RoleRepository::orgsWithActiveAssignments(const std::string& roleId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT DISTINCT ra.org_id FROM role_assignments ra "
                                               "WHERE ra.role_id = ? AND ") +
                                    kAssignmentLive + QStringLiteral(" ORDER BY ra.org_id"));
    q.addBindValue(qs(roleId));
    q.addBindValue(qs(sql::now(m_db)));
    run(q, "reading a role's assignments failed");
    std::vector<std::string> orgs;
    while (q.next())
        orgs.push_back(ss(q.value(0)));
    return orgs;
}

std::string RoleRepository::assign(const std::string& userId, const std::string& roleId, const std::string& orgId,
                                   const std::string& grantedByUserId, const std::string& justification,
                                   const std::string& expiresAt) const
{
    // Built-in roles' ids are their keys, so the seeder's role keys work here unchanged.
    if (!findRole(roleId))
        throw StoreError(StoreError::Kind::NotFound, "there is no role " + roleId);

    const std::string id = core::newUuid();
    QSqlQuery q =
        prepare(m_db, QStringLiteral("INSERT INTO role_assignments (id, user_id, role_id, org_id, granted_by, "
                                     "justification, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(qs(id));
    q.addBindValue(qs(userId));
    q.addBindValue(qs(roleId));
    q.addBindValue(qs(orgId));
    q.addBindValue(nullable(grantedByUserId));
    q.addBindValue(qs(justification));
    q.addBindValue(nullable(expiresAt));
    q.addBindValue(qs(sql::now(m_db)));
    run(q, "assigning a role failed");
    return id;
}

std::optional<core::RoleAssignment> RoleRepository::findAssignment(const std::string& assignmentId) const
{
    QSqlQuery q = prepare(m_db, kAssignmentColumns + QStringLiteral("WHERE ra.id = ?"));
    q.addBindValue(qs(assignmentId));
    run(q, "reading a role assignment failed");
    if (!q.next())
        return std::nullopt;
    return readAssignment(q);
}

core::Page<core::RoleAssignment> RoleRepository::assignments(const RoleAssignmentFilter& filter, int limit,
                                                             const std::optional<core::PageCursor>& after) const
{
    limit = std::clamp(limit, 1, 500);
    QStringList where;
    QVariantList values;
    if (filter.subtree) {
        where.push_back(QStringLiteral("o.path >= ? AND o.path < ?"));
        values.push_back(qs(filter.orgPath));
        values.push_back(qs(core::OrgPath::subtreeUpperBound(filter.orgPath)));
    } else {
        where.push_back(QStringLiteral("ra.org_id = ?"));
        values.push_back(qs(filter.orgId));
    }
    if (!filter.userId.empty()) {
        where.push_back(QStringLiteral("ra.user_id = ?"));
        values.push_back(qs(filter.userId));
    }
    if (!filter.includeEnded) {
        where.push_back(kAssignmentLive);
        values.push_back(qs(sql::now(m_db)));
    }
    if (after) {
        where.push_back(QStringLiteral("(u.name_key > ? OR (u.name_key = ? AND ra.id > ?))"));
        values.push_back(qs(after->sortKey));
        values.push_back(qs(after->sortKey));
        values.push_back(qs(after->id));
    }
    QSqlQuery q = prepare(m_db, kAssignmentColumns + QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND ")) +
                                    QStringLiteral(" ORDER BY u.name_key, ra.id LIMIT ?"));
    for (const auto& v : values)
        q.addBindValue(v);
    q.addBindValue(limit + 1);
    run(q, "listing role assignments failed");

    core::Page<core::RoleAssignment> page;
    std::vector<std::string> nameKeys;
    while (q.next()) {
        page.items.push_back(readAssignment(q));
        nameKeys.push_back(ss(q.value(16)));
    }
    if (int(page.items.size()) > limit) {
        page.items.resize(std::size_t(limit));
        page.nextCursor = core::PageCursor{nameKeys[std::size_t(limit - 1)], page.items.back().id}.encode();
    }
    return page;
}

bool RoleRepository::hasActiveAssignment(const std::string& userId, const std::string& roleId,
                                         const std::string& orgId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT 1 FROM role_assignments ra WHERE ra.user_id = ? AND "
                                               "ra.role_id = ? AND ra.org_id = ? AND ") +
                                    kAssignmentLive);
    q.addBindValue(qs(userId));
    q.addBindValue(qs(roleId));
    q.addBindValue(qs(orgId));
    q.addBindValue(qs(sql::now(m_db)));
    run(q, "reading role assignments failed");
    return q.next();
}

bool RoleRepository::revoke(const std::string& assignmentId) const
{
    QSqlQuery q =
        prepare(m_db, QStringLiteral("UPDATE role_assignments SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"));
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(qs(assignmentId));
    run(q, "revoking a role assignment failed");
    return q.numRowsAffected() == 1;
}

bool RoleRepository::isActiveMember(const std::string& userId, const std::string& orgId) const
{
    QSqlQuery q =
        prepare(m_db, QStringLiteral("SELECT 1 FROM memberships m WHERE m.user_id = ? AND m.org_id = ? "
                                     "AND m.status = 'active' AND (m.expires_at IS NULL OR m.expires_at > ?)"));
    q.addBindValue(qs(userId));
    q.addBindValue(qs(orgId));
    q.addBindValue(qs(sql::now(m_db)));
    run(q, "reading a membership failed");
    return q.next();
}

std::vector<std::string> RoleRepository::membershipOrgPaths(const std::string& userId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT o.path FROM memberships m JOIN orgs o ON o.id = m.org_id "
                                               "WHERE m.user_id = ? ORDER BY o.path"));
    q.addBindValue(qs(userId));
    run(q, "reading memberships failed");
    std::vector<std::string> paths;
    while (q.next())
        paths.push_back(ss(q.value(0)));
    return paths;
}

void RoleRepository::lockOrg(const std::string& orgId) const
{
    if (m_db.dialect() != SqlDialect::Postgres)
        return;
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT id FROM orgs WHERE id = ? FOR UPDATE"));
    q.addBindValue(qs(orgId));
    run(q, "locking an organisation failed");
}

core::AdminScope RoleRepository::scopeFor(const std::string& userId) const
{
    QSqlQuery q =
        prepare(m_db, QStringLiteral("SELECT ra.id, r.key, r.permissions, o.id, o.path "
                                     "FROM role_assignments ra "
                                     "JOIN roles r ON r.id = ra.role_id "
                                     "JOIN orgs o ON o.id = ra.org_id "
                                     "JOIN users u ON u.id = ra.user_id "
                                     "JOIN memberships m ON m.user_id = ra.user_id AND m.org_id = ra.org_id "
                                     "WHERE ra.user_id = ? AND u.status = 'active' AND o.status = 'active' "
                                     "AND r.deleted_at IS NULL "
                                     "AND m.status = 'active' AND (m.expires_at IS NULL OR m.expires_at > ?) "
                                     "AND ra.revoked_at IS NULL AND (ra.expires_at IS NULL OR ra.expires_at > ?) "
                                     "ORDER BY o.path, r.key, ra.id"));
    const QString now = qs(sql::now(m_db));
    q.addBindValue(qs(userId));
    q.addBindValue(now);
    q.addBindValue(now);
    run(q, "reading role assignments failed");
    std::vector<core::ScopeGrant> grants;
    while (q.next()) {
        core::ScopeGrant grant;
        grant.assignmentId = ss(q.value(0));
        grant.roleKey = ss(q.value(1));
        grant.permissions = permissionList(q.value(2));
        grant.orgId = ss(q.value(3));
        grant.orgPath = ss(q.value(4));
        grants.push_back(std::move(grant));
    }
    return core::AdminScope(std::move(grants));
}

namespace {

// The conditions under which a person administers an org (see adminCount()); "?" placeholders: org id, now, now.
// The permissions column is JSONB on PostgreSQL: compare its text form there.
const QString kAdminsOfOrg =
    QStringLiteral("FROM role_assignments ra "
                   "JOIN roles r ON r.id = ra.role_id "
                   "JOIN users u ON u.id = ra.user_id "
                   "JOIN memberships m ON m.user_id = ra.user_id AND m.org_id = ra.org_id "
                   "WHERE ra.org_id = ? AND CAST(r.permissions AS TEXT) LIKE '%\"role.assign\"%' "
                   "AND r.deleted_at IS NULL AND u.status = 'active' "
                   "AND m.status = 'active' AND (m.expires_at IS NULL OR m.expires_at > ?) "
                   "AND ra.revoked_at IS NULL AND (ra.expires_at IS NULL OR ra.expires_at > ?)");

} // namespace

int RoleRepository::adminCount(const std::string& orgId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT COUNT(DISTINCT ra.user_id) ") + kAdminsOfOrg);
    const QString now = qs(sql::now(m_db));
    q.addBindValue(qs(orgId));
    q.addBindValue(now);
    q.addBindValue(now);
    run(q, "counting an organisation's admins failed");
    return q.next() ? q.value(0).toInt() : 0;
}

int RoleRepository::adminCountWithout(const std::string& orgId, const std::string& userId,
                                      const std::string& assignmentId) const
{
    // Ids are never empty, so an empty one excludes nothing.
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT COUNT(DISTINCT ra.user_id) ") + kAdminsOfOrg +
                                    QStringLiteral(" AND ra.user_id <> ? AND ra.id <> ?"));
    const QString now = qs(sql::now(m_db));
    q.addBindValue(qs(orgId));
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(qs(userId));
    q.addBindValue(qs(assignmentId));
    run(q, "counting an organisation's admins failed");
    return q.next() ? q.value(0).toInt() : 0;
}

bool RoleRepository::isAdmin(const std::string& userId, const std::string& orgId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT 1 ") + kAdminsOfOrg + QStringLiteral(" AND ra.user_id = ?"));
    const QString now = qs(sql::now(m_db));
    q.addBindValue(qs(orgId));
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(qs(userId));
    run(q, "reading an organisation's admins failed");
    return q.next();
}

} // namespace trellis::server
