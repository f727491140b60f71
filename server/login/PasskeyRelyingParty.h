#pragma once

#include <optional>
#include <string>

namespace trellis::server {

/// Who trellisd is to passkeys (WebAuthn relying party), derived from the OpenID Connect issuer URL so the two can
/// never disagree: the RP ID is the issuer's host, the one accepted origin its scheme, host and port.
/// "https://id.example.com/t" -> RP ID "id.example.com", origin "https://id.example.com".
struct PasskeyRelyingParty
{
    std::string rpId;
    std::string origin;
    std::string name = "Trellis";

    /// nullopt when the issuer is not an http(s) URL with a host.
    static std::optional<PasskeyRelyingParty> fromIssuer(const std::string& issuer);
};

} // namespace trellis::server
