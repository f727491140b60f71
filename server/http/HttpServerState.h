#pragma once

#include "server/http/HttpServer.h"
#include "server/http/RateLimiter.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace trellis::server {

/// What a connection can be asked to do from outside its own strand.
class HttpSessionControl
{
public:
    virtual ~HttpSessionControl() = default;
    /// Posted to the session: close now if idle, otherwise finish the current request with Connection: close.
    virtual void requestStop() = 0;
    /// Only when no worker thread runs: close the socket so pending operations end.
    virtual void forceClose() = 0;
    /// Reading, handling or writing a request (graceful stop waits for these).
    virtual bool busy() const = 0;
};

/// Shared by HttpServer and its sessions; sessions hold it by shared_ptr so it outlives every connection.
struct HttpServerState
{
    HttpServerState(HttpServerOptions opts, HttpServer::Handler h)
        : options(std::move(opts))
        , handler(std::move(h))
        , limiter(options.rateLimitPerMinute)
    {
    }

    const HttpServerOptions options;
    const HttpServer::Handler handler;
    RateLimiter limiter;
    std::atomic<bool> stopping{false};
    std::atomic<bool> halted{false}; ///< worker threads have exited; no handler may run any more

    void add(const std::shared_ptr<HttpSessionControl>& session)
    {
        const std::lock_guard lock(m_mutex);
        m_sessions[session.get()] = session;
    }

    void remove(const HttpSessionControl* session)
    {
        const std::lock_guard lock(m_mutex);
        m_sessions.erase(session);
    }

    std::size_t sessionCount() const
    {
        const std::lock_guard lock(m_mutex);
        return m_sessions.size();
    }

    std::vector<std::shared_ptr<HttpSessionControl>> sessions() const
    {
        std::vector<std::shared_ptr<HttpSessionControl>> result;
        const std::lock_guard lock(m_mutex);
        for (const auto& [key, weak] : m_sessions) {
            if (auto session = weak.lock()) {
                result.push_back(std::move(session));
            }
        }
        return result;
    }

private:
    mutable std::mutex m_mutex;
    std::unordered_map<const HttpSessionControl*, std::weak_ptr<HttpSessionControl>> m_sessions;
};

} // namespace trellis::server
