#include "FlowTestData.h"
#include "JsonSubset.h"
#include "MemoryFlowServices.h"
#include "core/flow/DefaultFlow.h"
#include "core/flow/FlowInterpreter.h"
#include "core/flow/FlowValidator.h"

#include <set>

#include <QFileInfo>
#include <QTest>

using namespace trellis::core::flow;

namespace {

struct Outcome
{
    nlohmann::json steps = nlohmann::json::array();
    FlowState state;
    nlohmann::json events = nlohmann::json::array();
    int passwordChecks = 0;
    int enrolmentsBegun = 0;
    nlohmann::json eventList = nlohmann::json::array(); ///< full events, for "eventDetails"
    nlohmann::json sent = nlohmann::json::array();
    nlohmann::json profiles = nlohmann::json::object();
    std::vector<std::pair<std::string, std::string>> taken; ///< (node id, outcome) followed, terminals with ""
};

// Plays a scenario the way the server will: a new interpreter per request and the state stored as JSON in
// between, so nothing may survive in memory from one step to the next.
Outcome play(const FlowDocument& flow, const nlohmann::json& scenario)
{
    MemoryFlowServices services(scenario.value("users", nlohmann::json::array()), scenario);
    // "subflows": {flowId: flow document} for subflow nodes.
    MapFlowResolver resolver;
    const nlohmann::json subflows = scenario.value("subflows", nlohmann::json::object());
    for (const auto& [id, doc] : subflows.items()) {
        std::vector<FlowProblem> problems;
        auto parsed = FlowDocument::fromJson(doc, problems);
        if (!parsed)
            QTest::qFail(("subflow " + id + ": " + nlohmann::json(problems).dump()).c_str(), __FILE__, __LINE__);
        else
            resolver.add(id, std::move(*parsed));
    }
    Outcome out;
    nlohmann::json stored = FlowState{};
    for (const auto& action : scenario.at("steps")) {
        FlowState state = stored.get<FlowState>();
        const FlowInterpreter interpreter(flow, services, NodeCatalog::builtin(), &resolver);
        FlowStep step;
        // The world changes between requests: the person opens the emailed link (in another tab) or waits too long.
        if (action.value("openLink", false))
            services.openLinks(MagicLinkStatus::Verified);
        if (action.value("expireLinks", false))
            services.openLinks(MagicLinkStatus::Expired);
        if (action.contains("start"))
            step = interpreter.start(state);
        else if (action.contains("resume"))
            step = interpreter.resume(state);
        else
            step = interpreter.submit(state, action.at("submit").get<FlowInput>());
        out.steps.push_back(step);
        for (std::size_t i = 0; i < step.path.size(); ++i) {
            const std::string outcome = i < step.outcomes.size() ? step.outcomes[i] : std::string();
            if (!outcome.empty() || (i + 1 == step.path.size() && step.kind != FlowStep::Kind::Screen))
                out.taken.emplace_back(step.path[i], outcome);
        }
        stored = state;
    }
    out.state = stored.get<FlowState>();
    for (const FlowEvent& e : services.events) {
        out.events.push_back(e.type + "@" + e.nodeId);
        out.eventList.push_back(e);
    }
    out.sent = services.sent;
    for (const auto& u : scenario.value("users", nlohmann::json::array()))
        out.profiles[u.at("id").get<std::string>()] = services.profileOf(u.at("id").get<std::string>());
    out.passwordChecks = services.passwordChecks;
    out.enrolmentsBegun = services.enrolmentsBegun;
    return out;
}

} // namespace

