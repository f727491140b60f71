#include "models/FlowEditor.h"

#include "core/flow/FlowValidator.h"

#include <algorithm>
#include <functional>
#include <set>

#include <QCoreApplication>
#include <QUndoCommand>
#include <QUndoStack>

namespace trellis::models {

using core::flow::FlowDocument;
using core::flow::FlowNode;
using core::flow::FlowPosition;
using core::flow::FlowProblem;

namespace {

constexpr int kEditCommandId = 0x7f10;

/// One edit of the flow: the document before and after. Undo and redo swap whole documents, so undoing brings
/// back exactly what was there; the editor works out which nodes changed and tells the canvas.
class FlowEditCommand : public QUndoCommand
{
public:
    FlowEditCommand(FlowEditor* editor, FlowDocument before, FlowDocument after, const QString& text, QString mergeKey)
        : QUndoCommand(text)
        , m_editor(editor)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_mergeKey(std::move(mergeKey))
    {
    }

    int id() const override { return m_mergeKey.isEmpty() ? -1 : kEditCommandId; }
    void undo() override { m_editor->applyDocument(m_before); }
    void redo() override { m_editor->applyDocument(m_after); }

    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* next = static_cast<const FlowEditCommand*>(other);
        if (next->m_mergeKey != m_mergeKey)
            return false;
        m_after = next->m_after;
        // A run of edits that ends where it started (a value typed and erased again) leaves nothing to undo.
        setObsolete(m_after == m_before);
        return true;
    }

private:
    FlowEditor* m_editor;
    FlowDocument m_before;
    FlowDocument m_after;
    QString m_mergeKey;
};

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

FlowPosition toPosition(QPointF p)
{
    return FlowPosition{p.x(), p.y()};
}

/// Outcome names of a node in the order its type lists them (unknown ones after, by name).
std::vector<std::string> orderedOutcomes(const core::flow::NodeCatalog& catalog, const FlowNode& node)
{
    std::vector<std::string> names;
    if (const auto* type = catalog.find(node.type))
        for (const auto& spec : type->outcomes)
            names.push_back(spec.name);
    for (const auto& [name, target] : node.outcomes)
        if (std::find(names.begin(), names.end(), name) == names.end())
            names.push_back(name);
    return names;
}

bool hasDynamicOutcomes(const core::flow::NodeType* type)
{
    return type && type->outcomes.empty() && type->terminal == core::flow::NodeType::Terminal::None;
}

} // namespace

std::vector<core::flow::OutcomeSpec> FlowEditor::outcomesOf(const core::flow::NodeType* type, const FlowNode& node)
{
    std::vector<core::flow::OutcomeSpec> out;
    if (type && !hasDynamicOutcomes(type))
        return type->outcomes;
    if (hasDynamicOutcomes(type))
        out = {{"success", "Success"}, {"failure", "Failure"}};
    for (const auto& [name, target] : node.outcomes)
        if (std::none_of(out.begin(), out.end(), [&](const auto& o) { return o.name == name; }))
            out.push_back({name, name});
    return out;
}

QString FlowEditor::nodeTypeMimeType()
{
    return QStringLiteral("application/x-trellis-flow-node-type");
}

QString FlowEditor::fragmentMimeType()
{
    return QStringLiteral("application/x-trellis-flow-fragment+json");
}

FlowEditor::FlowEditor(QObject* parent)
    : QObject(parent)
    , m_catalog(&core::flow::NodeCatalog::builtin())
    , m_undo(new QUndoStack(this))
{
    m_validateTimer.setSingleShot(true);
    m_validateTimer.setInterval(200);
    connect(&m_validateTimer, &QTimer::timeout, this, &FlowEditor::validateNow);
}

FlowEditor::~FlowEditor() = default;

void FlowEditor::setCatalog(const core::flow::NodeCatalog* catalog)
{
    m_catalog = catalog ? catalog : &core::flow::NodeCatalog::builtin();
    // Captions, ports and the palette come from the catalog: everything is drawn again (the document is unchanged).
    Q_EMIT documentReset();
    validateNow();
}

void FlowEditor::load(const FlowDocument& document)
{
    m_undo->clear();
    m_document = document;
    m_serverProblems.clear();
    m_undo->setClean();
    Q_EMIT documentReset();
    Q_EMIT documentChanged();
    validateNow();
}

bool FlowEditor::isModified() const
{
    return !m_undo->isClean();
}

void FlowEditor::markSaved()
{
    m_undo->setClean();
}

