#pragma once

#include "server/http/HttpRequest.h"
#include "server/http/HttpResponse.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace trellis::server {

struct HttpServerOptions
{
    std::string address = "127.0.0.1";
    std::uint16_t port = 8080;            ///< 0 picks an ephemeral port
    int threads = 4;                      ///< worker pool size; each worker keeps its own DB connection
    std::size_t bodyLimit = 1024 * 1024;  ///< larger bodies: 413 payload_too_large
    std::size_t headerLimit = 16 * 1024;  ///< larger header blocks: 431 headers_too_large
    std::chrono::seconds readTimeout{15}; ///< a request must arrive completely within this (slow clients)
    std::chrono::seconds idleTimeout{60}; ///< keep-alive connections with no request are closed after this
    std::string tlsCertificateFile;       ///< PEM; TLS is on when both files are given
    std::string tlsPrivateKeyFile;
    int rateLimitPerMinute = 600;            ///< per client address; beyond it: 429 rate_limited; 0 = unlimited
    std::chrono::seconds writeTimeout{30};   ///< a response must be taken by the client within this
    std::chrono::seconds stopGracePeriod{5}; ///< stop() waits this long for in-flight requests, then forces
    /// Peers (load balancers, reverse proxies) whose X-Forwarded-For names the real client, which then counts
    /// for rate limiting, HttpRequest::remoteAddress and the log. Exact IP addresses; empty = trust no one.
    std::vector<std::string> trustedProxies;
    /// Open connections beyond this are closed at once, so a flood cannot exhaust file descriptors; 0 = no cap.
    std::size_t maxConnections = 4096;
};

/// Boost.Beast HTTP/1.1 server: a worker pool running one io_context, keep-alive, limits, timeouts,
/// optional TLS, request ids, one JSON log line per request. Knows nothing of the API it serves.
class HttpServer
{
public:
    using Handler = std::function<HttpResponse(HttpRequest&)>;

    HttpServer(HttpServerOptions options, Handler handler);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    /// Binds and listens; returns the bound port. Throws std::runtime_error with a plain message on failure.
    std::uint16_t listen();
    /// Serves until stop(); blocks the calling thread; worker threads start here.
    void run();
    /// Graceful stop, safe from any thread or a signal handler thread: stop accepting, let in-flight
    /// requests finish (up to a grace period), then return from run().
    void stop();

    /// Called on each worker thread just before it exits (e.g. to close its database connection).
    void setWorkerExitHook(std::function<void()> hook);

    /// Makes run() stop gracefully on SIGINT and SIGTERM (call before run()).
    void stopOnTerminationSignals();

private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace trellis::server
