#pragma once

#include <QGraphicsScene>
#include <QHash>
#include <QPointer>
#include <QStringList>

class QGraphicsPathItem;

namespace trellis::models {
class FlowEditor;
}

namespace trellis::ui {

class FlowEdgeItem;
class FlowNodeItem;

/// Mirrors a FlowEditor's document into node and wire items and turns mouse gestures into editor commands:
/// dragging nodes (one move command on release), dragging from an outcome port to a node (connect; dropping on
/// empty canvas disconnects). Owns the wire being dragged.
class FlowScene : public QGraphicsScene
{
    Q_OBJECT
public:
    explicit FlowScene(models::FlowEditor* editor, QObject* parent = nullptr);
    ~FlowScene() override;

    models::FlowEditor* editor() const { return m_editor; }
    FlowNodeItem* nodeItem(const QString& id) const { return m_nodes.value(id); }
    FlowEdgeItem* edgeItem(const QString& from, const QString& outcome) const;
    QList<FlowNodeItem*> nodeItems() const;
    QList<FlowEdgeItem*> edgeItems() const;
    /// Ids of the selected nodes, in document order.
    QStringList selectedNodeIds() const;
    void selectNodes(const QStringList& ids);
    /// Whether a wire is being dragged from a port now.
    bool isWiring() const { return m_draft != nullptr; }

    /// Called by a node item when it moves (drag in progress): its wires follow.
    void nodeItemMoved(FlowNodeItem* item);
    /// Puts the simulation's marks on the nodes and wires: `visited` (in order) and the current step.
    void setSimulationPath(const QStringList& visitedNodes, const QStringList& visitedEdges, const QString& current);
    void clearSimulationPath();

Q_SIGNALS:
    void selectedNodesChanged();

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;

private:
    void rebuild();
    void addNodeItem(const QString& id);
    void removeNodeItem(const QString& id);
    void refreshNode(const QString& id);
    void refreshEdgesOf(const QString& id);
    void refreshProblems();
    void refreshStart();
    void updateEdgeGeometry(FlowEdgeItem* edge);
    FlowNodeItem* nodeItemAt(QPointF scenePos, const FlowNodeItem* except = nullptr) const;
    void updateSceneRect();

    models::FlowEditor* m_editor;
    QHash<QString, FlowNodeItem*> m_nodes;
    QHash<QString, FlowEdgeItem*> m_edges; ///< key: from + '\n' + outcome
    QGraphicsPathItem* m_draft = nullptr;
    QString m_draftFrom;
    QString m_draftOutcome;
    bool m_pressedOnNode = false;
};

} // namespace trellis::ui
