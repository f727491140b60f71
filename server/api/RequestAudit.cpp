#include "server/api/RequestAudit.h"

#include "server/api/ApiContext.h"
#include "server/api/Caller.h"
#include "server/http/HttpRequest.h"
#include "server/store/AuditLog.h"
#include "server/store/Database.h"

namespace trellis::server {

namespace {

void fillRequest(core::AuditEvent& event, const HttpRequest& request)
{
    event.clientAddress = request.remoteAddress;
    event.userAgent = request.header("user-agent").substr(0, 256);
    event.requestId = request.requestId;
    event.outcome = "success";
}

} // namespace

core::AuditEvent RequestAudit::byCaller(const Caller& caller, const HttpRequest& request, std::string action)
{
    core::AuditEvent event;
    event.actorType = "user";
    event.actorId = caller.user.id;
    event.actorDisplay = caller.user.email;
    event.action = std::move(action);
    fillRequest(event, request);
    return event;
}

core::AuditEvent RequestAudit::byClient(const HttpRequest& request, std::string action)
{
    core::AuditEvent event;
    event.actorType = "client";
    event.actorId = request.remoteAddress;
    event.actorDisplay = request.remoteAddress;
    event.action = std::move(action);
    fillRequest(event, request);
    return event;
}

void RequestAudit::record(const ApiContext& context, const core::AuditEvent& event)
{
    context.db.transaction([&] { AuditLog(context.db).append(event); });
}

} // namespace trellis::server
