// The login-journey designer as a user drives it, offscreen and without a server: steps dragged from the palette
// (the drop the view receives), wires drawn from an outcome port to a step with the mouse, moving, rubber-band
// selection, copy/paste, delete, align, auto-layout, the inspector with a field that fails validation, keyboard
// operation, and undo/redo back to the identical document.
#include "ui/FlowDesigner.h"

#include "core/flow/DefaultFlow.h"
#include "core/flow/NodeCatalog.h"
#include "models/FlowEditor.h"
#include "tests/gui/FlowCanvasInput.h"
#include "ui/FlowEdgeItem.h"
#include "ui/FlowInspector.h"
#include "ui/FlowNodeItem.h"
#include "ui/FlowPalette.h"
#include "ui/FlowScene.h"
#include "ui/FlowSimulatorPanel.h"
#include "ui/FlowView.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTranslator>
#include <QTreeWidget>
#include <QUndoStack>

using trellis::core::flow::FlowDocument;
using trellis::models::FlowEditor;
using trellis::ui::FlowDesigner;
using trellis::ui::FlowNodeItem;

using namespace trellis::test::FlowCanvasInput;

class FlowDesignerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void buildAFlowWithTheMouse();
    void paletteSearchAndKeyboardAdd();
    void copyPasteDeleteAndAlign();
    void autoLayoutAndFit();
    void inspectorEditsAndFieldValidation();
    void problemsShowOnTheStepsAndSelectThem();
    void keyboardOperation();
    void accessibleNames();
    void simulationPathLightsUpStepByStep();
    void catalogIsTranslated();

private:
    std::unique_ptr<FlowEditor> m_editor;
    std::unique_ptr<FlowDesigner> m_designer;
    trellis::ui::FlowView* view() const { return m_designer->view(); }
    trellis::ui::FlowScene* scene() const { return m_designer->scene(); }
};

void FlowDesignerTest::init()
{
    m_editor = std::make_unique<FlowEditor>();
    m_designer = std::make_unique<FlowDesigner>(m_editor.get());
    m_designer->resize(1280, 800);
    m_designer->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_designer.get()));
    m_editor->load(FlowDocument{});
}

void FlowDesignerTest::cleanup()
{
    m_designer.reset();
    m_editor.reset();
}

