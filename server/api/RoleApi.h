#pragma once

#include "server/http/HttpResponse.h"

namespace trellis::server {

struct ApiContext;
struct Caller;
struct HttpRequest;

/// /api/v1/roles and /api/v1/orgs/{id}/roles: the roles usable at an org (with whether the caller may hand each out
/// there) and custom roles: defined at an org, usable in its subtree, changed or deleted only by someone who could
/// assign them at that org. Built-in roles are read-only.
class RoleApi
{
public:
    explicit RoleApi(const ApiContext& context)
        : m_context(context)
    {
    }

    HttpResponse list(const Caller& caller, HttpRequest& request) const;   ///< GET /api/v1/roles[?orgId=]
    HttpResponse create(const Caller& caller, HttpRequest& request) const; ///< POST /api/v1/orgs/{id}/roles
    HttpResponse update(const Caller& caller, HttpRequest& request) const; ///< PATCH /api/v1/roles/{id}
    HttpResponse remove(const Caller& caller, HttpRequest& request) const; ///< DELETE /api/v1/roles/{id}

private:
    const ApiContext& m_context;
};

} // namespace trellis::server
