#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <string_view>

namespace trellis::server {

/// The local workspace's one-time bootstrap secret (read from stdin, never argv or a file). Thread-safe;
/// once exchanged it is wiped and every later attempt fails.
class BootstrapSecret
{
public:
    BootstrapSecret() = default;
    explicit BootstrapSecret(std::string secret);
    ~BootstrapSecret();
    BootstrapSecret(const BootstrapSecret&) = delete;
    BootstrapSecret& operator=(const BootstrapSecret&) = delete;

    /// True exactly once: for the first candidate equal to the secret (compared in constant time).
    /// `commit` runs under the lock before the secret is spent; if it throws, the secret stays usable.
    bool redeem(std::string_view candidate, const std::function<void()>& commit);
    bool isSpent() const;

private:
    mutable std::mutex m_mutex;
    std::string m_secret;
    bool m_spent = true;
};

} // namespace trellis::server
