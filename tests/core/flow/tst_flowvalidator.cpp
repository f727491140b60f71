#include "FlowTestData.h"
#include "JsonSubset.h"
#include "core/flow/DefaultFlow.h"
#include "core/flow/FlowValidator.h"
#include "core/flow/NodeCatalog.h"

#include <QFileInfo>
#include <QTest>

using namespace trellis::core::flow;

/// Validator golden files (tests/data/flows/validator/<case>/{flow,expected}.json), the node catalog's own
/// consistency, and the built-in default flow.
class TestFlowValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void golden_data()
    {
        QTest::addColumn<QString>("dir");
        const QStringList cases = flowCaseDirs(QStringLiteral("validator"));
        QVERIFY2(cases.size() >= 10, "validator fixtures not found; is TRELLIS_TEST_DATA set?");
        for (const QString& c : cases)
            QTest::newRow(qPrintable(c)) << flowTestDataDir(QStringLiteral("validator/") + c);
    }
    void golden()
    {
        QFETCH(QString, dir);
        const nlohmann::json flowJson = readJsonFile(dir + QStringLiteral("/flow.json"));
        const nlohmann::json expected = readJsonFile(dir + QStringLiteral("/expected.json"));
        QVERIFY(!QTest::currentTestFailed());
        std::vector<FlowProblem> parseProblems;
        const auto flow = FlowDocument::fromJson(flowJson, parseProblems);
        QVERIFY2(flow, nlohmann::json(parseProblems).dump().c_str());

        // subflows.json: {flowId: document} the case's subflow nodes refer to.
        MapFlowResolver resolver;
        if (QFileInfo::exists(dir + QStringLiteral("/subflows.json"))) {
            const nlohmann::json subflows = readJsonFile(dir + QStringLiteral("/subflows.json"));
            for (const auto& [id, doc] : subflows.items()) {
                std::vector<FlowProblem> problems;
                auto parsed = FlowDocument::fromJson(doc, problems);
                QVERIFY2(parsed, (id + ": " + nlohmann::json(problems).dump()).c_str());
                resolver.add(id, std::move(*parsed));
            }
        }
        const nlohmann::json actual = FlowValidator(NodeCatalog::builtin(), &resolver).validate(*flow);
        const nlohmann::json& want = expected.at("problems");
        QVERIFY2(actual.size() == want.size(), ("expected " + want.dump() + "\ngot " + actual.dump(1)).c_str());
        for (std::size_t i = 0; i < want.size(); ++i) {
            const std::string mismatch = jsonSubsetMismatch(want[i], actual[i]);
            QVERIFY2(mismatch.empty(), (mismatch + "\nall: " + actual.dump(1)).c_str());
            const std::string message = actual[i].at("message").get<std::string>();
            if (actual[i].contains("nodeId"))
                QVERIFY2(message.find("\"" + actual[i]["nodeId"].get<std::string>() + "\"") != std::string::npos,
                         message.c_str());
            QVERIFY(message.size() > 20);
        }
    }

    void defaultFlowIsClean_data()
    {
        QTest::addColumn<bool>("requireTotp");
        QTest::addColumn<int>("attempts");
        QTest::newRow("totp optional") << false << 5;
        QTest::newRow("totp required") << true << 5;
        QTest::newRow("one attempt") << true << 1;
    }
    void defaultFlowIsClean()
    {
        QFETCH(bool, requireTotp);
        QFETCH(int, attempts);
        const FlowDocument flow = defaultFlow({requireTotp, attempts, attempts});
        const nlohmann::json problems = FlowValidator().validate(flow);
        QVERIFY2(problems.empty(), problems.dump(1).c_str());
        QCOMPARE(flow.node("totp-enrol") != nullptr, requireTotp);
        QCOMPARE(flow.node("has-totp")->target("false"), std::string(requireTotp ? "totp-enrol" : "success"));
    }

    void catalogEntriesAreComplete()
    {
        const NodeCatalog& catalog = NodeCatalog::builtin();
        const std::vector<std::string> required = {"identify",    "password",  "totp-verify", "totp-enrol",
                                                   "retry-limit", "condition", "success",     "failure"};
        for (const std::string& name : required)
            QVERIFY2(catalog.find(name), name.c_str());
        for (const NodeType& type : catalog.types()) {
            QVERIFY2(type.behaviour, type.name.c_str());
            QVERIFY(!type.displayName.empty());
            QVERIFY(!type.category.empty());
            QVERIFY(!type.description.empty());
            // A node that neither ends the flow nor shows a screen must lead somewhere.
            // (A subflow node's outcomes are those of the flow it runs.)
            if (type.terminal == NodeType::Terminal::None)
                QVERIFY2(!type.outcomes.empty() || type.dynamicOutcomes, type.name.c_str());
            else
                QVERIFY2(type.outcomes.empty() && !type.showsScreen, type.name.c_str());
            // Defaults satisfy the type's own schema; only fields without a default can be missing.
            FlowNode node{"n", type.name, {}, type.defaultConfig(), {}, {}, nlohmann::json::object()};
            std::vector<FlowProblem> problems;
            type.checkConfig(node, problems);
            for (const FlowProblem& p : problems) {
                QCOMPARE(p.code, std::string("missing_config_field"));
                const ConfigField* f = type.field(p.field.substr(std::string("config.").size()));
                QVERIFY(f && f->required && f->defaultValue.is_null());
            }
        }
        QCOMPARE(catalog.categories(),
                 (std::vector<std::string>{"identification", "authentication", "logic", "end", "account"}));
        QVERIFY(catalog.find("password")->hasOutcome("not-set"));
        QVERIFY(catalog.find("totp-enrol")->showsScreen);
        QVERIFY(!catalog.find("retry-limit")->showsScreen);
    }

    void catalogRefusesDuplicatesAndIncompleteEntries()
    {
        NodeCatalog catalog;
        const NodeType& password = *NodeCatalog::builtin().find("password");
        catalog.add(password);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, catalog.add(password));
        NodeType noBehaviour = password;
        noBehaviour.name = "other";
        noBehaviour.behaviour.reset();
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, catalog.add(noBehaviour));
        NodeType terminalWithOutcomes = *NodeCatalog::builtin().find("success");
        terminalWithOutcomes.name = "odd-success";
        terminalWithOutcomes.outcomes = {{"next", "Next"}};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, catalog.add(terminalWithOutcomes));
    }

    void catalogJsonDescribesSchema()
    {
        const nlohmann::json j = NodeCatalog::builtin().toJson();
        const auto& types = j.at("types");
        const auto retry =
            std::find_if(types.begin(), types.end(), [](const auto& t) { return t["name"] == "retry-limit"; });
        QVERIFY(retry != types.end());
        std::string mismatch = jsonSubsetMismatch(nlohmann::json::parse(R"({"category": "logic", "showsScreen": false,
            "terminal": "none", "displayName": "Retry limit",
            "outcomes": [{"name": "retry", "displayName": "Retry"}, {"name": "reject", "displayName": "Reject"}]})"),
                                                  *retry);
        QVERIFY2(mismatch.empty(), mismatch.c_str());
        QCOMPARE(retry->at("config").size(), std::size_t(1));
        mismatch = jsonSubsetMismatch(nlohmann::json::parse(R"({"name": "maxAttempts", "type": "integer",
            "required": false, "default": 5, "minimum": 1.0, "maximum": 100.0})"),
                                      retry->at("config")[0]);
        QVERIFY2(mismatch.empty(), mismatch.c_str());
    }

    void customCatalog()
    {
        // A catalog without "condition" finds the default flow's condition node unknown: the validator
        // really consults the catalog it was given.
        NodeCatalog catalog;
        for (const NodeType& t : NodeCatalog::builtin().types()) {
            if (t.name != "condition")
                catalog.add(t);
        }
        const auto problems = FlowValidator(catalog).validate(defaultFlow());
        QVERIFY(!problems.empty());
        QCOMPARE(problems.front().code, std::string("unknown_node_type"));
        QCOMPARE(problems.front().nodeId, std::string("has-totp"));
    }
};

QTEST_APPLESS_MAIN(TestFlowValidator)
#include "tst_flowvalidator.moc"
