#pragma once

#include "server/http/HttpResponse.h"

namespace trellis::server {

struct ApiContext;
struct Caller;
struct HttpRequest;

/// /api/v1/role-assignments and /api/v1/orgs/{id}/role-assignments: who holds which role where, granted by whom and
/// why; assigning and revoking under the delegation rules (docs/permissions.md): role.assign and every permission of
/// the role at the org, never to oneself, only to members, and never removing an org's last admin from inside it.
class RoleAssignmentApi
{
public:
    explicit RoleAssignmentApi(const ApiContext& context)
        : m_context(context)
    {
    }

    HttpResponse list(const Caller& caller, HttpRequest& request) const;   ///< GET /api/v1/orgs/{id}/role-assignments
    HttpResponse create(const Caller& caller, HttpRequest& request) const; ///< POST /api/v1/role-assignments
    HttpResponse revoke(const Caller& caller, HttpRequest& request) const; ///< DELETE /api/v1/role-assignments/{id}

private:
    const ApiContext& m_context;
};

} // namespace trellis::server
