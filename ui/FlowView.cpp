#include "ui/FlowView.h"

#include "models/FlowEditor.h"
#include "ui/FlowNodeItem.h"
#include "ui/FlowScene.h"

#include <QKeyEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QScrollBar>
#include <QWheelEvent>

namespace trellis::ui {

FlowView::FlowView(FlowScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
{
    setObjectName(QStringLiteral("flowCanvas"));
    setAccessibleName(tr("Journey canvas"));
    setAccessibleDescription(tr("The steps of the login journey and how they are wired. Tab moves between steps, "
                                "arrow keys move the selected steps, Enter edits the selected step."));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
    // The dot grid never changes under a drag: drawn once per scroll or zoom, then copied.
    setCacheMode(QGraphicsView::CacheBackground);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
}

double FlowView::zoom() const
{
    return transform().m11();
}

void FlowView::zoomBy(double factor)
{
    const double target = std::clamp(zoom() * factor, 0.2, 3.0);
    const double applied = target / zoom();
    scale(applied, applied);
}

void FlowView::fitToFlow()
{
    QRectF bounds;
    for (FlowNodeItem* item : m_scene->nodeItems())
        bounds |= item->sceneBoundingRect();
    if (bounds.isNull()) {
        resetTransform();
        return;
    }
    fitInView(bounds.adjusted(-30, -30, 30, 30), Qt::KeepAspectRatio);
    // Never blow a small journey up beyond its natural size.
    if (zoom() > 1.0)
        resetTransform();
    centerOn(bounds.center());
}

void FlowView::showReadable()
{
    constexpr double readable = 0.7;
    fitToFlow();
    if (zoom() >= readable)
        return;
    QRectF bounds;
    for (FlowNodeItem* item : m_scene->nodeItems())
        bounds |= item->sceneBoundingRect();
    resetTransform();
    scale(readable, readable);
    // The journey reads from its start on the left: show the top-left part.
    const QSizeF visible(viewport()->width() / readable, viewport()->height() / readable);
    centerOn(bounds.left() - 20 + visible.width() / 2,
             std::min(bounds.center().y(), bounds.top() - 20 + visible.height() / 2));
}

void FlowView::centreOnNode(const QString& id)
{
    if (FlowNodeItem* item = m_scene->nodeItem(id))
        centerOn(item);
}

void FlowView::cycleSelection(bool forward)
{
    const QList<FlowNodeItem*> items = m_scene->nodeItems();
    if (items.isEmpty())
        return;
    const QStringList selected = m_scene->selectedNodeIds();
    int index = -1;
    if (!selected.isEmpty())
        for (int i = 0; i < items.size(); ++i)
            if (items[i]->id() == (forward ? selected.last() : selected.first()))
                index = i;
    const int count = int(items.size());
    const int next = index < 0 ? (forward ? 0 : count - 1) : (index + (forward ? 1 : count - 1)) % count;
    m_scene->selectNodes({items[next]->id()});
    items[next]->setFocus();
    ensureVisible(items[next]);
}

void FlowView::moveSelection(double dx, double dy)
{
    std::map<std::string, QPointF> moved;
    for (const QString& id : m_scene->selectedNodeIds()) {
        const auto* node = m_scene->editor()->document().node(id.toStdString());
        moved[node->id] = QPointF(node->position.x + dx, node->position.y + dy);
    }
    if (moved.empty())
        return;
    // Moves while an arrow key is held (and repeated presses without a pause) merge into one undo step.
    m_scene->editor()->moveNodes(moved, QStringLiteral("keyboard-%1").arg(m_keyboardMove));
}

bool FlowView::focusNextPrevChild(bool next)
{
    // Tab moves between steps while there are any; Ctrl+Tab (handled by Qt) still leaves the canvas.
    if (!m_scene->nodeItems().isEmpty()) {
        cycleSelection(next);
        return true;
    }
    return QGraphicsView::focusNextPrevChild(next);
}

void FlowView::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        zoomBy(event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15);
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void FlowView::keyPressEvent(QKeyEvent* event)
{
    const double step = (event->modifiers() & Qt::ShiftModifier) ? 50 : 10;
    // Tab cycles the steps, so Ctrl+Tab (Ctrl+Shift+Tab) is the way out of the canvas: no keyboard trap.
    if ((event->key() == Qt::Key_Tab || event->key() == Qt::Key_Backtab) &&
        (event->modifiers() & Qt::ControlModifier)) {
        const bool forward = event->key() == Qt::Key_Tab && !(event->modifiers() & Qt::ShiftModifier);
        QGraphicsView::focusNextPrevChild(forward);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Left:
        moveSelection(-step, 0);
        return;
    case Qt::Key_Right:
        moveSelection(step, 0);
        return;
    case Qt::Key_Up:
        moveSelection(0, -step);
        return;
    case Qt::Key_Down:
        moveSelection(0, step);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (!m_scene->selectedNodeIds().isEmpty()) {
            Q_EMIT inspectRequested();
            return;
        }
        break;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        Q_EMIT deleteRequested();
        return;
    case Qt::Key_Space:
        if (!event->isAutoRepeat()) {
            m_spacePan = true;
            setDragMode(QGraphicsView::ScrollHandDrag);
        }
        return;
    default:
        break;
    }
    QGraphicsView::keyPressEvent(event);
}

void FlowView::keyReleaseEvent(QKeyEvent* event)
{
    if (event->isAutoRepeat()) {
        QGraphicsView::keyReleaseEvent(event);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down:
        // The next arrow key press starts a new undo step.
        ++m_keyboardMove;
        return;
    case Qt::Key_Space:
        m_spacePan = false;
        setDragMode(QGraphicsView::RubberBandDrag);
        return;
    default:
        break;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void FlowView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::MiddleButton) {
        // Pan with the middle button: the hand drag mode only reacts to the left one, so feed it a left press.
        m_middlePan = true;
        setDragMode(QGraphicsView::ScrollHandDrag);
        QMouseEvent press(QEvent::MouseButtonPress, event->position(), event->globalPosition(), Qt::LeftButton,
                          Qt::LeftButton, event->modifiers());
        QGraphicsView::mousePressEvent(&press);
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void FlowView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::MiddleButton && m_middlePan) {
        QMouseEvent release(QEvent::MouseButtonRelease, event->position(), event->globalPosition(), Qt::LeftButton,
                            Qt::NoButton, event->modifiers());
        QGraphicsView::mouseReleaseEvent(&release);
        m_middlePan = false;
        setDragMode(m_spacePan ? QGraphicsView::ScrollHandDrag : QGraphicsView::RubberBandDrag);
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void FlowView::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasFormat(models::FlowEditor::nodeTypeMimeType()))
        event->acceptProposedAction();
    else
        QGraphicsView::dragEnterEvent(event);
}

void FlowView::dragMoveEvent(QDragMoveEvent* event)
{
    if (event->mimeData()->hasFormat(models::FlowEditor::nodeTypeMimeType()))
        event->acceptProposedAction();
    else
        QGraphicsView::dragMoveEvent(event);
}

void FlowView::dropEvent(QDropEvent* event)
{
    const QByteArray type = event->mimeData()->data(models::FlowEditor::nodeTypeMimeType());
    if (type.isEmpty()) {
        QGraphicsView::dropEvent(event);
        return;
    }
    // The drop point is the node's centre under the mouse, snapped to the grid.
    QPointF at = mapToScene(event->position().toPoint()) - QPointF(models::FlowEditor::nodeWidth / 2, 20);
    at = QPointF(std::round(at.x() / 10) * 10, std::round(at.y() / 10) * 10);
    const std::string id = m_scene->editor()->addNode(type.toStdString(), at);
    if (!id.empty()) {
        m_scene->selectNodes({QString::fromStdString(id)});
        // A copy: the palette keeps its entry whatever the drag proposed.
        event->setDropAction(Qt::CopyAction);
        event->accept();
        setFocus();
    }
}

} // namespace trellis::ui
