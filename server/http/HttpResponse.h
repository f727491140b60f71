#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace trellis::server {

/// A response as handlers build it; the HTTP layer adds X-Request-Id, Content-Length and keep-alive.
struct HttpResponse
{
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    /// Set for a streamed body (large exports): called for each next piece, std::nullopt at the end. The HTTP layer
    /// sends it chunked, one piece at a time, so memory stays flat whatever the size. It runs on a worker thread after
    /// the handler returned; an exception ends the connection without the closing chunk, so the client sees an
    /// incomplete body rather than a silently truncated one.
    std::function<std::optional<std::string>()> stream;

    void setHeader(std::string name, std::string value);

    static HttpResponse json(int status, const nlohmann::json& body);
    /// `{"code": ..., "message": ..., "field": ...}` (field omitted when empty).
    static HttpResponse error(int status, std::string code, std::string message, std::string field = {});
};

} // namespace trellis::server
