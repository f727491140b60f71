#include "server/http/HttpSession.h"

#include "server/http/HttpError.h"
#include "server/http/JsonLog.h"
#include "server/http/RequestId.h"
#include "server/http/RequestTarget.h"

#include <algorithm>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <cctype>
#include <cmath>

namespace trellis::server {

namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace asio = boost::asio;

namespace {

constexpr std::chrono::seconds kLingerTime{2};
constexpr std::size_t kFirstReadSize = 4096;

std::string_view sv(beast::string_view text)
{
    return {text.data(), text.size()};
}

bool iequals(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

bool isHttpParseError(const boost::system::error_code& ec)
{
    return ec.category() == http::make_error_code(http::error::bad_target).category();
}

std::string remoteAddressOf(const asio::ip::tcp::socket& socket)
{
    boost::system::error_code ec;
    auto address = socket.remote_endpoint(ec).address();
    if (ec) {
        return "unknown";
    }
    if (address.is_v6() && address.to_v6().is_v4_mapped()) {
        address = asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6());
    }
    return address.to_string();
}

// The path part of a raw target, for logging requests whose target could not be decoded; never the query.
std::string rawPath(std::string_view target)
{
    return std::string(target.substr(0, target.find('?')));
}

// Header names and values must not smuggle a line break into the response (response splitting).
bool safeHeader(const std::string& name, const std::string& value)
{
    const auto bad = [](char c) { return c == '\r' || c == '\n' || c == '\0'; };
    return !name.empty() && std::none_of(name.begin(), name.end(), bad) &&
           std::none_of(value.begin(), value.end(), bad);
}

} // namespace

template <bool Tls>
HttpSession<Tls>::HttpSession(asio::ip::tcp::socket&& socket, asio::ssl::context* tlsContext,
                              std::shared_ptr<HttpServerState> state)
    : m_stream([&]() -> Stream {
        if constexpr (Tls) {
            return Stream(std::move(socket), *tlsContext);
        } else {
            (void)tlsContext;
            return Stream(std::move(socket));
        }
    }())
    , m_state(std::move(state))
{
    m_remote = remoteAddressOf(beast::get_lowest_layer(m_stream).socket());
}

template <bool Tls>
HttpSession<Tls>::~HttpSession()
{
    m_state->remove(this);
}

template <bool Tls>
void HttpSession<Tls>::start()
{
    // Registered at once so the connection cap counts it; the rest happens on the connection's strand, where
    // requestStop() runs too (and, posted later, after begin()).
    m_state->add(this->shared_from_this());
    asio::dispatch(m_stream.get_executor(), [self = this->shared_from_this()] { self->begin(); });
}

template <bool Tls>
void HttpSession<Tls>::begin()
{
    if (m_state->stopping) {
        m_stopRequested = true; // accepted while stop() was closing the acceptor
    }
    beast::error_code ignored;
    beast::get_lowest_layer(m_stream).socket().set_option(asio::ip::tcp::no_delay(true), ignored);
    // The handshake and the whole first request share one read deadline, so a client that connects and
    // then dribbles gets no more time than one that is slow within a request.
    beast::get_lowest_layer(m_stream).expires_after(m_state->options.readTimeout);
    if constexpr (Tls) {
        m_phase = Phase::Handshake;
        m_stream.async_handshake(asio::ssl::stream_base::server,
                                 [self = this->shared_from_this()](ErrorCode ec) { self->onHandshake(ec); });
    } else {
        waitForRequest();
    }
}

template <bool Tls>
void HttpSession<Tls>::requestStop()
{
    asio::post(m_stream.get_executor(), [self = this->shared_from_this()] {
        self->m_stopRequested = true;
        const Phase phase = self->m_phase;
        if (phase == Phase::Idle || phase == Phase::Handshake) {
            // Nothing in flight: end the pending read now; its handler closes the connection.
            beast::get_lowest_layer(self->m_stream).cancel();
        }
    });
}

template <bool Tls>
void HttpSession<Tls>::forceClose()
{
    beast::get_lowest_layer(m_stream).close();
}

template <bool Tls>
bool HttpSession<Tls>::busy() const
{
    const Phase phase = m_phase;
    return phase == Phase::Reading || phase == Phase::Handling || phase == Phase::Writing;
}

template <bool Tls>
void HttpSession<Tls>::onHandshake(ErrorCode ec)
{
    if (ec) {
        // Failed handshakes are routine on the internet (scanners, plain HTTP on the TLS port); no log noise.
        closeConnection(false);
        return;
    }
    waitForRequest();
}

template <bool Tls>
void HttpSession<Tls>::waitForRequest()
{
    if (m_stopRequested) {
        closeConnection(false);
        return;
    }
    if (m_buffer.size() > 0) {
        // A pipelined request is already waiting in the buffer.
        resetExchange();
        m_phase = Phase::Reading;
        beast::get_lowest_layer(m_stream).expires_after(m_state->options.readTimeout);
        readHeader();
        return;
    }
    m_phase = Phase::Idle;
    if (!m_firstRequest) {
        beast::get_lowest_layer(m_stream).expires_after(m_state->options.idleTimeout);
    }
    // Wait for the first bytes of the next request under the idle timeout; the read timeout starts with them.
    m_stream.async_read_some(
        m_buffer.prepare(kFirstReadSize),
        [self = this->shared_from_this()](ErrorCode ec, std::size_t bytes) { self->onFirstBytes(ec, bytes); });
}

template <bool Tls>
void HttpSession<Tls>::onFirstBytes(ErrorCode ec, std::size_t bytes)
{
    if (ec) {
        closeConnection(false);
        return;
    }
    m_buffer.commit(bytes);
    resetExchange();
    m_phase = Phase::Reading;
    if (!m_firstRequest) {
        beast::get_lowest_layer(m_stream).expires_after(m_state->options.readTimeout);
    }
    readHeader();
}

template <bool Tls>
void HttpSession<Tls>::resetExchange()
{
    m_exchange = Exchange{};
    m_exchange.remote = m_remote;
    m_exchange.started = std::chrono::steady_clock::now();
}

template <bool Tls>
std::string HttpSession<Tls>::clientAddress(const HttpRequest& request) const
{
    const auto& trusted = m_state->options.trustedProxies;
    const auto isTrusted = [&trusted](const std::string& address) {
        return std::find(trusted.begin(), trusted.end(), address) != trusted.end();
    };
    if (!isTrusted(m_remote)) {
        return m_remote; // anyone else could claim any address in X-Forwarded-For
    }
    // Walk X-Forwarded-For from the right (the entries our own proxies appended) to the first untrusted hop.
    std::string chain;
    for (const auto& [name, value] : request.headers) {
        if (name == "x-forwarded-for") {
            chain += (chain.empty() ? "" : ",") + value;
        }
    }
    std::string_view rest = chain;
    while (!rest.empty()) {
        const auto comma = rest.rfind(',');
        std::string_view hop = comma == std::string_view::npos ? rest : rest.substr(comma + 1);
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
        while (!hop.empty() && (hop.front() == ' ' || hop.front() == '\t')) {
            hop.remove_prefix(1);
        }
        while (!hop.empty() && (hop.back() == ' ' || hop.back() == '\t')) {
            hop.remove_suffix(1);
        }
        boost::system::error_code ec;
        const auto address = asio::ip::make_address(std::string(hop), ec);
        if (ec) {
            break; // garbage: trust nothing beyond the proxy itself
        }
        const std::string text = address.to_string();
        if (!isTrusted(text)) {
            return text;
        }
    }
    return m_remote;
}

template <bool Tls>
void HttpSession<Tls>::readHeader()
{
    m_parser.emplace();
    m_parser->header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(m_state->options.headerLimit, UINT32_MAX)));
    m_parser->body_limit(m_state->options.bodyLimit);
    http::async_read_header(
        m_stream, m_buffer, *m_parser,
        [self = this->shared_from_this()](ErrorCode ec, std::size_t bytes) { self->onHeader(ec, bytes); });
}

