#pragma once

#include <chrono>
#include <string>

namespace trellis::server {

class Database;

/// Sign-in throttling over sign_in_throttles, one row per key ("account:<user id>", "email:<hash>" for addresses
/// nobody has, "address:<ip>"). Numbers and reasons: docs/decisions/0005-sign-in-throttling.md.
class SignInThrottle
{
public:
    /// When and how hard a key is throttled.
    struct Policy
    {
        int delayAfter;                   ///< failures before the first delay
        int maxDelaySeconds;              ///< delays double from 1 s up to this
        int lockAfter;                    ///< failures that lock the key
        std::chrono::seconds lockFor;     ///< how long a lock lasts
        std::chrono::seconds forgetAfter; ///< a quiet period this long clears the count
    };
    static const Policy& accountPolicy();
    static const Policy& addressPolicy();

    /// What may happen now for one key.
    struct Verdict
    {
        bool locked = false;
        int waitSeconds = 0; ///< > 0: too early for another attempt
        int failures = 0;
    };

    SignInThrottle(const Database& db, const Policy& policy)
        : m_db(db)
        , m_policy(policy)
    {
    }

    Verdict check(const std::string& key) const;
    /// Counts a failure; returns true when this failure locked the key. Runs inside a transaction.
    bool recordFailure(const std::string& key) const;
    /// A successful sign-in forgets the key's failures.
    void reset(const std::string& key) const;

    static std::string accountKey(const std::string& userId) { return "account:" + userId; }
    static std::string unknownEmailKey(const std::string& normalisedEmail);
    static std::string addressKey(const std::string& address) { return "address:" + address; }

private:
    int delayFor(int failures) const;

    const Database& m_db;
    const Policy& m_policy;
};

} // namespace trellis::server
