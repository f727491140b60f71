#pragma once

#include "core/AuditEvent.h"

#include <string>

namespace trellis::server {

struct ApiContext;
struct Caller;
struct HttpRequest;

/// Builds audit events for API requests (actor, client address, user agent, request id) and records the
/// ones that are not part of a write transaction (denied or failed attempts).
class RequestAudit
{
public:
    /// An event by `caller`, outcome "success"; the handler fills target, acting org, delegation, after.
    static core::AuditEvent byCaller(const Caller& caller, const HttpRequest& request, std::string action);
    /// An event by an unauthenticated client (actor type "client").
    static core::AuditEvent byClient(const HttpRequest& request, std::string action);
    /// Appends in a transaction of its own (for outcomes "denied" and "failure").
    static void record(const ApiContext& context, const core::AuditEvent& event);
};

} // namespace trellis::server