void FlowDesignerTest::buildAFlowWithTheMouse()
{
    const FlowDocument empty = m_editor->document();
    std::vector<FlowDocument> states{empty};
    QWidget* viewport = view()->viewport();

    // Drag three steps from the palette onto the canvas.
    QVERIFY(dropType(view(), QStringLiteral("identify"), QPoint(200, 200)));
    states.push_back(m_editor->document());
    QVERIFY(dropType(view(), QStringLiteral("password"), QPoint(500, 200)));
    states.push_back(m_editor->document());
    QVERIFY(dropType(view(), QStringLiteral("success"), QPoint(800, 200)));
    states.push_back(m_editor->document());
    QCOMPARE(m_editor->document().nodes.size(), std::size_t(3));
    QCOMPARE(m_editor->document().start, std::string("identify"));
    // An unknown type is refused.
    QVERIFY(!dropType(view(), QStringLiteral("no-such-type"), QPoint(300, 400)));
    QCOMPARE(m_editor->document().nodes.size(), std::size_t(3));
    // The dropped step sits where it was dropped (centred under the pointer, snapped to the grid).
    FlowNodeItem* identify = scene()->nodeItem(QStringLiteral("identify"));
    FlowNodeItem* password = scene()->nodeItem(QStringLiteral("password"));
    FlowNodeItem* success = scene()->nodeItem(QStringLiteral("success"));
    QVERIFY(identify && password && success);
    QVERIFY(identify->sceneBoundingRect().contains(view()->mapToScene(QPoint(200, 200))));

    // Wire identify's "next" port to the password step with the mouse; a dashed wire follows the pointer.
    const QPoint port = viewPoint(view(), identify->outcomePort(QStringLiteral("next")) - QPointF(3, 0));
    const QPoint target = viewPoint(view(), password->sceneBoundingRect().center());
    QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, port);
    QVERIFY(scene()->isWiring());
    QTest::mouseMove(viewport, (port + target) / 2);
    QTest::mouseMove(viewport, target);
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, target);
    QVERIFY(!scene()->isWiring());
    QCOMPARE(m_editor->document().node("identify")->target("next"), std::string("password"));
    states.push_back(m_editor->document());
    trellis::ui::FlowEdgeItem* edge = scene()->edgeItem(QStringLiteral("identify"), QStringLiteral("next"));
    QVERIFY(edge);
    QCOMPARE(edge->label(), QStringLiteral("Next"));

    // And password's "success" to the success step.
    drag(viewport, viewPoint(view(), password->outcomePort(QStringLiteral("success")) - QPointF(3, 0)),
         viewPoint(view(), success->sceneBoundingRect().center()));
    QCOMPARE(m_editor->document().node("password")->target("success"), std::string("success"));
    states.push_back(m_editor->document());

    // Dragging a wired port onto empty canvas disconnects it.
    drag(viewport, viewPoint(view(), password->outcomePort(QStringLiteral("success")) - QPointF(3, 0)),
         viewPoint(view(), password->outcomePort(QStringLiteral("success")) + QPointF(60, 200)));
    QVERIFY(m_editor->document().node("password")->target("success").empty());
    QVERIFY(!scene()->edgeItem(QStringLiteral("password"), QStringLiteral("success")));
    states.push_back(m_editor->document());

    // Move a step by dragging its caption: one move command on release.
    const int before = m_editor->undoStack()->index();
    const QPointF oldPos = success->pos();
    const QPoint grab = viewPoint(view(), success->mapToScene(QPointF(40, 12)));
    drag(viewport, grab, grab + QPoint(0, 120));
    QCOMPARE(m_editor->undoStack()->index(), before + 1);
    QVERIFY(m_editor->document().node("success")->position.y > oldPos.y() + 60);
    states.push_back(m_editor->document());

    // Rubber-band selection over the two left steps.
    const QPoint corner1 = viewPoint(view(), identify->sceneBoundingRect().topLeft() - QPointF(30, 40));
    const QPoint corner2 = viewPoint(view(), password->sceneBoundingRect().bottomRight() + QPointF(5, 10));
    drag(viewport, corner1, corner2);
    QCOMPARE(scene()->selectedNodeIds(), QStringList({QStringLiteral("identify"), QStringLiteral("password")}));

    // Undo everything step by step back to the empty document, then redo to the end: identical documents.
    QUndoStack* stack = m_editor->undoStack();
    QCOMPARE(stack->index(), int(states.size()) - 1);
    for (int i = int(states.size()) - 1; i > 0; --i) {
        QVERIFY(m_editor->document() == states[std::size_t(i)]);
        m_designer->undoAction()->trigger();
    }
    QVERIFY(m_editor->document() == empty);
    QVERIFY(scene()->nodeItems().isEmpty());
    for (std::size_t i = 1; i < states.size(); ++i) {
        m_designer->redoAction()->trigger();
        QVERIFY(m_editor->document() == states[i]);
    }
    // The canvas mirrors the document after all that.
    QCOMPARE(scene()->nodeItems().size(), 3);
    QVERIFY(scene()->edgeItem(QStringLiteral("identify"), QStringLiteral("next")));
    QCOMPARE(scene()->nodeItem(QStringLiteral("success"))->pos().y(), m_editor->document().node("success")->position.y);
}

