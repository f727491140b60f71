#include "server/http/RateLimiter.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace trellis::server {

RateLimiter::RateLimiter(int perMinute, std::size_t maxClients)
    : m_capacity(std::max(perMinute, 0))
    , m_tokensPerSecond(std::max(perMinute, 0) / 60.0)
    , m_maxClients(std::max<std::size_t>(maxClients, 1))
{
}

RateLimiter::Decision RateLimiter::acquire(const std::string& client, Clock::time_point now)
{
    if (m_capacity <= 0) {
        return {};
    }
    const std::lock_guard lock(m_mutex);
    auto it = m_buckets.find(client);
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= m_maxClients) {
            prune(now);
        }
        it = m_buckets.emplace(client, Bucket{m_capacity, now}).first;
    }
    Bucket& bucket = it->second;
    if (now > bucket.updated) {
        const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
        bucket.tokens = std::min(m_capacity, bucket.tokens + elapsed * m_tokensPerSecond);
        bucket.updated = now;
    }
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return {};
    }
    // The epsilon keeps rounding noise (20.000000004 s) from adding a whole second.
    const double wait = (1.0 - bucket.tokens) / m_tokensPerSecond;
    return {false, std::chrono::seconds(std::max<long long>(1, static_cast<long long>(std::ceil(wait - 1e-6))))};
}

std::size_t RateLimiter::trackedClients() const
{
    const std::lock_guard lock(m_mutex);
    return m_buckets.size();
}

void RateLimiter::prune(Clock::time_point now)
{
    // A bucket that has refilled completely carries no state worth keeping.
    const auto fullAfter = std::chrono::duration<double>(m_capacity / m_tokensPerSecond);
    std::erase_if(m_buckets, [&](const auto& entry) {
        return std::chrono::duration<double>(now - entry.second.updated) >= fullAfter;
    });
    // Still full of active clients: forget the oldest half rather than grow without bound.
    if (m_buckets.size() >= m_maxClients) {
        std::vector<Clock::time_point> times;
        times.reserve(m_buckets.size());
        for (const auto& entry : m_buckets) {
            times.push_back(entry.second.updated);
        }
        auto middle = times.begin() + std::ptrdiff_t(times.size() / 2);
        std::nth_element(times.begin(), middle, times.end());
        const auto cutoff = *middle;
        std::erase_if(m_buckets, [&](const auto& entry) { return entry.second.updated <= cutoff; });
    }
}

} // namespace trellis::server
