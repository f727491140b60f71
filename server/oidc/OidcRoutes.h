#pragma once

namespace trellis::server {

class Router;
struct ApiContext;

/// The OpenID Connect provider's protocol endpoints: discovery, JWKS, token, userinfo, revocation (RFC 7009) and
/// introspection (RFC 7662). /oauth2/authorize and /oauth2/logout belong to the hosted login (server/login).
class OidcRoutes
{
public:
    static void install(Router& router, const ApiContext& context);
};

} // namespace trellis::server
