#include "server/store/OrgLifecycleRepository.h"

#include "core/OrgPath.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

#include <QSqlQuery>

namespace trellis::server {

using namespace sql;

namespace {

// Shared by every trellisd instance on the same PostgreSQL database; distinct from the demo seeder's key.
constexpr qint64 kStructureLockKey = 7424829155;

// The statuses a change acts on, as SQL lists (constants, never user input).
QString orgStatuses(OrgLifecycleChange change)
{
    return change == OrgLifecycleChange::Suspend ? QStringLiteral("('active')")
                                                 : QStringLiteral("('active', 'suspended')");
}

QString membershipStatuses(OrgLifecycleChange change)
{
    return orgStatuses(change);
}

// "The people whose memberships this change suspends or ends", as a subquery; binds: lower, upper path bound.
QString affectedPeopleSql(OrgLifecycleChange change)
{
    return QStringLiteral("SELECT m.user_id FROM memberships m JOIN orgs o ON o.id = m.org_id "
                          "WHERE o.path >= ? AND o.path < ? AND m.status IN %1")
        .arg(membershipStatuses(change));
}

int scalar(QSqlQuery& q, const char* what)
{
    run(q, what);
    return q.next() ? q.value(0).toInt() : 0;
}

} // namespace

nlohmann::json OrgImpact::toJson(OrgLifecycleChange change) const
{
    nlohmann::json j{{"orgs", orgs},
                     {"memberships", memberships},
                     {"people", people},
                     {"admins", admins},
                     {"activeSessions", activeSessions}};
    if (change == OrgLifecycleChange::Offboard)
        j["roleAssignments"] = roleAssignments;
    return j;
}

void OrgLifecycleRepository::lockStructure(bool exclusive) const
{
    if (m_db.dialect() != SqlDialect::Postgres)
        return;
    QSqlQuery q = prepare(m_db, exclusive ? QStringLiteral("SELECT pg_advisory_xact_lock(CAST(? AS BIGINT))")
                                          : QStringLiteral("SELECT pg_advisory_xact_lock_shared(CAST(? AS BIGINT))"));
    q.addBindValue(kStructureLockKey);
    run(q, "waiting for the organisation structure lock failed");
}

std::string OrgLifecycleRepository::suspensionRootOf(const std::string& orgId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT suspension_root_id FROM orgs WHERE id = ?"));
    q.addBindValue(qs(orgId));
    run(q, "reading an organisation's suspension failed");
    return q.next() ? ss(q.value(0)) : std::string();
}

OrgImpact OrgLifecycleRepository::impact(const std::string& path, OrgLifecycleChange change) const
{
    const QString lower = qs(path);
    const QString upper = qs(core::OrgPath::subtreeUpperBound(path));
    const QString now = qs(sql::now(m_db));
    OrgImpact impact;

    QSqlQuery orgs =
        prepare(m_db, QStringLiteral("SELECT COUNT(*) FROM orgs WHERE path >= ? AND path < ? AND status IN %1")
                          .arg(orgStatuses(change)));
    orgs.addBindValue(lower);
    orgs.addBindValue(upper);
    impact.orgs = scalar(orgs, "counting the organisations of a subtree failed");

    QSqlQuery members = prepare(m_db, QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT m.user_id) FROM memberships m "
                                                     "JOIN orgs o ON o.id = m.org_id "
                                                     "WHERE o.path >= ? AND o.path < ? AND m.status IN %1")
                                          .arg(membershipStatuses(change)));
    members.addBindValue(lower);
    members.addBindValue(upper);
    run(members, "counting the memberships of a subtree failed");
    if (members.next()) {
        impact.memberships = members.value(0).toInt();
        impact.people = members.value(1).toInt();
    }

    // Permissions are a JSON array (JSONB on PostgreSQL): compared as text, the quoted name cannot match a prefix.
    QSqlQuery admins =
        prepare(m_db, QStringLiteral("SELECT COUNT(DISTINCT ra.user_id) FROM role_assignments ra "
                                     "JOIN roles r ON r.id = ra.role_id JOIN orgs o ON o.id = ra.org_id "
                                     "WHERE o.path >= ? AND o.path < ? AND o.status IN %1 "
                                     "AND ra.revoked_at IS NULL AND (ra.expires_at IS NULL OR ra.expires_at > ?) "
                                     "AND CAST(r.permissions AS TEXT) LIKE '%\"role.assign\"%'")
                          .arg(orgStatuses(change)));
    admins.addBindValue(lower);
    admins.addBindValue(upper);
    admins.addBindValue(now);
    impact.admins = scalar(admins, "counting the admins of a subtree failed");

    QSqlQuery sessions = prepare(
        m_db, QStringLiteral("SELECT (SELECT COUNT(*) FROM refresh_tokens t WHERE t.revoked_at IS NULL "
                             "AND t.rotated_at IS NULL AND t.expires_at > ? AND t.user_id IN (%1)) + "
                             "(SELECT COUNT(*) FROM sso_sessions s WHERE s.ended_at IS NULL AND s.expires_at > ? "
                             "AND s.user_id IN (%1))")
                  .arg(affectedPeopleSql(change)));
    sessions.addBindValue(now);
    sessions.addBindValue(lower);
    sessions.addBindValue(upper);
    sessions.addBindValue(now);
    sessions.addBindValue(lower);
    sessions.addBindValue(upper);
    impact.activeSessions = scalar(sessions, "counting the sessions of a subtree's people failed");

    if (change == OrgLifecycleChange::Offboard) {
        QSqlQuery assignments = prepare(m_db, QStringLiteral("SELECT COUNT(*) FROM role_assignments ra "
                                                             "JOIN orgs o ON o.id = ra.org_id "
                                                             "WHERE o.path >= ? AND o.path < ? "
                                                             "AND ra.revoked_at IS NULL"));
        assignments.addBindValue(lower);
        assignments.addBindValue(upper);
        impact.roleAssignments = scalar(assignments, "counting the role assignments of a subtree failed");
    }
    return impact;
}

