#include "ui/FlowEdgeItem.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPalette>
#include <QPen>
#include <QStyleOptionGraphicsItem>
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
    // paint() is told which part of the wire needs drawing, not just its whole bounding rect.
    setFlag(ItemUsesExtendedStyleOption, true);
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
    m_polyline = path().toSubpathPolygons().value(0);
    m_length = path().length();
    m_middle = path().pointAtPercent(0.5);
    m_arrowAngle = qDegreesToRadians(path().angleAtPercent(0.98));
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

void FlowEdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const QPalette palette = QApplication::palette();
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor colour = m_highlighted ? QColor(0xe0, 0x9a, 0x00) : palette.color(QPalette::Mid).darker(130);
    // An ordinary wire is a one-pixel cosmetic line: the raster engine draws those directly, while a wider pen
    // goes through the polygon rasterizer, whose cost grows with the square of a long, flat wire's length on screen.
    QPen pen(colour, m_highlighted ? 3 : 1);
    pen.setCosmetic(!m_highlighted);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    const QRectF exposed = option->exposedRect.adjusted(-4, -4, 4, 4);
    if (exposed.contains(m_polyline.boundingRect())) {
        painter->drawPath(path());
    } else {
        // Only the runs of segments that cross the exposed area are stroked.
        int runStart = -1;
        for (int i = 0; i + 1 < m_polyline.size(); ++i) {
            const bool shows =
                QRectF(m_polyline[i], m_polyline[i + 1]).normalized().adjusted(-1, -1, 1, 1).intersects(exposed);
            if (shows && runStart < 0)
                runStart = i;
            if (!shows && runStart >= 0) {
                painter->drawPolyline(m_polyline.constData() + runStart, i - runStart + 1);
                runStart = -1;
            }
        }
        if (runStart >= 0)
            painter->drawPolyline(m_polyline.constData() + runStart, int(m_polyline.size()) - runStart);
    }

    // Arrow head pointing into the input port
    const QPointF tip = m_end;
    const double angle = m_arrowAngle;
    const QPointF back(std::cos(angle), -std::sin(angle));
    const QPointF normal(-back.y(), back.x());
    QPolygonF arrow;
    arrow << tip << tip - back * 10 + normal * 5 << tip - back * 10 - normal * 5;
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawPolygon(arrow);

    // The port already names the outcome; the label helps only on a wire long enough to lose sight of it.
    if (m_label.isEmpty() || m_length < 160)
        return;
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    painter->setFont(font);
    const QFontMetricsF metrics(font);
    const QPointF mid = m_middle;
    const QRectF box(mid.x() - metrics.horizontalAdvance(m_label) / 2 - 4, mid.y() - metrics.height() / 2 - 1,
                     metrics.horizontalAdvance(m_label) + 8, metrics.height() + 2);
    painter->setPen(QPen(colour, 1));
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(box, 3, 3);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(box, Qt::AlignCenter, m_label);
}

} // namespace trellis::ui
