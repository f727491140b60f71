#include "server/api/OutboxApi.h"

#include "core/OrgPath.h"
#include "core/Permission.h"
#include "server/api/ApiContext.h"
#include "server/api/ApiErrors.h"
#include "server/api/Caller.h"
#include "server/api/QueryParameters.h"
#include "server/login/EmailOutbox.h"
#include "server/store/OrgRepository.h"

namespace trellis::server {

HttpResponse OutboxApi::list(const Caller& caller, HttpRequest& request) const
{
    const std::string orgId = request.queryValue("orgId");
    if (orgId.empty())
        throw ApiErrors::invalidParameter("orgId", "orgId names the organisation whose emails to list.");
    const int limit = QueryParameters::limit(request);
    const auto org = OrgRepository(m_context.db).find(orgId);
    const std::string path = org ? core::OrgPath::make(org->path) : std::string();
    if (!org || !caller.scope.allows(core::Permission::OrgRead, path))
        throw ApiErrors::notFound("No organisation with this id.", "orgId");
    if (!caller.scope.allows(core::Permission::UserManage, path) &&
        !caller.scope.allows(core::Permission::AuditRead, path))
        throw ApiErrors::forbidden("You may not read this organisation's emails (needs user.manage or audit.read).");
    return HttpResponse::json(200, {{"items", EmailOutbox(m_context.db).list(org->id, limit)}});
}

} // namespace trellis::server