void FlowDesignerTest::paletteSearchAndKeyboardAdd()
{
    trellis::ui::FlowPalette* palette = m_designer->palette();
    QVERIFY(palette->visibleTypes().contains(QStringLiteral("totp-verify")));
    QCOMPARE(palette->visibleTypes().size(), int(m_editor->catalog().types().size()));
    QTest::keyClicks(palette->searchField(), QStringLiteral("authenticator"));
    QCOMPARE(palette->visibleTypes(), QStringList({QStringLiteral("totp-verify"), QStringLiteral("totp-enrol")}));
    palette->searchField()->clear();
    QCOMPARE(palette->visibleTypes().size(), int(m_editor->catalog().types().size()));

    // The palette's list starts real drags with the node type's MIME data.
    QTreeWidget* list = palette->list();
    QTreeWidgetItem* retry = nullptr;
    for (int g = 0; g < list->topLevelItemCount(); ++g)
        for (int i = 0; i < list->topLevelItem(g)->childCount(); ++i)
            if (list->topLevelItem(g)->child(i)->data(0, Qt::UserRole).toString() == QLatin1String("retry-limit"))
                retry = list->topLevelItem(g)->child(i);
    QVERIFY(retry);
    QVERIFY(retry->flags() & Qt::ItemIsDragEnabled);
    QCOMPARE(list->model()->mimeTypes(), QStringList({FlowEditor::nodeTypeMimeType()}));

    // Enter on a palette entry adds the step in the middle of the canvas.
    list->setFocus();
    list->setCurrentItem(retry);
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(m_editor->document().nodes.size(), std::size_t(1));
    QCOMPARE(m_editor->document().nodes.front().type, std::string("retry-limit"));
    QCOMPARE(m_editor->document().nodes.front().config.at("maxAttempts").get<int>(), 5); // the default config
    QCOMPARE(scene()->selectedNodeIds(), QStringList({QStringLiteral("retry-limit")}));
}

void FlowDesignerTest::copyPasteDeleteAndAlign()
{
    m_editor->load(trellis::core::flow::defaultFlow());
    const FlowDocument original = m_editor->document();
    scene()->selectNodes({QStringLiteral("identify"), QStringLiteral("password")});
    QVERIFY(m_designer->copyAction()->isEnabled());
    m_designer->copyAction()->trigger();
    const QMimeData* clip = QApplication::clipboard()->mimeData();
    QVERIFY(clip->hasFormat(FlowEditor::fragmentMimeType()));
    QVERIFY(clip->text().contains(QStringLiteral("\"identify\"")));
    m_designer->pasteAction()->trigger();
    QCOMPARE(m_editor->document().nodes.size(), original.nodes.size() + 2);
    QCOMPARE(scene()->selectedNodeIds(), QStringList({QStringLiteral("identify-2"), QStringLiteral("password-2")}));
    QCOMPARE(m_editor->document().node("identify-2")->target("next"), std::string("password-2"));
    QVERIFY(scene()->edgeItem(QStringLiteral("identify-2"), QStringLiteral("next")));
    // Pasting again lands further down and right, with fresh ids.
    m_designer->pasteAction()->trigger();
    QVERIFY(m_editor->document().node("identify-3"));
    QVERIFY(m_editor->document().node("identify-3")->position.x > m_editor->document().node("identify-2")->position.x);

    // Align the pasted copies to the left, then delete them with the Delete key on the canvas.
    scene()->selectNodes({QStringLiteral("identify-3"), QStringLiteral("password-3")});
    m_editor->align(scene()->selectedNodeIds(), FlowEditor::Alignment::Left);
    QCOMPARE(m_editor->document().node("identify-3")->position.x, m_editor->document().node("password-3")->position.x);
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_Delete);
    QVERIFY(!m_editor->document().node("identify-3"));
    QVERIFY(!scene()->nodeItem(QStringLiteral("password-3")));

    // Deleting a step of the original journey drops the wires into it; undo brings all of it back.
    scene()->selectNodes({QStringLiteral("password")});
    m_designer->deleteAction()->trigger();
    QVERIFY(m_editor->document().node("identify")->target("next").empty());
    QVERIFY(!scene()->edgeItem(QStringLiteral("identify"), QStringLiteral("next")));
    m_editor->undoStack()->undo();
    QVERIFY(scene()->edgeItem(QStringLiteral("identify"), QStringLiteral("next")));
    QVERIFY(scene()->edgeItem(QStringLiteral("password-retries"), QStringLiteral("retry")));
    while (m_editor->undoStack()->canUndo())
        m_editor->undoStack()->undo();
    QVERIFY(m_editor->document() == original);
    QCOMPARE(scene()->nodeItems().size(), int(original.nodes.size()));
}

