#include "core/flow/FlowValidator.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace trellis::core::flow {

namespace {

std::string quoted(const std::string& s)
{
    return "\"" + s + "\"";
}

std::string flowIdOf(const FlowNode& node)
{
    const auto it = node.config.find("flowId");
    return it != node.config.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Whether running `flowId` can show a screen (then a loop through the subflow node is not screenless), and
// whether it runs itself again, directly or through further subflows (`path` holds the flows being run).
struct SubflowFacts
{
    bool showsScreen = false;
    std::string recursion; ///< the flow id that repeats, empty when none
};

void inspectSubflow(const FlowResolver& resolver, const NodeCatalog& catalog, const std::string& flowId,
                    std::vector<std::string>& path, SubflowFacts& facts)
{
    if (std::find(path.begin(), path.end(), flowId) != path.end()) {
        if (facts.recursion.empty())
            facts.recursion = flowId;
        return;
    }
    const auto doc = resolver.resolve(flowId);
    if (!doc)
        return;
    path.push_back(flowId);
    for (const FlowNode& n : doc->nodes) {
        const NodeType* t = catalog.find(n.type);
        if (!t)
            continue;
        if (t->showsScreen)
            facts.showsScreen = true;
        if (t->dynamicOutcomes && !flowIdOf(n).empty())
            inspectSubflow(resolver, catalog, flowIdOf(n), path, facts);
    }
    path.pop_back();
}

} // namespace

FlowValidator::FlowValidator(const NodeCatalog& catalog, const FlowResolver* resolver)
    : m_catalog(catalog)
    , m_resolver(resolver)
{
}

std::vector<FlowProblem> FlowValidator::validate(const FlowDocument& flow) const
{
    std::vector<FlowProblem> problems;
    const auto add = [&](std::string code, const std::string& nodeId, std::string outcome, std::string field,
                         std::string message) {
        problems.push_back(FlowProblem{std::move(code), nodeId, std::move(outcome), std::move(field),
                                       (nodeId.empty() ? "" : "Node " + quoted(nodeId) + ": ") + message});
    };

    std::map<std::string, std::size_t> indexOf;
    for (std::size_t i = 0; i < flow.nodes.size(); ++i)
        indexOf.emplace(flow.nodes[i].id, i);

    bool startOk = false;
    if (flow.start.empty())
        add("missing_start", {}, {}, "start", "The flow has no start node.");
    else if (!indexOf.count(flow.start))
        add("start_not_found", {}, {}, "start", "The start node " + quoted(flow.start) + " does not exist.");
    else
        startOk = true;

    // Per node: its type, its config, and its outcomes against what the type declares (for a subflow node:
    // what the flow it runs exports).
    std::vector<const NodeType*> typeOf(flow.nodes.size(), nullptr);
    std::vector<std::vector<OutcomeSpec>> outcomesOf(flow.nodes.size());
    std::vector<bool> showsScreen(flow.nodes.size(), false);
    for (std::size_t i = 0; i < flow.nodes.size(); ++i) {
        const FlowNode& node = flow.nodes[i];
        const NodeType* type = m_catalog.find(node.type);
        typeOf[i] = type;
        if (!type) {
            add("unknown_node_type", node.id, {}, "type", "there is no node type " + quoted(node.type) + ".");
            continue;
        }
        type->checkConfig(node, problems);
        outcomesOf[i] = type->outcomes;
        showsScreen[i] = type->showsScreen;
        bool outcomesKnown = true;
        if (type->dynamicOutcomes) {
            outcomesOf[i].clear();
            const std::string flowId = flowIdOf(node);
            const auto doc = m_resolver && !flowId.empty() ? m_resolver->resolve(flowId) : nullptr;
            if (!doc) {
                outcomesKnown = false;
                // Without a resolver nothing can be checked; the wires count as they are.
                for (const auto& [outcome, target] : node.outcomes) {
                    (void)target;
                    outcomesOf[i].push_back({outcome, outcome});
                }
                if (m_resolver && !flowId.empty())
                    add("subflow_not_found", node.id, {}, "config.flowId",
                        "the flow " + quoted(flowId) + " it runs does not exist or has no live version.");
                // A missing flow shows no screen we know of: treat it as one that might, to not cry wolf twice.
                showsScreen[i] = true;
            } else {
                for (const std::string& o : exportedOutcomes(*doc, m_catalog))
                    outcomesOf[i].push_back({o, o});
                SubflowFacts facts;
                std::vector<std::string> path;
                inspectSubflow(*m_resolver, m_catalog, flowId, path, facts);
                showsScreen[i] = facts.showsScreen;
                if (!facts.recursion.empty())
                    add("subflow_recursion", node.id, {}, "config.flowId",
                        "the flow " + quoted(flowId) + " runs the flow " +
                            quoted(static_cast<const std::string&>(facts.recursion)) +
                            " inside itself again, so it would never end.");
            }
        }
        const auto declares = [&](const std::string& outcome) {
            return std::any_of(outcomesOf[i].begin(), outcomesOf[i].end(),
                               [&](const OutcomeSpec& o) { return o.name == outcome; });
        };
        for (const auto& [outcome, target] : node.outcomes) {
            if (!declares(outcome) && outcomesKnown && type->dynamicOutcomes)
                add("unknown_outcome", node.id, outcome, "outcomes." + outcome,
                    "the flow " + quoted(flowIdOf(node)) + " it runs has no outcome " + quoted(outcome) + ".");
            else if (!declares(outcome))
                add("unknown_outcome", node.id, outcome, "outcomes." + outcome,
                    "a " + type->name + " node has no outcome " + quoted(outcome) + ".");
            else if (!indexOf.count(target))
                add("outcome_target_missing", node.id, outcome, "outcomes." + outcome,
                    "outcome " + quoted(outcome) + " leads to " + quoted(target) + ", which does not exist.");
        }
        for (const OutcomeSpec& o : outcomesOf[i]) {
            if (!node.outcomes.count(o.name))
                add("unwired_outcome", node.id, o.name, "outcomes." + o.name,
                    "outcome " + quoted(o.name) + " is not connected to any node.");
        }
    }

    // Edges the interpreter could follow (declared outcomes of known types, to existing nodes), for loops.
    std::vector<std::vector<std::size_t>> edges(flow.nodes.size());
    for (std::size_t i = 0; i < flow.nodes.size(); ++i) {
        if (!typeOf[i])
            continue;
        for (const OutcomeSpec& o : outcomesOf[i]) {
            const auto target = indexOf.find(flow.nodes[i].target(o.name));
            if (target != indexOf.end())
                edges[i].push_back(target->second);
        }
    }

    if (startOk) {
        // Reachability follows every wire to an existing node, even from unknown types or undeclared outcomes:
        // those are reported already, and the nodes behind them should not be reported again as unreachable.
        std::vector<std::vector<std::size_t>> wires(flow.nodes.size());
        for (std::size_t i = 0; i < flow.nodes.size(); ++i) {
            for (const auto& [outcome, target] : flow.nodes[i].outcomes) {
                (void)outcome;
                if (const auto t = indexOf.find(target); t != indexOf.end())
                    wires[i].push_back(t->second);
            }
        }
        std::vector<bool> reached(flow.nodes.size(), false);
        std::vector<std::size_t> todo{indexOf.at(flow.start)};
        reached[todo.front()] = true;
        while (!todo.empty()) {
            const std::size_t n = todo.back();
            todo.pop_back();
            for (std::size_t t : wires[n]) {
                if (!reached[t]) {
                    reached[t] = true;
                    todo.push_back(t);
                }
            }
        }
        bool successReached = false;
        for (std::size_t i = 0; i < flow.nodes.size(); ++i) {
            if (!reached[i])
                add("unreachable_node", flow.nodes[i].id, {}, {}, "no path from the start leads here.");
            else if (typeOf[i] && typeOf[i]->terminal == NodeType::Terminal::Success)
                successReached = true;
        }
        if (!successReached)
            add("no_path_to_success", flow.start, {}, {},
                "no path leads from the start node to a success node, so nobody could ever sign in.");
    }

    // Loops among nodes that show no screen would spin forever without asking the user anything:
    // strongly connected components (Tarjan) of the screenless part of the graph.
    const auto screenless = [&](std::size_t i) { return typeOf[i] && !showsScreen[i]; };
    std::vector<int> index(flow.nodes.size(), -1), low(flow.nodes.size(), 0);
    std::vector<bool> onStack(flow.nodes.size(), false);
    std::vector<std::size_t> stack;
    int counter = 0;
    std::vector<std::vector<std::size_t>> cycles;
    std::function<void(std::size_t)> connect = [&](std::size_t v) {
        index[v] = low[v] = counter++;
        stack.push_back(v);
        onStack[v] = true;
        for (std::size_t w : edges[v]) {
            if (!screenless(w))
                continue;
            if (index[w] < 0) {
                connect(w);
                low[v] = std::min(low[v], low[w]);
            } else if (onStack[w]) {
                low[v] = std::min(low[v], index[w]);
            }
        }
        if (low[v] != index[v])
            return;
        std::vector<std::size_t> component;
        std::size_t w;
        do {
            w = stack.back();
            stack.pop_back();
            onStack[w] = false;
            component.push_back(w);
        } while (w != v);
        const bool selfLoop = std::find(edges[v].begin(), edges[v].end(), v) != edges[v].end();
        if (component.size() > 1 || selfLoop)
            cycles.push_back(std::move(component));
    };
    for (std::size_t i = 0; i < flow.nodes.size(); ++i) {
        if (screenless(i) && index[i] < 0)
            connect(i);
    }
    for (auto& cycle : cycles)
        std::sort(cycle.begin(), cycle.end());
    std::sort(cycles.begin(), cycles.end());
    for (const auto& cycle : cycles) {
        std::string names;
        for (std::size_t i : cycle)
            names += (names.empty() ? "" : ", ") + quoted(flow.nodes[i].id);
        add("screenless_cycle", flow.nodes[cycle.front()].id, {}, {},
            "the loop through " + names + " shows no screen, so it would never end.");
    }
    return problems;
}

} // namespace trellis::core::flow
