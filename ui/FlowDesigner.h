#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QTabWidget;
class QToolBar;

namespace trellis::models {
class FlowEditor;
}

namespace trellis::ui {

class FlowInspector;
class FlowPalette;
class FlowScene;
class FlowView;

/// The visual login-journey editor: palette, canvas, step inspector and problems list around one FlowEditor,
/// with the editing actions (undo, copy/paste, delete, align, arrange, zoom, connect by keyboard). Knows no
/// server: the Login journeys section saves, publishes and simulates.
class FlowDesigner : public QWidget
{
    Q_OBJECT
public:
    explicit FlowDesigner(models::FlowEditor* editor, QWidget* parent = nullptr);

    models::FlowEditor* editor() const { return m_editor; }
    FlowScene* scene() const { return m_scene; }
    FlowView* view() const { return m_view; }
    FlowPalette* palette() const { return m_palette; }
    FlowInspector* inspector() const { return m_inspector; }
    QListWidget* problemsList() const { return m_problems; }
    QTabWidget* sideTabs() const { return m_tabs; }
    QToolBar* toolBar() const { return m_toolBar; }

    QAction* undoAction() const { return m_undo; }
    QAction* redoAction() const { return m_redo; }
    QAction* copyAction() const { return m_copy; }
    QAction* pasteAction() const { return m_paste; }
    QAction* deleteAction() const { return m_delete; }
    QAction* selectAllAction() const { return m_selectAll; }
    QAction* autoLayoutAction() const { return m_autoLayout; }
    QAction* connectAction() const { return m_connect; }
    QAction* fitAction() const { return m_fit; }

    /// Copies the selected steps to the clipboard (flow JSON fragment under a Trellis MIME type).
    void copySelection();
    void paste();
    void deleteSelection();
    /// Wires the selected step's first exit that leads nowhere to `targetId`; false when there is none.
    bool connectNextExitTo(const QString& targetId);
    /// Selects a step, centres it and shows it in the inspector.
    void selectNode(const QString& id);
    /// Adds a step of `type` in the middle of the visible canvas (palette Enter / double-click).
    void addNodeAtCentre(const QString& type);
    /// Adds a tab beside "Step" and "Problems" (versions, bindings, simulation).
    void addSideTab(QWidget* page, const QString& title);
    /// Fits the journey into the view once it has a size (after loading).
    void fitSoon();

private:
    void createActions();
    void updateActions();
    void refreshProblems();
    void showConnectMenu();

    models::FlowEditor* m_editor;
    FlowScene* m_scene = nullptr;
    FlowView* m_view = nullptr;
    FlowPalette* m_palette = nullptr;
    FlowInspector* m_inspector = nullptr;
    QListWidget* m_problems = nullptr;
    QTabWidget* m_tabs = nullptr;
    QToolBar* m_toolBar = nullptr;
    QAction* m_undo = nullptr;
    QAction* m_redo = nullptr;
    QAction* m_selectAll = nullptr;
    QAction* m_copy = nullptr;
    QAction* m_paste = nullptr;
    QAction* m_delete = nullptr;
    QAction* m_alignLeft = nullptr;
    QAction* m_alignTop = nullptr;
    QAction* m_distributeH = nullptr;
    QAction* m_distributeV = nullptr;
    QAction* m_autoLayout = nullptr;
    QAction* m_zoomIn = nullptr;
    QAction* m_zoomOut = nullptr;
    QAction* m_fit = nullptr;
    QAction* m_connect = nullptr;
    int m_pasteCount = 0;
};

} // namespace trellis::ui
