#include "server/login/OutboundUrl.h"

#include <algorithm>
#include <cctype>

namespace trellis::server {

std::optional<OutboundUrl> OutboundUrl::parse(const std::string& url)
{
    if (url.size() > 2000 || std::any_of(url.begin(), url.end(), [](unsigned char c) { return c <= 32 || c == 127; }))
        return std::nullopt;
    OutboundUrl out;
    std::string rest;
    if (url.rfind("https://", 0) == 0) {
        rest = url.substr(8);
    } else if (url.rfind("http://", 0) == 0) {
        out.https = false;
        rest = url.substr(7);
    } else {
        return std::nullopt;
    }
    if (rest.find('#') != std::string::npos)
        return std::nullopt;
    const std::size_t slash = rest.find_first_of("/?");
    std::string authority = rest.substr(0, slash);
    out.target = slash == std::string::npos ? "/" : rest.substr(slash);
    if (out.target.front() == '?')
        out.target.insert(0, "/");
    if (authority.empty() || authority.find('@') != std::string::npos)
        return std::nullopt;
    if (authority.front() == '[') {
        const std::size_t close = authority.find(']');
        if (close == std::string::npos)
            return std::nullopt;
        out.host = authority.substr(1, close - 1);
        authority = authority.substr(close + 1);
        if (!authority.empty() && authority.front() != ':')
            return std::nullopt;
        out.port = authority.empty() ? std::string() : authority.substr(1);
    } else {
        const std::size_t colon = authority.rfind(':');
        out.host = authority.substr(0, colon);
        out.port = colon == std::string::npos ? std::string() : authority.substr(colon + 1);
        if (out.host.find(':') != std::string::npos)
            return std::nullopt;
    }
    if (out.host.empty() || out.host.size() > 253)
        return std::nullopt;
    std::transform(out.host.begin(), out.host.end(), out.host.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    if (out.port.empty()) {
        out.port = out.https ? "443" : "80";
    } else if (out.port.size() > 5 || !std::all_of(out.port.begin(), out.port.end(), ::isdigit) ||
               std::stoi(out.port) < 1 || std::stoi(out.port) > 65535) {
        return std::nullopt;
    }
    return out;
}

bool OutboundUrl::loopback() const
{
    // 127.0.0.0/8 as an IPv4 literal only: a name such as 127.example.com is anybody's.
    const bool ipv4Literal =
        std::all_of(host.begin(), host.end(), [](unsigned char c) { return std::isdigit(c) || c == '.'; });
    return host == "localhost" || host == "::1" || (ipv4Literal && host.rfind("127.", 0) == 0);
}

std::string OutboundUrl::hostHeader() const
{
    const std::string h = host.find(':') != std::string::npos ? "[" + host + "]" : host;
    const bool defaultPort = (https && port == "443") || (!https && port == "80");
    return defaultPort ? h : h + ":" + port;
}

} // namespace trellis::server
