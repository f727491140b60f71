#include "server/api/AccessCheck.h"

#include "server/api/ApiErrors.h"
#include "server/api/Caller.h"
#include "server/api/RequestAudit.h"

namespace trellis::server {

namespace {

void fillTarget(core::AuditEvent& event, const AccessTarget& target)
{
    event.targetType = target.type;
    event.targetId = target.id;
    event.targetDisplay = target.display;
    event.targetOrgPath = target.orgPath;
}

} // namespace

bool AccessCheck::allows(std::string_view permission, std::string_view orgPath) const
{
    return m_caller.scope.allows(permission, orgPath);
}

const core::ScopeGrant& AccessCheck::require(std::string_view permission, std::string_view action,
                                             const AccessTarget& target, std::string_view visibility,
                                             const std::string& notFoundMessage, const std::string& notFoundField,
                                             const nlohmann::json& attempted) const
{
    if (const core::ScopeGrant* grant = m_caller.scope.grantFor(permission, target.orgPath))
        return *grant;
    recordDenied(action, target, "no " + std::string(permission) + " here", attempted);
    if (!m_caller.scope.allows(visibility, target.orgPath))
        throw ApiErrors::notFound(notFoundMessage, notFoundField);
    throw ApiErrors::forbidden("You may not do this here: it needs the permission " + std::string(permission) +
                               " at this organisation.");
}

void AccessCheck::recordDenied(std::string_view action, const AccessTarget& target, const std::string& reason,
                               const nlohmann::json& attempted, const core::ScopeGrant* grant) const
{
    core::AuditEvent denied = RequestAudit::byCaller(m_caller, m_request, std::string(action));
    denied.outcome = "denied";
    denied.reason = reason;
    fillTarget(denied, target);
    denied.after = attempted;
    if (grant) {
        denied.actingOrgId = grant->orgId;
        denied.delegationId = grant->assignmentId;
    }
    RequestAudit::record(m_context, denied);
}

core::AuditEvent AccessCheck::successEvent(std::string_view action, const AccessTarget& target,
                                           const core::ScopeGrant& grant) const
{
    core::AuditEvent event = RequestAudit::byCaller(m_caller, m_request, std::string(action));
    fillTarget(event, target);
    event.actingOrgId = grant.orgId;
    event.delegationId = grant.assignmentId;
    return event;
}

} // namespace trellis::server
