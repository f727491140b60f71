#include "server/store/PersonRepository.h"

#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

#include <algorithm>

#include <QSqlQuery>

namespace trellis::server {

using namespace sql;

namespace {

int countOf(const Database& db, const QString& text, const std::string& userId, const std::string& now)
{
    QSqlQuery q = prepare(db, text);
    q.addBindValue(qs(userId));
    q.addBindValue(qs(now));
    run(q, "counting a person's sessions failed");
    return q.next() ? q.value(0).toInt() : 0;
}

} // namespace

void PersonRepository::setDisplayName(const std::string& userId, const std::string& displayName) const
{
    QSqlQuery q =
        prepare(m_db, QStringLiteral("UPDATE users SET display_name = ?, name_key = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(qs(displayName));
    q.addBindValue(qs(foldKey(displayName)));
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(qs(userId));
    run(q, "renaming a person failed");
}

void PersonRepository::setStatus(const std::string& userId, core::UserStatus status) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE users SET status = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(qs(std::string(core::toString(status))));
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(qs(userId));
    run(q, "changing a person's status failed");
}

std::vector<HeldRole> PersonRepository::activeRoles(const std::string& userId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT ra.id, ra.org_id, r.id, r.key, r.name, ra.granted_by, g.email, "
                                               "ra.justification, ra.expires_at, ra.created_at "
                                               "FROM role_assignments ra JOIN roles r ON r.id = ra.role_id "
                                               "LEFT JOIN users g ON g.id = ra.granted_by "
                                               "WHERE ra.user_id = ? AND ra.revoked_at IS NULL "
                                               "AND (ra.expires_at IS NULL OR ra.expires_at > ?) "
                                               "ORDER BY ra.org_id, r.key, ra.id"));
    q.addBindValue(qs(userId));
    q.addBindValue(qs(sql::now(m_db)));
    run(q, "reading a person's role assignments failed");
    std::vector<HeldRole> roles;
    while (q.next()) {
        HeldRole role;
        role.assignmentId = ss(q.value(0));
        role.orgId = ss(q.value(1));
        role.roleId = ss(q.value(2));
        role.roleKey = ss(q.value(3));
        role.roleName = ss(q.value(4));
        role.grantedBy = q.value(5).isNull() ? std::string() : ss(q.value(5));
        role.grantedByDisplay = q.value(6).isNull() ? std::string() : ss(q.value(6));
        role.justification = ss(q.value(7));
        role.expiresAt = q.value(8).isNull() ? std::string() : ss(q.value(8));
        role.createdAt = ss(q.value(9));
        roles.push_back(std::move(role));
    }
    return roles;
}

int PersonRepository::revokeRoles(const std::string& userId, const std::string& orgId) const
{
    QString text =
        QStringLiteral("UPDATE role_assignments SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL");
    if (!orgId.empty())
        text += QStringLiteral(" AND org_id = ?");
    QSqlQuery q = prepare(m_db, text);
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(qs(userId));
    if (!orgId.empty())
        q.addBindValue(qs(orgId));
    run(q, "revoking a person's role assignments failed");
    return q.numRowsAffected();
}

MfaState PersonRepository::mfaState(const std::string& userId) const
{
    MfaState state;
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT confirmed_at FROM totp_factors WHERE user_id = ?"));
    q.addBindValue(qs(userId));
    run(q, "reading a person's TOTP factor failed");
    while (q.next()) {
        if (q.value(0).isNull())
            state.totpEnrolmentPending = true;
        else
            state.totpEnrolled = true;
    }
    q.finish();
    state.enrolmentRequired = mfaEnrolmentRequired(userId);
    return state;
}

int PersonRepository::resetMfa(const std::string& userId) const
{
    QSqlQuery del = prepare(m_db, QStringLiteral("DELETE FROM totp_factors WHERE user_id = ?"));
    del.addBindValue(qs(userId));
    run(del, "removing a person's TOTP factors failed");
    const int removed = del.numRowsAffected();
    QSqlQuery flag =
        prepare(m_db, QStringLiteral("UPDATE users SET mfa_enrolment_required = 1, updated_at = ? WHERE id = ?"));
    flag.addBindValue(qs(sql::now(m_db)));
    flag.addBindValue(qs(userId));
    run(flag, "requiring a new MFA enrolment failed");
    return removed;
}

bool PersonRepository::mfaEnrolmentRequired(const std::string& userId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT mfa_enrolment_required FROM users WHERE id = ?"));
    q.addBindValue(qs(userId));
    run(q, "reading a person's MFA requirement failed");
    return q.next() && q.value(0).toInt() != 0;
}

void PersonRepository::clearMfaEnrolmentRequired(const std::string& userId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE users SET mfa_enrolment_required = 0 WHERE id = ? "
                                               "AND mfa_enrolment_required <> 0"));
    q.addBindValue(qs(userId));
    run(q, "clearing a person's MFA requirement failed");
}

ActiveSessions PersonRepository::activeSessions(const std::string& userId) const
{
    const std::string now = sql::now(m_db);
    ActiveSessions sessions;
    // A rotated refresh token has a live successor in the same family: count only the current ones.
    sessions.refreshTokens = countOf(m_db,
                                     QStringLiteral("SELECT COUNT(*) FROM refresh_tokens WHERE user_id = ? "
                                                    "AND revoked_at IS NULL AND rotated_at IS NULL AND expires_at > ?"),
                                     userId, now);
    sessions.ssoSessions = countOf(m_db,
                                   QStringLiteral("SELECT COUNT(*) FROM sso_sessions WHERE user_id = ? "
                                                  "AND ended_at IS NULL AND expires_at > ?"),
                                   userId, now);
    sessions.apiTokens = countOf(m_db,
                                 QStringLiteral("SELECT COUNT(*) FROM access_tokens WHERE user_id = ? "
                                                "AND revoked_at IS NULL AND expires_at > ?"),
                                 userId, now);
    return sessions;
}

void PersonRepository::lockOrgs(const std::vector<std::string>& orgIds) const
{
    if (m_db.dialect() != SqlDialect::Postgres)
        return;
    std::vector<std::string> sorted = orgIds; // one order everywhere: no deadlock between two such transactions
    std::sort(sorted.begin(), sorted.end());
    for (const auto& id : sorted) {
        QSqlQuery q = prepare(m_db, QStringLiteral("SELECT id FROM orgs WHERE id = ? FOR UPDATE"));
        q.addBindValue(qs(id));
        run(q, "locking an organisation failed");
    }
}

} // namespace trellis::server