/// Interpreter golden files: tests/data/flows/interpreter/<case>/ holds scenario.json (users and what they
/// submit; "flow" options for the default flow) or a flow.json of its own, and expected.json (each step,
/// the final state, the audit events).
class TestFlowInterpreter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void golden_data()
    {
        QTest::addColumn<QString>("dir");
        const QStringList cases = flowCaseDirs(QStringLiteral("interpreter"));
        QVERIFY2(cases.size() >= 10, "interpreter fixtures not found; is TRELLIS_TEST_DATA set?");
        for (const QString& c : cases)
            QTest::newRow(qPrintable(c)) << flowTestDataDir(QStringLiteral("interpreter/") + c);
    }
    void golden()
    {
        QFETCH(QString, dir);
        const nlohmann::json scenario = readJsonFile(dir + QStringLiteral("/scenario.json"));
        nlohmann::json expected = readJsonFile(dir + QStringLiteral("/expected.json"));
        QVERIFY(!QTest::currentTestFailed());

        FlowDocument flow;
        if (QFileInfo::exists(dir + QStringLiteral("/flow.json"))) {
            std::vector<FlowProblem> problems;
            auto parsed = FlowDocument::fromJson(readJsonFile(dir + QStringLiteral("/flow.json")), problems);
            QVERIFY2(parsed, nlohmann::json(problems).dump().c_str());
            flow = std::move(*parsed);
        } else {
            const nlohmann::json options = scenario.value("flow", nlohmann::json::object());
            DefaultFlowOptions o;
            o.requireTotp = options.value("requireTotp", o.requireTotp);
            o.maxPasswordAttempts = options.value("maxPasswordAttempts", o.maxPasswordAttempts);
            o.maxTotpAttempts = options.value("maxTotpAttempts", o.maxTotpAttempts);
            flow = defaultFlow(o);
            QVERIFY(FlowValidator().validate(flow).empty());
        }

        const Outcome out = play(flow, scenario);
        auto& wantSteps = expected.at("steps");
        QVERIFY2(out.steps.size() == wantSteps.size(), out.steps.dump(1).c_str());
        for (std::size_t i = 0; i < wantSteps.size(); ++i) {
            nlohmann::json want = wantSteps[i];
            const nlohmann::json& got = out.steps[i];
            const std::string where = "step " + std::to_string(i) + ": ";
            // "errorAbsent" asks that the screen shows no error at all.
            if (want.contains("screen") && want["screen"].value("errorAbsent", false)) {
                want["screen"].erase("errorAbsent");
                QVERIFY2(!got.at("screen").contains("error"), (where + got.dump()).c_str());
            }
            const std::string mismatch = jsonSubsetMismatch(want, got);
            QVERIFY2(mismatch.empty(), (where + mismatch + "\n" + got.dump(1)).c_str());
        }
        if (expected.contains("state")) {
            const std::string mismatch = jsonSubsetMismatch(expected["state"], nlohmann::json(out.state), "state");
            QVERIFY2(mismatch.empty(), (mismatch + "\n" + nlohmann::json(out.state).dump(1)).c_str());
        }
        QVERIFY2(out.events == expected.at("events"), ("events: " + out.events.dump()).c_str());
        if (expected.contains("passwordChecks"))
            QCOMPARE(out.passwordChecks, expected["passwordChecks"].get<int>());
        // "eventDetails": [{"event": "type@node", "detail": {subset}}]: the first such event carries that detail.
        for (const auto& want : expected.value("eventDetails", nlohmann::json::array())) {
            const auto it = std::find_if(out.eventList.begin(), out.eventList.end(), [&](const nlohmann::json& e) {
                return e.at("type").get<std::string>() + "@" + e.at("nodeId").get<std::string>() == want.at("event");
            });
            QVERIFY2(it != out.eventList.end(), want.dump().c_str());
            const std::string mismatch = jsonSubsetMismatch(want.at("detail"), it->at("detail"), "detail");
            QVERIFY2(mismatch.empty(), (mismatch + "\n" + it->dump(1)).c_str());
        }
        if (expected.contains("sent"))
            QVERIFY2(out.sent == expected["sent"], ("sent: " + out.sent.dump()).c_str());
        if (expected.contains("profiles")) {
            const std::string mismatch = jsonSubsetMismatch(expected["profiles"], out.profiles, "profiles");
            QVERIFY2(mismatch.empty(), (mismatch + "\n" + out.profiles.dump(1)).c_str());
        }
        if (expected.contains("enrolmentsBegun"))
            QCOMPARE(out.enrolmentsBegun, expected["enrolmentsBegun"].get<int>());

        // Deterministic: the same scenario again gives the same steps, state and events.
        const Outcome again = play(flow, scenario);
        QCOMPARE(QString::fromStdString(again.steps.dump()), QString::fromStdString(out.steps.dump()));
        QVERIFY(again.state == out.state);
        QCOMPARE(QString::fromStdString(again.events.dump()), QString::fromStdString(out.events.dump()));
    }

    // Every outcome of every catalog node type (and reaching each end node) happens in at least one golden case,
    // so a new node type or outcome without an interpreter fixture fails here.
    void everyNodeOutcomeIsCovered()
    {
        std::set<std::string> covered;
        for (const QString& c : flowCaseDirs(QStringLiteral("interpreter"))) {
            const QString dir = flowTestDataDir(QStringLiteral("interpreter/") + c);
            const nlohmann::json scenario = readJsonFile(dir + QStringLiteral("/scenario.json"));
            std::vector<FlowDocument> docs;
            std::vector<FlowProblem> problems;
            if (QFileInfo::exists(dir + QStringLiteral("/flow.json")))
                docs.push_back(*FlowDocument::fromJson(readJsonFile(dir + QStringLiteral("/flow.json")), problems));
            else
                docs.push_back(defaultFlow(
                    DefaultFlowOptions{scenario.value("flow", nlohmann::json::object()).value("requireTotp", false)}));
            const nlohmann::json subflows = scenario.value("subflows", nlohmann::json::object());
            for (const auto& [id, doc] : subflows.items())
                docs.push_back(*FlowDocument::fromJson(doc, problems));
            const Outcome out = play(docs.front(), scenario);
            for (const auto& [nodeId, outcome] : out.taken) {
                for (const FlowDocument& d : docs) {
                    if (const FlowNode* n = d.node(nodeId)) {
                        covered.insert(n->type + "/" + outcome);
                        break;
                    }
                }
            }
        }
        for (const NodeType& type : NodeCatalog::builtin().types()) {
            if (type.terminal != NodeType::Terminal::None) {
                QVERIFY2(covered.count(type.name + "/"), ("never reached: " + type.name).c_str());
                continue;
            }
            if (type.dynamicOutcomes) {
                QVERIFY2(covered.count(type.name + "/success") && covered.count(type.name + "/too-many"),
                         type.name.c_str());
                continue;
            }
            for (const OutcomeSpec& o : type.outcomes)
                QVERIFY2(covered.count(type.name + "/" + o.name), ("never taken: " + type.name + "/" + o.name).c_str());
        }
    }

    void stateRoundTripsThroughJson()
    {
        FlowState s;
        s.currentNode = "password";
        s.status = FlowStatus::Failed;
        s.userId = "u-1";
        s.email = "a@example.com";
        s.counters = {{"retries", 2}};
        s.facts = {{"amr", {"pwd"}}};
        s.pendingError = "invalid_credentials";
        const nlohmann::json j = s;
        QVERIFY(j.get<FlowState>() == s);
        QVERIFY(nlohmann::json::parse(j.dump()).get<FlowState>() == s);
        nlohmann::json bad = j;
        bad["status"] = "sleeping";
        QVERIFY_THROWS_EXCEPTION(nlohmann::json::exception, (void)bad.get<FlowState>());
    }

    void passwordScreenNeverEchoesTheSecret()
    {
        MemoryFlowServices services(
            nlohmann::json::parse(R"([{"id": "u", "email": "a@example.com", "password": "right password!"}])"));
        const FlowDocument flow = defaultFlow();
        const FlowInterpreter interpreter(flow, services);
        FlowState state;
        interpreter.start(state);
        interpreter.submit(state, FlowInput{"identify", {{"email", "a@example.com"}}});
        const FlowStep step = interpreter.submit(state, FlowInput{"password", {{"password", "wrong secret 123"}}});
        QVERIFY(step.kind == FlowStep::Kind::Screen);
        const std::string everything = nlohmann::json(step).dump() + nlohmann::json(state).dump();
        QVERIFY(everything.find("wrong secret 123") == std::string::npos);
        for (const FlowEvent& e : services.events)
            QVERIFY(nlohmann::json(e).dump().find("wrong secret 123") == std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestFlowInterpreter)
#include "tst_flowinterpreter.moc"
