#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace trellis::core {

/// An organisation's upstream OpenID Connect identity provider as the admin API shows it. The client secret is
/// write-only: only whether one is set comes back.
struct IdentityProvider
{
    std::string id;
    std::string orgId;
    std::string displayName;
    std::string issuer;
    std::string clientId;
    bool clientSecretSet = false;
    std::string scopes;
    std::vector<std::string> domains;
    bool jitProvisioning = false;
    bool enabled = true;
    int linkedIdentities = 0;
    std::string redirectUri; ///< what to register at the upstream
};

/// What the console sends to create or change a provider. An empty clientSecret on a change keeps the stored one.
struct IdentityProviderDraft
{
    std::string displayName;
    std::string issuer;
    std::string clientId;
    std::string clientSecret;
    std::string scopes;
    std::vector<std::string> domains;
    bool jitProvisioning = false;
    bool enabled = true;
};

void from_json(const nlohmann::json& j, IdentityProvider& p);
/// The request body; `clientSecret` only when not empty.
nlohmann::json toRequestJson(const IdentityProviderDraft& draft);

} // namespace trellis::core
