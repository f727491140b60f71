#include "core/PageCursor.h"

#include "core/Encoding.h"

#include <nlohmann/json.hpp>

namespace trellis::core {

std::string PageCursor::encode() const
{
    return base64UrlEncode(nlohmann::json{{"k", sortKey}, {"i", id}}.dump());
}

std::optional<PageCursor> PageCursor::decode(const std::string& text)
{
    if (text.empty() || text.size() > 2048)
        return std::nullopt;
    const auto raw = base64UrlDecode(text);
    if (!raw)
        return std::nullopt;
    const auto j = nlohmann::json::parse(*raw, nullptr, false);
    if (!j.is_object() || j.size() != 2 || !j.contains("k") || !j.contains("i") || !j["k"].is_string() ||
        !j["i"].is_string())
        return std::nullopt;
    return PageCursor{j["k"].get<std::string>(), j["i"].get<std::string>()};
}

} // namespace trellis::core
