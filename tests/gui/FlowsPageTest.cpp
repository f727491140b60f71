// The Login journeys section against a real trellisd with the demo world, as the platform owner: create a journey,
// edit and save its draft (revision checks, someone else saving in between), the recovery copy after a crash,
// JSON export and import, publishing (refused with the problems on the steps, then accepted), versions and their
// comparison, bindings, and the simulator lighting up the path. Needs the server's flow API (issue 5 slice A) and,
// for the simulation, the simulator (slice B).
#include "ui/FlowsPage.h"

#include "client/ApiClient.h"
#include "core/flow/DefaultFlow.h"
#include "models/ConsoleSession.h"
#include "models/FlowEditor.h"
#include "models/FlowRecovery.h"
#include "tests/common/PostgresTestDatabase.h"
#include "tests/common/TrellisdProcess.h"
#include "tests/gui/SignedInConsole.h"
#include "ui/FlowBindingsPanel.h"
#include "ui/FlowDesigner.h"
#include "ui/FlowNodeItem.h"
#include "ui/FlowScene.h"
#include "ui/FlowSimulatorPanel.h"
#include "ui/FlowVersionsPanel.h"
#include "ui/FlowView.h"
#include "ui/MainWindow.h"

#include <memory>

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QUndoStack>

using trellis::test::TrellisdProcess;
using trellis::ui::FlowsPage;

namespace {

constexpr int kLoadTimeoutMs = 20000;
const QString kOwner = QStringLiteral("owner@acme.example");

} // namespace

class FlowsPageTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void sectionIsThereWithAShortcut();
    void createEditAndSave();
    void someoneElseSavedInBetween();
    void recoveryAfterACrash();
    void exportAndImportRoundTrip();
    void publishRefusedThenAccepted();
    void versionsCompare();
    void bindAndUnbind();
    void simulateLightsThePath();

private:
    FlowsPage* page() const { return static_cast<FlowsPage*>(m_console.window->section(QStringLiteral("flows"))); }
    trellis::models::FlowEditor* editor() const { return page()->editor(); }
    /// Answers the next questions the page asks.
    void answer(QMessageBox::StandardButton button, const QString& text = QString());

    std::unique_ptr<trellis::test::PostgresTestDatabase> m_postgres;
    TrellisdProcess m_server;
    trellis::test::SignedInConsole m_console;
    QTemporaryDir m_dir;
    QStringList m_questions;
};

void FlowsPageTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
#ifdef TRELLIS_TEST_POSTGRES
    if (!trellis::test::PostgresTestDatabase::isConfigured())
        QSKIP(qPrintable(trellis::test::PostgresTestDatabase::notConfiguredReason()));
    m_postgres = std::make_unique<trellis::test::PostgresTestDatabase>();
    QString dbError;
    QVERIFY2(m_postgres->create(&dbError), qPrintable(dbError));
    m_server.setDatabaseUrl(m_postgres->url());
#endif
    m_server.setDemo(true);
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QString error;
    QVERIFY2(m_console.open(m_server, kOwner, &error), qPrintable(error));
    answer(QMessageBox::Yes, QStringLiteral("First journey"));
}

