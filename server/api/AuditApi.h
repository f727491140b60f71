#pragma once

#include "server/http/HttpRequest.h"
#include "server/http/HttpResponse.h"

namespace trellis::server {

struct ApiContext;
struct AuditFilter;
struct Caller;

/// The audit trail for security teams and delegated admins (docs/audit.md): filtered pages, counts per time bucket,
/// streamed exports, the action catalog, the integrity check, checkpoints and delegation chains. Needs audit.read; a
/// caller sees only events whose target lies in a subtree where they hold it (platform-level events only with
/// audit.read at the root). Verification and checkpoints need audit.read at the root.
class AuditApi
{
public:
    explicit AuditApi(const ApiContext& context)
        : m_context(context)
    {
    }

    HttpResponse events(const Caller& caller, HttpRequest& request) const;
    HttpResponse histogram(const Caller& caller, HttpRequest& request) const;
    HttpResponse exportEvents(const Caller& caller, HttpRequest& request) const;
    HttpResponse actions(const Caller& caller, HttpRequest& request) const;
    HttpResponse verify(const Caller& caller, HttpRequest& request) const;
    HttpResponse checkpoints(const Caller& caller, HttpRequest& request) const;
    HttpResponse delegationChain(const Caller& caller, HttpRequest& request) const;

private:
    /// Reads and checks the filter parameters (400 invalid_filter naming the parameter) and the caller's scope.
    AuditFilter filterFor(const Caller& caller, const HttpRequest& request, const char* action) const;
    void requireRootAuditor(const Caller& caller, const HttpRequest& request, const char* action) const;

    const ApiContext& m_context;
};

} // namespace trellis::server