void FlowEditor::applyDocument(const FlowDocument& document)
{
    const FlowDocument old = std::move(m_document);
    m_document = document;
    m_serverProblems.clear();
    for (const FlowNode& node : old.nodes)
        if (!m_document.node(node.id))
            Q_EMIT nodeRemoved(qs(node.id));
    for (const FlowNode& node : m_document.nodes) {
        const FlowNode* before = old.node(node.id);
        if (!before) {
            Q_EMIT nodeAdded(qs(node.id));
            continue;
        }
        if (!(before->position == node.position))
            Q_EMIT nodeMoved(qs(node.id));
        if (before->type != node.type || before->label != node.label || before->config != node.config ||
            before->outcomes != node.outcomes || before->extra != node.extra)
            Q_EMIT nodeChanged(qs(node.id));
    }
    if (old.start != m_document.start)
        Q_EMIT startChanged();
    Q_EMIT documentChanged();
    m_validateTimer.start();
}

void FlowEditor::push(const FlowDocument& after, const QString& text, const QString& mergeKey)
{
    if (after == m_document)
        return;
    m_undo->push(new FlowEditCommand(this, m_document, after, text, mergeKey));
}

std::string FlowEditor::uniqueId(const std::string& base) const
{
    std::string stem = base.empty() ? std::string("node") : base;
    if (!m_document.node(stem))
        return stem;
    for (int n = 2;; ++n) {
        std::string candidate = stem + "-" + std::to_string(n);
        if (!m_document.node(candidate))
            return candidate;
    }
}

std::string FlowEditor::addNode(const std::string& type, QPointF position)
{
    const auto* nodeType = m_catalog->find(type);
    if (!nodeType)
        return {};
    FlowDocument after = m_document;
    FlowNode node;
    node.id = uniqueId(type);
    node.type = type;
    node.config = nodeType->defaultConfig();
    node.position = toPosition(position);
    after.nodes.push_back(node);
    // The first step of an empty journey is where it starts.
    if (after.start.empty())
        after.start = node.id;
    push(after, tr("Add %1").arg(qs(nodeType->displayName)));
    return node.id;
}

void FlowEditor::removeNodes(const QStringList& ids)
{
    std::set<std::string> gone;
    for (const QString& id : ids)
        if (m_document.node(id.toStdString()))
            gone.insert(id.toStdString());
    if (gone.empty())
        return;
    FlowDocument after = m_document;
    std::erase_if(after.nodes, [&](const FlowNode& n) { return gone.count(n.id) > 0; });
    // Wires into removed nodes go with them; they come back on undo with the rest of the document.
    for (FlowNode& node : after.nodes)
        std::erase_if(node.outcomes, [&](const auto& entry) { return gone.count(entry.second) > 0; });
    if (gone.count(after.start))
        after.start.clear();
    push(after, gone.size() == 1 ? tr("Delete step") : tr("Delete %n step(s)", nullptr, int(gone.size())));
}

void FlowEditor::moveNodes(const std::map<std::string, QPointF>& positions, const QString& mergeKey)
{
    FlowDocument after = m_document;
    for (const auto& [id, position] : positions)
        if (FlowNode* node = after.node(id))
            node->position = toPosition(position);
    push(after, tr("Move"), mergeKey.isEmpty() ? QString() : QStringLiteral("move:") + mergeKey);
}

bool FlowEditor::connectOutcome(const std::string& from, const std::string& outcome, const std::string& to)
{
    const FlowNode* node = m_document.node(from);
    if (!node || !m_document.node(to))
        return false;
    const auto* type = m_catalog->find(node->type);
    if (type && !type->hasOutcome(outcome) && !hasDynamicOutcomes(type))
        return false;
    FlowDocument after = m_document;
    after.node(from)->outcomes[outcome] = to;
    push(after, tr("Connect %1").arg(qs(outcome)));
    return true;
}

void FlowEditor::disconnectOutcome(const std::string& from, const std::string& outcome)
{
    if (!m_document.node(from))
        return;
    FlowDocument after = m_document;
    after.node(from)->outcomes.erase(outcome);
    push(after, tr("Disconnect %1").arg(qs(outcome)));
}

void FlowEditor::setConfigValue(const std::string& nodeId, const std::string& field, const nlohmann::json& value)
{
    if (!m_document.node(nodeId))
        return;
    FlowDocument after = m_document;
    nlohmann::json& config = after.node(nodeId)->config;
    if (!config.is_object())
        config = nlohmann::json::object();
    if (value.is_null())
        config.erase(field);
    else
        config[field] = value;
    // The undo menu names the setting as the inspector shows it ("Change High from score").
    QString caption = qs(field);
    if (const core::flow::NodeType* type = m_catalog->find(m_document.node(nodeId)->type)) {
        for (const auto& f : type->fields) {
            if (f.name == field && !f.displayName.empty())
                caption = QCoreApplication::translate("FlowCatalog", f.displayName.c_str());
        }
    }
    push(after, tr("Change %1").arg(caption), QStringLiteral("config:%1:%2").arg(qs(nodeId), qs(field)));
}

