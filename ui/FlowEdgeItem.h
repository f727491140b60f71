#pragma once

#include <QGraphicsPathItem>
#include <QPolygonF>
#include <QString>

namespace trellis::ui {

/// A wire from one node's outcome to the next node: a curve with an arrow and the outcome's name.
class FlowEdgeItem : public QGraphicsPathItem
{
public:
    enum
    {
        Type = UserType + 2
    };

    FlowEdgeItem(const QString& from, const QString& outcome, const QString& to, QGraphicsItem* parent = nullptr);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    QString from() const { return m_from; }
    QString outcome() const { return m_outcome; }
    QString to() const { return m_to; }
    void setLabel(const QString& label);
    QString label() const { return m_label; }
    /// Recomputes the curve between two scene points.
    void setEnds(QPointF start, QPointF end);
    void setHighlighted(bool highlighted);
    bool isHighlighted() const { return m_highlighted; }

    /// The curve the designer draws between two ports (also used for the wire being dragged).
    static QPainterPath curve(QPointF start, QPointF end);

private:
    QString m_from;
    QString m_outcome;
    QString m_to;
    QString m_label;
    QPointF m_start;
    QPointF m_end;
    /// The curve as line segments, for stroking only the part that shows (a long wire otherwise costs its whole
    /// length in every frame that touches it).
    QPolygonF m_polyline;
    // Measured once per shape: a curve's length and points along it cost a numeric integration each time.
    double m_length = 0;
    QPointF m_middle;
    double m_arrowAngle = 0;
    bool m_highlighted = false;
};

} // namespace trellis::ui
