#include "core/flow/FlowState.h"

namespace trellis::core::flow {

std::string_view toString(FlowStatus status)
{
    switch (status) {
    case FlowStatus::Active:
        return "active";
    case FlowStatus::Succeeded:
        return "succeeded";
    case FlowStatus::Failed:
        return "failed";
    }
    return "active";
}

void to_json(nlohmann::json& j, const FlowState& s)
{
    j = nlohmann::json{{"currentNode", s.currentNode},
                       {"status", std::string(toString(s.status))},
                       {"userId", s.userId},
                       {"email", s.email},
                       {"counters", s.counters},
                       {"facts", s.facts},
                       {"pendingError", s.pendingError}};
    if (!s.stack.empty()) {
        nlohmann::json frames = nlohmann::json::array();
        for (const FlowFrame& f : s.stack)
            frames.push_back({{"nodeId", f.nodeId}, {"flowId", f.flowId}});
        j["stack"] = std::move(frames);
    }
}

void from_json(const nlohmann::json& j, FlowState& s)
{
    s.currentNode = j.at("currentNode").get<std::string>();
    const std::string status = j.at("status").get<std::string>();
    if (status == "active")
        s.status = FlowStatus::Active;
    else if (status == "succeeded")
        s.status = FlowStatus::Succeeded;
    else if (status == "failed")
        s.status = FlowStatus::Failed;
    else
        throw nlohmann::json::other_error::create(501, "unknown flow status \"" + status + "\"", &j);
    s.userId = j.value("userId", std::string());
    s.email = j.value("email", std::string());
    s.counters = j.value("counters", std::map<std::string, int>());
    s.facts = j.value("facts", nlohmann::json::object());
    s.pendingError = j.value("pendingError", std::string());
    s.stack.clear();
    if (j.contains("stack")) {
        for (const auto& f : j.at("stack"))
            s.stack.push_back(FlowFrame{f.at("nodeId").get<std::string>(), f.at("flowId").get<std::string>()});
    }
}

} // namespace trellis::core::flow