std::vector<std::string> OrgLifecycleRepository::affectedPeople(const std::string& path,
                                                                OrgLifecycleChange change) const
{
    QSqlQuery q = prepare(
        m_db, QStringLiteral("SELECT DISTINCT user_id FROM (%1) p ORDER BY user_id").arg(affectedPeopleSql(change)));
    q.addBindValue(qs(path));
    q.addBindValue(qs(core::OrgPath::subtreeUpperBound(path)));
    run(q, "listing the people of a subtree failed");
    std::vector<std::string> people;
    while (q.next())
        people.push_back(ss(q.value(0)));
    return people;
}

void OrgLifecycleRepository::suspend(const std::string& orgId, const std::string& path) const
{
    const QString lower = qs(path);
    const QString upper = qs(core::OrgPath::subtreeUpperBound(path));
    QSqlQuery members = prepare(m_db, QStringLiteral("UPDATE memberships SET status = 'suspended', "
                                                     "suspension_root_id = ? WHERE status = 'active' AND org_id IN "
                                                     "(SELECT id FROM orgs WHERE path >= ? AND path < ?)"));
    members.addBindValue(qs(orgId));
    members.addBindValue(lower);
    members.addBindValue(upper);
    run(members, "suspending the memberships of a subtree failed");
    members.finish();

    QSqlQuery orgs = prepare(m_db, QStringLiteral("UPDATE orgs SET status = 'suspended', suspension_root_id = ?, "
                                                  "updated_at = ? WHERE path >= ? AND path < ? AND status = 'active'"));
    orgs.addBindValue(qs(orgId));
    orgs.addBindValue(qs(sql::now(m_db)));
    orgs.addBindValue(lower);
    orgs.addBindValue(upper);
    run(orgs, "suspending the organisations of a subtree failed");
}

OrgImpact OrgLifecycleRepository::resume(const std::string& orgId, const std::string& path) const
{
    OrgImpact restored;
    QSqlQuery count = prepare(m_db, QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT user_id) FROM memberships "
                                                   "WHERE suspension_root_id = ? AND status = 'suspended'"));
    count.addBindValue(qs(orgId));
    run(count, "counting suspended memberships failed");
    if (count.next()) {
        restored.memberships = count.value(0).toInt();
        restored.people = count.value(1).toInt();
    }
    count.finish();

    QSqlQuery members = prepare(m_db, QStringLiteral("UPDATE memberships SET status = 'active', "
                                                     "suspension_root_id = NULL WHERE suspension_root_id = ? "
                                                     "AND status = 'suspended'"));
    members.addBindValue(qs(orgId));
    run(members, "resuming memberships failed");
    members.finish();
    // Memberships that ended meanwhile keep their status; only the mark goes.
    QSqlQuery leftovers =
        prepare(m_db, QStringLiteral("UPDATE memberships SET suspension_root_id = NULL WHERE suspension_root_id = ?"));
    leftovers.addBindValue(qs(orgId));
    run(leftovers, "clearing suspension marks failed");
    leftovers.finish();

    QSqlQuery orgs = prepare(m_db, QStringLiteral("UPDATE orgs SET status = 'active', suspension_root_id = NULL, "
                                                  "updated_at = ? WHERE path >= ? AND path < ? "
                                                  "AND suspension_root_id = ? AND status = 'suspended'"));
    orgs.addBindValue(qs(sql::now(m_db)));
    orgs.addBindValue(qs(path));
    orgs.addBindValue(qs(core::OrgPath::subtreeUpperBound(path)));
    orgs.addBindValue(qs(orgId));
    run(orgs, "resuming organisations failed");
    restored.orgs = orgs.numRowsAffected();
    return restored;
}

void OrgLifecycleRepository::offboard(const std::string& path) const
{
    const QString lower = qs(path);
    const QString upper = qs(core::OrgPath::subtreeUpperBound(path));
    const QString now = qs(sql::now(m_db));
    const QString inSubtree = QStringLiteral("(SELECT id FROM orgs WHERE path >= ? AND path < ?)");

    QSqlQuery assignments = prepare(
        m_db, QStringLiteral("UPDATE role_assignments SET revoked_at = ? WHERE revoked_at IS NULL AND org_id IN ") +
                  inSubtree);
    assignments.addBindValue(now);
    assignments.addBindValue(lower);
    assignments.addBindValue(upper);
    run(assignments, "revoking the role assignments of a subtree failed");
    assignments.finish();

    QSqlQuery members = prepare(m_db, QStringLiteral("UPDATE memberships SET status = 'ended', "
                                                     "suspension_root_id = NULL WHERE status IN ('active', "
                                                     "'suspended') AND org_id IN ") +
                                          inSubtree);
    members.addBindValue(lower);
    members.addBindValue(upper);
    run(members, "ending the memberships of a subtree failed");
    members.finish();

    QSqlQuery orgs = prepare(m_db, QStringLiteral("UPDATE orgs SET status = 'offboarded', suspension_root_id = NULL, "
                                                  "updated_at = ? WHERE path >= ? AND path < ? "
                                                  "AND status IN ('active', 'suspended')"));
    orgs.addBindValue(now);
    orgs.addBindValue(lower);
    orgs.addBindValue(upper);
    run(orgs, "offboarding the organisations of a subtree failed");
}

} // namespace trellis::server