template <bool Tls>
void HttpSession<Tls>::describeFromParser()
{
    const auto& request = m_parser->get();
    m_exchange.method = std::string(request.method_string());
    m_exchange.path = rawPath(sv(request.target()));
    if (request.version() == 10) {
        m_exchange.version = 10;
    }
    const auto it = request.find("X-Request-Id");
    m_exchange.requestId = RequestId::acceptOrGenerate(it == request.end() ? std::string_view() : sv(it->value()));
}

template <bool Tls>
void HttpSession<Tls>::onHeader(ErrorCode ec, std::size_t bytes)
{
    m_exchange.bytesIn += bytes;
    if (ec) {
        onReadError(ec);
        return;
    }
    const auto& request = m_parser->get();
    if (request.find(http::field::transfer_encoding) != request.end() && !m_parser->chunked()) {
        // Without chunked last, the body's end is unknowable; guessing is how requests get smuggled.
        describeFromParser();
        sendError(400, "bad_request", "Unsupported Transfer-Encoding; use chunked or Content-Length.");
        return;
    }
    const auto expect = request.find(http::field::expect);
    if (expect != request.end() && iequals(sv(expect->value()), "100-continue") && !m_parser->is_done()) {
        // The client waits for our go-ahead before sending the body (curl does this for large bodies).
        m_continue.emplace(http::status::continue_, request.version());
        http::async_write(m_stream, *m_continue,
                          [self = this->shared_from_this()](ErrorCode ec, std::size_t) { self->onContinueSent(ec); });
        return;
    }
    readBody();
}

