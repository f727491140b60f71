#include "server/oidc/ClientAuthenticator.h"

#include "core/Encoding.h"
#include "server/api/ApiContext.h"
#include "server/http/FormBody.h"
#include "server/http/HttpRequest.h"
#include "server/http/RequestTarget.h"
#include "server/oidc/OAuthError.h"
#include "server/oidc/OidcClientRepository.h"

#include <algorithm>
#include <cctype>

namespace trellis::server {

namespace {

// Standard base64 (with padding) through the base64url decoder.
std::optional<std::string> base64Decode(std::string text)
{
    while (!text.empty() && text.back() == '=')
        text.pop_back();
    for (char& c : text) {
        if (c == '+')
            c = '-';
        else if (c == '/')
            c = '_';
        else if (c == '-' || c == '_')
            return std::nullopt;
    }
    return core::base64UrlDecode(text);
}

} // namespace

ClientAuthenticator::Result ClientAuthenticator::authenticate(const ApiContext& context, const HttpRequest& request,
                                                              const FormBody& form)
{
    std::string clientId;
    std::string secret;
    bool usedBasic = false;
    const std::string header = request.header("authorization");
    if (!header.empty()) {
        constexpr std::string_view scheme = "basic ";
        if (header.size() <= scheme.size() || !std::equal(scheme.begin(), scheme.end(), header.begin(),
                                                          [](char a, char b) { return a == std::tolower(b); }))
            throw OAuthError::invalidClient(false);
        usedBasic = true;
        const auto decoded = base64Decode(header.substr(scheme.size()));
        const auto colon = decoded ? decoded->find(':') : std::string::npos;
        if (colon == std::string::npos)
            throw OAuthError::invalidClient(true);
        // RFC 6749 §2.3.1: both parts are form-urlencoded before Basic encoding.
        const auto id = RequestTarget::percentDecode(decoded->substr(0, colon), true);
        const auto pass = RequestTarget::percentDecode(decoded->substr(colon + 1), true);
        if (!id || !pass)
            throw OAuthError::invalidClient(true);
        clientId = *id;
        secret = *pass;
        if (form.has("client_secret") || (form.has("client_id") && form.value("client_id") != clientId))
            throw OAuthError::invalidRequest("Use one client authentication method.");
    } else {
        if (form.count("client_id") > 1 || form.count("client_secret") > 1)
            throw OAuthError::invalidRequest("Repeated client credentials.");
        clientId = form.value("client_id");
        secret = form.value("client_secret");
    }
    if (clientId.empty())
        throw OAuthError::invalidClient(usedBasic);

    OidcClientRepository clients(context.db);
    if (!secret.empty()) {
        auto client = clients.authenticate(clientId, secret);
        if (!client)
            throw OAuthError::invalidClient(usedBasic);
        return {std::move(*client), true};
    }
    auto client = clients.find(clientId);
    // A confidential client must prove its secret; a public one only names itself.
    if (!client || !client->isPublic())
        throw OAuthError::invalidClient(usedBasic);
    return {std::move(*client), false};
}

} // namespace trellis::server
