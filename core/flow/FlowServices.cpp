#include "core/flow/FlowServices.h"

namespace trellis::core::flow {

void to_json(nlohmann::json& j, const FlowEvent& e)
{
    j = nlohmann::json{{"type", e.type}, {"nodeId", e.nodeId}, {"userId", e.userId}, {"email", e.email}};
    if (!e.detail.empty())
        j["detail"] = e.detail;
}

} // namespace trellis::core::flow
