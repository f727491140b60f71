#include "core/Org.h"

namespace trellis::core {

void to_json(nlohmann::json& j, const Org& o)
{
    j = nlohmann::json{
        {"id", o.id},
        {"parentId", o.parentId.empty() ? nlohmann::json(nullptr) : nlohmann::json(o.parentId)},
        {"kind", std::string(toString(o.kind))},
        {"name", o.name},
        {"slug", o.slug},
        {"status", std::string(toString(o.status))},
        {"path", o.path},
        {"pathNames", o.pathNames},
        {"depth", o.depth},
        {"attributes", o.attributes},
        {"childCount", o.childCount},
        {"memberCount", o.memberCount},
        {"createdAt", o.createdAt},
    };
}

void from_json(const nlohmann::json& j, Org& o)
{
    o.id = j.at("id").get<std::string>();
    o.parentId = j.contains("parentId") && j["parentId"].is_string() ? j["parentId"].get<std::string>() : "";
    o.kind = orgKindFromString(j.at("kind").get<std::string>()).value_or(OrgKind::Customer);
    o.name = j.at("name").get<std::string>();
    o.slug = j.value("slug", std::string());
    o.status = orgStatusFromString(j.value("status", std::string("active"))).value_or(OrgStatus::Active);
    o.path = j.value("path", std::vector<std::string>());
    o.pathNames = j.value("pathNames", std::vector<std::string>());
    o.depth = j.value("depth", 0);
    o.attributes = j.value("attributes", nlohmann::json::object());
    o.childCount = j.value("childCount", 0);
    o.memberCount = j.value("memberCount", 0);
    o.createdAt = j.value("createdAt", std::string());
}

bool isValidSlug(std::string_view slug)
{
    if (slug.size() < 2 || slug.size() > 63 || slug.front() == '-' || slug.back() == '-')
        return false;
    for (char c : slug) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    }
    return true;
}

} // namespace trellis::core
