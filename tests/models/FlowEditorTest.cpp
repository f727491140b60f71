// The designer's document model without any widget: every edit undoes and redoes back to the identical
// FlowDocument, moves and field edits merge, paste renames, auto-layout orders by depth, the recovery file, and the
// version diff (a pure function).
#include "models/FlowEditor.h"

#include "client/FlowRecords.h"
#include "core/flow/DefaultFlow.h"
#include "core/flow/FlowValidator.h"
#include "models/FlowDiff.h"
#include "models/FlowRecovery.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

using trellis::core::flow::FlowDocument;
using trellis::models::FlowChange;
using trellis::models::FlowEditor;
using trellis::models::FlowRecovery;

namespace {

/// Undoes everything and checks each intermediate document on the way down and back up again.
void checkUndoRedoRoundTrip(FlowEditor& editor, const std::vector<FlowDocument>& states)
{
    QUndoStack* stack = editor.undoStack();
    QCOMPARE(stack->index(), int(states.size()) - 1);
    for (int i = int(states.size()) - 1; i > 0; --i) {
        QVERIFY(editor.document() == states[std::size_t(i)]);
        stack->undo();
    }
    QVERIFY(editor.document() == states.front());
    for (std::size_t i = 1; i < states.size(); ++i) {
        stack->redo();
        QVERIFY(editor.document() == states[i]);
    }
}

} // namespace

class FlowEditorTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void everyEditUndoesToTheIdenticalDocument()
    {
        FlowEditor editor;
        editor.load(FlowDocument{});
        QVERIFY(!editor.isModified());
        std::vector<FlowDocument> states{editor.document()};
        QSignalSpy added(&editor, &FlowEditor::nodeAdded);

        const std::string identify = editor.addNode("identify", QPointF(0, 0));
        QCOMPARE(identify, std::string("identify"));
        QCOMPARE(editor.document().start, identify); // the first step starts the journey
        states.push_back(editor.document());
        const std::string password = editor.addNode("password", QPointF(300, 0));
        states.push_back(editor.document());
        const std::string success = editor.addNode("success", QPointF(600, 0));
        states.push_back(editor.document());
        const std::string failure = editor.addNode("failure", QPointF(600, 200));
        states.push_back(editor.document());
        QCOMPARE(added.count(), 4);
        QVERIFY(editor.isModified());

        QVERIFY(editor.connectOutcome(identify, "next", password));
        states.push_back(editor.document());
        QVERIFY(!editor.connectOutcome(identify, "no-such-outcome", password));
        QVERIFY(editor.connectOutcome(password, "success", success));
        states.push_back(editor.document());
        QCOMPARE(editor.nextUnwiredOutcome(password), std::string("failure"));
        QVERIFY(editor.connectOutcome(password, "failure", failure));
        states.push_back(editor.document());
        editor.disconnectOutcome(password, "failure");
        states.push_back(editor.document());

        editor.setConfigValue(failure, "message", "No");
        editor.setConfigValue(failure, "message", "No entry");
        states.push_back(editor.document()); // one command: consecutive edits of one field merge
        QCOMPARE(editor.document().node(failure)->config.at("message").get<std::string>(), std::string("No entry"));
        editor.setLabel(password, "Company password");
        states.push_back(editor.document());
        editor.setStart(password);
        states.push_back(editor.document());
        editor.moveNodes({{password, QPointF(310, 10)}}, QStringLiteral("drag"));
        editor.moveNodes({{password, QPointF(320, 20)}}, QStringLiteral("drag"));
        states.push_back(editor.document()); // merged while dragging
        editor.removeNodes({QString::fromStdString(success)});
        QVERIFY(editor.document().node(password)->target("success").empty()); // wires into it went with it
        states.push_back(editor.document());
        editor.autoLayout();
        states.push_back(editor.document());

        checkUndoRedoRoundTrip(editor, states);

        // A config edit that returns to the old value leaves nothing to undo.
        const int index = editor.undoStack()->index();
        const auto before = editor.document();
        editor.setConfigValue(failure, "message", "Changed");
        editor.setConfigValue(failure, "message", "No entry");
        QVERIFY(editor.document() == before);
        QCOMPARE(editor.undoStack()->index(), index);

        // Saving marks the state clean; an edit makes it modified again, its undo clean again.
        editor.markSaved();
        QVERIFY(!editor.isModified());
        editor.setLabel(identify, "Email");
        QVERIFY(editor.isModified());
        editor.undoStack()->undo();
        QVERIFY(!editor.isModified());
    }

    void pasteRenamesAndKeepsInnerWires()
    {
        FlowEditor editor;
        editor.load(trellis::core::flow::defaultFlow());
        const FlowDocument original = editor.document();
        const auto fragment = editor.copy({QStringLiteral("identify"), QStringLiteral("password")});
        QCOMPARE(fragment.at("nodes").size(), std::size_t(2));
        const QStringList ids = editor.paste(fragment, QPointF(40, 40));
        QCOMPARE(ids, QStringList({QStringLiteral("identify-2"), QStringLiteral("password-2")}));
        const auto* copy = editor.document().node("identify-2");
        QVERIFY(copy);
        QCOMPARE(copy->target("next"), std::string("password-2")); // wire inside the fragment follows the copy
        QCOMPARE(copy->position.x, original.node("identify")->position.x + 40);
        // Wires leaving the fragment are dropped: the copy is not wired into the original journey.
        for (const auto& [outcome, target] : editor.document().node("password-2")->outcomes)
            QVERIFY(target == "identify-2" || target == "password-2");
        QCOMPARE(editor.document().start, original.start);
        editor.undoStack()->undo();
        QVERIFY(editor.document() == original);
        QVERIFY(editor.paste(nlohmann::json::parse("{\"nodes\": 5}"), QPointF()).isEmpty());
        QVERIFY(editor.paste(nlohmann::json::array(), QPointF()).isEmpty());
    }

    void autoLayoutOrdersLeftToRightByDepth()
    {
        FlowEditor editor;
        FlowDocument doc = trellis::core::flow::defaultFlow({true, 5, 5});
        for (auto& node : doc.nodes)
            node.position = {0, 0}; // everything piled up
        editor.load(doc);
        editor.autoLayout();
        const FlowDocument& laid = editor.document();
        // Each wire that does not loop back goes from left to right.
        const auto x = [&](const std::string& id) { return laid.node(id)->position.x; };
        QVERIFY(x(laid.start) < x(laid.node(laid.start)->target("next")));
        int rightward = 0;
        for (const auto& node : laid.nodes)
            for (const auto& [outcome, target] : node.outcomes)
                if (x(target) > x(node.id))
                    ++rightward;
        QVERIFY(rightward >= 4);
        // No two steps overlap.
        for (std::size_t i = 0; i < laid.nodes.size(); ++i)
            for (std::size_t j = i + 1; j < laid.nodes.size(); ++j) {
                const auto& a = laid.nodes[i];
                const auto& b = laid.nodes[j];
                const QRectF ra(a.position.x, a.position.y, FlowEditor::nodeWidth, FlowEditor::nodeHeight(4));
                const QRectF rb(b.position.x, b.position.y, FlowEditor::nodeWidth, FlowEditor::nodeHeight(4));
                if (a.position.x == b.position.x)
                    QVERIFY2(std::abs(a.position.y - b.position.y) >= FlowEditor::nodeHeight(0),
                             (a.id + " overlaps " + b.id).c_str());
            }
        editor.undoStack()->undo();
        QVERIFY(editor.document() == doc);
    }

    void alignAndDistribute()
    {
        FlowEditor editor;
        editor.load(FlowDocument{});
        const auto a = editor.addNode("success", QPointF(10, 100));
        const auto b = editor.addNode("success", QPointF(50, 20));
        const auto c = editor.addNode("success", QPointF(400, 60));
        const QStringList all{QString::fromStdString(a), QString::fromStdString(b), QString::fromStdString(c)};
        editor.align(all, FlowEditor::Alignment::Top);
        for (const auto& n : editor.document().nodes)
            QCOMPARE(n.position.y, 20.0);
        editor.align(all, FlowEditor::Alignment::DistributeHorizontally);
        QCOMPARE(editor.document().node(b)->position.x, 205.0);
        editor.align(all, FlowEditor::Alignment::Left);
        for (const auto& n : editor.document().nodes)
            QCOMPARE(n.position.x, 10.0);
    }

    void validationFollowsEdits()
    {
        FlowEditor editor;
        editor.load(trellis::core::flow::defaultFlow());
        QVERIFY(editor.problems().empty());
        QSignalSpy problems(&editor, &FlowEditor::problemsChanged);
        editor.disconnectOutcome("identify", "next");
        // Debounced: the problem shows up shortly after the edit.
        QVERIFY(problems.wait(2000));
        QVERIFY(!editor.problemsFor("identify").empty());
        QCOMPARE(editor.problemsFor("identify").front().code, std::string("unwired_outcome"));
        editor.undoStack()->undo();
        QVERIFY(problems.wait(2000));
        QVERIFY(editor.problems().empty());
        // A required field left empty is reported on its field.
        const auto condition = editor.addNode("condition", QPointF(0, 400));
        editor.validateNow();
        bool fieldProblem = false;
        for (const auto& p : editor.problemsFor(condition))
            fieldProblem = fieldProblem || p.field == "config.fact";
        QVERIFY(fieldProblem);
    }

    void recoveryFileFollowsEdits()
    {
        const QString flowId = QStringLiteral("flow-recovery-test");
        FlowRecovery::remove(flowId);
        FlowEditor editor;
        editor.load(trellis::core::flow::defaultFlow());
        FlowRecovery recovery(&editor);
        recovery.setDelay(50);
        recovery.setFlow(flowId, 7);
        QSignalSpy written(&recovery, &FlowRecovery::written);
        QVERIFY(!FlowRecovery::find(flowId));
        editor.setLabel("identify", "Email first");
        QVERIFY(written.wait(2000));
        QVERIFY(written.first().first().toString().startsWith(FlowRecovery::directory()));
        const auto entry = FlowRecovery::find(flowId);
        QVERIFY(entry);
        QCOMPARE(entry->revision, 7);
        QVERIFY(entry->document == editor.document());
        QVERIFY(entry->savedAt.isValid());
        recovery.discard();
        QVERIFY(!FlowRecovery::find(flowId));
        // Loading afresh (not an edit) writes nothing.
        editor.load(trellis::core::flow::defaultFlow());
        QVERIFY(!written.wait(300));
        QVERIFY(!FlowRecovery::find(flowId));
    }

    void serverCatalogDecodes()
    {
        // GET /flow-catalog answers {"nodeTypes": [to_json(NodeType)...]}: decoded, it is the same catalog.
        const auto& builtin = trellis::core::flow::NodeCatalog::builtin();
        nlohmann::json withExtra{{"nodeTypes", builtin.toJson().at("types")}};
        withExtra["nodeTypes"].push_back({{"name", "server-only-step"},
                                          {"displayName", "Server-only step"},
                                          {"category", "authentication"},
                                          {"outcomes", {{{"name", "success"}, {"displayName", "Signed"}}}},
                                          {"config", nlohmann::json::array()},
                                          {"terminal", "none"}});
        // A type whose outcomes come from its config (like the subflow) has no fixed outcomes.
        withExtra["nodeTypes"].push_back({{"name", "server-only-subflow"},
                                          {"displayName", "Server-only subflow"},
                                          {"category", "logic"},
                                          {"outcomes", nlohmann::json::array()},
                                          {"config", nlohmann::json::array()},
                                          {"terminal", "none"},
                                          {"dynamicOutcomes", true}});
        const auto catalog = trellis::client::catalogFromJson(withExtra);
        QCOMPARE(catalog->types().size(), builtin.types().size() + 2);
        for (std::size_t i = 0; i < builtin.types().size(); ++i)
            QCOMPARE(QString::fromStdString(nlohmann::json(catalog->types()[i]).dump()),
                     QString::fromStdString(nlohmann::json(builtin.types()[i]).dump()));
        // A type only the server knows can be placed and validated in the designer.
        FlowEditor editor;
        editor.setCatalog(catalog.get());
        editor.load(FlowDocument{});
        const auto id = editor.addNode("server-only-step", QPointF());
        QCOMPARE(id, std::string("server-only-step"));
        editor.validateNow();
        QCOMPARE(editor.problemsFor(id).front().code, std::string("unwired_outcome"));
        // The subflow offers success and failure to wire (and keeps any other exit the document names).
        const auto sub = editor.addNode("server-only-subflow", QPointF(0, 200));
        QCOMPARE(editor.nextUnwiredOutcome(sub), std::string("success"));
        QVERIFY(editor.connectOutcome(sub, "success", id));
        QVERIFY(editor.connectOutcome(sub, "partner", id));
        QCOMPARE(editor.nextUnwiredOutcome(sub), std::string("failure"));
        const auto* subType = catalog->find("server-only-subflow");
        QCOMPARE(FlowEditor::outcomesOf(subType, *editor.document().node(sub)).size(), std::size_t(3));
        QVERIFY(!editor.connectOutcome(id, "no-such-outcome", sub)); // fixed outcomes stay fixed
    }

    void diffListsNodeAndEdgeChanges()
    {
        const FlowDocument v1 = trellis::core::flow::defaultFlow();
        FlowDocument v2 = v1;
        // Same document: no change at all.
        QVERIFY(trellis::models::diffFlows(v1, v2).empty());

        v2.node("password")->label = "Company password";
        v2.node("password")->position.x += 50;
        trellis::core::flow::FlowNode extra;
        extra.id = "enrol";
        extra.type = "totp-enrol";
        extra.outcomes["enrolled"] = "success";
        v2.nodes.push_back(extra);
        const std::string oldFailureTarget = v2.node("password")->target("failure");
        v2.node("password")->outcomes["failure"] = "enrol";
        v2.node("password")->outcomes.erase("locked");
        const std::string oldLocked = v1.node("password")->target("locked");

        const auto changes = trellis::models::diffFlows(v1, v2);
        using K = FlowChange::Kind;
        const auto has = [&](K kind, const std::string& node, const std::string& outcome = {}) {
            return std::any_of(changes.begin(), changes.end(), [&](const FlowChange& c) {
                return c.kind == kind && c.nodeId == node && (outcome.empty() || c.outcome == outcome);
            });
        };
        QVERIFY(has(K::LabelChanged, "password"));
        QVERIFY(has(K::NodeMoved, "password"));
        QVERIFY(has(K::NodeAdded, "enrol"));
        QVERIFY(has(K::EdgeAdded, "enrol", "enrolled"));
        QVERIFY(has(K::EdgeRetargeted, "password", "failure"));
        QVERIFY(!oldLocked.empty());
        QVERIFY(has(K::EdgeRemoved, "password", "locked"));
        const auto retarget = std::find_if(changes.begin(), changes.end(),
                                           [](const FlowChange& c) { return c.kind == K::EdgeRetargeted; });
        QCOMPARE(retarget->from, oldFailureTarget);
        QCOMPARE(retarget->to, std::string("enrol"));
        // The layout-free diff leaves the move out; every change has words.
        const auto noLayout = trellis::models::diffFlowsIgnoringLayout(v1, v2);
        QCOMPARE(noLayout.size(), changes.size() - 1);
        for (const auto& c : changes)
            QVERIFY(!trellis::models::describeChange(c).isEmpty());

        // Removal and a config change, the other way round.
        FlowDocument v3 = v1;
        v3.nodes.erase(
            std::remove_if(v3.nodes.begin(), v3.nodes.end(), [](const auto& n) { return n.type == "failure"; }),
            v3.nodes.end());
        const auto removal = trellis::models::diffFlows(v1, v3);
        QVERIFY(
            std::any_of(removal.begin(), removal.end(), [](const FlowChange& c) { return c.kind == K::NodeRemoved; }));
        FlowDocument v4 = v1;
        v4.node("password-retries")->config["maxAttempts"] = 3;
        const auto config = trellis::models::diffFlows(v1, v4);
        QCOMPARE(config.size(), std::size_t(1));
        QCOMPARE(config.front().kind, K::ConfigChanged);
        QCOMPARE(config.front().field, std::string("maxAttempts"));
        QCOMPARE(config.front().to, std::string("3"));
        v4.start = "password";
        QCOMPARE(trellis::models::diffFlows(v1, v4).front().kind, K::StartChanged);
    }
};

QTEST_GUILESS_MAIN(FlowEditorTest)
#include "FlowEditorTest.moc"