template <bool Tls>
void HttpSession<Tls>::onContinueSent(ErrorCode ec)
{
    m_continue.reset();
    if (ec) {
        closeConnection(false);
        return;
    }
    readBody();
}

template <bool Tls>
void HttpSession<Tls>::readBody()
{
    if (m_parser->is_done()) {
        handleRequest();
        return;
    }
    http::async_read(m_stream, m_buffer, *m_parser,
                     [self = this->shared_from_this()](ErrorCode ec, std::size_t bytes) { self->onBody(ec, bytes); });
}

template <bool Tls>
void HttpSession<Tls>::onBody(ErrorCode ec, std::size_t bytes)
{
    m_exchange.bytesIn += bytes;
    if (ec) {
        onReadError(ec);
        return;
    }
    handleRequest();
}

template <bool Tls>
void HttpSession<Tls>::onReadError(ErrorCode ec)
{
    m_firstRequest = false;
    describeFromParser();
    if (ec == http::error::header_limit) {
        sendError(431, "headers_too_large", "The request headers are too large.");
    } else if (ec == http::error::body_limit) {
        sendError(413, "payload_too_large",
                  "The request body is larger than the limit of " + std::to_string(m_state->options.bodyLimit) +
                      " bytes.");
    } else if (ec == beast::error::timeout) {
        // The stream closed the socket already: nobody to answer.
        JsonLog::warn("request timed out", {{"requestId", m_exchange.requestId}, {"remote", m_exchange.remote}});
        closeConnection(false);
    } else if (ec == http::error::end_of_stream || ec == http::error::partial_message || !isHttpParseError(ec)) {
        closeConnection(false); // the client went away
    } else {
        sendError(400, "bad_request", "The request is not valid HTTP/1.1.");
    }
}

template <bool Tls>
void HttpSession<Tls>::sendError(int status, const std::string& code, const std::string& message)
{
    m_phase = Phase::Handling;
    if (m_exchange.requestId.empty()) {
        m_exchange.requestId = RequestId::generate();
    }
    // After a framing error the rest of the stream cannot be trusted: answer, then close.
    send(HttpResponse::error(status, code, message), false);
}

