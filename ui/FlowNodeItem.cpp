#include "ui/FlowNodeItem.h"

#include "models/FlowEditor.h"
#include "ui/FlowScene.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

namespace trellis::ui {

namespace {

constexpr double kHeader = 30;
constexpr double kTypeLine = 22;
constexpr double kRow = 22;
constexpr double kPortRadius = 6;

QColor categoryColour(const QString& category, bool success, bool failure)
{
    if (success)
        return QColor(0x2e, 0x7d, 0x32);
    if (failure)
        return QColor(0xb7, 0x1c, 0x1c);
    if (category == QLatin1String("identification"))
        return QColor(0x1f, 0x5f, 0x9e);
    if (category == QLatin1String("authentication"))
        return QColor(0x1f, 0x6e, 0x6e);
    if (category == QLatin1String("logic"))
        return QColor(0x8a, 0x5a, 0x00);
    return QColor(0x55, 0x4f, 0x7a);
}

} // namespace

FlowNodeItem::FlowNodeItem(const QString& id, QGraphicsItem* parent)
    : QGraphicsItem(parent)
    , m_id(id)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemIsFocusable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setZValue(1);
    // Painting a step (rounded shapes, elided captions, a line per exit) costs far more than copying a pixmap, and a
    // drag repaints every step under the moving wires in every frame.
    setCacheMode(DeviceCoordinateCache);
}

QRectF FlowNodeItem::nodeRect() const
{
    return QRectF(0, 0, models::FlowEditor::nodeWidth, models::FlowEditor::nodeHeight(int(m_outcomes.size())));
}

QRectF FlowNodeItem::boundingRect() const
{
    // Room for the ports sticking out, the start flag above and the badge at the corner.
    return nodeRect().adjusted(-kPortRadius - 2, -22, kPortRadius + 12, 4);
}

void FlowNodeItem::setContent(const QString& caption, const QString& typeCaption, const QString& category,
                              const std::vector<Outcome>& outcomes, bool terminalSuccess, bool terminalFailure)
{
    prepareGeometryChange();
    m_caption = caption;
    m_typeCaption = typeCaption;
    m_category = category;
    m_outcomes = outcomes;
    m_success = terminalSuccess;
    m_failure = terminalFailure;
    updateToolTip();
    update();
}

void FlowNodeItem::setStart(bool start)
{
    if (m_start == start)
        return;
    m_start = start;
    update();
}

void FlowNodeItem::setProblems(const QStringList& messages)
{
    if (m_problems == messages)
        return;
    m_problems = messages;
    updateToolTip();
    update();
}

void FlowNodeItem::setHighlight(Highlight highlight)
{
    if (m_highlight == highlight)
        return;
    m_highlight = highlight;
    update();
}

void FlowNodeItem::updateToolTip()
{
    QString tip = QStringLiteral("<b>%1</b><br>%2").arg(m_caption.toHtmlEscaped(), m_typeCaption.toHtmlEscaped());
    if (!m_problems.isEmpty()) {
        tip += QStringLiteral("<ul>");
        for (const QString& p : std::as_const(m_problems))
            tip += QStringLiteral("<li>%1</li>").arg(p.toHtmlEscaped());
        tip += QStringLiteral("</ul>");
    }
    setToolTip(tip);
}

QPointF FlowNodeItem::inputPort() const
{
    return mapToScene(QPointF(0, kHeader / 2));
}

QPointF FlowNodeItem::outcomePort(const QString& outcome) const
{
    for (std::size_t i = 0; i < m_outcomes.size(); ++i)
        if (m_outcomes[i].name == outcome)
            return mapToScene(QPointF(nodeRect().width(), kHeader + kTypeLine + kRow * double(i) + kRow / 2));
    return mapToScene(QPointF(nodeRect().width(), nodeRect().height() / 2));
}

QString FlowNodeItem::outcomeAt(QPointF itemPos) const
{
    const double width = nodeRect().width();
    for (std::size_t i = 0; i < m_outcomes.size(); ++i) {
        const double y = kHeader + kTypeLine + kRow * double(i);
        // The port circle and the right half of its row both start a wire (a generous target for the mouse).
        const QRectF hit(width / 2, y, width / 2 + kPortRadius + 4, kRow);
        if (hit.contains(itemPos))
            return m_outcomes[i].name;
    }
    return QString();
}

QVariant FlowNodeItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    if (change == ItemPositionHasChanged) {
        if (auto* flowScene = qobject_cast<FlowScene*>(scene()))
            flowScene->nodeItemMoved(this);
    } else if (change == ItemSelectedHasChanged) {
        setZValue(value.toBool() ? 2 : 1);
    }
    return QGraphicsItem::itemChange(change, value);
}

void FlowNodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    const QPalette palette = QApplication::palette();
    const QRectF rect = nodeRect();
    const QColor accent = categoryColour(m_category, m_success, m_failure);
    painter->setRenderHint(QPainter::Antialiasing);

    // Body
    QColor body = palette.color(QPalette::Base);
    if (m_highlight == Highlight::Visited)
        body = QColor(0xe8, 0xf5, 0xe9);
    else if (m_highlight == Highlight::Current)
        body = QColor(0xff, 0xf3, 0xc4);
    QPen border(isSelected() ? palette.color(QPalette::Highlight) : accent.darker(110), isSelected() ? 3 : 1.5);
    if (m_highlight == Highlight::Current)
        border = QPen(QColor(0xe0, 0x9a, 0x00), 3);
    painter->setPen(border);
    painter->setBrush(body);
    painter->drawRoundedRect(rect, 8, 8);

    // Header band with the caption
    QPainterPath header;
    header.setFillRule(Qt::WindingFill); // the rounded top and the square bottom overlap: keep both
    header.addRoundedRect(QRectF(rect.left(), rect.top(), rect.width(), kHeader), 8, 8);
    header.addRect(QRectF(rect.left(), rect.top() + kHeader / 2, rect.width(), kHeader / 2));
    painter->setPen(Qt::NoPen);
    painter->setBrush(accent);
    painter->drawPath(header.simplified());
    QFont captionFont = QApplication::font();
    captionFont.setBold(true);
    painter->setFont(captionFont);
    painter->setPen(Qt::white);
    const QRectF captionRect(rect.left() + 10, rect.top(), rect.width() - 20, kHeader);
    painter->drawText(captionRect, Qt::AlignVCenter | Qt::AlignLeft,
                      QFontMetricsF(captionFont).elidedText(m_caption, Qt::ElideRight, captionRect.width()));

    // Type line
    QFont small = QApplication::font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    painter->setFont(small);
    painter->setPen(palette.color(QPalette::PlaceholderText));
    const QRectF typeRect(rect.left() + 10, kHeader, rect.width() - 20, kTypeLine);
    painter->drawText(typeRect, Qt::AlignVCenter | Qt::AlignLeft,
                      QFontMetricsF(small).elidedText(m_typeCaption, Qt::ElideRight, typeRect.width()));

    // Outcome rows with their ports on the right
    painter->setFont(QApplication::font());
    for (std::size_t i = 0; i < m_outcomes.size(); ++i) {
        const double y = kHeader + kTypeLine + kRow * double(i);
        const QRectF row(rect.left() + 10, y, rect.width() - 24, kRow);
        painter->setPen(palette.color(QPalette::Text));
        painter->drawText(row, Qt::AlignVCenter | Qt::AlignRight, m_outcomes[i].caption);
        painter->setPen(QPen(accent.darker(120), 1.5));
        painter->setBrush(m_outcomes[i].wired ? accent : palette.color(QPalette::Base));
        painter->drawEllipse(QPointF(rect.right(), y + kRow / 2), kPortRadius, kPortRadius);
    }
    if (m_outcomes.empty()) {
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(QRectF(rect.left() + 10, kHeader + kTypeLine, rect.width() - 20, kRow),
                          Qt::AlignVCenter | Qt::AlignLeft,
                          m_success   ? QCoreApplication::translate("trellis::ui::FlowNodeItem", "Signs in")
                          : m_failure ? QCoreApplication::translate("trellis::ui::FlowNodeItem", "Ends the sign-in")
                                      : QString());
    }

    // Input port on the left
    painter->setPen(QPen(accent.darker(120), 1.5));
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawEllipse(QPointF(rect.left(), kHeader / 2), kPortRadius, kPortRadius);

    // Start flag above the node
    if (m_start) {
        QFont flagFont = small;
        flagFont.setBold(true);
        painter->setFont(flagFont);
        const QString text = QCoreApplication::translate("trellis::ui::FlowNodeItem", "Start");
        const double w = QFontMetricsF(flagFont).horizontalAdvance(text) + 14;
        const QRectF flag(rect.left(), rect.top() - 20, w, 17);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0x2e, 0x7d, 0x32));
        painter->drawRoundedRect(flag, 4, 4);
        painter->setPen(Qt::white);
        painter->drawText(flag, Qt::AlignCenter, text);
    }

    // Problem badge at the top right corner
    if (!m_problems.isEmpty()) {
        const QPointF centre(rect.right() - 2, rect.top() + 2);
        painter->setPen(QPen(Qt::white, 1.5));
        painter->setBrush(QColor(0xc6, 0x28, 0x28));
        painter->drawEllipse(centre, 10, 10);
        QFont badgeFont = small;
        badgeFont.setBold(true);
        painter->setFont(badgeFont);
        painter->setPen(Qt::white);
        painter->drawText(QRectF(centre.x() - 10, centre.y() - 10, 20, 20), Qt::AlignCenter,
                          QString::number(m_problems.size()));
    }
}

} // namespace trellis::ui
