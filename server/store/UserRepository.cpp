#include "server/store/UserRepository.h"

#include "core/Random.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

#include <QSqlQuery>

namespace trellis::server {

using namespace sql;

namespace {
const QString kSelect =
    QStringLiteral("SELECT id, email, display_name, status, last_sign_in_at, created_at FROM users WHERE ");

std::optional<core::User> findOne(const Database& db, const QString& where, const std::string& value)
{
    QSqlQuery q = prepare(db, kSelect + where);
    q.addBindValue(qs(value));
    run(q, "reading a user failed");
    if (!q.next())
        return std::nullopt;
    core::User u;
    u.id = ss(q.value(0));
    u.email = ss(q.value(1));
    u.displayName = ss(q.value(2));
    u.status = core::userStatusFromString(ss(q.value(3))).value_or(core::UserStatus::Disabled);
    u.lastSignInAt = ss(q.value(4));
    u.createdAt = ss(q.value(5));
    return u;
}
} // namespace

std::optional<core::User> UserRepository::find(const std::string& id) const
{
    return findOne(m_db, QStringLiteral("id = ?"), id);
}

std::optional<core::User> UserRepository::findWithAccess(const std::string& id) const
{
    auto user = find(id);
    if (!user || user->status != core::UserStatus::Active)
        return std::nullopt;
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT 1 FROM memberships m JOIN orgs o ON o.id = m.org_id "
                                               "WHERE m.user_id = ? AND m.status = 'active' AND o.status = 'active' "
                                               "AND (m.expires_at IS NULL OR m.expires_at > ?) LIMIT 1"));
    q.addBindValue(qs(id));
    q.addBindValue(qs(sql::now(m_db)));
    run(q, "checking a person's access failed");
    if (!q.next())
        return std::nullopt;
    return user;
}

std::optional<core::User> UserRepository::findByEmail(const std::string& normalisedEmail) const
{
    return findOne(m_db, QStringLiteral("email = ?"), normalisedEmail);
}

core::User UserRepository::create(const NewUser& user) const
{
    const std::string id = user.id.empty() ? core::newUuid() : user.id;
    const std::string now = sql::now(m_db);
    QSqlQuery q = prepare(m_db, QStringLiteral("INSERT INTO users (id, email, display_name, name_key, status, "
                                               "password_hash, last_sign_in_at, created_at, updated_at) "
                                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(qs(id));
    q.addBindValue(qs(user.email));
    q.addBindValue(qs(user.displayName));
    q.addBindValue(qs(foldKey(user.displayName)));
    q.addBindValue(qs(std::string(core::toString(user.status))));
    q.addBindValue(nullable(user.passwordHash));
    q.addBindValue(nullable(user.lastSignInAt));
    q.addBindValue(qs(now));
    q.addBindValue(qs(now));
    runGuarded(m_db, q, "creating a user failed",
               {{"users.email", "users_email_key", "user.email", "a person with this email address already exists"},
                {"users.id", "users_pkey", "user.id", "a person with this id already exists"}});
    q.finish();
    auto created = find(id);
    if (!created)
        throw StoreError(StoreError::Kind::Internal, "the new user could not be read back");
    return *created;
}

int UserRepository::count() const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT COUNT(*) FROM users"));
    run(q, "counting users failed");
    return q.next() ? q.value(0).toInt() : 0;
}

} // namespace trellis::server
