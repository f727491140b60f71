#pragma once

#include "core/flow/FlowDocument.h"
#include "core/flow/FlowInput.h"
#include "core/flow/FlowResolver.h"
#include "core/flow/FlowServices.h"
#include "core/flow/FlowState.h"
#include "core/flow/FlowStep.h"
#include "core/flow/NodeCatalog.h"

namespace trellis::core::flow {

/// Runs a flow: (state, user input) -> next screen or end. Holds no sign-in state of its own, so one
/// interpreter serves every request and the state can travel through the database between them.
/// Deterministic: the same flow, state, input and FlowServices answers give the same step and state.
///
/// Flows should pass the FlowValidator first; a broken one still cannot hang or crash the server:
/// a missing node, an unwired outcome or too many steps without a screen end the sign-in with
/// code "flow_broken" and a "flow.broken" event.
///
/// Subflows: a subflow node runs another flow (found through the FlowResolver) inline. The state keeps a return
/// stack (FlowState::stack); when the inner flow reaches a success or failure node, that node's exported outcome
/// (see exportedOutcomes) becomes the subflow node's outcome in the caller. Without a resolver, or when the
/// flow is gone, the sign-in ends as "flow_broken".
class FlowInterpreter
{
public:
    /// Automatic (screenless) nodes passed in one step before giving up on a loop.
    static constexpr int maxAutomaticSteps = 256;
    /// Subflows nested deeper than this end the sign-in (a flow that calls itself).
    static constexpr std::size_t maxSubflowDepth = 8;

    FlowInterpreter(const FlowDocument& flow, FlowServices& services,
                    const NodeCatalog& catalog = NodeCatalog::builtin(), const FlowResolver* resolver = nullptr);

    /// Begins a sign-in: resets `state` and runs from the start node to the first screen or end.
    FlowStep start(FlowState& state) const;
    /// The user submitted the current screen. A form for another node (back button, old tab) shows the
    /// current screen again with error "stale_form"; a finished sign-in answers code "flow_finished".
    FlowStep submit(FlowState& state, const FlowInput& input) const;
    /// Shows the current screen again (page reload) without consuming anything.
    FlowStep resume(FlowState& state) const;

private:
    enum class Entry
    {
        Enter,
        Submit
    };
    FlowStep run(FlowState& state, Entry entry, const FlowInput* input, std::string error) const;
    FlowStep broken(FlowState& state, FlowStep step, const std::string& detail) const;
    /// The document the state's current node is in: the flow itself or the innermost subflow (kept in `held`).
    const FlowDocument* documentOf(const FlowState& state, std::size_t depth,
                                   std::shared_ptr<const FlowDocument>& held) const;

    const FlowDocument& m_flow;
    FlowServices& m_services;
    const NodeCatalog& m_catalog;
    const FlowResolver* m_resolver;
};

} // namespace trellis::core::flow
