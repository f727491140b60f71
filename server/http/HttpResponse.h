#pragma once

#include <nlohmann/json.hpp>
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

    void setHeader(std::string name, std::string value);

    static HttpResponse json(int status, const nlohmann::json& body);
    /// `{"code": ..., "message": ..., "field": ...}` (field omitted when empty).
    static HttpResponse error(int status, std::string code, std::string message, std::string field = {});
};

} // namespace trellis::server
