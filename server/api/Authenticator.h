#pragma once

#include "server/api/Caller.h"

namespace trellis::server {

struct ApiContext;
struct HttpRequest;

/// Bearer-token authentication of /api/v1 requests (the one seam the OpenID Connect work replaces).
class Authenticator
{
public:
    /// The caller; throws HttpError 401 `unauthorized` (with WWW-Authenticate: Bearer) when the token is
    /// missing, malformed, unknown, expired, revoked, or its person is disabled.
    static Caller authenticate(const ApiContext& context, const HttpRequest& request);
};

} // namespace trellis::server
