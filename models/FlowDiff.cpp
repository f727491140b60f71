#include "models/FlowDiff.h"

#include <set>

#include <QCoreApplication>

namespace trellis::models {

using core::flow::FlowDocument;
using core::flow::FlowNode;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("trellis::models", text);
}

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

void diffNode(const FlowNode& a, const FlowNode& b, std::vector<FlowChange>& out)
{
    if (a.type != b.type)
        out.push_back({FlowChange::Kind::NodeTypeChanged, b.id, {}, {}, a.type, b.type});
    if (a.label != b.label)
        out.push_back({FlowChange::Kind::LabelChanged, b.id, {}, {}, a.label, b.label});
    std::set<std::string> keys;
    if (a.config.is_object())
        for (const auto& [key, value] : a.config.items())
            keys.insert(key);
    if (b.config.is_object())
        for (const auto& [key, value] : b.config.items())
            keys.insert(key);
    for (const std::string& key : keys) {
        const bool inA = a.config.is_object() && a.config.contains(key);
        const bool inB = b.config.is_object() && b.config.contains(key);
        const std::string from = inA ? a.config.at(key).dump() : std::string();
        const std::string to = inB ? b.config.at(key).dump() : std::string();
        if (inA != inB || from != to)
            out.push_back({FlowChange::Kind::ConfigChanged, b.id, {}, key, from, to});
    }
    std::set<std::string> outcomes;
    for (const auto& [name, target] : a.outcomes)
        outcomes.insert(name);
    for (const auto& [name, target] : b.outcomes)
        outcomes.insert(name);
    for (const std::string& outcome : outcomes) {
        const std::string from = a.target(outcome);
        const std::string to = b.target(outcome);
        if (from == to)
            continue;
        if (from.empty())
            out.push_back({FlowChange::Kind::EdgeAdded, b.id, outcome, {}, {}, to});
        else if (to.empty())
            out.push_back({FlowChange::Kind::EdgeRemoved, b.id, outcome, {}, from, {}});
        else
            out.push_back({FlowChange::Kind::EdgeRetargeted, b.id, outcome, {}, from, to});
    }
    if (!(a.position == b.position))
        out.push_back({FlowChange::Kind::NodeMoved, b.id, {}, {}, {}, {}});
}

} // namespace

std::vector<FlowChange> diffFlows(const FlowDocument& older, const FlowDocument& newer)
{
    std::vector<FlowChange> out;
    if (older.name != newer.name)
        out.push_back({FlowChange::Kind::NameChanged, {}, {}, {}, older.name, newer.name});
    if (older.start != newer.start)
        out.push_back({FlowChange::Kind::StartChanged, {}, {}, {}, older.start, newer.start});
    for (const FlowNode& node : newer.nodes) {
        const FlowNode* before = older.node(node.id);
        if (!before) {
            out.push_back({FlowChange::Kind::NodeAdded, node.id, {}, {}, {}, node.type});
            // The new node's wiring is part of what was added: list it so the reader sees where it leads.
            for (const auto& [outcome, target] : node.outcomes)
                if (!target.empty())
                    out.push_back({FlowChange::Kind::EdgeAdded, node.id, outcome, {}, {}, target});
            continue;
        }
        diffNode(*before, node, out);
    }
    for (const FlowNode& node : older.nodes) {
        if (!newer.node(node.id))
            out.push_back({FlowChange::Kind::NodeRemoved, node.id, {}, {}, node.type, {}});
    }
    return out;
}

std::vector<FlowChange> diffFlowsIgnoringLayout(const FlowDocument& older, const FlowDocument& newer)
{
    std::vector<FlowChange> all = diffFlows(older, newer);
    std::erase_if(all, [](const FlowChange& c) { return c.kind == FlowChange::Kind::NodeMoved; });
    return all;
}

QString describeChange(const FlowChange& c)
{
    const QString node = qs(c.nodeId);
    switch (c.kind) {
    case FlowChange::Kind::NameChanged:
        return tr("Name changed from “%1” to “%2”").arg(qs(c.from), qs(c.to));
    case FlowChange::Kind::StartChanged:
        if (c.from.empty())
            return tr("Starts at “%1”").arg(qs(c.to));
        if (c.to.empty())
            return tr("No longer starts at “%1”").arg(qs(c.from));
        return tr("Start moved from “%1” to “%2”").arg(qs(c.from), qs(c.to));
    case FlowChange::Kind::NodeAdded:
        return tr("Step “%1” (%2) added").arg(node, qs(c.to));
    case FlowChange::Kind::NodeRemoved:
        return tr("Step “%1” (%2) removed").arg(node, qs(c.from));
    case FlowChange::Kind::NodeTypeChanged:
        return tr("Step “%1” changed from %2 to %3").arg(node, qs(c.from), qs(c.to));
    case FlowChange::Kind::LabelChanged:
        return tr("Step “%1” caption changed from “%2” to “%3”").arg(node, qs(c.from), qs(c.to));
    case FlowChange::Kind::ConfigChanged:
        if (c.from.empty())
            return tr("Step “%1”: setting %2 set to %3").arg(node, qs(c.field), qs(c.to));
        if (c.to.empty())
            return tr("Step “%1”: setting %2 removed (was %3)").arg(node, qs(c.field), qs(c.from));
        return tr("Step “%1”: setting %2 changed from %3 to %4").arg(node, qs(c.field), qs(c.from), qs(c.to));
    case FlowChange::Kind::NodeMoved:
        return tr("Step “%1” moved on the canvas").arg(node);
    case FlowChange::Kind::EdgeAdded:
        return tr("“%1” → %2 now leads to “%3”").arg(node, qs(c.outcome), qs(c.to));
    case FlowChange::Kind::EdgeRemoved:
        return tr("“%1” → %2 no longer leads to “%3”").arg(node, qs(c.outcome), qs(c.from));
    case FlowChange::Kind::EdgeRetargeted:
        return tr("“%1” → %2 now leads to “%3” instead of “%4”").arg(node, qs(c.outcome), qs(c.to), qs(c.from));
    }
    return QString();
}

} // namespace trellis::models
