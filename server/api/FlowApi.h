#pragma once

#include "server/http/HttpResponse.h"

namespace trellis::server {

struct ApiContext;
struct Caller;
struct HttpRequest;

/// Login journeys: the node catalog, flows owned by an org (usable in its subtree), their drafts (optimistic
/// concurrency by revision, validated on every save), immutable published versions, restore and rollback.
/// Designing needs flow.design at the owning org, publishing flow.publish; reading needs either, else 404.
class FlowApi
{
public:
    explicit FlowApi(const ApiContext& context)
        : m_context(context)
    {
    }

    HttpResponse catalog(const Caller& caller, HttpRequest& request) const;   ///< GET /api/v1/flow-catalog
    HttpResponse list(const Caller& caller, HttpRequest& request) const;      ///< GET /api/v1/orgs/{id}/flows
    HttpResponse create(const Caller& caller, HttpRequest& request) const;    ///< POST /api/v1/orgs/{id}/flows
    HttpResponse get(const Caller& caller, HttpRequest& request) const;       ///< GET /api/v1/flows/{id}
    HttpResponse update(const Caller& caller, HttpRequest& request) const;    ///< PATCH /api/v1/flows/{id}
    HttpResponse remove(const Caller& caller, HttpRequest& request) const;    ///< DELETE /api/v1/flows/{id}
    HttpResponse saveDraft(const Caller& caller, HttpRequest& request) const; ///< PUT /api/v1/flows/{id}/draft
    HttpResponse validate(const Caller& caller, HttpRequest& request) const;  ///< POST /api/v1/flows/{id}/validate
    HttpResponse simulate(const Caller& caller, HttpRequest& request) const;  ///< POST /api/v1/flows/{id}/simulate
    HttpResponse versions(const Caller& caller, HttpRequest& request) const;  ///< GET /api/v1/flows/{id}/versions
    HttpResponse version(const Caller& caller, HttpRequest& request) const;   ///< GET .../versions/{n}
    HttpResponse publish(const Caller& caller, HttpRequest& request) const;   ///< POST /api/v1/flows/{id}/publish
    HttpResponse restore(const Caller& caller, HttpRequest& request) const;   ///< POST .../versions/{n}/restore
    HttpResponse rollback(const Caller& caller, HttpRequest& request) const;  ///< POST .../versions/{n}/publish

private:
    const ApiContext& m_context;
};

} // namespace trellis::server
