#pragma once

#include "server/http/HttpResponse.h"

namespace trellis::server {

struct ApiContext;
struct Caller;
struct HttpRequest;

/// Signing in to the admin API: the local workspace's one-time bootstrap exchange, and "who am I".
class AuthApi
{
public:
    explicit AuthApi(const ApiContext& context)
        : m_context(context)
    {
    }

    /// POST /api/v1/auth/bootstrap {"secret"}: a 12 h token for the platform owner, once.
    HttpResponse bootstrap(HttpRequest& request) const;
    /// GET /api/v1/me: the caller and the organisations their read scope starts at.
    HttpResponse me(const Caller& caller, HttpRequest& request) const;

private:
    const ApiContext& m_context;
};

} // namespace trellis::server
