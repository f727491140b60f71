#pragma once

#include "server/http/HttpResponse.h"

namespace trellis::server {

struct ApiContext;
struct Caller;
struct HttpRequest;

/// Which login journey runs where: an org's bindings (one per application plus one for all applications), what
/// applies there after inheritance, binding and unbinding (flow.publish at the org; the flow must be owned at the org
/// or above and published), and the list of applications the bindings editor offers.
class FlowBindingApi
{
public:
    explicit FlowBindingApi(const ApiContext& context)
        : m_context(context)
    {
    }

    HttpResponse list(const Caller& caller, HttpRequest& request) const;   ///< GET /api/v1/orgs/{id}/flow-bindings
    HttpResponse bind(const Caller& caller, HttpRequest& request) const;   ///< PUT /api/v1/orgs/{id}/flow-bindings
    HttpResponse unbind(const Caller& caller, HttpRequest& request) const; ///< DELETE /api/v1/flow-bindings/{id}
    HttpResponse applications(const Caller& caller, HttpRequest& request) const; ///< GET /api/v1/applications

private:
    const ApiContext& m_context;
};

} // namespace trellis::server
