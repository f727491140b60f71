#include "client/PasskeyInfo.h"

namespace trellis::client {

namespace {

std::string text(const nlohmann::json& j, const char* key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

PasskeyInfo PasskeyInfo::fromJson(const nlohmann::json& j)
{
    PasskeyInfo p;
    p.credentialId = j.at("credentialId").get<std::string>();
    p.name = text(j, "name");
    p.algorithm = text(j, "algorithm");
    p.backedUp = j.value("backedUp", false);
    p.createdAt = text(j, "createdAt");
    p.lastUsedAt = text(j, "lastUsedAt");
    return p;
}

std::vector<PasskeyInfo> PasskeyInfo::listFromJson(const nlohmann::json& j)
{
    std::vector<PasskeyInfo> items;
    for (const auto& item : j.at("items"))
        items.push_back(fromJson(item));
    return items;
}

} // namespace trellis::client
