#include "server/login/SignInThrottle.h"

#include "core/TimeFormat.h"
#include "core/crypto/TokenHash.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

#include <algorithm>

namespace trellis::server {

using namespace sql;
using namespace std::chrono_literals;

const SignInThrottle::Policy& SignInThrottle::accountPolicy()
{
    // Well under NIST SP 800-63B's 100: five free tries, then 1, 2, 4, 8 s between tries, locked at ten.
    static const Policy policy{5, 8, 10, 15min, 15min};
    return policy;
}

const SignInThrottle::Policy& SignInThrottle::addressPolicy()
{
    // One address may be a whole office behind NAT, so it gets more room before it slows down and locks.
    static const Policy policy{20, 8, 50, 15min, 15min};
    return policy;
}

std::string SignInThrottle::unknownEmailKey(const std::string& normalisedEmail)
{
    // Addresses nobody has are throttled like accounts, so a lock-out does not reveal which accounts exist.
    return "email:" + core::crypto::tokenHash(normalisedEmail);
}

int SignInThrottle::delayFor(int failures) const
{
    if (failures < m_policy.delayAfter)
        return 0;
    const int exponent = std::min(failures - m_policy.delayAfter, 16);
    return std::min(1 << exponent, m_policy.maxDelaySeconds);
}

SignInThrottle::Verdict SignInThrottle::check(const std::string& key) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT failures, last_failure_at, locked_until FROM sign_in_throttles "
                                               "WHERE throttle_key = ?"));
    q.addBindValue(qs(key));
    run(q, "reading a sign-in throttle failed");
    Verdict verdict;
    if (!q.next())
        return verdict;
    const auto now = m_db.clock().now();
    const auto last = core::parseTimestamp(ss(q.value(1))).value_or(now);
    const auto lockedUntil = q.value(2).isNull() ? std::nullopt : core::parseTimestamp(ss(q.value(2)));
    if (lockedUntil && *lockedUntil > now) {
        verdict.locked = true;
        verdict.waitSeconds = int(std::chrono::duration_cast<std::chrono::seconds>(*lockedUntil - now).count());
        return verdict;
    }
    if (lockedUntil || now - last >= m_policy.forgetAfter)
        return verdict; // an expired lock or a long quiet period starts afresh
    verdict.failures = q.value(0).toInt();
    const auto earliest = last + std::chrono::seconds(delayFor(verdict.failures));
    if (earliest > now)
        verdict.waitSeconds = int(std::chrono::ceil<std::chrono::seconds>(earliest - now).count());
    return verdict;
}

bool SignInThrottle::recordFailure(const std::string& key) const
{
    const Verdict before = check(key);
    if (before.locked)
        return false; // tries during a lock neither extend nor lift it
    const int failures = before.failures + 1;
    const auto now = m_db.clock().now();
    const bool locks = failures >= m_policy.lockAfter;
    const QVariant lockedUntil = locks ? QVariant(qs(core::formatTimestamp(now + m_policy.lockFor))) : nullable({});
    if (before.failures == 0) {
        QSqlQuery del = prepare(m_db, QStringLiteral("DELETE FROM sign_in_throttles WHERE throttle_key = ?"));
        del.addBindValue(qs(key));
        run(del, "updating a sign-in throttle failed");
        QSqlQuery q = prepare(m_db, QStringLiteral("INSERT INTO sign_in_throttles (throttle_key, failures, "
                                                   "first_failure_at, last_failure_at, locked_until) "
                                                   "VALUES (?, ?, ?, ?, ?)"));
        q.addBindValue(qs(key));
        q.addBindValue(failures);
        q.addBindValue(qs(core::formatTimestamp(now)));
        q.addBindValue(qs(core::formatTimestamp(now)));
        q.addBindValue(lockedUntil);
        run(q, "updating a sign-in throttle failed");
    } else {
        QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE sign_in_throttles SET failures = ?, last_failure_at = ?, "
                                                   "locked_until = ? WHERE throttle_key = ?"));
        q.addBindValue(failures);
        q.addBindValue(qs(core::formatTimestamp(now)));
        q.addBindValue(lockedUntil);
        q.addBindValue(qs(key));
        run(q, "updating a sign-in throttle failed");
    }
    return locks;
}

void SignInThrottle::reset(const std::string& key) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("DELETE FROM sign_in_throttles WHERE throttle_key = ?"));
    q.addBindValue(qs(key));
    run(q, "resetting a sign-in throttle failed");
}

} // namespace trellis::server
