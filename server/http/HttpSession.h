#pragma once

#include "server/http/HttpServerState.h"

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/serializer.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace trellis::server {

/// One client connection (plain or TLS): reads requests under the read/idle timeouts and limits, runs the
/// handler, writes responses, keeps the connection alive when allowed, and logs one line per request.
template <bool Tls>
class HttpSession : public HttpSessionControl, public std::enable_shared_from_this<HttpSession<Tls>>
{
public:
    using Stream =
        std::conditional_t<Tls, boost::beast::ssl_stream<boost::beast::tcp_stream>, boost::beast::tcp_stream>;

    HttpSession(boost::asio::ip::tcp::socket&& socket, boost::asio::ssl::context* tlsContext,
                std::shared_ptr<HttpServerState> state);
    ~HttpSession() override;

    void start();

    void requestStop() override;
    void forceClose() override;
    bool busy() const override;

private:
    enum class Phase
    {
        Handshake,
        Idle,
        Reading,
        Handling,
        Writing,
        Closing
    };
    using ErrorCode = boost::system::error_code;
    using Response = boost::beast::http::response<boost::beast::http::string_body>;

    /// What the log line says about the request being answered.
    struct Exchange
    {
        std::string requestId;
        std::string method;
        std::string path;
        std::string remote; ///< the client: the peer, or whom a trusted proxy names
        unsigned version = 11;
        std::chrono::steady_clock::time_point started;
        std::size_t bytesIn = 0;
    };

    void begin();
    void onHandshake(ErrorCode ec);
    void waitForRequest();
    void onFirstBytes(ErrorCode ec, std::size_t bytes);
    void readHeader();
    void onHeader(ErrorCode ec, std::size_t bytes);
    void onContinueSent(ErrorCode ec);
    void readBody();
    void onBody(ErrorCode ec, std::size_t bytes);
    /// A read failed: answers with a JSON error when the client deserves one, else closes quietly.
    void onReadError(ErrorCode ec);
    void handleRequest();
    void sendError(int status, const std::string& code, const std::string& message);
    void send(HttpResponse&& response, bool keepAlive);
    void onWrite(ErrorCode ec, std::size_t bytes, bool keepAlive);
    void sendStream(HttpResponse&& response, bool keepAlive);
    void writeNextChunk(bool keepAlive);
    void logExchange(int status, std::size_t bytesOut);
    void closeConnection(bool linger);
    void drain();
    void finish();
    void describeFromParser();
    void resetExchange();
    std::string clientAddress(const HttpRequest& request) const;

    Stream m_stream;
    std::shared_ptr<HttpServerState> m_state;
    boost::beast::flat_buffer m_buffer;
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> m_parser;
    std::optional<Response> m_response;
    using StreamHeader = boost::beast::http::response<boost::beast::http::empty_body>;
    std::optional<StreamHeader> m_streamHeader;
    std::optional<boost::beast::http::response_serializer<boost::beast::http::empty_body>> m_streamSerializer;
    std::function<std::optional<std::string>()> m_streamProducer;
    std::string m_streamChunk;
    std::size_t m_streamBytes = 0;
    std::optional<boost::beast::http::response<boost::beast::http::empty_body>> m_continue;
    std::vector<char> m_drainBuffer;
    std::string m_remote;
    Exchange m_exchange;
    std::atomic<Phase> m_phase{Phase::Handshake};
    bool m_firstRequest = true;
    bool m_stopRequested = false;
};

} // namespace trellis::server
