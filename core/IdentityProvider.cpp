#include "core/IdentityProvider.h"

namespace trellis::core {

void from_json(const nlohmann::json& j, IdentityProvider& p)
{
    p.id = j.at("id").get<std::string>();
    p.orgId = j.value("orgId", std::string());
    p.displayName = j.value("displayName", std::string());
    p.issuer = j.value("issuer", std::string());
    p.clientId = j.value("clientId", std::string());
    p.clientSecretSet = j.value("clientSecretSet", false);
    p.scopes = j.value("scopes", std::string());
    p.domains = j.value("domains", std::vector<std::string>());
    p.jitProvisioning = j.value("jitProvisioning", false);
    p.enabled = j.value("enabled", true);
    p.linkedIdentities = j.value("linkedIdentities", 0);
    p.redirectUri =
        j.contains("redirectUri") && j["redirectUri"].is_string() ? j["redirectUri"].get<std::string>() : std::string();
}

nlohmann::json toRequestJson(const IdentityProviderDraft& d)
{
    nlohmann::json j{
        {"displayName", d.displayName},         {"issuer", d.issuer},  {"clientId", d.clientId}, {"domains", d.domains},
        {"jitProvisioning", d.jitProvisioning}, {"enabled", d.enabled}};
    if (!d.scopes.empty())
        j["scopes"] = d.scopes;
    if (!d.clientSecret.empty())
        j["clientSecret"] = d.clientSecret;
    return j;
}

} // namespace trellis::core
