#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace trellis::server {

/// Per-client token bucket held in memory: `perMinute` requests of burst, refilled evenly over a minute.
/// Thread-safe. Time is passed in so tests need not sleep.
class RateLimiter
{
public:
    using Clock = std::chrono::steady_clock;

    /// perMinute <= 0 disables limiting. maxClients bounds memory: idle buckets are dropped first.
    explicit RateLimiter(int perMinute, std::size_t maxClients = 100000);

    struct Decision
    {
        bool allowed = true;
        std::chrono::seconds retryAfter{0}; ///< when denied: whole seconds until one request is allowed again
    };

    Decision acquire(const std::string& client, Clock::time_point now = Clock::now());

    std::size_t trackedClients() const;

private:
    void prune(Clock::time_point now);

    struct Bucket
    {
        double tokens;
        Clock::time_point updated;
    };

    double m_capacity;
    double m_tokensPerSecond;
    std::size_t m_maxClients;
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, Bucket> m_buckets;
};

} // namespace trellis::server
