#include "server/login/TotpFactorRepository.h"

#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

namespace trellis::server {

using namespace sql;

std::optional<TotpFactor> TotpFactorRepository::find(const std::string& userId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT secret, confirmed_at, last_used_step FROM totp_factors "
                                               "WHERE user_id = ?"));
    q.addBindValue(qs(userId));
    run(q, "reading a TOTP factor failed");
    if (!q.next())
        return std::nullopt;
    return TotpFactor{userId, ss(q.value(0)), !q.value(1).isNull(), q.value(2).toLongLong()};
}

void TotpFactorRepository::savePending(const std::string& userId, const std::string& base32Secret) const
{
    QSqlQuery del =
        prepare(m_db, QStringLiteral("DELETE FROM totp_factors WHERE user_id = ? AND confirmed_at IS NULL"));
    del.addBindValue(qs(userId));
    run(del, "replacing a TOTP enrolment failed");
    QSqlQuery q =
        prepare(m_db, QStringLiteral("INSERT INTO totp_factors (user_id, secret, created_at) VALUES (?, ?, ?)"));
    q.addBindValue(qs(userId));
    q.addBindValue(qs(base32Secret));
    q.addBindValue(qs(sql::now(m_db)));
    runGuarded(m_db, q, "starting a TOTP enrolment failed",
               {{"totp_factors.user_id", "totp_factors_pkey", "totp_factor.user_id", "A TOTP factor exists."}});
}

void TotpFactorRepository::confirm(const std::string& userId, std::int64_t step) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE totp_factors SET confirmed_at = ?, last_used_step = ? "
                                               "WHERE user_id = ? AND confirmed_at IS NULL"));
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(qlonglong(step));
    q.addBindValue(qs(userId));
    run(q, "confirming a TOTP factor failed");
}

bool TotpFactorRepository::useStep(const std::string& userId, std::int64_t step) const
{
    // Compare-and-set in one statement: of two requests with the same code only one updates the row.
    QSqlQuery q =
        prepare(m_db, QStringLiteral("UPDATE totp_factors SET last_used_step = ? "
                                     "WHERE user_id = ? AND confirmed_at IS NOT NULL AND last_used_step < ?"));
    q.addBindValue(qlonglong(step));
    q.addBindValue(qs(userId));
    q.addBindValue(qlonglong(step));
    run(q, "using a TOTP code failed");
    return q.numRowsAffected() == 1;
}

} // namespace trellis::server
