#pragma once

#include <optional>
#include <string>

namespace trellis::server {

/// An absolute http(s) URL split for a request trellisd makes itself (upstream identity providers).
struct OutboundUrl
{
    bool https = true;
    std::string host;   ///< lower case; an IPv6 literal without brackets
    std::string port;   ///< explicit or the scheme's default
    std::string target; ///< path and query, at least "/"

    /// nullopt unless "http://" or "https://", a host, an optional numeric port, no user info, no fragment, no
    /// spaces or control characters, at most 2000 characters.
    static std::optional<OutboundUrl> parse(const std::string& url);
    /// localhost, 127.0.0.0/8 or ::1: plain http is tolerated there (development and tests), nowhere else.
    bool loopback() const;
    /// host[:port] for the Host header.
    std::string hostHeader() const;
};

} // namespace trellis::server
