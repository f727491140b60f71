#include "core/flow/FlowInterpreter.h"

namespace trellis::core::flow {

FlowInterpreter::FlowInterpreter(const FlowDocument& flow, FlowServices& services, const NodeCatalog& catalog,
                                 const FlowResolver* resolver)
    : m_flow(flow)
    , m_services(services)
    , m_catalog(catalog)
    , m_resolver(resolver)
{
}

const FlowDocument* FlowInterpreter::documentOf(const FlowState& state, std::size_t depth,
                                                std::shared_ptr<const FlowDocument>& held) const
{
    if (depth == 0) {
        held.reset();
        return &m_flow;
    }
    held = m_resolver ? m_resolver->resolve(state.stack[depth - 1].flowId) : nullptr;
    return held.get();
}

FlowStep FlowInterpreter::start(FlowState& state) const
{
    state = FlowState{};
    state.currentNode = m_flow.start;
    return run(state, Entry::Enter, nullptr, {});
}

FlowStep FlowInterpreter::submit(FlowState& state, const FlowInput& input) const
{
    if (state.status != FlowStatus::Active) {
        FlowStep step;
        step.kind = FlowStep::Kind::Failure;
        step.nodeId = state.currentNode;
        step.code = "flow_finished";
        step.message = "This sign-in has already ended.";
        return step;
    }
    if (input.nodeId != state.currentNode)
        return run(state, Entry::Enter, nullptr, "stale_form");
    return run(state, Entry::Submit, &input, {});
}

FlowStep FlowInterpreter::resume(FlowState& state) const
{
    if (state.status == FlowStatus::Active)
        return run(state, Entry::Enter, nullptr, {});
    // A finished sign-in reports its end again, without running (or auditing) anything twice.
    FlowStep step;
    step.nodeId = state.currentNode;
    step.kind = state.status == FlowStatus::Succeeded ? FlowStep::Kind::Success : FlowStep::Kind::Failure;
    if (step.kind == FlowStep::Kind::Failure) {
        const FlowNode* node = m_flow.node(state.currentNode);
        const NodeType* type = node ? m_catalog.find(node->type) : nullptr;
        if (type)
            step.message = type->effectiveConfig(node->config).value("message", std::string());
    }
    return step;
}

FlowStep FlowInterpreter::broken(FlowState& state, FlowStep step, const std::string& detail) const
{
    state.status = FlowStatus::Failed;
    step.kind = FlowStep::Kind::Failure;
    step.code = "flow_broken";
    // The user sees a neutral message; the detail goes to the audit trail for the administrator.
    step.message = "Sign-in is not available right now.";
    m_services.recordEvent(
        FlowEvent{"flow.broken", state.currentNode, state.userId, state.email, {{"reason", detail}}});
    return step;
}

FlowStep FlowInterpreter::run(FlowState& state, Entry entry, const FlowInput* input, std::string error) const
{
    FlowStep step;
    step.path.push_back(state.currentNode);
    std::shared_ptr<const FlowDocument> held;
    const FlowDocument* document = documentOf(state, state.stack.size(), held);
    if (!document)
        return broken(state, std::move(step), "subflow \"" + state.stack.back().flowId + "\" does not exist");
    const auto follow = [&](const FlowNode& from, const std::string& outcome) -> bool {
        const std::string target = from.target(outcome);
        if (target.empty() || !document->node(target))
            return false;
        step.outcomes.resize(step.path.size());
        step.outcomes.back() = outcome;
        state.currentNode = target;
        step.path.push_back(target);
        return true;
    };
    for (int automatic = 0;; ++automatic) {
        step.nodeId = state.currentNode;
        if (automatic > maxAutomaticSteps)
            return broken(state, std::move(step),
                          "more than " + std::to_string(maxAutomaticSteps) +
                              " steps without a screen (a loop with no screen?)");
        const FlowNode* node = document->node(state.currentNode);
        if (!node)
            return broken(state, std::move(step), "node \"" + state.currentNode + "\" does not exist");
        const NodeType* type = m_catalog.find(node->type);
        if (!type)
            return broken(state, std::move(step), "node type \"" + node->type + "\" is not in the catalog");

        const nlohmann::json config = type->effectiveConfig(node->config);
        const NodeContext context{*node, config, state, m_services};
        const NodeResult result = entry == Entry::Submit && type->showsScreen ? type->behaviour->submit(context, *input)
                                                                              : type->behaviour->enter(context);
        entry = Entry::Enter;

        // The end of a subflow: its exported outcome continues the subflow node of the caller.
        if ((result.kind == NodeResult::Kind::Succeed || result.kind == NodeResult::Kind::Fail) &&
            !state.stack.empty()) {
            const std::string outcome = exportedOutcome(*node, m_catalog);
            const FlowFrame frame = state.stack.back();
            state.stack.pop_back();
            m_services.recordEvent(FlowEvent{"flow.subflow.return",
                                             frame.nodeId,
                                             state.userId,
                                             state.email,
                                             {{"flowId", frame.flowId}, {"outcome", outcome}}});
            document = documentOf(state, state.stack.size(), held);
            const FlowNode* caller = document ? document->node(frame.nodeId) : nullptr;
            if (!caller)
                return broken(state, std::move(step), "the caller of subflow \"" + frame.flowId + "\" is gone");
            step.outcomes.resize(step.path.size());
            step.outcomes.back() = outcome;
            // The path passes through the subflow node again on the way out.
            state.currentNode = caller->id;
            step.path.push_back(caller->id);
            if (!follow(*caller, outcome))
                return broken(state, std::move(step),
                              "outcome \"" + outcome + "\" of subflow node \"" + caller->id + "\" leads nowhere");
            continue;
        }

        switch (result.kind) {
        case NodeResult::Kind::Follow:
            if (!follow(*node, result.outcome))
                return broken(state, std::move(step),
                              "outcome \"" + result.outcome + "\" of node \"" + node->id + "\" leads nowhere");
            continue;
        case NodeResult::Kind::Call: {
            if (state.stack.size() >= maxSubflowDepth)
                return broken(state, std::move(step),
                              "subflows nested more than " + std::to_string(maxSubflowDepth) +
                                  " deep (a flow that runs itself?)");
            std::shared_ptr<const FlowDocument> inner = m_resolver ? m_resolver->resolve(result.outcome) : nullptr;
            if (!inner || !inner->node(inner->start))
                return broken(state, std::move(step), "subflow \"" + result.outcome + "\" does not exist");
            state.stack.push_back(FlowFrame{node->id, result.outcome});
            m_services.recordEvent(
                FlowEvent{"flow.subflow.enter", node->id, state.userId, state.email, {{"flowId", result.outcome}}});
            held = std::move(inner);
            document = held.get();
            state.currentNode = document->start;
            step.path.push_back(document->start);
            continue;
        }
        case NodeResult::Kind::Show:
            step.kind = FlowStep::Kind::Screen;
            step.screen = result.screen;
            step.screen.nodeId = node->id;
            // An error the node found itself (e.g. an empty field) wins over one carried from an earlier node.
            if (step.screen.error.empty())
                step.screen.error = !error.empty() ? error : state.pendingError;
            state.pendingError.clear();
            return step;
        case NodeResult::Kind::Succeed:
            state.status = FlowStatus::Succeeded;
            state.pendingError.clear();
            step.kind = FlowStep::Kind::Success;
            m_services.recordEvent(FlowEvent{"flow.success", node->id, state.userId, state.email, {}});
            return step;
        case NodeResult::Kind::Fail:
            state.status = FlowStatus::Failed;
            step.kind = FlowStep::Kind::Failure;
            step.message = result.message;
            m_services.recordEvent(
                FlowEvent{"flow.failure", node->id, state.userId, state.email, {{"reason", state.pendingError}}});
            state.pendingError.clear();
            return step;
        }
    }
}

} // namespace trellis::core::flow
