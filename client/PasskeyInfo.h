#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace trellis::client {

/// One of a person's passkeys as GET /users/{id}/passkeys describes it (the public part only).
struct PasskeyInfo
{
    std::string credentialId; ///< base64url
    std::string name;
    std::string algorithm;  ///< ES256, EdDSA or RS256
    bool backedUp = false;  ///< synced to the person's other devices (a platform's passkey sync)
    std::string createdAt;  ///< RFC 3339 UTC
    std::string lastUsedAt; ///< empty when never used to sign in

    static PasskeyInfo fromJson(const nlohmann::json& j);
    /// The "items" of a passkey list.
    static std::vector<PasskeyInfo> listFromJson(const nlohmann::json& j);
};

} // namespace trellis::client