void FlowEditor::setLabel(const std::string& nodeId, const std::string& label)
{
    if (!m_document.node(nodeId))
        return;
    FlowDocument after = m_document;
    after.node(nodeId)->label = label;
    push(after, tr("Rename step"), QStringLiteral("label:%1").arg(qs(nodeId)));
}

void FlowEditor::setStart(const std::string& nodeId)
{
    if (!m_document.node(nodeId))
        return;
    FlowDocument after = m_document;
    after.start = nodeId;
    push(after, tr("Set start"));
}

nlohmann::json FlowEditor::copy(const QStringList& ids) const
{
    nlohmann::json nodes = nlohmann::json::array();
    FlowDocument part;
    for (const FlowNode& node : m_document.nodes)
        if (ids.contains(qs(node.id)))
            part.nodes.push_back(node);
    const nlohmann::json whole = part.toJson();
    return nlohmann::json{{"trellisFlowFragment", 1}, {"nodes", whole.value("nodes", nodes)}};
}

QStringList FlowEditor::paste(const nlohmann::json& fragment, QPointF offset)
{
    if (!fragment.is_object() || !fragment.contains("nodes"))
        return {};
    std::vector<FlowProblem> problems;
    const auto part = FlowDocument::fromJson(nlohmann::json{{"nodes", fragment.at("nodes")}}, problems);
    if (!part || part->nodes.empty())
        return {};
    FlowDocument after = m_document;
    std::map<std::string, std::string> renamed;
    for (const FlowNode& node : part->nodes) {
        // Ids taken in the document (or by an earlier pasted node) get a fresh suffix.
        std::string id = node.id;
        if (after.node(id)) {
            for (int n = 2;; ++n) {
                std::string candidate = node.id + "-" + std::to_string(n);
                if (!after.node(candidate) && !part->node(candidate)) {
                    id = candidate;
                    break;
                }
            }
        }
        renamed[node.id] = id;
        FlowNode copy = node;
        copy.id = id;
        after.nodes.push_back(copy);
    }
    QStringList ids;
    for (std::size_t i = m_document.nodes.size(); i < after.nodes.size(); ++i) {
        FlowNode& node = after.nodes[i];
        node.position.x += offset.x();
        node.position.y += offset.y();
        std::map<std::string, std::string> outcomes;
        for (const auto& [outcome, target] : node.outcomes)
            if (const auto it = renamed.find(target); it != renamed.end())
                outcomes[outcome] = it->second;
        node.outcomes = outcomes;
        ids.append(qs(node.id));
    }
    if (after.start.empty())
        after.start = after.nodes[m_document.nodes.size()].id;
    push(after, tr("Paste"));
    return ids;
}

double FlowEditor::nodeHeight(int outcomeCount)
{
    return 56 + 22 * std::max(outcomeCount, 1);
}

