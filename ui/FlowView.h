#pragma once

#include <QGraphicsView>

namespace trellis::ui {

class FlowScene;

/// The canvas: zoom (Ctrl+wheel, Ctrl+=/-, Ctrl+0 fits), pan (middle button or Space+drag), rubber-band selection,
/// node types dropped from the palette, and keyboard operation: arrow keys move the selection (Shift: further),
/// Tab/Shift+Tab cycle through the steps, Enter asks for the inspector, Delete removes.
class FlowView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit FlowView(FlowScene* scene, QWidget* parent = nullptr);

    FlowScene* flowScene() const { return m_scene; }
    double zoom() const;
    void zoomBy(double factor);
    void fitToFlow();
    /// Fits the journey when that keeps the steps readable; otherwise shows its start at a readable zoom.
    void showReadable();
    void centreOnNode(const QString& id);
    /// Selects the next (or previous) step in document order and centres it.
    void cycleSelection(bool forward);
    /// Moves the selected steps by (dx, dy) as one merged command while repeated.
    void moveSelection(double dx, double dy);

Q_SIGNALS:
    /// Enter on a selected step: the inspector should take the keyboard focus.
    void inspectRequested();
    void deleteRequested();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    bool focusNextPrevChild(bool next) override;

private:
    FlowScene* m_scene;
    bool m_spacePan = false;
    bool m_middlePan = false;
    int m_keyboardMove = 0;
};

} // namespace trellis::ui
