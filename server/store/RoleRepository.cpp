#include "server/store/RoleRepository.h"

#include "core/Random.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

#include <nlohmann/json.hpp>

#include <QSqlQuery>

namespace trellis::server {

using namespace sql;

std::string RoleRepository::assign(const std::string& userId, const std::string& roleKey, const std::string& orgId,
                                   const std::string& grantedByUserId, const std::string& justification,
                                   const std::string& expiresAt) const
{
    QSqlQuery role = prepare(m_db, QStringLiteral("SELECT id FROM roles WHERE key = ? AND org_id IS NULL"));
    role.addBindValue(qs(roleKey));
    run(role, "reading a role failed");
    if (!role.next())
        throw StoreError(StoreError::Kind::NotFound, "there is no role " + roleKey);
    const QString roleId = role.value(0).toString();
    role.finish();

    const std::string id = core::newUuid();
    QSqlQuery q =
        prepare(m_db, QStringLiteral("INSERT INTO role_assignments (id, user_id, role_id, org_id, granted_by, "
                                     "justification, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(qs(id));
    q.addBindValue(qs(userId));
    q.addBindValue(roleId);
    q.addBindValue(qs(orgId));
    q.addBindValue(nullable(grantedByUserId));
    q.addBindValue(qs(justification));
    q.addBindValue(nullable(expiresAt));
    q.addBindValue(qs(sql::now(m_db)));
    run(q, "assigning a role failed");
    return id;
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
        const auto permissions = nlohmann::json::parse(ss(q.value(2)), nullptr, false);
        if (permissions.is_array()) {
            for (const auto& p : permissions) {
                if (p.is_string())
                    grant.permissions.push_back(p.get<std::string>());
            }
        }
        grant.orgId = ss(q.value(3));
        grant.orgPath = ss(q.value(4));
        grants.push_back(std::move(grant));
    }
    return core::AdminScope(std::move(grants));
}

namespace {

// The conditions under which a person administers an org (see adminCount()); "?" placeholders: org id, now, now.
const QString kAdminsOfOrg =
    QStringLiteral("FROM role_assignments ra "
                   "JOIN roles r ON r.id = ra.role_id "
                   "JOIN users u ON u.id = ra.user_id "
                   "JOIN memberships m ON m.user_id = ra.user_id AND m.org_id = ra.org_id "
                   "WHERE ra.org_id = ? AND CAST(r.permissions AS TEXT) LIKE '%\"role.assign\"%' "
                   "AND u.status = 'active' "
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