void FlowEditor::autoLayout()
{
    const FlowDocument& doc = m_document;
    if (doc.nodes.empty())
        return;
    // Depth = longest path from a root along outcomes, ignoring wires that loop back (found by DFS).
    std::map<std::string, int> depth;
    std::map<std::string, int> order;
    std::set<std::string> onStack;
    std::set<std::string> visited;
    std::vector<std::pair<std::string, std::string>> forward;
    int counter = 0;
    std::function<void(const std::string&)> visit = [&](const std::string& id) {
        visited.insert(id);
        onStack.insert(id);
        order[id] = counter++;
        const FlowNode* node = doc.node(id);
        for (const std::string& outcome : orderedOutcomes(*m_catalog, *node)) {
            const std::string target = node->target(outcome);
            if (target.empty() || !doc.node(target) || onStack.count(target))
                continue;
            forward.emplace_back(id, target);
            if (!visited.count(target))
                visit(target);
        }
        onStack.erase(id);
    };
    std::vector<std::string> roots;
    if (!doc.start.empty() && doc.node(doc.start))
        roots.push_back(doc.start);
    for (const FlowNode& node : doc.nodes)
        roots.push_back(node.id);
    for (const std::string& root : roots)
        if (!visited.count(root)) {
            depth[root] = 0;
            visit(root);
        }
    // Longest path over the forward (acyclic) wires: relax until nothing changes (flows are small).
    for (bool changed = true; changed;) {
        changed = false;
        for (const auto& [from, to] : forward)
            if (depth[to] < depth[from] + 1) {
                depth[to] = depth[from] + 1;
                changed = true;
            }
    }
    std::map<int, std::vector<std::string>> columns;
    for (const FlowNode& node : doc.nodes)
        columns[depth[node.id]].push_back(node.id);
    FlowDocument after = doc;
    const double gapX = 90;
    const double gapY = 36;
    std::map<std::string, double> rowKey;
    for (auto& [column, ids] : columns) {
        // Order within a column: by the average row of the nodes leading here, else discovery order.
        for (const std::string& id : ids) {
            double sum = 0;
            int n = 0;
            for (const auto& [from, to] : forward)
                if (to == id && rowKey.count(from)) {
                    sum += rowKey[from];
                    ++n;
                }
            rowKey[id] = n ? sum / n : order[id];
        }
        std::stable_sort(ids.begin(), ids.end(), [&](const std::string& a, const std::string& b) {
            return rowKey[a] != rowKey[b] ? rowKey[a] < rowKey[b] : order[a] < order[b];
        });
        double y = 40;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            FlowNode* node = after.node(ids[i]);
            const auto* type = m_catalog->find(node->type);
            const int outcomes = int(outcomesOf(type, *node).size());
            node->position = FlowPosition{40 + column * (nodeWidth + gapX), y};
            y += nodeHeight(outcomes) + gapY;
            rowKey[ids[i]] = double(i);
        }
    }
    push(after, tr("Arrange automatically"));
}

void FlowEditor::align(const QStringList& ids, Alignment alignment)
{
    std::vector<FlowNode*> nodes;
    FlowDocument after = m_document;
    for (FlowNode& node : after.nodes)
        if (ids.contains(qs(node.id)))
            nodes.push_back(&node);
    if (nodes.size() < 2)
        return;
    switch (alignment) {
    case Alignment::Left: {
        double x = nodes.front()->position.x;
        for (FlowNode* n : nodes)
            x = std::min(x, n->position.x);
        for (FlowNode* n : nodes)
            n->position.x = x;
        break;
    }
    case Alignment::Top: {
        double y = nodes.front()->position.y;
        for (FlowNode* n : nodes)
            y = std::min(y, n->position.y);
        for (FlowNode* n : nodes)
            n->position.y = y;
        break;
    }
    case Alignment::DistributeHorizontally:
    case Alignment::DistributeVertically: {
        const bool horizontal = alignment == Alignment::DistributeHorizontally;
        auto coord = [horizontal](FlowNode* n) -> double& { return horizontal ? n->position.x : n->position.y; };
        std::sort(nodes.begin(), nodes.end(), [&](FlowNode* a, FlowNode* b) { return coord(a) < coord(b); });
        const double first = coord(nodes.front());
        const double last = coord(nodes.back());
        const double step = (last - first) / double(nodes.size() - 1);
        for (std::size_t i = 1; i + 1 < nodes.size(); ++i)
            coord(nodes[i]) = first + step * double(i);
        break;
    }
    }
    push(after, tr("Align"));
}

void FlowEditor::replaceDocument(const FlowDocument& document, const QString& text)
{
    push(document, text);
}

std::string FlowEditor::nextUnwiredOutcome(const std::string& nodeId) const
{
    const FlowNode* node = m_document.node(nodeId);
    if (!node)
        return {};
    const auto* type = m_catalog->find(node->type);
    if (!type)
        return {};
    for (const auto& spec : outcomesOf(type, *node))
        if (node->target(spec.name).empty())
            return spec.name;
    return {};
}

std::vector<FlowProblem> FlowEditor::problemsFor(const std::string& nodeId) const
{
    std::vector<FlowProblem> out;
    for (const FlowProblem& p : m_problems)
        if (p.nodeId == nodeId)
            out.push_back(p);
    return out;
}

void FlowEditor::validateNow()
{
    m_validateTimer.stop();
    std::vector<FlowProblem> problems = core::flow::FlowValidator(*m_catalog).validate(m_document);
    for (const FlowProblem& p : m_serverProblems)
        if (std::find(problems.begin(), problems.end(), p) == problems.end())
            problems.push_back(p);
    if (problems == m_problems)
        return;
    m_problems = std::move(problems);
    Q_EMIT problemsChanged();
}

void FlowEditor::setServerProblems(std::vector<FlowProblem> problems)
{
    m_serverProblems = std::move(problems);
    validateNow();
}

} // namespace trellis::models
