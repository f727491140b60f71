#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace trellis::server {

/// An origin-form request target ("/path?query") split and percent-decoded.
struct RequestTarget
{
    std::string path;                              ///< decoded; never contains NUL
    std::multimap<std::string, std::string> query; ///< decoded; '+' means space in the query only

    /// Empty when the target is not origin-form, has a bad %-escape, or decodes to a NUL byte.
    static std::optional<RequestTarget> parse(std::string_view target);

    /// Decodes %XX escapes (and '+' as space when asked); empty on a bad escape or a NUL byte.
    static std::optional<std::string> percentDecode(std::string_view text, bool plusIsSpace);
};

} // namespace trellis::server
