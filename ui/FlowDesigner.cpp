#include "ui/FlowDesigner.h"

#include "models/FlowEditor.h"
#include "ui/FlowInspector.h"
#include "ui/FlowNodeItem.h"
#include "ui/FlowPalette.h"
#include "ui/FlowProblemText.h"
#include "ui/FlowScene.h"
#include "ui/FlowText.h"
#include "ui/FlowView.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace trellis::ui {

namespace {

constexpr int kNodeIdRole = Qt::UserRole;

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

FlowDesigner::FlowDesigner(models::FlowEditor* editor, QWidget* parent)
    : QWidget(parent)
    , m_editor(editor)
{
    setObjectName(QStringLiteral("flowDesigner"));
    m_scene = new FlowScene(editor, this);
    m_view = new FlowView(m_scene, this);
    m_palette = new FlowPalette(this);
    m_palette->setCatalog(editor->catalog());
    m_inspector = new FlowInspector(editor, this);

    m_problems = new QListWidget(this);
    m_problems->setObjectName(QStringLiteral("flowProblems"));
    m_problems->setAccessibleName(tr("Problems in this journey"));
    m_problems->setWordWrap(true);

    auto* inspectorScroll = new QScrollArea(this);
    inspectorScroll->setWidget(m_inspector);
    inspectorScroll->setWidgetResizable(true);
    inspectorScroll->setFrameShape(QFrame::NoFrame);
    inspectorScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("flowSideTabs"));
    m_tabs->addTab(inspectorScroll, tr("Step"));
    m_tabs->addTab(m_problems, tr("Problems"));

    m_toolBar = new QToolBar(this);
    m_toolBar->setObjectName(QStringLiteral("flowToolBar"));
    m_toolBar->setAccessibleName(tr("Journey editing"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    createActions();

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_palette);
    splitter->addWidget(m_view);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    splitter->setSizes({130, 760, 300});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_toolBar);
    layout->addWidget(splitter, 1);

    connect(m_palette, &FlowPalette::addRequested, this, &FlowDesigner::addNodeAtCentre);
    connect(m_scene, &FlowScene::selectedNodesChanged, this, [this] {
        const QStringList ids = m_scene->selectedNodeIds();
        m_inspector->setNode(ids.size() == 1 ? ids.first() : QString());
        updateActions();
    });
    connect(m_view, &FlowView::inspectRequested, this, [this] {
        m_tabs->setCurrentIndex(0);
        m_inspector->focusFirstField();
    });
    connect(m_view, &FlowView::deleteRequested, this, &FlowDesigner::deleteSelection);
    connect(m_editor, &models::FlowEditor::problemsChanged, this, &FlowDesigner::refreshProblems);
    connect(m_editor, &models::FlowEditor::documentChanged, this, &FlowDesigner::updateActions);
    connect(m_editor, &models::FlowEditor::documentReset, this, [this] {
        m_palette->setCatalog(m_editor->catalog());
        m_pasteCount = 0;
    });
    connect(m_problems, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const QString id = item->data(kNodeIdRole).toString();
        if (!id.isEmpty())
            selectNode(id);
    });
    connect(QApplication::clipboard(), &QClipboard::dataChanged, this, &FlowDesigner::updateActions);

    setTabOrder(m_palette->searchField(), m_palette->list());
    setTabOrder(m_palette->list(), m_view);
    setTabOrder(m_view, m_tabs);
    refreshProblems();
    updateActions();
}

