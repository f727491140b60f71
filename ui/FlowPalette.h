#pragma once

#include <QTreeWidget>
#include <QWidget>

class QLineEdit;

namespace trellis::core::flow {
class NodeCatalog;
}

namespace trellis::ui {

/// The node types a journey can use, grouped by category, with a search field. Drag a type onto the canvas, or
/// press Enter / double-click to add it in the middle of the canvas.
class FlowPalette : public QWidget
{
    Q_OBJECT
public:
    explicit FlowPalette(QWidget* parent = nullptr);

    void setCatalog(const core::flow::NodeCatalog& catalog);
    QLineEdit* searchField() const { return m_search; }
    QTreeWidget* list() const { return m_list; }
    /// The type names listed (after filtering), in order.
    QStringList visibleTypes() const;
    /// The MIME data a drag of `type` carries (what the canvas accepts).
    static class QMimeData* mimeDataFor(const QString& type);

Q_SIGNALS:
    void addRequested(const QString& type);

private:
    void filter(const QString& text);

    QLineEdit* m_search = nullptr;
    QTreeWidget* m_list = nullptr;
};

} // namespace trellis::ui
