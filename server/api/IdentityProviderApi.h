#pragma once

#include "server/http/HttpResponse.h"

namespace trellis::server {

struct ApiContext;
struct Caller;
struct HttpRequest;

/// An organisation's upstream OpenID Connect identity providers (federated sign-in, home-realm discovery): list,
/// create, read, change and delete, each needing org.manage at the provider's organisation (404 for callers who may
/// not even read it). The client secret is write-only: answers say only whether one is set. Every change is audited
/// without the secret.
class IdentityProviderApi
{
public:
    explicit IdentityProviderApi(const ApiContext& context)
        : m_context(context)
    {
    }

    HttpResponse list(const Caller& caller, HttpRequest& request) const; ///< GET /api/v1/orgs/{id}/identity-providers
    HttpResponse create(const Caller& caller,
                        HttpRequest& request) const;                    ///< POST /api/v1/orgs/{id}/identity-providers
    HttpResponse get(const Caller& caller, HttpRequest& request) const; ///< GET /api/v1/identity-providers/{id}
    HttpResponse update(const Caller& caller, HttpRequest& request) const; ///< PATCH /api/v1/identity-providers/{id}
    HttpResponse remove(const Caller& caller, HttpRequest& request) const; ///< DELETE /api/v1/identity-providers/{id}

private:
    const ApiContext& m_context;
};

} // namespace trellis::server
