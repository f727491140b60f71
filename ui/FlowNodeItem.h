#pragma once

#include <vector>

#include <QGraphicsItem>
#include <QString>
#include <QStringList>

namespace trellis::ui {

/// A step of the journey on the canvas: caption, type, an input port on the left and one named port per outcome
/// on the right, a badge when the validator found problems. Drawing only: the data lives in the FlowEditor.
class FlowNodeItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 1
    };
    enum class Highlight
    {
        None,
        Visited, ///< the simulation passed here
        Current  ///< the simulation's step shown now
    };
    struct Outcome
    {
        QString name;
        QString caption;
        bool wired = false;
    };

    explicit FlowNodeItem(const QString& id, QGraphicsItem* parent = nullptr);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    QString id() const { return m_id; }
    void setContent(const QString& caption, const QString& typeCaption, const QString& category,
                    const std::vector<Outcome>& outcomes, bool terminalSuccess, bool terminalFailure);
    void setStart(bool start);
    bool isStart() const { return m_start; }
    /// Problems the validator reports on this node (empty: none); shown as a badge, listed in the tooltip.
    void setProblems(const QStringList& messages);
    int problemCount() const { return int(m_problems.size()); }
    void setHighlight(Highlight highlight);
    Highlight highlight() const { return m_highlight; }

    QRectF nodeRect() const;
    /// Scene position of the input port and of an outcome's port.
    QPointF inputPort() const;
    QPointF outcomePort(const QString& outcome) const;
    /// The outcome whose port (or row) is under `itemPos`; empty when none.
    QString outcomeAt(QPointF itemPos) const;
    const std::vector<Outcome>& outcomes() const { return m_outcomes; }
    QString caption() const { return m_caption; }

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    void updateToolTip();

    QString m_id;
    QString m_caption;
    QString m_typeCaption;
    QString m_category;
    std::vector<Outcome> m_outcomes;
    bool m_success = false;
    bool m_failure = false;
    bool m_start = false;
    QStringList m_problems;
    Highlight m_highlight = Highlight::None;
};

} // namespace trellis::ui
