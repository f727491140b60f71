#include "ui/FlowScene.h"

#include "models/FlowEditor.h"
#include "ui/FlowEdgeItem.h"
#include "ui/FlowNodeItem.h"
#include "ui/FlowText.h"

#include <algorithm>

#include <QApplication>
#include <QGraphicsPathItem>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPalette>

namespace trellis::ui {

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QString edgeKey(const QString& from, const QString& outcome)
{
    return from + QLatin1Char('\n') + outcome;
}

} // namespace

FlowScene::FlowScene(models::FlowEditor* editor, QObject* parent)
    : QGraphicsScene(parent)
    , m_editor(editor)
{
    setItemIndexMethod(QGraphicsScene::NoIndex);
    connect(editor, &models::FlowEditor::documentReset, this, &FlowScene::rebuild);
    connect(editor, &models::FlowEditor::nodeAdded, this, [this](const QString& id) {
        addNodeItem(id);
        // Wires from elsewhere may point at a node that is back (undo of a delete).
        for (const auto& node : m_editor->document().nodes)
            refreshEdgesOf(qs(node.id));
        refreshStart();
        refreshProblems();
    });
    connect(editor, &models::FlowEditor::nodeRemoved, this, &FlowScene::removeNodeItem);
    connect(editor, &models::FlowEditor::nodeChanged, this, [this](const QString& id) {
        refreshNode(id);
        refreshEdgesOf(id);
    });
    connect(editor, &models::FlowEditor::nodeMoved, this, [this](const QString& id) {
        if (FlowNodeItem* item = m_nodes.value(id)) {
            const auto* node = m_editor->document().node(id.toStdString());
            item->setPos(node->position.x, node->position.y);
        }
        updateSceneRect();
    });
    connect(editor, &models::FlowEditor::startChanged, this, &FlowScene::refreshStart);
    connect(editor, &models::FlowEditor::problemsChanged, this, &FlowScene::refreshProblems);
    connect(this, &QGraphicsScene::selectionChanged, this, &FlowScene::selectedNodesChanged);
    rebuild();
}

FlowScene::~FlowScene()
{
    // Removing the items changes the selection: nobody may hear about it from a half-destroyed scene.
    disconnect(this, nullptr, nullptr, nullptr);
    blockSignals(true);
    for (FlowEdgeItem* edge : std::as_const(m_edges))
        delete edge;
    m_edges.clear();
    for (FlowNodeItem* item : std::as_const(m_nodes))
        delete item;
    m_nodes.clear();
    delete m_draft;
    m_draft = nullptr;
}

FlowEdgeItem* FlowScene::edgeItem(const QString& from, const QString& outcome) const
{
    return m_edges.value(edgeKey(from, outcome));
}

QList<FlowNodeItem*> FlowScene::nodeItems() const
{
    QList<FlowNodeItem*> out;
    for (const auto& node : m_editor->document().nodes)
        if (FlowNodeItem* item = m_nodes.value(qs(node.id)))
            out.append(item);
    return out;
}

QList<FlowEdgeItem*> FlowScene::edgeItems() const
{
    return m_edges.values();
}

QStringList FlowScene::selectedNodeIds() const
{
    QStringList ids;
    for (FlowNodeItem* item : nodeItems())
        if (item->isSelected())
            ids.append(item->id());
    return ids;
}

void FlowScene::selectNodes(const QStringList& ids)
{
    QSignalBlocker blocker(this);
    clearSelection();
    for (const QString& id : ids)
        if (FlowNodeItem* item = m_nodes.value(id))
            item->setSelected(true);
    blocker.unblock();
    Q_EMIT selectedNodesChanged();
}

void FlowScene::rebuild()
{
    clearSelection();
    for (FlowEdgeItem* edge : std::as_const(m_edges))
        delete edge;
    m_edges.clear();
    for (FlowNodeItem* item : std::as_const(m_nodes))
        delete item;
    m_nodes.clear();
    for (const auto& node : m_editor->document().nodes)
        addNodeItem(qs(node.id));
    for (const auto& node : m_editor->document().nodes)
        refreshEdgesOf(qs(node.id));
    refreshStart();
    refreshProblems();
    updateSceneRect();
    Q_EMIT selectedNodesChanged();
}

void FlowScene::addNodeItem(const QString& id)
{
    if (m_nodes.contains(id))
        return;
    auto* item = new FlowNodeItem(id);
    m_nodes.insert(id, item);
    addItem(item);
    refreshNode(id);
    const auto* node = m_editor->document().node(id.toStdString());
    item->setPos(node->position.x, node->position.y);
    refreshEdgesOf(id);
    updateSceneRect();
}

