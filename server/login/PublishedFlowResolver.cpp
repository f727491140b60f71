#include "server/login/PublishedFlowResolver.h"

#include "core/OrgPath.h"
#include "server/login/LoginFlows.h"
#include "server/store/FlowRepository.h"

namespace trellis::server {

std::shared_ptr<const core::flow::FlowDocument> PublishedFlowResolver::resolve(const std::string& flowId) const
{
    const auto flow = FlowRepository(m_db).find(flowId);
    if (!flow || !flow->liveVersion)
        return nullptr;
    if (!m_usableAtPath.empty() && !core::OrgPath::isWithin(m_usableAtPath, flow->orgPath))
        return nullptr;
    // Published versions never change: LoginFlows parses each once per process.
    return LoginFlows(m_db).document(LoginFlows::keyFor(flow->id, *flow->liveVersion));
}

} // namespace trellis::server