void FlowsPageTest::cleanupTestCase()
{
    m_console.close();
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

void FlowsPageTest::answer(QMessageBox::StandardButton button, const QString& text)
{
    FlowsPage::Prompts prompts = page()->prompts();
    prompts.ask = [this, button](const QString& title, const QString&, QMessageBox::StandardButtons,
                                 QMessageBox::StandardButton) {
        m_questions.append(title);
        return button;
    };
    prompts.askText = [this, text](const QString& title, const QString&) -> std::optional<QString> {
        m_questions.append(title);
        return text;
    };
    prompts.askChoice = [this](const QString& title, const QString&, const QStringList&) -> std::optional<int> {
        m_questions.append(title);
        return 0;
    };
    page()->setPrompts(prompts);
}

void FlowsPageTest::sectionIsThereWithAShortcut()
{
    const QStringList keys = m_console.window->sectionKeys();
    QVERIFY(keys.contains(QStringLiteral("flows")));
    QVERIFY(!page()->icon().isNull());
    QVERIFY(m_console.window->showSection(QStringLiteral("flows")));
    QTRY_VERIFY_WITH_TIMEOUT(page()->flowsLoaded(), kLoadTimeoutMs);
    QVERIFY2(page()->serverHasFlows(), "the server offers GET /api/v1/orgs/{id}/flows");
    // The journey sign-ins at the first organisation use opens by itself.
    QTRY_VERIFY_WITH_TIMEOUT(!page()->flowId().isEmpty(), kLoadTimeoutMs);
    QVERIFY(!editor()->document().nodes.empty());
    QVERIFY(!page()->designer()->view()->accessibleName().isEmpty());
}

void FlowsPageTest::createEditAndSave()
{
    QSignalSpy opened(page(), &FlowsPage::flowOpened);
    answer(QMessageBox::Yes, QStringLiteral("Partner journey"));
    page()->findChild<QAction*>(QStringLiteral("newFlowAction"))->trigger();
    QVERIFY(opened.wait(kLoadTimeoutMs));
    QVERIFY(!page()->flowId().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(page()->flowList()->count() >= 1, kLoadTimeoutMs);
    const int revision = page()->draftRevision();
    QVERIFY(!editor()->document().nodes.empty());

    const std::string first = editor()->document().nodes.front().id;
    editor()->setLabel(first, "Who are you?");
    QVERIFY(editor()->isModified());
    QSignalSpy saved(page(), &FlowsPage::flowSaved);
    page()->saveAction()->trigger();
    QVERIFY(saved.wait(kLoadTimeoutMs));
    QVERIFY(page()->draftRevision() > revision);
    QVERIFY(!editor()->isModified());
    QVERIFY(!trellis::models::FlowRecovery::find(page()->flowId()));

    // Opening it again shows what was saved.
    const auto savedDocument = editor()->document();
    page()->openFlow(page()->flowId());
    QVERIFY(opened.wait(kLoadTimeoutMs));
    QVERIFY(editor()->document() == savedDocument);
}

void FlowsPageTest::someoneElseSavedInBetween()
{
    // Another admin saves the draft from their own console.
    trellis::client::ApiClient other;
    other.setBaseUrl(m_server.baseUrl());
    other.setAccessToken(m_server.adminToken(kOwner, QStringLiteral("1h")));
    auto theirs = editor()->document();
    theirs.nodes.front().label = "Their caption";
    bool done = false;
    other.saveFlowDraft(page()->flowId(), theirs, page()->draftRevision(), this,
                        [&done](trellis::client::ApiResult<trellis::client::DraftSaveResult> r) {
                            QVERIFY(r.ok() && r.value->saved);
                            done = true;
                        });
    QTRY_VERIFY_WITH_TIMEOUT(done, kLoadTimeoutMs);

    // Our save now conflicts: the question says so in plain words; "keep editing" keeps our edits.
    editor()->setLabel(editor()->document().nodes.front().id, "Our caption");
    answer(QMessageBox::Ignore);
    m_questions.clear();
    QSignalSpy failed(page(), &FlowsPage::saveFailed);
    page()->save();
    QVERIFY(failed.wait(kLoadTimeoutMs));
    QCOMPARE(failed.first().first().toString(), QStringLiteral("revision_conflict"));
    QCOMPARE(m_questions.size(), 1);
    QVERIFY(editor()->isModified());
    QCOMPARE(editor()->document().nodes.front().label, std::string("Our caption"));

    // Saving again and choosing "reload" brings their version.
    answer(QMessageBox::Reset);
    QSignalSpy opened(page(), &FlowsPage::flowOpened);
    page()->save();
    QVERIFY(opened.wait(kLoadTimeoutMs));
    QCOMPARE(editor()->document().nodes.front().label, std::string("Their caption"));
    QVERIFY(!editor()->isModified());
}

void FlowsPageTest::recoveryAfterACrash()
{
    const QString flowId = page()->flowId();
    page()->recovery()->setDelay(20);
    editor()->setLabel(editor()->document().nodes.front().id, "Unsaved caption");
    const auto edited = editor()->document();
    QTRY_VERIFY_WITH_TIMEOUT(trellis::models::FlowRecovery::find(flowId).has_value(), 5000);
    QVERIFY(trellis::models::FlowRecovery::find(flowId)->document == edited);

    // The console "crashes": the edits are gone from memory, the file stays. Opening the flow offers them back.
    editor()->markSaved();
    answer(QMessageBox::Yes);
    m_questions.clear();
    QSignalSpy opened(page(), &FlowsPage::flowOpened);
    page()->openFlow(flowId);
    QVERIFY(opened.wait(kLoadTimeoutMs));
    QCOMPARE(m_questions.size(), 1);
    QVERIFY(editor()->document() == edited);
    QVERIFY(editor()->isModified());
    // Saving removes the recovery copy.
    QSignalSpy saved(page(), &FlowsPage::flowSaved);
    page()->save();
    QVERIFY(saved.wait(kLoadTimeoutMs));
    QVERIFY(!trellis::models::FlowRecovery::find(flowId));
}

void FlowsPageTest::exportAndImportRoundTrip()
{
    const QString path = m_dir.filePath(QStringLiteral("journey.json"));
    const auto exported = editor()->document();
    QVERIFY(page()->exportTo(path));
    editor()->autoLayout();
    editor()->removeNodes({QString::fromStdString(exported.nodes.back().id)});
    QVERIFY(!(editor()->document() == exported));
    QVERIFY(page()->importFrom(path));
    QVERIFY(editor()->document() == exported);
    // Import is one undoable command.
    editor()->undoStack()->undo();
    QVERIFY(!(editor()->document() == exported));
    editor()->undoStack()->redo();
    // A file that is not a journey is refused with words.
    QFile bad(m_dir.filePath(QStringLiteral("bad.json")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("{\"nodes\": 7}");
    bad.close();
    QVERIFY(!page()->importFrom(bad.fileName()));
    QVERIFY(editor()->document() == exported);
}

void FlowsPageTest::publishRefusedThenAccepted()
{
    // Break the journey: an exit leading nowhere. The server refuses to publish and names the step.
    const auto& nodes = editor()->document().nodes;
    std::string broken;
    std::string outcome;
    for (const auto& node : nodes)
        if (!node.outcomes.empty() && broken.empty()) {
            broken = node.id;
            outcome = node.outcomes.begin()->first;
        }
    QVERIFY(!broken.empty());
    editor()->disconnectOutcome(broken, outcome);
    answer(QMessageBox::Yes, QStringLiteral("Broken on purpose"));
    QSignalSpy published(page(), &FlowsPage::flowPublished);
    page()->publish(); // saves first, then publishes
    QTRY_VERIFY_WITH_TIMEOUT(
        page()->findChild<QLabel*>(QStringLiteral("flowNote"))->text().contains(QStringLiteral("cannot be published")),
        kLoadTimeoutMs);
    QCOMPARE(published.count(), 0);
    QVERIFY(page()->designer()->scene()->nodeItem(QString::fromStdString(broken))->problemCount() >= 1);

    // Fixed: it publishes as version 1 with the note.
    editor()->undoStack()->undo();
    answer(QMessageBox::Yes, QStringLiteral("First version"));
    page()->publish();
    QVERIFY(published.wait(kLoadTimeoutMs) || published.wait(kLoadTimeoutMs));
    QCOMPARE(published.last().first().toInt(), 1);
}

void FlowsPageTest::versionsCompare()
{
    trellis::ui::FlowVersionsPanel* versions = page()->versionsPanel();
    QTRY_VERIFY_WITH_TIMEOUT(versions->versionList()->topLevelItemCount() == 1, kLoadTimeoutMs);
    QCOMPARE(versions->versions().front().note, QStringLiteral("First version"));
    QVERIFY(versions->versions().front().live);
    editor()->setLabel(editor()->document().nodes.front().id, "Changed after publishing");
    QSignalSpy compared(versions, &trellis::ui::FlowVersionsPanel::compared);
    versions->compare(1, 0);
    QVERIFY(compared.wait(kLoadTimeoutMs));
    QCOMPARE(versions->changeList()->count(), 1);
    QVERIFY(versions->changeList()->item(0)->text().contains(QStringLiteral("Changed after publishing")));
    editor()->undoStack()->undo();
}

void FlowsPageTest::bindAndUnbind()
{
    trellis::ui::FlowBindingsPanel* bindings = page()->bindingsPanel();
    QSignalSpy loaded(bindings, &trellis::ui::FlowBindingsPanel::loaded);
    bindings->bind(QString());
    QVERIFY(loaded.wait(kLoadTimeoutMs));
    bool bound = false;
    QString bindingId;
    for (const auto& b : bindings->bindings().bindings)
        if (b.flowId == page()->flowId() && b.clientId.isEmpty()) {
            bound = true;
            bindingId = b.id;
        }
    QVERIFY(bound);
    QVERIFY(bindings->bindingList()->topLevelItemCount() >= 1);
    answer(QMessageBox::Yes);
    bindings->removeBinding(bindingId);
    QVERIFY(loaded.wait(kLoadTimeoutMs));
    for (const auto& b : bindings->bindings().bindings)
        QVERIFY(b.id != bindingId);
}

void FlowsPageTest::simulateLightsThePath()
{
    trellis::ui::FlowSimulatorPanel* simulator = page()->simulatorPanel();
    QSignalSpy finished(simulator, &trellis::ui::FlowSimulatorPanel::finished);
    // The scenario names the application (the server's registered ones are offered) and the address.
    QTRY_VERIFY_WITH_TIMEOUT(simulator->applicationChoice()->findData(QStringLiteral("trellis-console")) >= 0,
                             kLoadTimeoutMs);
    simulator->applicationChoice()->setCurrentIndex(
        simulator->applicationChoice()->findData(QStringLiteral("trellis-console")));
    // An address with a typo is pointed out next to the field, and nothing runs.
    simulator->addressField()->setText(QStringLiteral("203.0.113.300"));
    simulator->run();
    QVERIFY(simulator->addressError()->isVisibleTo(simulator));
    QVERIFY(simulator->addressError()->text().contains(QStringLiteral("203.0.113.300")));
    QCOMPARE(simulator->addressField()->text(), QStringLiteral("203.0.113.300"));
    QVERIFY(!finished.wait(300));
    simulator->addressField()->setText(QStringLiteral("2001:db8::7"));
    QCOMPARE(simulator->scenario().value("address", std::string()), std::string("2001:db8::7"));
    QCOMPARE(simulator->scenario().value("clientId", std::string()), std::string("trellis-console"));
    simulator->run();
    QVERIFY(!simulator->addressError()->isVisibleTo(simulator));
    QVERIFY(finished.wait(kLoadTimeoutMs));
    const auto& steps = simulator->result().steps;
    QVERIFY(!steps.empty());
    QCOMPARE(steps.front().nodeId.toStdString(), editor()->document().start);
    QCOMPARE(simulator->stepList()->count(), int(steps.size()));
    simulator->stepList()->setCurrentRow(int(steps.size()) - 1);
    auto* scene = page()->designer()->scene();
    QCOMPARE(scene->nodeItem(steps.back().nodeId)->highlight(), trellis::ui::FlowNodeItem::Highlight::Current);
    if (steps.size() > 1)
        QCOMPARE(scene->nodeItem(steps.front().nodeId)->highlight(), trellis::ui::FlowNodeItem::Highlight::Visited);
    QVERIFY(!simulator->details()->toPlainText().isEmpty());
}

QTEST_MAIN(FlowsPageTest)
#include "FlowsPageTest.moc"
