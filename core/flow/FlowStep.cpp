#include "core/flow/FlowStep.h"

namespace trellis::core::flow {

std::string_view toString(FlowStep::Kind kind)
{
    switch (kind) {
    case FlowStep::Kind::Screen:
        return "screen";
    case FlowStep::Kind::Success:
        return "success";
    case FlowStep::Kind::Failure:
        return "failure";
    }
    return "failure";
}

void to_json(nlohmann::json& j, const FlowStep& s)
{
    j = nlohmann::json{{"kind", std::string(toString(s.kind))}, {"nodeId", s.nodeId}, {"path", s.path}};
    if (s.kind == FlowStep::Kind::Screen)
        j["screen"] = s.screen;
    if (s.kind == FlowStep::Kind::Failure) {
        j["message"] = s.message;
        if (!s.code.empty())
            j["code"] = s.code;
    }
}

} // namespace trellis::core::flow