void FlowDesignerTest::autoLayoutAndFit()
{
    FlowDocument doc = trellis::core::flow::defaultFlow({true, 5, 5});
    for (auto& node : doc.nodes)
        node.position = {0, 0};
    m_editor->load(doc);
    m_designer->autoLayoutAction()->trigger();
    // No two steps overlap on the canvas after arranging.
    const auto items = scene()->nodeItems();
    for (int i = 0; i < items.size(); ++i)
        for (int j = i + 1; j < items.size(); ++j)
            QVERIFY2(!items[i]
                          ->sceneBoundingRect()
                          .adjusted(8, 22, -18, -4)
                          .intersects(items[j]->sceneBoundingRect().adjusted(8, 22, -18, -4)),
                     qPrintable(items[i]->id() + QStringLiteral(" overlaps ") + items[j]->id()));
    // Left to right: the start is leftmost, success right of the password step.
    QVERIFY(scene()->nodeItem(QStringLiteral("identify"))->x() < scene()->nodeItem(QStringLiteral("password"))->x());
    QVERIFY(scene()->nodeItem(QStringLiteral("password"))->x() < scene()->nodeItem(QStringLiteral("success"))->x());
    // Fit shows every step.
    view()->zoomBy(3);
    m_designer->fitAction()->trigger();
    const QRectF visible = view()->mapToScene(view()->viewport()->rect()).boundingRect();
    for (FlowNodeItem* item : items)
        QVERIFY(visible.contains(item->sceneBoundingRect().center()));
    m_editor->undoStack()->undo();
    QVERIFY(m_editor->document() == doc);
}

void FlowDesignerTest::inspectorEditsAndFieldValidation()
{
    m_editor->load(trellis::core::flow::defaultFlow({true, 5, 5}));
    trellis::ui::FlowInspector* inspector = m_designer->inspector();
    scene()->selectNodes({QStringLiteral("totp-enrol")});
    QCOMPARE(inspector->nodeId(), QStringLiteral("totp-enrol"));

    // Caption: typing changes the label (one merged command), the canvas shows it.
    inspector->labelField()->setFocus();
    QTest::keyClicks(inspector->labelField(), QStringLiteral("Authenticator"));
    QCOMPARE(m_editor->document().node("totp-enrol")->label, std::string("Authenticator"));
    QCOMPARE(scene()->nodeItem(QStringLiteral("totp-enrol"))->caption(), QStringLiteral("Authenticator"));

    // A setting too long for its field: the error shows next to the field and as a badge on the step.
    auto* issuer = qobject_cast<QLineEdit*>(inspector->fieldWidget(QStringLiteral("issuer")));
    QVERIFY(issuer);
    QCOMPARE(issuer->text(), QStringLiteral("Trellis"));
    issuer->setFocus();
    issuer->selectAll();
    QTest::keyClicks(issuer, QString(120, QLatin1Char('x')));
    QCOMPARE(m_editor->document().node("totp-enrol")->config.at("issuer").get<std::string>(), std::string(120, 'x'));
    m_editor->validateNow();
    QVERIFY(!inspector->fieldError(QStringLiteral("issuer")).isEmpty());
    QCOMPARE(scene()->nodeItem(QStringLiteral("totp-enrol"))->problemCount(), 1);
    QVERIFY(scene()->nodeItem(QStringLiteral("totp-enrol"))->toolTip().contains(QStringLiteral("issuer")));
    // Shortening it clears both.
    issuer->selectAll();
    QTest::keyClicks(issuer, QStringLiteral("Acme"));
    m_editor->validateNow();
    QVERIFY(inspector->fieldError(QStringLiteral("issuer")).isEmpty());
    QCOMPARE(scene()->nodeItem(QStringLiteral("totp-enrol"))->problemCount(), 0);

    // An integer setting through its spin box.
    scene()->selectNodes({QStringLiteral("password-retries")});
    auto* attempts = qobject_cast<QSpinBox*>(inspector->fieldWidget(QStringLiteral("maxAttempts")));
    QVERIFY(attempts);
    QCOMPARE(attempts->maximum(), 100);
    attempts->setValue(3);
    QCOMPARE(m_editor->document().node("password-retries")->config.at("maxAttempts").get<int>(), 3);

    // A new condition step misses its required fact: the field says so; choosing one fixes it.
    const std::string condition = m_editor->addNode("condition", QPointF(0, 700));
    scene()->selectNodes({QString::fromStdString(condition)});
    m_editor->validateNow();
    QVERIFY(!inspector->fieldError(QStringLiteral("fact")).isEmpty());
    auto* fact = qobject_cast<QComboBox*>(inspector->fieldWidget(QStringLiteral("fact")));
    QVERIFY(fact);
    fact->setFocus();
    QTest::keyClick(fact, Qt::Key_Down);
    QCOMPARE(m_editor->document().node(condition)->config.at("fact").get<std::string>(), std::string("user.hasTotp"));
    m_editor->validateNow();
    QVERIFY(inspector->fieldError(QStringLiteral("fact")).isEmpty());

    // Exits can be wired from the inspector too (the keyboard way); "Start here" moves the start.
    QComboBox* exitTrue = inspector->outcomeTarget(QStringLiteral("true"));
    QVERIFY(exitTrue);
    exitTrue->setCurrentIndex(exitTrue->findData(QStringLiteral("success")));
    Q_EMIT exitTrue->activated(exitTrue->currentIndex());
    QCOMPARE(m_editor->document().node(condition)->target("true"), std::string("success"));
    QVERIFY(scene()->edgeItem(QString::fromStdString(condition), QStringLiteral("true")));
    inspector->startButton()->click();
    QCOMPARE(m_editor->document().start, condition);
    QVERIFY(scene()->nodeItem(QString::fromStdString(condition))->isStart());
    QVERIFY(!scene()->nodeItem(QStringLiteral("identify"))->isStart());
}

