#include "core/Membership.h"

#include <array>
#include <utility>

namespace trellis::core {

namespace {
constexpr std::array<std::pair<MembershipStatus, std::string_view>, 3> kStatus{{
    {MembershipStatus::Active, "active"},
    {MembershipStatus::Suspended, "suspended"},
    {MembershipStatus::Ended, "ended"},
}};
constexpr std::array<std::pair<MembershipSource, std::string_view>, 5> kSource{{
    {MembershipSource::Manual, "manual"},
    {MembershipSource::Invitation, "invitation"},
    {MembershipSource::Import, "import"},
    {MembershipSource::Scim, "scim"},
    {MembershipSource::Federation, "federation"},
}};

template <typename E, std::size_t N>
std::string_view nameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value)
{
    for (const auto& [v, name] : table) {
        if (v == value)
            return name;
    }
    return {};
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view text)
{
    for (const auto& [v, name] : table) {
        if (name == text)
            return v;
    }
    return std::nullopt;
}
} // namespace

std::string_view toString(MembershipStatus status)
{
    return nameOf(kStatus, status);
}
std::optional<MembershipStatus> membershipStatusFromString(std::string_view text)
{
    return valueOf(kStatus, text);
}
std::string_view toString(MembershipSource source)
{
    return nameOf(kSource, source);
}
std::optional<MembershipSource> membershipSourceFromString(std::string_view text)
{
    return valueOf(kSource, text);
}

void to_json(nlohmann::json& j, const Membership& m)
{
    j = nlohmann::json{
        {"id", m.id},
        {"orgId", m.orgId},
        {"orgName", m.orgName},
        {"user", m.user},
        {"status", std::string(toString(m.status))},
        {"title", m.title},
        {"source", std::string(toString(m.source))},
        {"expiresAt", m.expiresAt.empty() ? nlohmann::json(nullptr) : nlohmann::json(m.expiresAt)},
        {"expired", m.expired},
        {"roles", m.roles},
        {"createdAt", m.createdAt},
    };
}

void from_json(const nlohmann::json& j, Membership& m)
{
    m.id = j.at("id").get<std::string>();
    m.orgId = j.at("orgId").get<std::string>();
    m.orgName = j.value("orgName", std::string());
    m.user = j.at("user").get<User>();
    m.status = membershipStatusFromString(j.value("status", std::string("active"))).value_or(MembershipStatus::Active);
    m.title = j.value("title", std::string());
    m.source = membershipSourceFromString(j.value("source", std::string("manual"))).value_or(MembershipSource::Manual);
    m.expiresAt = j.contains("expiresAt") && j["expiresAt"].is_string() ? j["expiresAt"].get<std::string>() : "";
    m.expired = j.value("expired", false);
    m.roles = j.value("roles", std::vector<std::string>());
    m.createdAt = j.value("createdAt", std::string());
}

} // namespace trellis::core
