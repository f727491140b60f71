#pragma once

#include "server/login/OutboundUrl.h"

#include <chrono>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace trellis::server {

/// A request trellisd makes itself, e.g. to an upstream identity provider's token endpoint.
struct OutboundRequest
{
    std::string method = "GET";
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers; ///< besides Host, User-Agent and Content-Length
    std::string body;
};

struct OutboundResponse
{
    int status = 0;
    std::string contentType;
    std::string body;
};

/// Why an outbound request failed (network, TLS, timeout, size); the message names the host, never a secret.
class OutboundHttpError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// A small blocking HTTP/1.1 client on Boost.Beast for the requests trellisd makes (OpenID Connect discovery, JWKS,
/// token exchange): http and https, TLS peer verification against the system's trust store (or a given CA file) with
/// host name check and SNI, one deadline for the whole exchange (resolve, connect, handshake, write, read), a cap on
/// headers and body. Redirects are not followed. Plain http only to loopback hosts unless allowed explicitly.
class OutboundHttpClient
{
public:
    struct Options
    {
        std::chrono::milliseconds timeout{10000};
        std::size_t maxResponseBytes = 1024 * 1024;
        std::string caFile; ///< empty: the system's default verify paths
    };

    OutboundHttpClient() = default;
    explicit OutboundHttpClient(Options options)
        : m_options(std::move(options))
    {
    }

    /// Throws OutboundHttpError; any HTTP status is a response (the caller decides what it accepts).
    OutboundResponse send(const OutboundRequest& request) const;

private:
    Options m_options;
};

} // namespace trellis::server
