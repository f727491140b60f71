#include "server/http/HttpResponse.h"

#include "core/ApiError.h"

#include <algorithm>
#include <cctype>

namespace trellis::server {

void HttpResponse::setHeader(std::string name, std::string value)
{
    const auto sameName = [&name](const std::pair<std::string, std::string>& header) {
        return std::equal(header.first.begin(), header.first.end(), name.begin(), name.end(), [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        });
    };
    const auto it = std::find_if(headers.begin(), headers.end(), sameName);
    if (it != headers.end()) {
        it->second = std::move(value);
        return;
    }
    headers.emplace_back(std::move(name), std::move(value));
}

HttpResponse HttpResponse::json(int status, const nlohmann::json& body)
{
    HttpResponse response;
    response.status = status;
    response.setHeader("Content-Type", "application/json");
    // replace: a stray invalid UTF-8 byte must not turn a response into an exception
    response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return response;
}

HttpResponse HttpResponse::error(int status, std::string code, std::string message, std::string field)
{
    return json(status, nlohmann::json(core::ApiError{std::move(code), std::move(message), std::move(field)}));
}

} // namespace trellis::server
