#include "server/http/HttpRequest.h"

#include <algorithm>
#include <cctype>

namespace trellis::server {

namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

} // namespace

std::string HttpRequest::header(std::string_view name) const
{
    for (const auto& [key, value] : headers) {
        if (equalsIgnoreCase(key, name)) {
            return value;
        }
    }
    return {};
}

std::string HttpRequest::queryValue(std::string_view name, std::string fallback) const
{
    const auto it = query.find(std::string(name));
    return it == query.end() ? std::move(fallback) : it->second;
}

bool HttpRequest::hasQuery(std::string_view name) const
{
    return query.find(std::string(name)) != query.end();
}

} // namespace trellis::server