void FlowDesigner::createActions()
{
    auto add = [this](QAction* action, const QString& objectName, const QKeySequence& shortcut) {
        action->setObjectName(objectName);
        if (!shortcut.isEmpty()) {
            action->setShortcut(shortcut);
            action->setToolTip(QStringLiteral("%1 (%2)").arg(action->text().remove(QLatin1Char('&')),
                                                             shortcut.toString(QKeySequence::NativeText)));
        }
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        return action;
    };
    m_undo =
        add(m_editor->undoStack()->createUndoAction(this, tr("&Undo")), QStringLiteral("flowUndo"), QKeySequence::Undo);
    m_redo =
        add(m_editor->undoStack()->createRedoAction(this, tr("&Redo")), QStringLiteral("flowRedo"), QKeySequence::Redo);
    m_copy = add(new QAction(tr("&Copy"), this), QStringLiteral("flowCopy"), QKeySequence::Copy);
    connect(m_copy, &QAction::triggered, this, &FlowDesigner::copySelection);
    m_paste = add(new QAction(tr("&Paste"), this), QStringLiteral("flowPaste"), QKeySequence::Paste);
    connect(m_paste, &QAction::triggered, this, &FlowDesigner::paste);
    m_selectAll = add(new QAction(tr("Select &all"), this), QStringLiteral("flowSelectAll"), QKeySequence::SelectAll);
    connect(m_selectAll, &QAction::triggered, this, [this] {
        QStringList ids;
        for (const auto& node : m_editor->document().nodes)
            ids.append(QString::fromStdString(node.id));
        m_scene->selectNodes(ids);
    });
    m_delete = add(new QAction(tr("&Delete"), this), QStringLiteral("flowDelete"), QKeySequence::Delete);
    connect(m_delete, &QAction::triggered, this, &FlowDesigner::deleteSelection);
    m_connect =
        add(new QAction(tr("Co&nnect…"), this), QStringLiteral("flowConnect"), QKeySequence(Qt::CTRL | Qt::Key_E));
    m_connect->setToolTip(tr("Wire the selected step's next open exit to another step (%1)")
                              .arg(m_connect->shortcut().toString(QKeySequence::NativeText)));
    connect(m_connect, &QAction::triggered, this, &FlowDesigner::showConnectMenu);

    m_alignLeft = add(new QAction(tr("Align &left"), this), QStringLiteral("flowAlignLeft"), {});
    connect(m_alignLeft, &QAction::triggered, this,
            [this] { m_editor->align(m_scene->selectedNodeIds(), models::FlowEditor::Alignment::Left); });
    m_alignTop = add(new QAction(tr("Align &top"), this), QStringLiteral("flowAlignTop"), {});
    connect(m_alignTop, &QAction::triggered, this,
            [this] { m_editor->align(m_scene->selectedNodeIds(), models::FlowEditor::Alignment::Top); });
    m_distributeH = add(new QAction(tr("Distribute &horizontally"), this), QStringLiteral("flowDistributeH"), {});
    connect(m_distributeH, &QAction::triggered, this, [this] {
        m_editor->align(m_scene->selectedNodeIds(), models::FlowEditor::Alignment::DistributeHorizontally);
    });
    m_distributeV = add(new QAction(tr("Distribute &vertically"), this), QStringLiteral("flowDistributeV"), {});
    connect(m_distributeV, &QAction::triggered, this, [this] {
        m_editor->align(m_scene->selectedNodeIds(), models::FlowEditor::Alignment::DistributeVertically);
    });
    m_autoLayout = add(new QAction(tr("&Arrange"), this), QStringLiteral("flowAutoLayout"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(m_autoLayout, &QAction::triggered, this, [this] {
        m_editor->autoLayout();
        m_view->fitToFlow();
    });
    m_zoomIn = add(new QAction(tr("Zoom &in"), this), QStringLiteral("flowZoomIn"), QKeySequence::ZoomIn);
    m_zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    connect(m_zoomIn, &QAction::triggered, this, [this] { m_view->zoomBy(1.2); });
    m_zoomOut = add(new QAction(tr("Zoom &out"), this), QStringLiteral("flowZoomOut"), QKeySequence::ZoomOut);
    connect(m_zoomOut, &QAction::triggered, this, [this] { m_view->zoomBy(1 / 1.2); });
    m_fit = add(new QAction(tr("&Fit"), this), QStringLiteral("flowFit"), QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(m_fit, &QAction::triggered, m_view, &FlowView::fitToFlow);

    m_toolBar->addAction(m_undo);
    m_toolBar->addAction(m_redo);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_copy);
    m_toolBar->addAction(m_paste);
    m_toolBar->addAction(m_delete);
    m_toolBar->addAction(m_connect);
    m_toolBar->addSeparator();
    auto* alignMenu = new QMenu(tr("Align"), this);
    alignMenu->addAction(m_alignLeft);
    alignMenu->addAction(m_alignTop);
    alignMenu->addAction(m_distributeH);
    alignMenu->addAction(m_distributeV);
    QAction* alignMenuAction = alignMenu->menuAction();
    alignMenuAction->setObjectName(QStringLiteral("flowAlignMenu"));
    m_toolBar->addAction(alignMenuAction);
    m_toolBar->addAction(m_autoLayout);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_zoomOut);
    m_toolBar->addAction(m_zoomIn);
    m_toolBar->addAction(m_fit);
}

void FlowDesigner::updateActions()
{
    const QStringList selected = m_scene->selectedNodeIds();
    m_copy->setEnabled(!selected.isEmpty());
    m_delete->setEnabled(!selected.isEmpty());
    m_connect->setEnabled(selected.size() == 1 &&
                          !m_editor->nextUnwiredOutcome(selected.first().toStdString()).empty());
    m_alignLeft->setEnabled(selected.size() >= 2);
    m_alignTop->setEnabled(selected.size() >= 2);
    m_distributeH->setEnabled(selected.size() >= 3);
    m_distributeV->setEnabled(selected.size() >= 3);
    const QMimeData* clip = QApplication::clipboard()->mimeData();
    m_paste->setEnabled(clip && (clip->hasFormat(models::FlowEditor::fragmentMimeType()) || clip->hasText()));
}

void FlowDesigner::refreshProblems()
{
    m_problems->clear();
    for (const auto& problem : m_editor->problems()) {
        auto* item = new QListWidgetItem(FlowProblemText::text(problem), m_problems);
        item->setData(kNodeIdRole, qs(problem.nodeId));
        item->setToolTip(qs(problem.message));
    }
    const int count = int(m_editor->problems().size());
    const int index = m_tabs->indexOf(m_problems);
    m_tabs->setTabText(index, count ? tr("Problems (%1)").arg(count) : tr("Problems"));
    if (count == 0) {
        auto* item = new QListWidgetItem(tr("No problems: the journey can be published."), m_problems);
        item->setFlags(Qt::ItemIsEnabled);
    }
    updateActions();
}

void FlowDesigner::copySelection()
{
    const QStringList ids = m_scene->selectedNodeIds();
    if (ids.isEmpty())
        return;
    const QByteArray json = QByteArray::fromStdString(m_editor->copy(ids).dump(2));
    auto* data = new QMimeData;
    data->setData(models::FlowEditor::fragmentMimeType(), json);
    data->setText(QString::fromUtf8(json));
    QApplication::clipboard()->setMimeData(data);
    m_pasteCount = 0;
}

void FlowDesigner::paste()
{
    const QMimeData* data = QApplication::clipboard()->mimeData();
    if (!data)
        return;
    QByteArray json = data->data(models::FlowEditor::fragmentMimeType());
    if (json.isEmpty())
        json = data->text().toUtf8();
    const auto fragment = nlohmann::json::parse(json.constData(), json.constData() + json.size(), nullptr, false);
    ++m_pasteCount;
    const QStringList ids = m_editor->paste(fragment, QPointF(40.0 * m_pasteCount, 40.0 * m_pasteCount));
    if (!ids.isEmpty())
        m_scene->selectNodes(ids);
}

void FlowDesigner::deleteSelection()
{
    m_editor->removeNodes(m_scene->selectedNodeIds());
}

bool FlowDesigner::connectNextExitTo(const QString& targetId)
{
    const QStringList selected = m_scene->selectedNodeIds();
    if (selected.size() != 1)
        return false;
    const std::string outcome = m_editor->nextUnwiredOutcome(selected.first().toStdString());
    if (outcome.empty())
        return false;
    return m_editor->connectOutcome(selected.first().toStdString(), outcome, targetId.toStdString());
}

void FlowDesigner::showConnectMenu()
{
    const QStringList selected = m_scene->selectedNodeIds();
    if (selected.size() != 1)
        return;
    const std::string outcome = m_editor->nextUnwiredOutcome(selected.first().toStdString());
    if (outcome.empty())
        return;
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("flowConnectMenu"));
    const auto* node = m_editor->document().node(selected.first().toStdString());
    const auto* type = m_editor->catalog().find(node->type);
    QString outcomeCaption = qs(outcome);
    if (type)
        for (const auto& spec : models::FlowEditor::outcomesOf(type, *node))
            if (spec.name == outcome)
                outcomeCaption = FlowText::text(spec.displayName);
    menu.setTitle(tr("Exit “%1” leads to").arg(outcomeCaption));
    menu.addSection(menu.title());
    for (FlowNodeItem* item : m_scene->nodeItems()) {
        if (item->id() == selected.first())
            continue;
        QAction* action = menu.addAction(QStringLiteral("%1 (%2)").arg(item->caption(), item->id()));
        action->setData(item->id());
    }
    FlowNodeItem* from = m_scene->nodeItem(selected.first());
    const QPoint at = from ? m_view->mapToGlobal(m_view->mapFromScene(from->outcomePort(qs(outcome))))
                           : m_view->mapToGlobal(m_view->rect().center());
    if (QAction* chosen = menu.exec(at))
        connectNextExitTo(chosen->data().toString());
}

void FlowDesigner::selectNode(const QString& id)
{
    m_scene->selectNodes({id});
    m_view->centreOnNode(id);
    m_tabs->setCurrentIndex(0);
    m_view->setFocus();
}

void FlowDesigner::addNodeAtCentre(const QString& type)
{
    const QPointF centre = m_view->mapToScene(m_view->viewport()->rect().center());
    const std::string id =
        m_editor->addNode(type.toStdString(), centre - QPointF(models::FlowEditor::nodeWidth / 2, 40));
    if (!id.empty()) {
        m_scene->selectNodes({qs(id)});
        m_view->setFocus();
    }
}

void FlowDesigner::addSideTab(QWidget* page, const QString& title)
{
    // In a scroll area so that a wide panel never squeezes the canvas.
    auto* scroll = new QScrollArea(m_tabs);
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(scroll, title);
}

void FlowDesigner::fitSoon()
{
    QTimer::singleShot(0, m_view, &FlowView::showReadable);
}

} // namespace trellis::ui
