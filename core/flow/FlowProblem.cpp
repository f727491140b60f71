#include "core/flow/FlowProblem.h"

namespace trellis::core::flow {

void to_json(nlohmann::json& j, const FlowProblem& p)
{
    j = nlohmann::json{{"code", p.code}, {"message", p.message}};
    // Empty parts are left out so API answers and golden files stay short.
    if (!p.nodeId.empty())
        j["nodeId"] = p.nodeId;
    if (!p.outcome.empty())
        j["outcome"] = p.outcome;
    if (!p.field.empty())
        j["field"] = p.field;
}

void from_json(const nlohmann::json& j, FlowProblem& p)
{
    p.code = j.at("code").get<std::string>();
    p.message = j.value("message", std::string());
    p.nodeId = j.value("nodeId", std::string());
    p.outcome = j.value("outcome", std::string());
    p.field = j.value("field", std::string());
}

} // namespace trellis::core::flow
