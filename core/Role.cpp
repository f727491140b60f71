#include "core/Role.h"

namespace trellis::core {

namespace {
nlohmann::json textOrNull(const std::string& text)
{
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}
std::string textOf(const nlohmann::json& j, const char* key)
{
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}
} // namespace

void to_json(nlohmann::json& j, const Role& r)
{
    j = nlohmann::json{
        {"id", r.id},
        {"key", r.key},
        {"name", r.name},
        {"description", r.description},
        {"permissions", r.permissions},
        {"builtIn", r.builtIn()},
        {"definedAt", textOrNull(r.definedAt)},
        {"assignable", r.assignable ? nlohmann::json(*r.assignable) : nlohmann::json(nullptr)},
        {"createdAt", r.createdAt},
        {"updatedAt", textOrNull(r.updatedAt)},
    };
}

void from_json(const nlohmann::json& j, Role& r)
{
    r.id = j.at("id").get<std::string>();
    r.key = j.at("key").get<std::string>();
    r.name = j.value("name", std::string());
    r.description = j.value("description", std::string());
    r.permissions = j.value("permissions", std::vector<std::string>());
    r.definedAt = textOf(j, "definedAt");
    r.createdAt = textOf(j, "createdAt");
    r.updatedAt = textOf(j, "updatedAt");
    if (j.contains("assignable") && j["assignable"].is_boolean())
        r.assignable = j["assignable"].get<bool>();
    else
        r.assignable.reset();
}

} // namespace trellis::core
