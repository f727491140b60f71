#include "ui/BusyIndicator.h"

#include <QPainter>
#include <QPalette>

namespace trellis::ui {

BusyIndicator::BusyIndicator(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setAccessibleName(tr("Loading"));
    m_timer.setInterval(80);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_angle = (m_angle + 30) % 360;
        update();
    });
    // Keeps its place in layouts while idle so nothing jumps when loading starts.
    QSizePolicy policy = sizePolicy();
    policy.setRetainSizeWhenHidden(true);
    setSizePolicy(policy);
    hide();
}

void BusyIndicator::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    setVisible(busy);
    if (busy)
        m_timer.start();
    else
        m_timer.stop();
}

QSize BusyIndicator::sizeHint() const
{
    const int side = fontMetrics().height();
    return {side, side};
}

void BusyIndicator::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const int side = qMin(width(), height()) - 4;
    const QRectF box((width() - side) / 2.0, (height() - side) / 2.0, side, side);
    QColor track = palette().color(QPalette::WindowText);
    track.setAlphaF(0.15);
    painter.setPen(QPen(track, 2.0));
    painter.drawEllipse(box);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 2.0, Qt::SolidLine, Qt::RoundCap));
    painter.drawArc(box, -m_angle * 16, 100 * 16);
}

} // namespace trellis::ui
