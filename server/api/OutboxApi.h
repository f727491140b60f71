#pragma once

#include "server/http/HttpRequest.h"
#include "server/http/HttpResponse.h"

namespace trellis::server {

struct ApiContext;
struct Caller;

/// GET /api/v1/outbox?orgId=...: the emails the hosted login wrote for an organisation (magic links, codes), newest
/// first. Needs user.manage or audit.read at that organisation; an organisation the caller cannot see answers 404.
class OutboxApi
{
public:
    explicit OutboxApi(const ApiContext& context)
        : m_context(context)
    {
    }

    HttpResponse list(const Caller& caller, HttpRequest& request) const;

private:
    const ApiContext& m_context;
};

} // namespace trellis::server
