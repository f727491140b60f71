#include "server/http/RequestTarget.h"

namespace trellis::server {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

} // namespace

std::optional<std::string> RequestTarget::percentDecode(std::string_view text, bool plusIsSpace)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size()) {
                return std::nullopt;
            }
            const int high = hexValue(text[i + 1]);
            const int low = hexValue(text[i + 2]);
            if (high < 0 || low < 0) {
                return std::nullopt;
            }
            c = static_cast<char>(high * 16 + low);
            i += 2;
        } else if (c == '+' && plusIsSpace) {
            c = ' ';
        }
        // NUL truncates strings in C APIs and databases: never let one through.
        if (c == '\0') {
            return std::nullopt;
        }
        out.push_back(c);
    }
    return out;
}

std::optional<RequestTarget> RequestTarget::parse(std::string_view target)
{
    if (target.empty() || target.front() != '/') {
        return std::nullopt;
    }
    // A fragment never belongs in a request target; treat it as malformed rather than guess.
    if (target.find('#') != std::string_view::npos) {
        return std::nullopt;
    }
    RequestTarget result;
    const auto questionMark = target.find('?');
    auto path = percentDecode(target.substr(0, questionMark), false);
    if (!path) {
        return std::nullopt;
    }
    result.path = std::move(*path);
    if (questionMark == std::string_view::npos) {
        return result;
    }
    std::string_view rest = target.substr(questionMark + 1);
    while (!rest.empty()) {
        const auto ampersand = rest.find('&');
        const std::string_view pair = rest.substr(0, ampersand);
        rest = ampersand == std::string_view::npos ? std::string_view() : rest.substr(ampersand + 1);
        if (pair.empty()) {
            continue;
        }
        const auto equals = pair.find('=');
        auto name = percentDecode(pair.substr(0, equals), true);
        auto value =
            percentDecode(equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1), true);
        if (!name || !value) {
            return std::nullopt;
        }
        result.query.emplace(std::move(*name), std::move(*value));
    }
    return result;
}

} // namespace trellis::server
