// Issue 5's "done when", end to end against a real trellisd with the demo world: a business user in the console
// builds "passkey first, magic-link fallback, step-up for high risk" from the palette with the mouse (no JSON),
// simulates it, publishes it for one reseller's subtree (Northwind Trading), and the next real sign-ins of Northwind
// staff in headless Chromium follow it step by step: the first from a new browser gets the link by email, creates a
// passkey and, the device being new, sets up an authenticator app; the next from the same browser signs in with the
// passkey alone (a known device is not stepped up); one from a second new browser without the passkey gets the link
// and must give an authenticator code. A changed version changes what they see; rolling back to the first version
// brings it back; an administrator removes a lost passkey; removing the binding returns them to the standard sign-in.
// People outside the reseller keep the standard sign-in throughout.
//
// The browser is tests/browser/journey-browser.mjs (playwright-core driving Debian's Chromium with a virtual
// authenticator), commanded line by line. Skipped, with the reason, without node, Chromium or playwright-core.
#include "models/ConsoleSession.h"
#include "models/FlowEditor.h"
#include "tests/common/TrellisdProcess.h"
#include "tests/gui/FlowCanvasInput.h"
#include "tests/gui/MessageBoxAnswer.h"
#include "tests/gui/SignedInConsole.h"
#include "ui/FlowBindingsPanel.h"
#include "ui/FlowDesigner.h"
#include "ui/FlowInspector.h"
#include "ui/FlowNodeItem.h"
#include "ui/FlowScene.h"
#include "ui/FlowSimulatorPanel.h"
#include "ui/FlowVersionsPanel.h"
#include "ui/FlowView.h"
#include "ui/FlowsPage.h"
#include "ui/MainWindow.h"
#include "ui/PersonEditorDialog.h"

#include <algorithm>
#include <map>
#include <set>

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTcpServer>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using trellis::test::TrellisdProcess;
using trellis::ui::FlowsPage;
namespace canvas = trellis::test::FlowCanvasInput;

namespace {

constexpr int kLoadTimeoutMs = 20000;
constexpr int kBrowserTimeoutMs = 90000;
const QString kOwner = QStringLiteral("owner@acme.example");
const QString kReseller = QStringLiteral("Northwind Trading");
const QString kResellerStaff = QStringLiteral("superadmin@northwind.example");
// Someone of the platform owner's own organisation, outside the reseller (a demo account with the demo password).
const QString kOutsider = QStringLiteral("auditor@acme.example");

} // namespace

class JourneyEndToEndTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void buildTheJourneyFromThePalette();
    void simulateBeforePublishing();
    void publishForTheReseller();
    void resellerStaffSignInFollowsIt();
    void aPublishedChangeShowsAtTheNextSignIn();
    void rollbackRestoresTheJourney();
    void aLostPasskeyRemovedInThePersonEditor();
    void removingTheBindingRestoresTheStandardSignIn();

private:
    FlowsPage* page() const { return static_cast<FlowsPage*>(m_console.window->section(QStringLiteral("flows"))); }
    trellis::models::FlowEditor* editor() const { return page()->editor(); }
    trellis::ui::FlowView* view() const { return page()->designer()->view(); }
    trellis::ui::FlowNodeItem* item(const char* type) const
    {
        return page()->designer()->scene()->nodeItem(m_ids.at(type));
    }
    std::string id(const char* type) const { return m_ids.at(type).toStdString(); }
    /// Answers the next questions the page asks with `button`, text questions with `text`, choices with the first.
    void answer(QMessageBox::StandardButton button, const QString& text = QString());
    /// One sign-in in the browser profile `browser`; the browser's answer (see journey-browser.mjs).
    QJsonObject signIn(const QString& browser, const QString& email);
    static QStringList nodesOf(const QJsonObject& result);
    static QStringList kindsOf(const QJsonObject& result);
    static QString describe(const QJsonObject& result);
    void publishAndWait(const QString& note, int expectedVersion);
    void screenshot(const QString& name, QWidget* widget = nullptr) const;

    TrellisdProcess m_server;
    trellis::test::SignedInConsole m_console;
    QProcess m_browser;
    std::map<std::string, QString> m_ids; ///< node type -> id of the step dropped for it
    QString m_flowId;
};

void JourneyEndToEndTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString node = qEnvironmentVariable("TRELLIS_NODE");
    const QString script = qEnvironmentVariable("TRELLIS_JOURNEY_BROWSER");
    if (node.isEmpty() || !QFileInfo(node).isExecutable())
        QSKIP("node not found (install the Debian package \"nodejs\", or run scripts/deps)");
    QVERIFY2(QFileInfo::exists(script), "TRELLIS_JOURNEY_BROWSER does not name journey-browser.mjs");
    const QString chromium = qEnvironmentVariable("TRELLIS_CHROMIUM", QStringLiteral("/usr/bin/chromium"));
    if (!QFileInfo(chromium).isExecutable())
        QSKIP("no Chromium found (install the Debian package \"chromium\" or set TRELLIS_CHROMIUM)");
    if (!QFileInfo(QFileInfo(script).dir().filePath(QStringLiteral("node_modules/playwright-core"))).isDir())
        QSKIP("playwright-core is not installed (run \"npm ci\" in tests/browser, or scripts/deps)");

    // Passkeys need a host name as relying party (browsers refuse an IP address), and "localhost" over plain http is
    // a secure context: the issuer is http://localhost:PORT, so the port is chosen before trellisd starts.
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    const QString base = QStringLiteral("http://localhost:%1").arg(port);
    m_server.setDemo(true);
    m_server.setExtraArguments(
        {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--issuer"), base});
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QString error;
    QVERIFY2(m_console.open(m_server, kOwner, &error), qPrintable(error));

    const auto roots = m_server.queryRows(QStringLiteral("SELECT id FROM orgs WHERE parent_id IS NULL"));
    QCOMPARE(roots.size(), 1);

    // The browser: emails sent during sign-in land in the root organisation's outbox, read with the owner's token.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TRELLIS_ADMIN_TOKEN"),
               QString::fromLatin1(m_server.adminToken(kOwner, QStringLiteral("1h"))));
    env.insert(QStringLiteral("TRELLIS_OUTBOX_ORG"), roots.front().value(QStringLiteral("id")).toString());
    m_browser.setProcessEnvironment(env);
    m_browser.start(node, {script, base});
    QVERIFY2(m_browser.waitForStarted(10000), qPrintable(m_browser.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(m_browser.canReadLine() || m_browser.state() == QProcess::NotRunning, 60000);
    if (m_browser.state() == QProcess::NotRunning && m_browser.exitCode() == 77)
        QSKIP(qPrintable(QString::fromUtf8(m_browser.readAllStandardError()).trimmed()));
    const QJsonObject ready = QJsonDocument::fromJson(m_browser.readLine()).object();
    QVERIFY2(ready.value(QStringLiteral("ready")).toBool(), m_browser.readAllStandardError().constData());
}

void JourneyEndToEndTest::cleanupTestCase()
{
    if (m_browser.state() != QProcess::NotRunning) {
        m_browser.write("{\"op\":\"quit\"}\n");
        if (!m_browser.waitForFinished(20000))
            m_browser.kill();
    }
    m_console.close();
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

void JourneyEndToEndTest::answer(QMessageBox::StandardButton button, const QString& text)
{
    FlowsPage::Prompts prompts = page()->prompts();
    prompts.ask = [button](const QString&, const QString&, QMessageBox::StandardButtons, QMessageBox::StandardButton) {
        return button;
    };
    prompts.askText = [text](const QString&, const QString&) -> std::optional<QString> { return text; };
    prompts.askChoice = [](const QString&, const QString&, const QStringList&) -> std::optional<int> { return 0; };
    page()->setPrompts(prompts);
}

QJsonObject JourneyEndToEndTest::signIn(const QString& browser, const QString& email)
{
    const QJsonObject command{{QStringLiteral("op"), QStringLiteral("signin")},
                              {QStringLiteral("browser"), browser},
                              {QStringLiteral("email"), email}};
    m_browser.write(QJsonDocument(command).toJson(QJsonDocument::Compact) + '\n');
    // The event loop keeps running meanwhile: trellisd is another process, but the console stays responsive.
    if (!QTest::qWaitFor([this] { return m_browser.canReadLine() || m_browser.state() == QProcess::NotRunning; },
                         kBrowserTimeoutMs))
        return {{QStringLiteral("ok"), false}, {QStringLiteral("error"), QStringLiteral("the browser did not answer")}};
    if (!m_browser.canReadLine())
        return {{QStringLiteral("ok"), false},
                {QStringLiteral("error"),
                 QStringLiteral("the browser exited: ") + QString::fromUtf8(m_browser.readAllStandardError())}};
    return QJsonDocument::fromJson(m_browser.readLine()).object();
}

QStringList JourneyEndToEndTest::nodesOf(const QJsonObject& result)
{
    QStringList nodes;
    for (const QJsonValue& step : result.value(QStringLiteral("steps")).toArray())
        nodes.append(step.toObject().value(QStringLiteral("node")).toString());
    return nodes;
}

QStringList JourneyEndToEndTest::kindsOf(const QJsonObject& result)
{
    QStringList kinds;
    for (const QJsonValue& step : result.value(QStringLiteral("steps")).toArray())
        kinds.append(step.toObject().value(QStringLiteral("kind")).toString());
    return kinds;
}

QString JourneyEndToEndTest::describe(const QJsonObject& result)
{
    return QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact));
}

void JourneyEndToEndTest::publishAndWait(const QString& note, int expectedVersion)
{
    answer(QMessageBox::Yes, note);
    QSignalSpy published(page(), &FlowsPage::flowPublished);
    page()->publishAction()->trigger(); // saves the draft first, asks for the note and a confirmation
    QVERIFY(published.wait(kLoadTimeoutMs) || published.wait(kLoadTimeoutMs));
    QCOMPARE(published.last().first().toInt(), expectedVersion);
}

void JourneyEndToEndTest::screenshot(const QString& name, QWidget* widget) const
{
    // For looking at: TRELLIS_SCREENSHOT_DIR=/tmp/shots ctest -R test_gui_journey_end_to_end
    const QString dir = qEnvironmentVariable("TRELLIS_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        (widget ? widget : m_console.window.get())->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

void JourneyEndToEndTest::buildTheJourneyFromThePalette()
{
    QVERIFY(m_console.window->showSection(QStringLiteral("flows")));
    QTRY_VERIFY_WITH_TIMEOUT(page()->flowsLoaded() && !page()->flowId().isEmpty(), kLoadTimeoutMs);

    // Pick the reseller in the organisation tree, with the mouse.
    QTreeView* tree = page()->orgTree();
    QAbstractItemModel* orgs = tree->model();
    const QModelIndex root = orgs->index(0, 0);
    tree->expand(root);
    QModelIndex reseller;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (int row = 0; row < orgs->rowCount(root); ++row)
                if (orgs->index(row, 0, root).data().toString() == kReseller)
                    reseller = orgs->index(row, 0, root);
            return reseller.isValid();
        }(),
        kLoadTimeoutMs);
    tree->scrollTo(reseller);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier, tree->visualRect(reseller).center());
    QTRY_COMPARE_WITH_TIMEOUT(QString::fromStdString(page()->org().name), kReseller, kLoadTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(page()->flowsLoaded(), kLoadTimeoutMs);

    // A new journey of the reseller's, cleared to an empty canvas.
    QSignalSpy opened(page(), &FlowsPage::flowOpened);
    answer(QMessageBox::Yes, QStringLiteral("Northwind passwordless"));
    page()->findChild<QAction*>(QStringLiteral("newFlowAction"))->trigger();
    QVERIFY(opened.wait(kLoadTimeoutMs));
    m_flowId = page()->flowId();
    QVERIFY(!m_flowId.isEmpty());
    page()->designer()->selectAllAction()->trigger();
    page()->designer()->deleteAction()->trigger();
    QVERIFY(editor()->document().nodes.empty());

    // Steps dragged from the palette onto a grid the zoomed-out canvas shows whole: column, row.
    for (int i = 0; i < 4; ++i)
        page()->designer()->findChild<QAction*>(QStringLiteral("flowZoomOut"))->trigger();
    const std::vector<std::pair<const char*, QPoint>> layout{
        {"identify", {0, 0}},        {"passkey-signin", {1, 0}}, {"magic-link", {1, 1}},  {"passkey-enrol", {2, 1}},
        {"risk-assessment", {2, 0}}, {"condition", {3, 1}},      {"totp-verify", {3, 2}}, {"totp-enrol", {2, 2}},
        {"success", {3, 0}},         {"failure", {0, 2}},
    };
    QWidget* viewport = view()->viewport();
    const int columnStep = std::min(150, (viewport->width() - 110) / 3);
    for (const auto& [type, cell] : layout) {
        const QPoint at(55 + cell.x() * columnStep, 50 + cell.y() * 130);
        QVERIFY2(columnStep >= 100 && viewport->rect().contains(at + QPoint(50, 80)),
                 qPrintable(QStringLiteral("the canvas (%1×%2) is too small for the test's grid")
                                .arg(viewport->width())
                                .arg(viewport->height())));
        std::set<std::string> before;
        for (const auto& n : editor()->document().nodes)
            before.insert(n.id);
        QVERIFY2(canvas::dropType(view(), QString::fromLatin1(type), at), type);
        for (const auto& n : editor()->document().nodes)
            if (!before.count(n.id))
                m_ids[type] = QString::fromStdString(n.id);
        QVERIFY2(m_ids.count(type) && item(type), type);
    }
    QCOMPARE(editor()->document().nodes.size(), layout.size());
    QCOMPARE(editor()->document().start, id("identify"));

    // Wires from each exit to the step it leads to, drawn with the mouse.
    const std::vector<std::tuple<const char*, const char*, const char*>> wires{
        {"identify", "next", "passkey-signin"},
        {"passkey-signin", "success", "risk-assessment"},
        {"passkey-signin", "failure", "magic-link"},
        {"passkey-signin", "no-passkey", "magic-link"},
        {"passkey-signin", "unsupported", "magic-link"},
        {"magic-link", "verified", "passkey-enrol"},
        {"magic-link", "expired", "failure"},
        {"passkey-enrol", "enrolled", "risk-assessment"},
        {"passkey-enrol", "skipped", "risk-assessment"},
        {"passkey-enrol", "failed", "risk-assessment"},
        {"risk-assessment", "low", "success"},
        {"risk-assessment", "medium", "success"},
        {"risk-assessment", "high", "condition"},
        {"condition", "true", "totp-verify"},
        {"condition", "false", "totp-enrol"},
        {"totp-verify", "success", "success"},
        {"totp-verify", "failure", "failure"},
        {"totp-enrol", "enrolled", "success"},
        {"totp-enrol", "failed", "failure"},
    };
    for (const auto& [from, outcome, to] : wires) {
        canvas::wire(view(), item(from), QString::fromLatin1(outcome), item(to));
        QVERIFY2(editor()->document().node(id(from))->target(outcome) == id(to),
                 qPrintable(QStringLiteral("%1 → %2 → %3 was not wired")
                                .arg(QLatin1String(from), QLatin1String(outcome), QLatin1String(to))));
    }

    // High risk from a score of 40: a browser never seen before (40 points) is stepped up, a known one is not.
    // Chosen in the inspector: a click on the step selects it, the threshold is typed into its field.
    const QPoint caption = canvas::viewPoint(view(), item("risk-assessment")->mapToScene(QPointF(40, 12)));
    QTest::mouseClick(viewport, Qt::LeftButton, Qt::NoModifier, caption);
    trellis::ui::FlowInspector* inspector = page()->designer()->inspector();
    QCOMPARE(inspector->nodeId(), m_ids.at("risk-assessment"));
    auto* threshold = qobject_cast<QSpinBox*>(inspector->fieldWidget(QStringLiteral("highThreshold")));
    QVERIFY(threshold);
    threshold->setFocus();
    threshold->selectAll();
    QTest::keyClicks(threshold, QStringLiteral("40"));
    QTest::keyClick(threshold, Qt::Key_Tab);
    QCOMPARE(editor()->document().node(id("risk-assessment"))->config.value("highThreshold", 0), 40);
    QCOMPARE(page()->designer()->undoAction()->text().remove(QLatin1Char('&')),
             QStringLiteral("Undo Change High from score"));

    // The condition asks whether the person has an authenticator app: a caption typed, the fact picked from the list.
    QTest::mouseClick(viewport, Qt::LeftButton, Qt::NoModifier,
                      canvas::viewPoint(view(), item("condition")->mapToScene(QPointF(40, 12))));
    QCOMPARE(inspector->nodeId(), m_ids.at("condition"));
    inspector->labelField()->setFocus();
    QTest::keyClicks(inspector->labelField(), QStringLiteral("Has an authenticator app?"));
    auto* fact = qobject_cast<QComboBox*>(inspector->fieldWidget(QStringLiteral("fact")));
    QVERIFY(fact);
    const int hasTotp = fact->findData(QStringLiteral("user.hasTotp"));
    QVERIFY(hasTotp >= 0);
    fact->setCurrentIndex(hasTotp);
    Q_EMIT fact->activated(hasTotp); // what choosing it with the mouse or keyboard sends
    QCOMPARE(editor()->document().node(id("condition"))->config.value("fact", std::string()),
             std::string("user.hasTotp"));
    QCOMPARE(editor()->document().node(id("condition"))->label, std::string("Has an authenticator app?"));

    // Arranged tidily (Ctrl+Shift+L); nothing left that would stop publishing; saved to the server.
    page()->designer()->autoLayoutAction()->trigger();
    editor()->validateNow();
    QString problems;
    for (const auto& p : editor()->problems())
        problems += QString::fromStdString(p.message) + QLatin1Char('\n');
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    QSignalSpy saved(page(), &FlowsPage::flowSaved);
    page()->saveAction()->trigger();
    QVERIFY(saved.wait(kLoadTimeoutMs));
    page()->designer()->fitAction()->trigger();
    screenshot(QStringLiteral("journey-built"));
}

void JourneyEndToEndTest::simulateBeforePublishing()
{
    QVERIFY2(m_ids.size() == 10, "the journey was not built");
    trellis::ui::FlowSimulatorPanel* simulator = page()->simulatorPanel();
    // The Simulate tab, as the user opens it.
    for (QTabWidget* tabs : page()->designer()->findChildren<QTabWidget*>())
        for (int i = 0; i < tabs->count(); ++i)
            if (tabs->widget(i) == simulator || tabs->widget(i)->isAncestorOf(simulator))
                tabs->setCurrentIndex(i);
    QVERIFY(simulator->isVisible());
    auto choose = [simulator](const char* name, const QString& value) {
        auto* combo = simulator->findChild<QComboBox*>(QString::fromLatin1(name));
        QVERIFY2(combo, name);
        const int index = combo->findData(value);
        QVERIFY2(index >= 0, name);
        combo->setCurrentIndex(index);
    };
    auto run = [simulator]() {
        QSignalSpy finished(simulator, &trellis::ui::FlowSimulatorPanel::finished);
        QTest::mouseClick(simulator->findChild<QPushButton*>(QStringLiteral("simRun")), Qt::LeftButton);
        QVERIFY(finished.wait(kLoadTimeoutMs));
    };
    auto path = [simulator]() {
        QStringList steps;
        for (const auto& step : simulator->result().steps)
            steps.append(step.nodeId + QLatin1Char(':') + step.outcome);
        return steps;
    };

    // Someone from Northwind without a passkey or authenticator app, on a new device: link by email, offered a
    // passkey, then stepped up by setting up an authenticator app.
    simulator->emailField()->setText(kResellerStaff);
    choose("simPasskey", QStringLiteral("none"));
    choose("simMagicLink", QStringLiteral("clicked"));
    choose("simTotp", QStringLiteral("ok"));
    choose("simDevice", QStringLiteral("new"));
    choose("simRisk", QString());
    run();
    QCOMPARE(simulator->result().result, QStringLiteral("success"));
    QStringList nodes;
    for (const auto& step : simulator->result().steps)
        nodes.append(step.nodeId);
    const QStringList expected{m_ids.at("identify"),      m_ids.at("passkey-signin"),  m_ids.at("magic-link"),
                               m_ids.at("passkey-enrol"), m_ids.at("risk-assessment"), m_ids.at("condition"),
                               m_ids.at("totp-enrol"),    m_ids.at("success")};
    QVERIFY2(nodes == expected, qPrintable(path().join(QStringLiteral(", "))));
    QVERIFY2(path().contains(m_ids.at("passkey-signin") + QStringLiteral(":no-passkey")),
             qPrintable(path().join(QLatin1Char(','))));
    QVERIFY2(path().contains(m_ids.at("risk-assessment") + QStringLiteral(":high")),
             qPrintable(path().join(QLatin1Char(','))));
    // The steps are listed as the canvas names them.
    QCOMPARE(simulator->stepList()->item(4)->text(), QStringLiteral("5. Risk assessment → High"));
    // The path lights up on the canvas.
    simulator->stepList()->setCurrentRow(int(nodes.size()) - 1);
    auto* scene = page()->designer()->scene();
    QCOMPARE(scene->nodeItem(m_ids.at("success"))->highlight(), trellis::ui::FlowNodeItem::Highlight::Current);
    QCOMPARE(scene->nodeItem(m_ids.at("totp-enrol"))->highlight(), trellis::ui::FlowNodeItem::Highlight::Visited);
    screenshot(QStringLiteral("journey-simulated"));

    // With a passkey on a known device: the passkey alone, no step-up.
    choose("simPasskey", QStringLiteral("ok"));
    choose("simDevice", QStringLiteral("known"));
    run();
    QCOMPARE(simulator->result().result, QStringLiteral("success"));
    nodes.clear();
    for (const auto& step : simulator->result().steps)
        nodes.append(step.nodeId);
    QVERIFY2(nodes == QStringList({m_ids.at("identify"), m_ids.at("passkey-signin"), m_ids.at("risk-assessment"),
                                   m_ids.at("success")}),
             qPrintable(path().join(QStringLiteral(", "))));
    // Simulating created no session and sent no email.
    QCOMPARE(m_server.queryRows(QStringLiteral("SELECT id FROM email_outbox")).size(), 0);
}

void JourneyEndToEndTest::publishForTheReseller()
{
    QVERIFY2(m_ids.size() == 10, "the journey was not built");
    publishAndWait(QStringLiteral("Passkey first, link as fallback, step-up when risky"), 1);
    // Bound to the reseller: its whole subtree signs in with it.
    trellis::ui::FlowBindingsPanel* bindings = page()->bindingsPanel();
    QSignalSpy loaded(bindings, &trellis::ui::FlowBindingsPanel::loaded);
    QTest::mouseClick(bindings->findChild<QPushButton*>(QStringLiteral("flowBind")), Qt::LeftButton);
    QVERIFY(loaded.wait(kLoadTimeoutMs));
    bool bound = false;
    for (const auto& b : bindings->bindings().bindings)
        bound = bound || (b.flowId == m_flowId && b.clientId.isEmpty() && b.orgId.toStdString() == page()->org().id);
    QVERIFY(bound);
}

void JourneyEndToEndTest::resellerStaffSignInFollowsIt()
{
    QVERIFY2(m_ids.size() == 10, "the journey was not built");
    // A new browser without a passkey: identify (the sign-in starts on the root's journey and moves to the
    // reseller's), the passkey step passes by itself, the link by email, the offer to create a passkey, and, the
    // device being new (high risk), setting up an authenticator app.
    const QJsonObject first = signIn(QStringLiteral("northwind"), kResellerStaff);
    QVERIFY2(first.value(QStringLiteral("ok")).toBool(), qPrintable(describe(first)));
    QCOMPARE(kindsOf(first).value(0), QStringLiteral("identify"));
    QVERIFY2(nodesOf(first).mid(1) ==
                 QStringList({m_ids.at("magic-link"), m_ids.at("passkey-enrol"), m_ids.at("totp-enrol")}),
             qPrintable(describe(first)));
    QVERIFY2(!first.value(QStringLiteral("amr")).toArray().contains(QStringLiteral("pwd")),
             qPrintable(describe(first)));

    // The same browser again: the passkey alone, no step-up on a known device.
    const QJsonObject second = signIn(QStringLiteral("northwind"), kResellerStaff);
    QVERIFY2(second.value(QStringLiteral("ok")).toBool(), qPrintable(describe(second)));
    QVERIFY2(nodesOf(second).mid(1) == QStringList({m_ids.at("passkey-signin")}), qPrintable(describe(second)));
    QVERIFY2(second.value(QStringLiteral("amr")).toArray().contains(QStringLiteral("hwk")),
             qPrintable(describe(second)));

    // A second new browser (her laptop) without the passkey: the passkey step is offered and declined, the link by
    // email, and the new device is stepped up with the authenticator app she has now.
    const QJsonObject laptop = signIn(QStringLiteral("laptop"), kResellerStaff);
    QVERIFY2(laptop.value(QStringLiteral("ok")).toBool(), qPrintable(describe(laptop)));
    QVERIFY2(nodesOf(laptop).mid(1) ==
                 QStringList({m_ids.at("passkey-signin"), m_ids.at("magic-link"), m_ids.at("totp-verify")}),
             qPrintable(describe(laptop)));

    // Outside the reseller nothing changed: email and password.
    const QJsonObject outsider = signIn(QStringLiteral("acme"), kOutsider);
    QVERIFY2(outsider.value(QStringLiteral("ok")).toBool(), qPrintable(describe(outsider)));
    QVERIFY2(kindsOf(outsider) == QStringList({QStringLiteral("identify"), QStringLiteral("password")}),
             qPrintable(describe(outsider)));
}

void JourneyEndToEndTest::aPublishedChangeShowsAtTheNextSignIn()
{
    QVERIFY2(m_ids.size() == 10, "the journey was not built");
    // Version 2: links only. The passkey step goes; identify leads straight to the link.
    page()->designer()->fitAction()->trigger();
    page()->designer()->scene()->selectNodes({m_ids.at("passkey-signin")});
    page()->designer()->deleteAction()->trigger();
    QVERIFY(!editor()->document().node(id("passkey-signin")));
    QVERIFY(editor()->document().node(id("identify"))->target("next").empty());
    canvas::wire(view(), item("identify"), QStringLiteral("next"), item("magic-link"));
    QCOMPARE(editor()->document().node(id("identify"))->target("next"), id("magic-link"));
    publishAndWait(QStringLiteral("Links only"), 2);

    // The passkey she created is not asked for any more (and not offered again: she has one); known device.
    const QJsonObject result = signIn(QStringLiteral("northwind"), kResellerStaff);
    QVERIFY2(result.value(QStringLiteral("ok")).toBool(), qPrintable(describe(result)));
    QVERIFY2(nodesOf(result).mid(1) == QStringList({m_ids.at("magic-link")}), qPrintable(describe(result)));
}

void JourneyEndToEndTest::rollbackRestoresTheJourney()
{
    QVERIFY2(m_ids.size() == 10, "the journey was not built");
    // In the versions panel: select version 1, "Make live again…", with a note.
    trellis::ui::FlowVersionsPanel* versions = page()->versionsPanel();
    QTRY_COMPARE_WITH_TIMEOUT(versions->versionList()->topLevelItemCount(), 2, kLoadTimeoutMs);
    QTreeWidgetItem* first = nullptr;
    for (int i = 0; i < versions->versionList()->topLevelItemCount(); ++i)
        if (versions->versionList()->topLevelItem(i)->text(0).startsWith(QLatin1Char('1')))
            first = versions->versionList()->topLevelItem(i);
    QVERIFY(first);
    versions->versionList()->setCurrentItem(first);
    answer(QMessageBox::Yes, QStringLiteral("Back to passkeys"));
    QSignalSpy published(versions, &trellis::ui::FlowVersionsPanel::published);
    QTest::mouseClick(versions->findChild<QPushButton*>(QStringLiteral("flowRollbackVersion")), Qt::LeftButton);
    QVERIFY(published.wait(kLoadTimeoutMs));
    screenshot(QStringLiteral("journey-rolled-back"));

    const QJsonObject result = signIn(QStringLiteral("northwind"), kResellerStaff);
    QVERIFY2(result.value(QStringLiteral("ok")).toBool(), qPrintable(describe(result)));
    QVERIFY2(nodesOf(result).mid(1) == QStringList({m_ids.at("passkey-signin")}), qPrintable(describe(result)));
}

void JourneyEndToEndTest::aLostPasskeyRemovedInThePersonEditor()
{
    QVERIFY2(m_ids.size() == 10, "the journey was not built");
    // Her phone is lost: the owner opens her in the person editor and removes the passkey.
    const auto users = m_server.queryRows(QStringLiteral("SELECT id FROM users WHERE email = ?"), {kResellerStaff});
    QCOMPARE(users.size(), 1);
    trellis::ui::PersonEditorDialog editor(
        m_console.session.get(), users.front().value(QStringLiteral("id")).toString(), m_console.window.get());
    editor.open();
    QTRY_VERIFY_WITH_TIMEOUT(editor.isLoaded() && editor.passkeyList()->topLevelItemCount() == 1, kLoadTimeoutMs);
    QVERIFY(editor.passkeyList()->isVisible());
    QVERIFY(editor.passkeyList()->topLevelItem(0)->text(2) != QStringLiteral("never")); // she signed in with it
    QTRY_VERIFY_WITH_TIMEOUT(editor.removePasskeyButton()->isEnabled(), kLoadTimeoutMs);
    screenshot(QStringLiteral("person-passkeys"), &editor);
    trellis::test::answerNextMessageBox(QMessageBox::Yes);
    QSignalSpy reloaded(&editor, &trellis::ui::PersonEditorDialog::passkeysLoaded);
    QTest::mouseClick(editor.removePasskeyButton(), Qt::LeftButton);
    QVERIFY(reloaded.wait(kLoadTimeoutMs));
    QCOMPARE(editor.passkeyList()->topLevelItemCount(), 0);
    QVERIFY(!editor.removePasskeyButton()->isVisible());
    editor.close();

    // The next sign-in skips the passkey step (she has none any more), sends the link and offers a new passkey; the
    // device is known, so no step-up.
    const QJsonObject result = signIn(QStringLiteral("northwind"), kResellerStaff);
    QVERIFY2(result.value(QStringLiteral("ok")).toBool(), qPrintable(describe(result)));
    QVERIFY2(nodesOf(result).mid(1) == QStringList({m_ids.at("magic-link"), m_ids.at("passkey-enrol")}),
             qPrintable(describe(result)));
}

void JourneyEndToEndTest::removingTheBindingRestoresTheStandardSignIn()
{
    QVERIFY2(m_ids.size() == 10, "the journey was not built");
    trellis::ui::FlowBindingsPanel* bindings = page()->bindingsPanel();
    QTreeWidget* list = bindings->bindingList();
    QTreeWidgetItem* ours = nullptr;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        if (list->topLevelItem(i)->text(0).contains(QStringLiteral("Northwind passwordless")) ||
            list->topLevelItem(i)->text(1).contains(QStringLiteral("Northwind passwordless")))
            ours = list->topLevelItem(i);
    QVERIFY(ours);
    list->setCurrentItem(ours);
    answer(QMessageBox::Yes);
    QSignalSpy loaded(bindings, &trellis::ui::FlowBindingsPanel::loaded);
    QTest::mouseClick(bindings->findChild<QPushButton*>(QStringLiteral("flowRemoveBinding")), Qt::LeftButton);
    QVERIFY(loaded.wait(kLoadTimeoutMs));

    // The standard sign-in: password, then the authenticator app she set up on the way.
    const QJsonObject result = signIn(QStringLiteral("northwind"), kResellerStaff);
    QVERIFY2(result.value(QStringLiteral("ok")).toBool(), qPrintable(describe(result)));
    QVERIFY2(kindsOf(result) ==
                 QStringList({QStringLiteral("identify"), QStringLiteral("password"), QStringLiteral("totp-verify")}),
             qPrintable(describe(result)));
}

QTEST_MAIN(JourneyEndToEndTest)
#include "JourneyEndToEndTest.moc"
