#include "server/login/UserAttributeRepository.h"

#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

namespace trellis::server {

using namespace sql;

std::map<std::string, std::string> UserAttributeRepository::get(const std::string& userId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT name, value FROM user_attributes WHERE user_id = ?"));
    q.addBindValue(qs(userId));
    run(q, "reading profile attributes failed");
    std::map<std::string, std::string> out;
    while (q.next())
        out[ss(q.value(0))] = ss(q.value(1));
    return out;
}

void UserAttributeRepository::save(const std::string& userId,
                                   const std::map<std::string, std::string>& attributes) const
{
    const std::string now = sql::now(m_db);
    for (const auto& [name, value] : attributes) {
        QSqlQuery d = prepare(m_db, QStringLiteral("DELETE FROM user_attributes WHERE user_id = ? AND name = ?"));
        d.addBindValue(qs(userId));
        d.addBindValue(qs(name));
        run(d, "replacing a profile attribute failed");
        QSqlQuery i = prepare(m_db, QStringLiteral("INSERT INTO user_attributes (user_id, name, value, updated_at) "
                                                   "VALUES (?, ?, ?, ?)"));
        i.addBindValue(qs(userId));
        i.addBindValue(qs(name));
        i.addBindValue(qs(value));
        i.addBindValue(qs(now));
        run(i, "saving a profile attribute failed");
    }
}

} // namespace trellis::server
