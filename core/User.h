#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace trellis::core {

enum class UserStatus { Active, Disabled };
std::string_view toString(UserStatus status);
std::optional<UserStatus> userStatusFromString(std::string_view text);

/// One person: one profile, whatever number of organisations they belong to.
struct User
{
    std::string id;
    std::string email;        ///< normalised (see normaliseEmail), unique
    std::string displayName;
    UserStatus status = UserStatus::Active;
    std::string lastSignInAt; ///< RFC 3339 UTC; empty when never signed in
    std::string createdAt;
};

void to_json(nlohmann::json& j, const User& u);
void from_json(const nlohmann::json& j, User& u);

/// Trims and lower-cases an address (ASCII only: internationalised local parts stay as typed);
/// returns nullopt when it is not a plausible address (one '@', non-empty local part and a dotted domain).
std::optional<std::string> normaliseEmail(std::string_view email);

} // namespace trellis::core
