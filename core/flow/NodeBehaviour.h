#pragma once

#include "core/flow/FlowInput.h"
#include "core/flow/FlowNode.h"
#include "core/flow/FlowScreen.h"
#include "core/flow/FlowServices.h"
#include "core/flow/FlowState.h"

#include <nlohmann/json.hpp>
#include <string>

namespace trellis::core::flow {

/// What a node sees while it runs. `config` already has the catalog defaults filled in.
struct NodeContext
{
    const FlowNode& node;
    const nlohmann::json& config;
    FlowState& state;
    FlowServices& services;

    /// Reports an event for the audit trail, filled with the node and the identified user.
    void record(const std::string& type, nlohmann::json detail = nlohmann::json::object()) const
    {
        services.recordEvent(FlowEvent{type, node.id, state.userId, state.email, std::move(detail)});
    }
};

/// What a node decided: follow one of its outcomes, show a screen and wait, or end the journey.
struct NodeResult
{
    enum class Kind
    {
        Follow,
        Show,
        Succeed,
        Fail,
        Call ///< run the flow named by `outcome` (a flow id) inline; its exported outcome continues this node
    };

    Kind kind = Kind::Fail;
    std::string outcome; ///< Follow
    FlowScreen screen;   ///< Show; nodeId is filled in by the interpreter
    std::string message; ///< Fail

    static NodeResult follow(std::string outcome) { return {Kind::Follow, std::move(outcome), {}, {}}; }
    static NodeResult show(FlowScreen screen) { return {Kind::Show, {}, std::move(screen), {}}; }
    static NodeResult succeed() { return {Kind::Succeed, {}, {}, {}}; }
    static NodeResult fail(std::string message) { return {Kind::Fail, {}, {}, std::move(message)}; }
    static NodeResult call(std::string flowId) { return {Kind::Call, std::move(flowId), {}, {}}; }
};

/// How one node type runs. Stateless: everything remembered goes into FlowState, so a sign-in can continue
/// on another server instance. Must be deterministic given the state, input and FlowServices answers.
class NodeBehaviour
{
public:
    virtual ~NodeBehaviour() = default;

    /// The flow arrives at the node (or a page is reloaded on it): decide at once, or show a screen.
    virtual NodeResult enter(const NodeContext& context) const = 0;
    /// The user answered this node's screen. Only screen nodes are asked; the default shows the screen again.
    virtual NodeResult submit(const NodeContext& context, const FlowInput& input) const
    {
        (void)input;
        return enter(context);
    }
};

} // namespace trellis::core::flow
