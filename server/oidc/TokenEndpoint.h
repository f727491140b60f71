#pragma once

#include "server/http/HttpResponse.h"

namespace trellis::server {

struct ApiContext;
struct HttpRequest;

/// POST /oauth2/token: authorization_code (PKCE, redirect and client binding, single use; a replay revokes what
/// the code issued), refresh_token (rotation, reuse revokes the family), client_credentials (confidential only).
class TokenEndpoint
{
public:
    explicit TokenEndpoint(const ApiContext& context)
        : m_context(context)
    {
    }

    HttpResponse handle(HttpRequest& request) const;

private:
    const ApiContext& m_context;
};

} // namespace trellis::server
