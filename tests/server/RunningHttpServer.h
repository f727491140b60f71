#pragma once

#include "server/http/HttpServer.h"
#include "server/http/Router.h"

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

namespace trellis::tests {

/// An HttpServer serving a Router on an ephemeral loopback port, run() on its own thread.
class RunningHttpServer
{
public:
    RunningHttpServer(server::HttpServerOptions options, const server::Router& router)
        : m_server(withEphemeralPort(std::move(options)),
                   [&router](server::HttpRequest& request) { return router.dispatch(request); })
    {
        m_port = m_server.listen();
        m_finished = m_promise.get_future();
        m_thread = std::thread([this] {
            m_server.run();
            m_promise.set_value();
        });
    }

    ~RunningHttpServer()
    {
        m_server.stop();
        m_thread.join();
    }

    RunningHttpServer(const RunningHttpServer&) = delete;
    RunningHttpServer& operator=(const RunningHttpServer&) = delete;

    quint16 port() const { return m_port; }
    server::HttpServer& server() { return m_server; }

    /// True when run() has returned within the timeout.
    bool waitForFinished(std::chrono::milliseconds timeout)
    {
        return m_finished.wait_for(timeout) == std::future_status::ready;
    }

private:
    static server::HttpServerOptions withEphemeralPort(server::HttpServerOptions options)
    {
        options.address = "127.0.0.1";
        options.port = 0;
        return options;
    }

    server::HttpServer m_server;
    quint16 m_port = 0;
    std::promise<void> m_promise;
    std::future<void> m_finished;
    std::thread m_thread;
};

} // namespace trellis::tests
