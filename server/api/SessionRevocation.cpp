#include "server/api/SessionRevocation.h"

#include "server/login/SsoSessionRepository.h"
#include "server/oidc/RefreshTokenRepository.h"
#include "server/store/TokenRepository.h"

namespace trellis::server {

nlohmann::json RevokedSessions::toJson() const
{
    return {{"refreshTokens", refreshTokens}, {"ssoSessions", ssoSessions}, {"apiTokens", apiTokens}};
}

RevokedSessions SessionRevocation::revokeAllFor(const Database& db, const std::string& userId,
                                                const std::string& reason)
{
    RevokedSessions revoked;
    revoked.refreshTokens = RefreshTokenRepository(db).revokeAllFor(userId, reason);
    revoked.ssoSessions = SsoSessionRepository(db).revokeAllFor(userId);
    revoked.apiTokens = TokenRepository(db).revokeAllFor(userId);
    return revoked;
}

} // namespace trellis::server