void FlowScene::removeNodeItem(const QString& id)
{
    for (auto it = m_edges.begin(); it != m_edges.end();) {
        if ((*it)->from() == id || (*it)->to() == id) {
            delete *it;
            it = m_edges.erase(it);
        } else {
            ++it;
        }
    }
    delete m_nodes.take(id);
    Q_EMIT selectedNodesChanged();
}

void FlowScene::refreshNode(const QString& id)
{
    FlowNodeItem* item = m_nodes.value(id);
    const auto* node = m_editor->document().node(id.toStdString());
    if (!item || !node)
        return;
    const auto* type = m_editor->catalog().find(node->type);
    std::vector<FlowNodeItem::Outcome> outcomes;
    for (const auto& spec : models::FlowEditor::outcomesOf(type, *node))
        outcomes.push_back({qs(spec.name), FlowText::text(spec.displayName), !node->target(spec.name).empty()});
    // Outcomes the type does not know stay visible so that the wire (and the problem on it) can be seen.
    for (const auto& [name, target] : node->outcomes)
        if (std::none_of(outcomes.begin(), outcomes.end(), [&](const auto& o) { return o.name == qs(name); }))
            outcomes.push_back({qs(name), qs(name), true});
    const QString typeCaption = type ? FlowText::text(type->displayName) : qs(node->type);
    const QString caption = node->label.empty() ? typeCaption : qs(node->label);
    // The second line names the type when a caption hides it, and always the id (what problems and wires name).
    item->setContent(caption, node->label.empty() ? id : QStringLiteral("%1 · %2").arg(typeCaption, id),
                     type ? qs(type->category) : QString(), outcomes,
                     type && type->terminal == core::flow::NodeType::Terminal::Success,
                     type && type->terminal == core::flow::NodeType::Terminal::Failure);
    // Wires into this node start from its ports: they move with a new outcome list.
    for (FlowEdgeItem* edge : std::as_const(m_edges))
        if (edge->to() == id || edge->from() == id)
            updateEdgeGeometry(edge);
}

void FlowScene::refreshEdgesOf(const QString& id)
{
    const auto* node = m_editor->document().node(id.toStdString());
    FlowNodeItem* fromItem = m_nodes.value(id);
    // Drop this node's wires and draw them again from the document.
    for (auto it = m_edges.begin(); it != m_edges.end();) {
        if ((*it)->from() == id) {
            delete *it;
            it = m_edges.erase(it);
        } else {
            ++it;
        }
    }
    if (!node || !fromItem)
        return;
    for (const auto& [outcome, target] : node->outcomes) {
        if (!m_nodes.contains(qs(target)))
            continue;
        auto* edge = new FlowEdgeItem(id, qs(outcome), qs(target));
        QString label = qs(outcome);
        for (const auto& o : fromItem->outcomes())
            if (o.name == label)
                label = o.caption;
        edge->setLabel(label);
        addItem(edge);
        m_edges.insert(edgeKey(id, qs(outcome)), edge);
        updateEdgeGeometry(edge);
    }
}

void FlowScene::updateEdgeGeometry(FlowEdgeItem* edge)
{
    FlowNodeItem* from = m_nodes.value(edge->from());
    FlowNodeItem* to = m_nodes.value(edge->to());
    if (from && to)
        edge->setEnds(from->outcomePort(edge->outcome()), to->inputPort());
}

void FlowScene::refreshProblems()
{
    QHash<QString, QStringList> byNode;
    for (const auto& problem : m_editor->problems())
        if (!problem.nodeId.empty())
            byNode[qs(problem.nodeId)].append(qs(problem.message));
    for (FlowNodeItem* item : std::as_const(m_nodes))
        item->setProblems(byNode.value(item->id()));
}

void FlowScene::refreshStart()
{
    const QString start = qs(m_editor->document().start);
    for (FlowNodeItem* item : std::as_const(m_nodes))
        item->setStart(item->id() == start);
}

void FlowScene::nodeItemMoved(FlowNodeItem* item)
{
    for (FlowEdgeItem* edge : std::as_const(m_edges))
        if (edge->from() == item->id() || edge->to() == item->id())
            updateEdgeGeometry(edge);
}

void FlowScene::updateSceneRect()
{
    QRectF bounds;
    for (FlowNodeItem* item : std::as_const(m_nodes))
        bounds |= item->sceneBoundingRect();
    // Room around the journey to drop new steps and to pan.
    setSceneRect(bounds.adjusted(-600, -400, 600, 400) | QRectF(-200, -200, 1200, 800));
}

