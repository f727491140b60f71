#include "server/http/HttpServer.h"

#include "server/http/HttpServerState.h"
#include "server/http/HttpSession.h"
#include "server/http/JsonLog.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <csignal>
#include <openssl/ssl.h>
#include <stdexcept>
#include <thread>
#include <vector>

namespace trellis::server {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

constexpr std::chrono::milliseconds kStopPollInterval{20};
constexpr std::chrono::milliseconds kAcceptRetryDelay{100};

} // namespace

class HttpServer::Impl
{
public:
    Impl(HttpServerOptions options, Handler handler)
        : m_state(std::make_shared<HttpServerState>(std::move(options), std::move(handler)))
    {
    }

    std::uint16_t listen()
    {
        const HttpServerOptions& options = m_state->options;
        if (options.tlsCertificateFile.empty() != options.tlsPrivateKeyFile.empty()) {
            // Serving plain HTTP when the operator asked for TLS would be a silent downgrade.
            throw std::runtime_error("TLS needs both a certificate file and a private key file");
        }
        if (!options.tlsCertificateFile.empty()) {
            setUpTls(options.tlsCertificateFile, options.tlsPrivateKeyFile);
        }

        const std::string where = options.address + ":" + std::to_string(options.port);
        boost::system::error_code ec;
        tcp::endpoint endpoint;
        const auto address = asio::ip::make_address(options.address, ec);
        if (!ec) {
            endpoint = tcp::endpoint(address, options.port);
        } else {
            tcp::resolver resolver(m_ioc);
            const auto results = resolver.resolve(options.address, std::to_string(options.port), ec);
            if (ec || results.empty()) {
                throw std::runtime_error("cannot listen on " + where + ": unknown address");
            }
            endpoint = results.begin()->endpoint();
        }

        m_acceptor.open(endpoint.protocol(), ec);
        if (!ec) {
            m_acceptor.set_option(asio::socket_base::reuse_address(true), ec);
        }
        if (!ec) {
            m_acceptor.bind(endpoint, ec);
        }
        if (!ec) {
            m_acceptor.listen(asio::socket_base::max_listen_connections, ec);
        }
        if (ec) {
            boost::system::error_code ignored;
            m_acceptor.close(ignored);
            throw std::runtime_error("cannot listen on " + where + ": " + ec.message());
        }
        return m_acceptor.local_endpoint().port();
    }

    void run()
    {
        if (!m_acceptor.is_open()) {
            throw std::runtime_error("HttpServer::run() called before listen()");
        }
        if (m_state->stopping) {
            closeAcceptor();
            return;
        }
        JsonLog::info("listening", {{"address", m_state->options.address},
                                    {"port", m_acceptor.local_endpoint().port()},
                                    {"tls", m_tls.has_value()},
                                    {"threads", m_state->options.threads}});
        asio::post(m_acceptor.get_executor(), [this] { accept(); });
        if (m_stopOnSignals) {
            m_signals.emplace(m_acceptor.get_executor(), SIGINT, SIGTERM);
            m_signals->async_wait([this](boost::system::error_code ec, int signal) {
                if (!ec) {
                    JsonLog::info("stopping on signal", {{"signal", signal}});
                    stop();
                }
            });
        }

        const int count = std::max(1, m_state->options.threads);
        std::vector<std::thread> workers;
        workers.reserve(std::size_t(count));
        for (int i = 0; i < count; ++i) {
            workers.emplace_back([this] {
                runWorker();
                if (m_workerExitHook) {
                    m_workerExitHook();
                }
            });
        }
        for (auto& worker : workers) {
            worker.join();
        }
        m_state->halted = true;

        // No worker runs now: close what is left (idle or lingering connections, or stragglers after the grace
        // period) and let their handlers observe it, so no socket outlives run().
        for (const auto& session : m_state->sessions()) {
            session->forceClose();
        }
        m_ioc.restart();
        m_ioc.run_for(std::chrono::milliseconds(500));
        m_signals.reset(); // restores the default signal dispositions
        JsonLog::info("stopped");
    }

    void stop()
    {
        bool expected = false;
        if (!m_state->stopping.compare_exchange_strong(expected, true)) {
            return;
        }
        asio::post(m_acceptor.get_executor(), [this] { beginStop(); });
    }

    std::function<void()> m_workerExitHook;
    bool m_stopOnSignals = false;

private:
    void runWorker()
    {
        // A handler that throws out of Asio must not take the whole server down with std::terminate.
        while (true) {
            try {
                m_ioc.run();
                return;
            } catch (const std::exception& e) {
                JsonLog::error("unexpected exception in the HTTP worker", {{"exception", e.what()}});
            } catch (...) {
                JsonLog::error("unexpected exception in the HTTP worker", {{"exception", "unknown"}});
            }
        }
    }

