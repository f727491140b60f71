#include "ui/FlowEdgeItem.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPalette>
#include <QPen>
#include <QtMath>

namespace trellis::ui {

FlowEdgeItem::FlowEdgeItem(const QString& from, const QString& outcome, const QString& to, QGraphicsItem* parent)
    : QGraphicsPathItem(parent)
    , m_from(from)
    , m_outcome(outcome)
    , m_to(to)
{
    setZValue(0);
    setFlag(ItemIsSelectable, false);
}

QPainterPath FlowEdgeItem::curve(QPointF start, QPointF end)
{
    QPainterPath path(start);
    // Leave to the right and arrive from the left; a wire going backwards loops out wide enough to stay readable.
    const double dx = std::max(60.0, std::abs(end.x() - start.x()) * 0.5);
    path.cubicTo(start + QPointF(dx, 0), end - QPointF(dx, 0), end);
    return path;
}

void FlowEdgeItem::setLabel(const QString& label)
{
    m_label = label;
    update();
}

void FlowEdgeItem::setEnds(QPointF start, QPointF end)
{
    prepareGeometryChange();
    m_start = start;
    m_end = end;
    setPath(curve(start, end));
}

void FlowEdgeItem::setHighlighted(bool highlighted)
{
    m_highlighted = highlighted;
    update();
}

QRectF FlowEdgeItem::boundingRect() const
{
    return QGraphicsPathItem::boundingRect().adjusted(-60, -20, 60, 20);
}

QPainterPath FlowEdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    return stroker.createStroke(path());
}

void FlowEdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    const QPalette palette = QApplication::palette();
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor colour = m_highlighted ? QColor(0xe0, 0x9a, 0x00) : palette.color(QPalette::Mid).darker(130);
    painter->setPen(QPen(colour, m_highlighted ? 3 : 1.6));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());

    // Arrow head pointing into the input port
    const QPointF tip = m_end;
    const double angle = qDegreesToRadians(path().angleAtPercent(0.98));
    const QPointF back(std::cos(angle), -std::sin(angle));
    const QPointF normal(-back.y(), back.x());
    QPolygonF arrow;
    arrow << tip << tip - back * 10 + normal * 5 << tip - back * 10 - normal * 5;
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawPolygon(arrow);

    // The port already names the outcome; the label helps only on a wire long enough to lose sight of it.
    if (m_label.isEmpty() || path().length() < 160)
        return;
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    painter->setFont(font);
    const QFontMetricsF metrics(font);
    const QPointF mid = path().pointAtPercent(0.5);
    const QRectF box(mid.x() - metrics.horizontalAdvance(m_label) / 2 - 4, mid.y() - metrics.height() / 2 - 1,
                     metrics.horizontalAdvance(m_label) + 8, metrics.height() + 2);
    painter->setPen(QPen(colour, 1));
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(box, 3, 3);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(box, Qt::AlignCenter, m_label);
}

} // namespace trellis::ui
