#pragma once

#include "core/flow/FlowScreen.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace trellis::core::flow {

/// What the interpreter answers: a screen to show, or the end of the journey.
struct FlowStep
{
    enum class Kind
    {
        Screen,
        Success,
        Failure
    };

    Kind kind = Kind::Failure;
    std::string nodeId;            ///< the screen node, or the terminal node reached
    FlowScreen screen;             ///< when kind == Screen
    std::string message;           ///< when kind == Failure: for the user (the failure node's message)
    std::string code;              ///< when kind == Failure: "" for a failure node; "flow_broken", "flow_finished"
    std::vector<std::string> path; ///< node ids passed through in this step, in order (for simulator and logs)
    /// outcomes[i] is what path[i] answered (empty for the screen or end the step stops at, and for a subflow node
    /// being entered); not serialised, for the simulator.
    std::vector<std::string> outcomes;
};

std::string_view toString(FlowStep::Kind kind);
void to_json(nlohmann::json& j, const FlowStep& s);

} // namespace trellis::core::flow