    void setUpTls(const std::string& certificateFile, const std::string& keyFile)
    {
        m_tls.emplace(asio::ssl::context::tls_server);
        m_tls->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                           asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                           asio::ssl::context::no_tlsv1_1 | asio::ssl::context::single_dh_use);
        SSL_CTX_set_min_proto_version(m_tls->native_handle(), TLS1_2_VERSION);
        boost::system::error_code ec;
        m_tls->use_certificate_chain_file(certificateFile, ec);
        if (ec) {
            throw std::runtime_error("cannot load TLS certificate " + certificateFile + ": " + ec.message());
        }
        m_tls->use_private_key_file(keyFile, asio::ssl::context::pem, ec);
        if (ec) {
            throw std::runtime_error("cannot load TLS private key " + keyFile + ": " + ec.message());
        }
    }

    void accept()
    {
        if (m_state->stopping || !m_acceptor.is_open()) {
            return;
        }
        // Each connection gets its own strand so its handlers never run concurrently.
        m_acceptor.async_accept(asio::make_strand(m_ioc), [this](boost::system::error_code ec, tcp::socket socket) {
            if (ec == asio::error::operation_aborted || m_state->stopping) {
                return;
            }
            if (ec) {
                // E.g. out of file descriptors: back off briefly instead of spinning.
                JsonLog::warn("accept failed", {{"error", ec.message()}});
                m_retryTimer.expires_after(kAcceptRetryDelay);
                m_retryTimer.async_wait([this](boost::system::error_code) { accept(); });
                return;
            }
            const std::size_t cap = m_state->options.maxConnections;
            if (cap > 0 && m_state->sessionCount() >= cap) {
                boost::system::error_code ignored;
                socket.close(ignored);
                const auto now = std::chrono::steady_clock::now();
                if (now - m_lastFullWarning > std::chrono::seconds(10)) { // one line, not one per connection
                    m_lastFullWarning = now;
                    JsonLog::warn("connection limit reached; refusing connections", {{"maxConnections", cap}});
                }
                accept();
                return;
            }
            if (m_tls) {
                std::make_shared<HttpSession<true>>(std::move(socket), &*m_tls, m_state)->start();
            } else {
                std::make_shared<HttpSession<false>>(std::move(socket), nullptr, m_state)->start();
            }
            accept();
        });
    }

    void closeAcceptor()
    {
        boost::system::error_code ignored;
        m_acceptor.close(ignored);
        m_retryTimer.cancel();
        if (m_signals) {
            m_signals->cancel(ignored);
        }
    }

    // Runs on the acceptor's strand.
    void beginStop()
    {
        closeAcceptor();
        for (const auto& session : m_state->sessions()) {
            session->requestStop();
        }
        m_stopDeadline = std::chrono::steady_clock::now() + m_state->options.stopGracePeriod;
        pollStop();
    }

    void pollStop()
    {
        bool busy = false;
        for (const auto& session : m_state->sessions()) {
            busy = busy || session->busy();
        }
        if (!busy || std::chrono::steady_clock::now() >= m_stopDeadline) {
            if (busy) {
                JsonLog::warn("stop grace period over; closing connections with requests in flight");
            }
            m_ioc.stop();
            return;
        }
        m_stopTimer.expires_after(kStopPollInterval);
        m_stopTimer.async_wait([this](boost::system::error_code) { pollStop(); });
    }

    std::shared_ptr<HttpServerState> m_state;
    std::optional<asio::ssl::context> m_tls;
    std::chrono::steady_clock::time_point m_stopDeadline;
    std::chrono::steady_clock::time_point m_lastFullWarning;
    // Declared last so it is destroyed first: pending handlers (holding sessions) go before what they use.
    asio::io_context m_ioc;
    tcp::acceptor m_acceptor{asio::make_strand(m_ioc)};
    asio::steady_timer m_retryTimer{m_acceptor.get_executor()};
    asio::steady_timer m_stopTimer{m_acceptor.get_executor()};
    std::optional<asio::signal_set> m_signals;
};

HttpServer::HttpServer(HttpServerOptions options, Handler handler)
    : m_impl(std::make_unique<Impl>(std::move(options), std::move(handler)))
{
}

HttpServer::~HttpServer() = default;

std::uint16_t HttpServer::listen()
{
    return m_impl->listen();
}

void HttpServer::run()
{
    m_impl->run();
}

void HttpServer::stop()
{
    m_impl->stop();
}

void HttpServer::setWorkerExitHook(std::function<void()> hook)
{
    m_impl->m_workerExitHook = std::move(hook);
}

void HttpServer::stopOnTerminationSignals()
{
    m_impl->m_stopOnSignals = true;
}

} // namespace trellis::server
