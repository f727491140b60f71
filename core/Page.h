#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace trellis::core {

/// One page of a keyset-paginated list: `{"items": [...], "nextCursor": "..." | null}`.
template <typename T>
struct Page
{
    std::vector<T> items;
    std::string nextCursor; ///< empty on the last page
};

template <typename T>
void to_json(nlohmann::json& j, const Page<T>& p)
{
    j = nlohmann::json{{"items", p.items},
                       {"nextCursor", p.nextCursor.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.nextCursor)}};
}

template <typename T>
void from_json(const nlohmann::json& j, Page<T>& p)
{
    p.items = j.at("items").get<std::vector<T>>();
    p.nextCursor = j.contains("nextCursor") && j["nextCursor"].is_string() ? j["nextCursor"].get<std::string>() : "";
}

} // namespace trellis::core
