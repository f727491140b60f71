#pragma once

#include "core/PageCursor.h"

#include <optional>
#include <string>

namespace trellis::server {

struct HttpRequest;

/// Query parameter checks shared by every list endpoint.
class QueryParameters
{
public:
    static constexpr int kDefaultLimit = 50;
    static constexpr int kMaxLimit = 200;

    /// `limit`: a whole number 1..200, default 50; otherwise 400 invalid_parameter (field "limit").
    static int limit(const HttpRequest& request);
    /// `cursor`: absent, or a cursor this server made; otherwise 400 invalid_cursor (field "cursor").
    static std::optional<core::PageCursor> cursor(const HttpRequest& request);
    /// An optional text parameter of at most `maxCharacters`; nullopt when absent or empty.
    static std::optional<std::string> text(const HttpRequest& request, const char* name, std::size_t maxCharacters);
};

} // namespace trellis::server
