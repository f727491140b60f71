#pragma once

#include <QPoint>
#include <QPointF>
#include <QString>

class QWidget;

namespace trellis::ui {
class FlowNodeItem;
class FlowView;
} // namespace trellis::ui

namespace trellis::test {

/// What a user's mouse does on the journey canvas, as the designer tests send it.
namespace FlowCanvasInput {

/// What a drag from the palette delivers to the canvas: enter, move and drop of `type` at `pos` (viewport
/// coordinates). QDrag::exec blocks on the offscreen platform, so the events the view receives are sent directly.
/// True when the canvas took the drop as a copy (a new step).
bool dropType(ui::FlowView* view, const QString& type, QPoint pos);

/// The viewport point showing `scenePos`.
QPoint viewPoint(ui::FlowView* view, QPointF scenePos);

/// Presses the left button at `from`, moves in steps to `to` and releases there (viewport coordinates).
void drag(QWidget* viewport, QPoint from, QPoint to);

/// Draws a wire with the mouse: from the `outcome` port of `from` onto the middle of `to`.
void wire(ui::FlowView* view, ui::FlowNodeItem* from, const QString& outcome, ui::FlowNodeItem* to);

} // namespace FlowCanvasInput

} // namespace trellis::test
