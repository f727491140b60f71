#include "server/api/Authenticator.h"

#include "server/api/ApiContext.h"
#include "server/api/ApiErrors.h"
#include "server/http/HttpRequest.h"
#include "server/oidc/AccessTokenVerifier.h"
#include "server/oidc/OidcTokenMinter.h"
#include "server/store/RoleRepository.h"
#include "server/store/TokenRepository.h"
#include "server/store/UserRepository.h"

#include <algorithm>
#include <cctype>

namespace trellis::server {

namespace {

[[noreturn]] void unauthorized(const char* message)
{
    throw ApiErrors::unauthorized(message);
}

} // namespace

Caller Authenticator::authenticate(const ApiContext& context, const HttpRequest& request)
{
    const std::string header = request.header("authorization");
    if (header.empty())
        unauthorized("This request needs an access token: Authorization: Bearer <token>.");
    constexpr std::string_view scheme = "bearer ";
    if (header.size() <= scheme.size() ||
        !std::equal(scheme.begin(), scheme.end(), header.begin(), [](char a, char b) { return a == std::tolower(b); }))
        unauthorized("The Authorization header must be: Bearer <token>.");
    std::string_view token(header);
    token.remove_prefix(scheme.size());
    while (!token.empty() && token.front() == ' ')
        token.remove_prefix(1);
    while (!token.empty() && token.back() == ' ')
        token.remove_suffix(1);
    if (token.empty() || token.size() > 16 * 1024)
        unauthorized("The access token is invalid or has expired.");

    // Signed access tokens from /oauth2/token (audience trellis-admin-api), or the opaque admin/bootstrap tokens.
    std::string userId;
    std::string tokenId;
    if (AccessTokenVerifier::looksLikeJwt(token)) {
        const auto claims = AccessTokenVerifier::verify(context, token, OidcTokenMinter::kAdminApiAudience);
        if (!claims)
            unauthorized("The access token is invalid or has expired.");
        userId = claims->value("sub", "");
        tokenId = claims->value("jti", "");
    } else {
        const auto owner = TokenRepository(context.db).authenticate(std::string(token));
        if (!owner)
            unauthorized("The access token is invalid or has expired.");
        userId = owner->userId;
        tokenId = owner->tokenId;
    }
    auto user = UserRepository(context.db).find(userId);
    if (!user || user->status != core::UserStatus::Active)
        unauthorized("The access token is invalid or has expired.");
    Caller caller;
    caller.user = std::move(*user);
    caller.tokenId = tokenId;
    caller.scope = RoleRepository(context.db).scopeFor(caller.user.id);
    return caller;
}

} // namespace trellis::server
