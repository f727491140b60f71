#include "core/User.h"

#include <algorithm>

namespace trellis::core {

std::string_view toString(UserStatus status)
{
    return status == UserStatus::Active ? "active" : "disabled";
}

std::optional<UserStatus> userStatusFromString(std::string_view text)
{
    if (text == "active")
        return UserStatus::Active;
    if (text == "disabled")
        return UserStatus::Disabled;
    return std::nullopt;
}

void to_json(nlohmann::json& j, const User& u)
{
    j = nlohmann::json{
        {"id", u.id},
        {"email", u.email},
        {"displayName", u.displayName},
        {"status", std::string(toString(u.status))},
        {"lastSignInAt", u.lastSignInAt.empty() ? nlohmann::json(nullptr) : nlohmann::json(u.lastSignInAt)},
        {"createdAt", u.createdAt},
    };
}

void from_json(const nlohmann::json& j, User& u)
{
    u.id = j.at("id").get<std::string>();
    u.email = j.at("email").get<std::string>();
    u.displayName = j.value("displayName", std::string());
    u.status = userStatusFromString(j.value("status", std::string("active"))).value_or(UserStatus::Active);
    u.lastSignInAt = j.contains("lastSignInAt") && j["lastSignInAt"].is_string() ? j["lastSignInAt"].get<std::string>()
                                                                                 : std::string();
    u.createdAt = j.value("createdAt", std::string());
}

std::optional<std::string> normaliseEmail(std::string_view email)
{
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!email.empty() && isSpace(email.front()))
        email.remove_prefix(1);
    while (!email.empty() && isSpace(email.back()))
        email.remove_suffix(1);
    if (email.size() > 254)
        return std::nullopt;
    const auto at = email.find('@');
    if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos)
        return std::nullopt;
    const std::string_view domain = email.substr(at + 1);
    const auto dot = domain.find('.');
    if (domain.empty() || dot == std::string_view::npos || dot == 0 || domain.back() == '.')
        return std::nullopt;
    if (std::any_of(email.begin(), email.end(), [&](char c) { return isSpace(c) || c == '<' || c == '>'; }))
        return std::nullopt;
    std::string out(email);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return c < 128 ? char(std::tolower(c)) : char(c); });
    return out;
}

} // namespace trellis::core