template <bool Tls>
void HttpSession<Tls>::handleRequest()
{
    m_phase = Phase::Handling;
    m_firstRequest = false;
    beast::get_lowest_layer(m_stream).expires_never();
    auto message = m_parser->release();
    m_parser.reset();

    HttpRequest request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    request.secure = Tls;
    for (const auto& field : message) {
        std::string name(field.name_string());
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        request.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    request.requestId = RequestId::acceptOrGenerate(request.header("x-request-id"));
    request.remoteAddress = clientAddress(request);
    m_exchange.remote = request.remoteAddress;
    m_exchange.version = message.version() == 10 ? 10 : 11;
    request.body = std::move(message.body());
    m_exchange.requestId = request.requestId;
    m_exchange.method = request.method;
    m_exchange.path = rawPath(request.target);

    const bool keepAlive = message.keep_alive() && !m_stopRequested && !m_state->stopping;

    if (m_state->halted) {
        // The workers are gone (and with them, e.g., database connections): never run a handler now.
        closeConnection(false);
        return;
    }

    const auto decision = m_state->limiter.acquire(request.remoteAddress);
    if (!decision.allowed) {
        HttpResponse response =
            HttpResponse::error(429, "rate_limited", "Too many requests from this address; try again later.");
        response.setHeader("Retry-After", std::to_string(decision.retryAfter.count()));
        send(std::move(response), keepAlive);
        return;
    }

    auto target = RequestTarget::parse(request.target);
    if (!target) {
        send(HttpResponse::error(400, "bad_request", "The request path or query is not validly encoded."), keepAlive);
        return;
    }
    request.path = std::move(target->path);
    request.query = std::move(target->query);
    m_exchange.path = request.path;

    HttpResponse response;
    try {
        response = m_state->handler(request);
    } catch (const HttpError& e) {
        response = HttpResponse::json(e.status(), nlohmann::json(e.error()));
    } catch (const std::exception& e) {
        JsonLog::error("handler failed", {{"requestId", request.requestId}, {"exception", e.what()}});
        response = HttpResponse::error(
            500, "internal_error", "Something went wrong on the server; the request id is " + request.requestId + ".");
    } catch (...) {
        JsonLog::error("handler failed", {{"requestId", request.requestId}, {"exception", "unknown exception"}});
        response = HttpResponse::error(
            500, "internal_error", "Something went wrong on the server; the request id is " + request.requestId + ".");
    }
    send(std::move(response), keepAlive && !m_stopRequested && !m_state->stopping);
}

// Status and the handler's headers, minus what the HTTP layer owns, plus the ones every answer carries.
template <class Message>
void applyHeaders(Message& out, const HttpResponse& response, unsigned version, const std::string& requestId)
{
    out.version(version);
    out.result(static_cast<unsigned>(response.status));
    bool hasCacheControl = false;
    for (const auto& [name, value] : response.headers) {
        // The HTTP layer owns framing and connection management.
        if (iequals(name, "content-length") || iequals(name, "transfer-encoding") || iequals(name, "connection") ||
            iequals(name, "x-request-id")) {
            continue;
        }
        if (!safeHeader(name, value)) {
            JsonLog::warn("dropped unsafe response header", {{"requestId", requestId}, {"header", name}});
            continue;
        }
        hasCacheControl = hasCacheControl || iequals(name, "cache-control");
        out.insert(name, value);
    }
    out.set(http::field::server, "trellisd");
    out.set("X-Content-Type-Options", "nosniff");
    if (!hasCacheControl) {
        out.set(http::field::cache_control, "no-store");
    }
    out.set("X-Request-Id", requestId);
}

template <bool Tls>
void HttpSession<Tls>::send(HttpResponse&& response, bool keepAlive)
{
    m_phase = Phase::Writing;
    if (response.stream) {
        if (m_exchange.version != 10) {
            sendStream(std::move(response), keepAlive);
            return;
        }
        // HTTP/1.0 has no chunked encoding: collect the body (only old tools ask like this).
        try {
            while (auto piece = response.stream())
                response.body += *piece;
        } catch (const std::exception& e) {
            JsonLog::error("streamed body failed", {{"requestId", m_exchange.requestId}, {"exception", e.what()}});
            closeConnection(false);
            return;
        }
    }
    m_response.emplace();
    Response& out = *m_response;
    applyHeaders(out, response, m_exchange.version, m_exchange.requestId);
    out.body() = std::move(response.body);
    out.keep_alive(keepAlive);
    out.prepare_payload();

    beast::get_lowest_layer(m_stream).expires_after(m_state->options.writeTimeout);
    http::async_write(m_stream, out, [self = this->shared_from_this(), keepAlive](ErrorCode ec, std::size_t bytes) {
        self->onWrite(ec, bytes, keepAlive);
    });
}

template <bool Tls>
void HttpSession<Tls>::onWrite(ErrorCode ec, std::size_t bytes, bool keepAlive)
{
    const int status = m_response ? static_cast<int>(m_response->result_int()) : 0;
    m_response.reset();
    logExchange(status, bytes);
    if (ec) {
        closeConnection(false);
        return;
    }
    if (!keepAlive) {
        closeConnection(true);
        return;
    }
    waitForRequest();
}

template <bool Tls>
void HttpSession<Tls>::logExchange(int status, std::size_t bytesOut)
{
    const auto duration = std::chrono::steady_clock::now() - m_exchange.started;
    const double durationMs = std::round(std::chrono::duration<double, std::milli>(duration).count() * 1000.0) / 1000.0;
    // Path only: the query string, headers and body can carry secrets and never reach the log.
    JsonLog::info("request", {{"requestId", m_exchange.requestId},
                              {"method", m_exchange.method},
                              {"path", m_exchange.path},
                              {"status", status},
                              {"durationMs", durationMs},
                              {"bytesIn", m_exchange.bytesIn},
                              {"bytesOut", bytesOut},
                              {"remote", m_exchange.remote}});
}

template <bool Tls>
void HttpSession<Tls>::sendStream(HttpResponse&& response, bool keepAlive)
{
    m_streamHeader.emplace();
    applyHeaders(*m_streamHeader, response, m_exchange.version, m_exchange.requestId);
    m_streamHeader->keep_alive(keepAlive);
    m_streamHeader->chunked(true);
    m_streamSerializer.emplace(*m_streamHeader);
    m_streamProducer = std::move(response.stream);
    m_streamBytes = 0;
    beast::get_lowest_layer(m_stream).expires_after(m_state->options.writeTimeout);
    http::async_write_header(m_stream, *m_streamSerializer,
                             [self = this->shared_from_this(), keepAlive](ErrorCode ec, std::size_t bytes) {
                                 self->m_streamBytes += bytes;
                                 if (ec) {
                                     self->m_streamProducer = nullptr;
                                     self->logExchange(0, self->m_streamBytes);
                                     self->closeConnection(false);
                                     return;
                                 }
                                 self->writeNextChunk(keepAlive);
                             });
}

template <bool Tls>
void HttpSession<Tls>::writeNextChunk(bool keepAlive)
{
    const int status = m_streamHeader ? static_cast<int>(m_streamHeader->result_int()) : 0;
    std::optional<std::string> piece;
    try {
        // Halted: the workers' database connections are gone, so the producer must not run any more.
        if (m_state->halted)
            throw std::runtime_error("the server stopped");
        piece = m_streamProducer();
    } catch (const std::exception& e) {
        // No closing chunk: the client must not take a cut-off body for a complete one.
        JsonLog::error("streamed body failed", {{"requestId", m_exchange.requestId}, {"exception", e.what()}});
        m_streamProducer = nullptr;
        logExchange(status, m_streamBytes);
        closeConnection(false);
        return;
    }
    beast::get_lowest_layer(m_stream).expires_after(m_state->options.writeTimeout);
    if (!piece) {
        m_streamProducer = nullptr;
        asio::async_write(m_stream, http::make_chunk_last(),
                          [self = this->shared_from_this(), keepAlive, status](ErrorCode ec, std::size_t bytes) {
                              self->m_streamSerializer.reset();
                              self->m_streamHeader.reset();
                              self->m_streamChunk.clear();
                              self->logExchange(status, self->m_streamBytes + bytes);
                              if (ec)
                                  self->closeConnection(false);
                              else if (!keepAlive)
                                  self->closeConnection(true);
                              else
                                  self->waitForRequest();
                          });
        return;
    }
    if (piece->empty()) {
        // An empty chunk would end the body: skip to the next piece.
        asio::post(beast::get_lowest_layer(m_stream).get_executor(),
                   [self = this->shared_from_this(), keepAlive] { self->writeNextChunk(keepAlive); });
        return;
    }
    m_streamChunk = std::move(*piece);
    asio::async_write(m_stream, http::make_chunk(asio::buffer(m_streamChunk)),
                      [self = this->shared_from_this(), keepAlive, status](ErrorCode ec, std::size_t bytes) {
                          self->m_streamBytes += bytes;
                          if (ec) {
                              self->m_streamProducer = nullptr;
                              self->logExchange(status, self->m_streamBytes);
                              self->closeConnection(false);
                              return;
                          }
                          self->writeNextChunk(keepAlive);
                      });
}

template <bool Tls>
void HttpSession<Tls>::closeConnection(bool linger)
{
    m_phase = Phase::Closing;
    auto& lowest = beast::get_lowest_layer(m_stream);
    if (!lowest.socket().is_open()) {
        return;
    }
    if (!linger) {
        lowest.close();
        return;
    }
    lowest.expires_after(kLingerTime);
    if constexpr (Tls) {
        m_stream.async_shutdown([self = this->shared_from_this()](ErrorCode) { self->drain(); });
    } else {
        drain();
    }
}

template <bool Tls>
void HttpSession<Tls>::drain()
{
    // Lingering close: shut down our sending side, then read and discard what the client still sends, so that
    // closing with unread data does not reset the connection and destroy the response we just sent (413).
    auto& lowest = beast::get_lowest_layer(m_stream);
    if (!lowest.socket().is_open()) {
        return;
    }
    ErrorCode ignored;
    lowest.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    m_drainBuffer.resize(16 * 1024);
    lowest.async_read_some(asio::buffer(m_drainBuffer), [self = this->shared_from_this()](ErrorCode ec, std::size_t) {
        if (ec) {
            self->finish();
            return;
        }
        self->drain();
    });
}

template <bool Tls>
void HttpSession<Tls>::finish()
{
    beast::get_lowest_layer(m_stream).close();
}

template class HttpSession<false>;
template class HttpSession<true>;

} // namespace trellis::server
