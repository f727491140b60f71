#pragma once

#include "core/Org.h"
#include "server/http/HttpResponse.h"

namespace trellis::server {

struct ApiContext;
struct Caller;
struct HttpRequest;

/// /api/v1/orgs…: organisations within the caller's scope. Anything outside it answers exactly like
/// something that does not exist (404), so the API never reveals other tenants' organisations.
class OrgApi
{
public:
    explicit OrgApi(const ApiContext& context)
        : m_context(context)
    {
    }

    HttpResponse list(const Caller& caller, HttpRequest& request) const;     ///< GET /api/v1/orgs[?q=]
    HttpResponse get(const Caller& caller, HttpRequest& request) const;      ///< GET /api/v1/orgs/{id}
    HttpResponse children(const Caller& caller, HttpRequest& request) const; ///< GET /api/v1/orgs/{id}/children
    /// GET /api/v1/orgs/{id}/members[?subtree=&status=&source=&role=&inactiveDays=&q=&limit=&cursor=]
    HttpResponse members(const Caller& caller, HttpRequest& request) const;
    /// GET /api/v1/orgs/{id}/members.csv: the same filters, every matching membership as RFC 4180 CSV
    HttpResponse membersCsv(const Caller& caller, HttpRequest& request) const;
    HttpResponse create(const Caller& caller, HttpRequest& request) const; ///< POST /api/v1/orgs

private:
    /// The org if it exists and the caller may read it; otherwise throws 404.
    core::Org visibleOrg(const Caller& caller, const std::string& id) const;
    /// The org's members as `request` filters them; 404/403 as members() answers them.
    struct MemberQuery;
    MemberQuery memberQuery(const Caller& caller, const HttpRequest& request) const;

    const ApiContext& m_context;
};

} // namespace trellis::server
