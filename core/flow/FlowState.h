#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace trellis::core::flow {

enum class FlowStatus
{
    Active,
    Succeeded,
    Failed
};
std::string_view toString(FlowStatus status);

/// A subflow being run: the subflow node in the calling flow and the flow it runs (see FlowInterpreter).
struct FlowFrame
{
    std::string nodeId; ///< the subflow node of the caller, whose outcome the subflow's end chooses
    std::string flowId; ///< the flow running inside it

    bool operator==(const FlowFrame&) const = default;
};

/// Everything a sign-in in progress remembers between requests. Plain data that round-trips through JSON,
/// so the server keeps it in its database and any instance can continue the sign-in.
struct FlowState
{
    std::string currentNode; ///< the screen waiting for input, or the terminal reached
    FlowStatus status = FlowStatus::Active;
    std::string userId;                              ///< set by identify when the address belongs to someone
    std::string email;                               ///< normalised address typed at identify
    std::map<std::string, int> counters;             ///< per retry-limit node id: failures counted so far
    nlohmann::json facts = nlohmann::json::object(); ///< e.g. "amr": ["pwd","otp"], "totpEnrolled": true
    std::string pendingError;                        ///< error code the next screen shows (set by a failed attempt)
    std::vector<FlowFrame> stack; ///< subflows entered and not yet left, outermost first; currentNode is in the last

    bool operator==(const FlowState&) const = default;
};

void to_json(nlohmann::json& j, const FlowState& s);
/// Throws nlohmann::json::exception on malformed input (a corrupted session row).
void from_json(const nlohmann::json& j, FlowState& s);

} // namespace trellis::core::flow
