#include "tests/gui/FlowCanvasInput.h"

#include "ui/FlowNodeItem.h"
#include "ui/FlowPalette.h"
#include "ui/FlowView.h"

#include <memory>

#include <QApplication>
#include <QDropEvent>
#include <QMimeData>
#include <QTest>

namespace trellis::test::FlowCanvasInput {

bool dropType(ui::FlowView* view, const QString& type, QPoint pos)
{
    std::unique_ptr<QMimeData> data(ui::FlowPalette::mimeDataFor(type));
    QDragEnterEvent enter(pos, Qt::CopyAction | Qt::MoveAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &enter);
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(pos, Qt::CopyAction | Qt::MoveAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &move);
    QDropEvent drop(QPointF(pos), Qt::CopyAction | Qt::MoveAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &drop);
    return drop.isAccepted() && drop.dropAction() == Qt::CopyAction;
}

QPoint viewPoint(ui::FlowView* view, QPointF scenePos)
{
    return view->mapFromScene(scenePos);
}

void drag(QWidget* viewport, QPoint from, QPoint to)
{
    QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, from);
    for (int i = 1; i <= 5; ++i)
        QTest::mouseMove(viewport, from + (to - from) * i / 5);
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, to);
}

void wire(ui::FlowView* view, ui::FlowNodeItem* from, const QString& outcome, ui::FlowNodeItem* to)
{
    // Just inside the port's circle, where a user aims.
    drag(view->viewport(), viewPoint(view, from->outcomePort(outcome) - QPointF(3, 0)),
         viewPoint(view, to->sceneBoundingRect().center()));
}

} // namespace trellis::test::FlowCanvasInput