void FlowDesignerTest::problemsShowOnTheStepsAndSelectThem()
{
    m_editor->load(trellis::core::flow::defaultFlow());
    QListWidget* problems = m_designer->problemsList();
    QCOMPARE(problems->count(), 1); // "no problems"
    m_editor->disconnectOutcome("password", "locked");
    m_editor->validateNow();
    QVERIFY(scene()->nodeItem(QStringLiteral("password"))->problemCount() >= 1);
    QVERIFY(m_designer->sideTabs()->tabText(1).contains(QLatin1Char('(')));
    QListWidgetItem* item = nullptr;
    for (int row = 0; row < problems->count(); ++row)
        if (problems->item(row)->data(Qt::UserRole).toString() == QLatin1String("password"))
            item = problems->item(row);
    QVERIFY(item);
    QVERIFY(item->text().contains(QStringLiteral("password")));
    view()->zoomBy(2.5);
    view()->centerOn(QPointF(-2000, -2000));
    Q_EMIT problems->itemActivated(item);
    QCOMPARE(scene()->selectedNodeIds(), QStringList({QStringLiteral("password")}));
    const QRectF visible = view()->mapToScene(view()->viewport()->rect()).boundingRect();
    QVERIFY(visible.contains(scene()->nodeItem(QStringLiteral("password"))->sceneBoundingRect().center()));
    QCOMPARE(m_designer->inspector()->nodeId(), QStringLiteral("password"));
}