FlowNodeItem* FlowScene::nodeItemAt(QPointF scenePos, const FlowNodeItem* except) const
{
    for (QGraphicsItem* item : items(scenePos)) {
        if (item->type() == FlowNodeItem::Type && item != except)
            return static_cast<FlowNodeItem*>(item);
    }
    return nullptr;
}

void FlowScene::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    m_pressedOnNode = false;
    if (event->button() == Qt::LeftButton) {
        if (FlowNodeItem* item = nodeItemAt(event->scenePos())) {
            m_pressedOnNode = true;
            const QString outcome = item->outcomeAt(item->mapFromScene(event->scenePos()));
            if (!outcome.isEmpty()) {
                m_draftFrom = item->id();
                m_draftOutcome = outcome;
                m_draft = new QGraphicsPathItem;
                QPen pen(QApplication::palette().color(QPalette::Highlight), 2, Qt::DashLine);
                m_draft->setPen(pen);
                m_draft->setZValue(3);
                m_draft->setPath(FlowEdgeItem::curve(item->outcomePort(outcome), event->scenePos()));
                addItem(m_draft);
                event->accept();
                return;
            }
        }
    }
    QGraphicsScene::mousePressEvent(event);
}

void FlowScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_draft) {
        if (FlowNodeItem* from = m_nodes.value(m_draftFrom)) {
            FlowNodeItem* target = nodeItemAt(event->scenePos(), from);
            // Snap to the target's input port when over a node, like the finished wire will look.
            const QPointF end = target ? target->inputPort() : event->scenePos();
            m_draft->setPath(FlowEdgeItem::curve(from->outcomePort(m_draftOutcome), end));
        }
        event->accept();
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void FlowScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_draft) {
        delete m_draft;
        m_draft = nullptr;
        const QString from = m_draftFrom;
        const QString outcome = m_draftOutcome;
        m_draftFrom.clear();
        m_draftOutcome.clear();
        FlowNodeItem* target = nodeItemAt(event->scenePos(), m_nodes.value(from));
        if (target)
            m_editor->connectOutcome(from.toStdString(), outcome.toStdString(), target->id().toStdString());
        else if (!m_editor->document().node(from.toStdString())->target(outcome.toStdString()).empty())
            m_editor->disconnectOutcome(from.toStdString(), outcome.toStdString());
        event->accept();
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    if (!m_pressedOnNode)
        return;
    m_pressedOnNode = false;
    // A drag ends: one move command for everything that moved.
    std::map<std::string, QPointF> moved;
    for (FlowNodeItem* item : std::as_const(m_nodes)) {
        const auto* node = m_editor->document().node(item->id().toStdString());
        if (node && (node->position.x != item->pos().x() || node->position.y != item->pos().y()))
            moved[node->id] = item->pos();
    }
    if (!moved.empty())
        m_editor->moveNodes(moved);
    updateSceneRect();
}

void FlowScene::drawBackground(QPainter* painter, const QRectF& rect)
{
    const QPalette palette = QApplication::palette();
    painter->fillRect(rect, palette.color(QPalette::AlternateBase));
    // A light dot grid helps to line steps up by eye.
    const int step = 30;
    QPen pen(palette.color(QPalette::Mid));
    pen.setWidthF(1.5);
    painter->setPen(pen);
    const int left = int(std::floor(rect.left() / step)) * step;
    const int top = int(std::floor(rect.top() / step)) * step;
    QVector<QPointF> points;
    for (int x = left; x < rect.right(); x += step)
        for (int y = top; y < rect.bottom(); y += step)
            points.append(QPointF(x, y));
    painter->drawPoints(points.constData(), int(points.size()));
}

void FlowScene::setSimulationPath(const QStringList& visitedNodes, const QStringList& visitedEdges,
                                  const QString& current)
{
    for (FlowNodeItem* item : std::as_const(m_nodes)) {
        if (item->id() == current)
            item->setHighlight(FlowNodeItem::Highlight::Current);
        else if (visitedNodes.contains(item->id()))
            item->setHighlight(FlowNodeItem::Highlight::Visited);
        else
            item->setHighlight(FlowNodeItem::Highlight::None);
    }
    for (auto it = m_edges.cbegin(); it != m_edges.cend(); ++it)
        (*it)->setHighlighted(visitedEdges.contains(it.key()));
}

void FlowScene::clearSimulationPath()
{
    setSimulationPath({}, {}, QString());
}

} // namespace trellis::ui
