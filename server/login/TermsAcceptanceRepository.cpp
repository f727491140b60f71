#include "server/login/TermsAcceptanceRepository.h"

#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

namespace trellis::server {

using namespace sql;

bool TermsAcceptanceRepository::accepted(const std::string& userId, const std::string& version) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT 1 FROM terms_acceptances WHERE user_id = ? AND version = ?"));
    q.addBindValue(qs(userId));
    q.addBindValue(qs(version));
    run(q, "reading a terms acceptance failed");
    return q.next();
}

void TermsAcceptanceRepository::record(const std::string& userId, const std::string& version,
                                       const std::string& url) const
{
    if (accepted(userId, version))
        return;
    QSqlQuery q = prepare(m_db, QStringLiteral("INSERT INTO terms_acceptances (user_id, version, url, accepted_at) "
                                               "VALUES (?, ?, ?, ?)"));
    q.addBindValue(qs(userId));
    q.addBindValue(qs(version));
    q.addBindValue(qs(url));
    q.addBindValue(qs(sql::now(m_db)));
    run(q, "recording a terms acceptance failed");
}

} // namespace trellis::server
