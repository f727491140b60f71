#include "server/api/Authenticator.h"

#include "server/api/ApiContext.h"
#include "server/api/ApiErrors.h"
#include "server/http/HttpRequest.h"
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
    if (token.empty() || token.size() > 512)
        unauthorized("The access token is invalid or has expired.");

    const auto owner = TokenRepository(context.db).authenticate(std::string(token));
    if (!owner)
        unauthorized("The access token is invalid or has expired.");
    auto user = UserRepository(context.db).find(owner->userId);
    if (!user || user->status != core::UserStatus::Active)
        unauthorized("The access token is invalid or has expired.");
    Caller caller;
    caller.user = std::move(*user);
    caller.tokenId = owner->tokenId;
    caller.scope = RoleRepository(context.db).scopeFor(caller.user.id);
    return caller;
}

} // namespace trellis::server
