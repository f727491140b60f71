#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace trellis::server {

/// A parsed HTTP request as handlers see it, independent of Beast.
struct HttpRequest
{
    std::string method;                                       ///< upper case, e.g. "GET"
    std::string target;                                       ///< raw request target (never logged: may hold secrets)
    std::string path;                                         ///< percent-decoded path without the query
    std::multimap<std::string, std::string> query;            ///< percent-decoded query parameters
    std::map<std::string, std::string> pathParams;            ///< filled by the router from "{name}" segments
    std::vector<std::pair<std::string, std::string>> headers; ///< names lower-cased
    std::string body;
    std::string remoteAddress; ///< client IP address, no port
    std::string requestId;     ///< echoed as X-Request-Id
    bool secure = false;       ///< arrived over TLS

    /// First value of a header (case-insensitive name), empty when absent.
    std::string header(std::string_view name) const;
    /// First value of a query parameter, or `fallback` when absent.
    std::string queryValue(std::string_view name, std::string fallback = {}) const;
    bool hasQuery(std::string_view name) const;
};

} // namespace trellis::server
