#include "server/login/PasskeyRelyingParty.h"

#include <algorithm>
#include <cctype>

namespace trellis::server {

std::optional<PasskeyRelyingParty> PasskeyRelyingParty::fromIssuer(const std::string& issuer)
{
    const std::size_t schemeEnd = issuer.find("://");
    if (schemeEnd == std::string::npos)
        return std::nullopt;
    std::string scheme = issuer.substr(0, schemeEnd);
    std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (scheme != "https" && scheme != "http")
        return std::nullopt;
    const std::size_t hostStart = schemeEnd + 3;
    const std::size_t authorityEnd = std::min(issuer.find_first_of("/?#", hostStart), issuer.size());
    std::string authority = issuer.substr(hostStart, authorityEnd - hostStart);
    if (authority.empty() || authority.find('@') != std::string::npos)
        return std::nullopt;
    std::transform(authority.begin(), authority.end(), authority.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    std::string host = authority;
    if (host.front() == '[') {
        host = host.substr(0, host.find(']') + 1); // IPv6 literal: no valid RP ID, but keep the origin right
    } else if (const std::size_t colon = host.rfind(':'); colon != std::string::npos) {
        host = host.substr(0, colon);
    }
    if (host.empty())
        return std::nullopt;
    PasskeyRelyingParty rp;
    rp.rpId = host;
    rp.origin = scheme + "://" + authority;
    // Browsers serialise an origin without its scheme's default port.
    if ((scheme == "https" && rp.origin.size() > 4 && rp.origin.ends_with(":443")) ||
        (scheme == "http" && rp.origin.ends_with(":80")))
        rp.origin = rp.origin.substr(0, rp.origin.rfind(':'));
    return rp;
}

} // namespace trellis::server