void FlowDesignerTest::keyboardOperation()
{
    m_editor->load(trellis::core::flow::defaultFlow());
    const FlowDocument original = m_editor->document();
    view()->setFocus();
    // Tab cycles through the steps in document order; Shift+Tab goes back.
    QTest::keyClick(view(), Qt::Key_Tab);
    QCOMPARE(scene()->selectedNodeIds(), QStringList({QStringLiteral("identify")}));
    QTest::keyClick(view(), Qt::Key_Tab);
    QCOMPARE(scene()->selectedNodeIds(), QStringList({QStringLiteral("password")}));
    QTest::keyClick(view(), Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(scene()->selectedNodeIds(), QStringList({QStringLiteral("identify")}));

    // Arrow keys move the selection; a run of presses is one undo step.
    const int index = m_editor->undoStack()->index();
    QTest::keyClick(view(), Qt::Key_Right);
    QTest::keyClick(view(), Qt::Key_Right);
    QTest::keyClick(view(), Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(m_editor->document().node("identify")->position.x, original.node("identify")->position.x + 20);
    QCOMPARE(m_editor->document().node("identify")->position.y, original.node("identify")->position.y + 50);
    QCOMPARE(scene()->nodeItem(QStringLiteral("identify"))->pos(), QPointF(20, 50));

    QVERIFY(m_editor->undoStack()->index() > index);

    // Enter opens the inspector on the caption field.
    QTest::keyClick(view(), Qt::Key_Return);
    QVERIFY(m_designer->inspector()->labelField()->hasFocus());

    // Connect the next open exit with the keyboard command: a new step, its exit to the success step.
    view()->setFocus();
    const std::string code = m_editor->addNode("totp-verify", QPointF(0, 600));
    scene()->selectNodes({QString::fromStdString(code)});
    QVERIFY(m_designer->connectAction()->isEnabled());
    QVERIFY(m_designer->connectNextExitTo(QStringLiteral("success")));
    QCOMPARE(m_editor->document().node(code)->target("success"), std::string("success"));
    QVERIFY(m_designer->connectNextExitTo(QStringLiteral("totp-retries")));
    QCOMPARE(m_editor->document().node(code)->target("failure"), std::string("totp-retries"));
    QVERIFY(!m_designer->connectNextExitTo(QStringLiteral("success"))); // every exit is wired now
    QVERIFY(!m_designer->connectAction()->isEnabled());

    // Delete key removes, Ctrl+Z brings back: identical document.
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_Delete);
    QVERIFY(!m_editor->document().node(code));
    QTest::keyClick(view(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(m_editor->document().node(code));
    while (m_editor->undoStack()->canUndo())
        QTest::keyClick(view(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(m_editor->document() == original);

    // Zoom with the keyboard and Ctrl+wheel, fit with Ctrl+0.
    const double zoom = view()->zoom();
    QTest::keyClick(view(), Qt::Key_Equal, Qt::ControlModifier);
    QVERIFY(view()->zoom() > zoom);
    QTest::keyClick(view(), Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(view(), Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(view()->zoom() < zoom);
    QWheelEvent wheel(QPointF(300, 300), view()->viewport()->mapToGlobal(QPointF(300, 300)), QPoint(), QPoint(0, 120),
                      Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    const double beforeWheel = view()->zoom();
    QApplication::sendEvent(view()->viewport(), &wheel);
    QVERIFY(view()->zoom() > beforeWheel);
    QTest::keyClick(view(), Qt::Key_0, Qt::ControlModifier);
    QVERIFY(view()->zoom() <= 1.0);

    // Ctrl+Tab leaves the canvas (Tab alone cycles the steps): no keyboard trap.
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_Tab, Qt::ControlModifier);
    QVERIFY(!view()->hasFocus());
}

void FlowDesignerTest::accessibleNames()
{
    QVERIFY(!view()->accessibleName().isEmpty());
    QVERIFY(!m_designer->palette()->list()->accessibleName().isEmpty());
    QVERIFY(!m_designer->palette()->searchField()->accessibleName().isEmpty());
    QVERIFY(!m_designer->problemsList()->accessibleName().isEmpty());
    m_editor->load(trellis::core::flow::defaultFlow());
    scene()->selectNodes({QStringLiteral("password-retries")});
    QVERIFY(!m_designer->inspector()->labelField()->accessibleName().isEmpty());
    QCOMPARE(m_designer->inspector()->fieldWidget(QStringLiteral("maxAttempts"))->accessibleName(),
             QStringLiteral("Maximum attempts"));
    QVERIFY(!m_designer->inspector()->outcomeTarget(QStringLiteral("retry"))->accessibleName().isEmpty());
}

void FlowDesignerTest::simulationPathLightsUpStepByStep()
{
    m_editor->load(trellis::core::flow::defaultFlow());
    // An answer as POST /flows/{id}/simulate gives it (decoded by the API client), shown in the panel.
    const auto answer = nlohmann::json::parse(R"({"steps": [
        {"nodeId": "identify", "type": "identify", "outcome": "next", "screen": {"kind": "identify"}, "facts": {},
         "events": []},
        {"nodeId": "password", "type": "password", "outcome": "failure", "facts": {"user.exists": true},
         "events": []},
        {"nodeId": "password-retries", "type": "retry-limit", "outcome": "retry", "facts": {}, "events": []},
        {"nodeId": "password", "type": "password", "outcome": "success", "facts": {}, "events": []},
        {"nodeId": "has-totp", "type": "condition", "outcome": "false", "facts": {"user.hasTotp": false},
         "events": []},
        {"nodeId": "success", "type": "success", "outcome": "", "facts": {}, "events": []}],
        "result": "success", "message": ""})");
    trellis::ui::FlowSimulatorPanel panel(nullptr, m_designer.get());
    panel.setResult(trellis::client::SimulationResult::fromJson(answer));
    QCOMPARE(panel.stepList()->count(), 6);
    // The first step is lit, nothing else yet.
    QCOMPARE(scene()->nodeItem(QStringLiteral("identify"))->highlight(), FlowNodeItem::Highlight::Current);
    QCOMPARE(scene()->nodeItem(QStringLiteral("password"))->highlight(), FlowNodeItem::Highlight::None);
    QVERIFY(panel.details()->toPlainText().contains(QStringLiteral("identify")));
    // Stepping on with the keyboard lights the path taken so far and the wires followed.
    panel.stepList()->setFocus();
    for (int i = 0; i < 4; ++i)
        QTest::keyClick(panel.stepList(), Qt::Key_Down);
    QCOMPARE(scene()->nodeItem(QStringLiteral("has-totp"))->highlight(), FlowNodeItem::Highlight::Current);
    QCOMPARE(scene()->nodeItem(QStringLiteral("password-retries"))->highlight(), FlowNodeItem::Highlight::Visited);
    QCOMPARE(scene()->nodeItem(QStringLiteral("success"))->highlight(), FlowNodeItem::Highlight::None);
    QVERIFY(scene()->edgeItem(QStringLiteral("password-retries"), QStringLiteral("retry"))->isHighlighted());
    QVERIFY(!scene()->edgeItem(QStringLiteral("password"), QStringLiteral("locked"))->isHighlighted());
    QVERIFY(panel.details()->toPlainText().contains(QStringLiteral("user.hasTotp")));
    const QRectF visible = view()->mapToScene(view()->viewport()->rect()).boundingRect();
    QVERIFY(visible.contains(scene()->nodeItem(QStringLiteral("has-totp"))->sceneBoundingRect().center()));
    QTest::keyClick(panel.stepList(), Qt::Key_Down);
    QCOMPARE(scene()->nodeItem(QStringLiteral("success"))->highlight(), FlowNodeItem::Highlight::Current);
    QCOMPARE(scene()->nodeItem(QStringLiteral("locked"))->highlight(), FlowNodeItem::Highlight::None);
}

void FlowDesignerTest::catalogIsTranslated()
{
    // Every word of the node catalog the designer shows has a German translation (ui/FlowText lists them for lupdate;
    // a new node type that is not listed there shows English in a German console).
    const QString qm = qEnvironmentVariable("TRELLIS_CATALOG_QM");
    QVERIFY2(!qm.isEmpty(), "TRELLIS_CATALOG_QM names the compiled German translation (build/app/trellis_de.qm)");
    QTranslator german;
    QVERIFY2(german.load(qm), qPrintable(qm));
    QStringList missing;
    auto need = [&](const std::string& english) {
        if (!english.empty() && german.translate("FlowCatalog", english.c_str()).isEmpty())
            missing.append(QString::fromStdString(english));
    };
    for (const auto& type : trellis::core::flow::NodeCatalog::builtin().types()) {
        need(type.displayName);
        need(type.description);
        for (const auto& outcome : type.outcomes)
            need(outcome.displayName);
        for (const auto& field : type.fields) {
            need(field.displayName);
            need(field.description);
        }
    }
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("not translated:\n") + missing.join(QLatin1Char('\n'))));
}

QTEST_MAIN(FlowDesignerTest)
#include "FlowDesignerTest.moc"
