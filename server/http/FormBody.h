#pragma once

#include "server/http/HttpRequest.h"

#include <map>
#include <optional>
#include <string>

namespace trellis::server {

/// An application/x-www-form-urlencoded request body (OAuth token requests, hosted login forms), decoded.
struct FormBody
{
    std::multimap<std::string, std::string> fields;

    /// Empty when the body is not form-encoded (Content-Type) or has a bad %-escape or a NUL byte.
    static std::optional<FormBody> parse(const HttpRequest& request);

    /// First value of a field, or `fallback` when absent.
    std::string value(const std::string& name, std::string fallback = {}) const;
    bool has(const std::string& name) const;
    /// How often a field occurs: OAuth refuses repeated parameters (RFC 6749 §3.1).
    std::size_t count(const std::string& name) const;
};

} // namespace trellis::server
