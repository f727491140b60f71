#pragma once

#include <string>
#include <string_view>

namespace trellis::server {

/// Correlation ids: a client's X-Request-Id is kept when it is harmless, otherwise a fresh one is made.
class RequestId
{
public:
    /// True for [A-Za-z0-9._-]{1,64}: safe to echo in a header and to write into a log line.
    static bool isAcceptable(std::string_view candidate);
    /// 16 random lower-case hex characters.
    static std::string generate();
    /// `incoming` when acceptable, else a generated id.
    static std::string acceptOrGenerate(std::string_view incoming);
};

} // namespace trellis::server
