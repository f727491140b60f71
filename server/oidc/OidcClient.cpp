#include "server/oidc/OidcClient.h"

#include "server/oidc/ScopeWords.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <sstream>

namespace trellis::server {

namespace {

// "http://127.0.0.1:51234/callback" -> "http://127.0.0.1/callback"; nullopt when not a loopback IP literal URI.
// "localhost" is deliberately not loopback here: it may resolve elsewhere (RFC 8252 §8.3).
std::optional<std::string> withoutLoopbackPort(const std::string& uri)
{
    for (const std::string prefix : {"http://127.0.0.1", "http://[::1]"}) {
        if (uri.rfind(prefix, 0) != 0)
            continue;
        std::size_t pos = prefix.size();
        if (pos < uri.size() && uri[pos] == ':') {
            std::size_t end = pos + 1;
            while (end < uri.size() && std::isdigit(static_cast<unsigned char>(uri[end])))
                ++end;
            if (end == pos + 1 || end - pos - 1 > 5)
                return std::nullopt;
            std::string rest = uri.substr(end);
            if (!rest.empty() && rest[0] != '/' && rest[0] != '?')
                return std::nullopt;
            return prefix + rest;
        }
        std::string rest = uri.substr(pos);
        if (!rest.empty() && rest[0] != '/' && rest[0] != '?')
            return std::nullopt;
        return uri;
    }
    return std::nullopt;
}

bool matches(const std::vector<std::string>& registered, const std::string& uri, bool loopbackAnyPort)
{
    if (uri.empty())
        return false;
    if (std::find(registered.begin(), registered.end(), uri) != registered.end())
        return true;
    if (!loopbackAnyPort)
        return false;
    const auto stripped = withoutLoopbackPort(uri);
    if (!stripped)
        return false;
    return std::any_of(registered.begin(), registered.end(), [&](const std::string& r) {
        const auto registeredStripped = withoutLoopbackPort(r);
        return registeredStripped && *registeredStripped == *stripped;
    });
}

} // namespace

bool OidcClient::acceptsRedirect(const std::string& uri) const
{
    return matches(redirectUris, uri, isPublic());
}

bool OidcClient::acceptsPostLogoutRedirect(const std::string& uri) const
{
    return matches(postLogoutRedirectUris, uri, isPublic());
}

bool OidcClient::allowsGrant(const std::string& grantType) const
{
    return std::find(grantTypes.begin(), grantTypes.end(), grantType) != grantTypes.end();
}

bool OidcClient::allowsScope(const std::string& scope) const
{
    const auto words = ScopeWords::split(scope);
    return std::all_of(words.begin(), words.end(), [&](const std::string& w) {
        return std::find(scopes.begin(), scopes.end(), w) != scopes.end();
    });
}

} // namespace trellis::server
