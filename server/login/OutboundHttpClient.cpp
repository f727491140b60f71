#include "server/login/OutboundHttpClient.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/version.hpp>
#include <optional>

namespace trellis::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

using Clock = std::chrono::steady_clock;

// Runs one asynchronous operation on the private io_context to its end; the stream's own expiry (beast::tcp_stream)
// turns a stall into beast::error::timeout, so run() always returns.
template <class Start>
beast::error_code runOne(asio::io_context& io, Start&& start)
{
    beast::error_code result = asio::error::would_block;
    start([&result](beast::error_code ec, auto&&...) { result = ec; });
    io.restart();
    io.run();
    return result;
}

std::chrono::milliseconds remaining(Clock::time_point deadline)
{
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    return left.count() > 0 ? left : std::chrono::milliseconds(1);
}

[[noreturn]] void fail(const OutboundUrl& url, const char* what, const beast::error_code& ec)
{
    const std::string why =
        ec == beast::error::timeout || ec == asio::error::operation_aborted ? std::string("timed out") : ec.message();
    throw OutboundHttpError(std::string(what) + " " + url.hostHeader() + " failed: " + why);
}

template <class Stream>
OutboundResponse exchange(asio::io_context& io, Stream& stream, const OutboundUrl& url, const OutboundRequest& request,
                          Clock::time_point deadline, std::size_t maxBytes)
{
    http::request<http::string_body> req{http::string_to_verb(request.method), url.target, 11};
    req.set(http::field::host, url.hostHeader());
    req.set(http::field::user_agent, "trellisd");
    for (const auto& [name, value] : request.headers)
        req.set(name, value);
    req.body() = request.body;
    req.prepare_payload();

    beast::get_lowest_layer(stream).expires_after(remaining(deadline));
    beast::error_code ec = runOne(io, [&](auto handler) { http::async_write(stream, req, std::move(handler)); });
    if (ec)
        fail(url, "sending to", ec);

    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.header_limit(16 * 1024);
    parser.body_limit(maxBytes);
    const auto tooLarge = [&url] {
        return OutboundHttpError("the answer of " + url.hostHeader() + " is larger than allowed");
    };
    // The header first: a declared length over the cap ends the exchange before any of the body is read (the
    // parser's own body limit alone did not always catch it with Boost 1.74).
    beast::get_lowest_layer(stream).expires_after(remaining(deadline));
    ec = runOne(io, [&](auto handler) { http::async_read_header(stream, buffer, parser, std::move(handler)); });
    if (ec == http::error::body_limit || (!ec && parser.content_length() && *parser.content_length() > maxBytes))
        throw tooLarge();
    if (ec)
        fail(url, "reading from", ec);
    beast::get_lowest_layer(stream).expires_after(remaining(deadline));
    ec = runOne(io, [&](auto handler) { http::async_read(stream, buffer, parser, std::move(handler)); });
    if (ec == http::error::body_limit)
        throw tooLarge();
    if (ec)
        fail(url, "reading from", ec);
    const auto& res = parser.get();
    if (res.body().size() > maxBytes)
        throw tooLarge();
    OutboundResponse out;
    out.status = int(res.result_int());
    out.contentType = std::string(res[http::field::content_type]);
    out.body = res.body();
    return out;
}

} // namespace

OutboundResponse OutboundHttpClient::send(const OutboundRequest& request) const
{
    const auto url = OutboundUrl::parse(request.url);
    if (!url)
        throw OutboundHttpError("not an absolute http(s) URL");
    if (http::string_to_verb(request.method) == http::verb::unknown)
        throw OutboundHttpError("unknown HTTP method");
    const Clock::time_point deadline = Clock::now() + m_options.timeout;
    asio::io_context io;

    // Name resolution has no stream to expire, so a timer cancels it.
    tcp::resolver resolver(io);
    asio::steady_timer timer(io);
    std::optional<tcp::resolver::results_type> endpoints;
    beast::error_code ec = asio::error::would_block;
    timer.expires_after(remaining(deadline));
    timer.async_wait([&resolver](beast::error_code e) {
        if (!e)
            resolver.cancel();
    });
    resolver.async_resolve(url->host, url->port, [&](beast::error_code e, tcp::resolver::results_type results) {
        ec = e;
        if (!e)
            endpoints = std::move(results);
        timer.cancel();
    });
    io.run();
    if (ec || !endpoints)
        fail(*url, "resolving", ec);

    if (!url->https) {
        beast::tcp_stream stream(io);
        stream.expires_after(remaining(deadline));
        ec = runOne(io, [&](auto handler) { stream.async_connect(*endpoints, std::move(handler)); });
        if (ec)
            fail(*url, "connecting to", ec);
        OutboundResponse response = exchange(io, stream, *url, request, deadline, m_options.maxResponseBytes);
        beast::error_code ignored;
        stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
        return response;
    }

    asio::ssl::context tls(asio::ssl::context::tls_client);
    tls.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                    asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1);
    tls.set_verify_mode(asio::ssl::verify_peer);
    if (m_options.caFile.empty())
        tls.set_default_verify_paths();
    else
        tls.load_verify_file(m_options.caFile);
    beast::ssl_stream<beast::tcp_stream> stream(io, tls);
    stream.set_verify_callback(asio::ssl::host_name_verification(url->host));
    if (!SSL_set_tlsext_host_name(stream.native_handle(), url->host.c_str()))
        throw OutboundHttpError("cannot set the TLS server name for " + url->hostHeader());
    beast::get_lowest_layer(stream).expires_after(remaining(deadline));
    ec = runOne(io,
                [&](auto handler) { beast::get_lowest_layer(stream).async_connect(*endpoints, std::move(handler)); });
    if (ec)
        fail(*url, "connecting to", ec);
    beast::get_lowest_layer(stream).expires_after(remaining(deadline));
    ec = runOne(io, [&](auto handler) { stream.async_handshake(asio::ssl::stream_base::client, std::move(handler)); });
    if (ec)
        fail(*url, "TLS handshake with", ec);
    OutboundResponse response = exchange(io, stream, *url, request, deadline, m_options.maxResponseBytes);
    beast::error_code ignored;
    beast::get_lowest_layer(stream).socket().shutdown(tcp::socket::shutdown_both, ignored);
    return response;
}

} // namespace trellis::server
