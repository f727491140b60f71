#include "FlowTestData.h"
#include "JsonSubset.h"
#include "core/flow/AddressRange.h"
#include "core/flow/FlowSimulator.h"
#include "core/flow/FlowValidator.h"
#include "core/flow/RiskAssessor.h"
#include "core/flow/StarterTemplates.h"

#include <set>

#include <QFileInfo>
#include <QTest>

using namespace trellis::core::flow;

namespace {

// A node type the simulator has no answer for (a screen of some future or custom kind).
class UnknownScreen : public NodeBehaviour
{
public:
    NodeResult enter(const NodeContext&) const override
    {
        return NodeResult::show(FlowScreen{"captcha", {}, {}, {}, {}});
    }
};

const NodeCatalog& catalogWithCaptcha()
{
    static const NodeCatalog catalog = [] {
        NodeCatalog c = NodeCatalog::builtin();
        c.add({"captcha",
               "Captcha",
               "logic",
               "A screen the simulator cannot answer.",
               {{"solved", "Solved"}},
               {},
               true,
               NodeType::Terminal::None,
               std::make_shared<UnknownScreen>()});
        return c;
    }();
    return catalog;
}

} // namespace

/// Starter templates, the simulator (golden files in tests/data/flows/simulator/<case>/: scenario.json,
/// template.json {"template": key} or flow.json, expected.json {result, message?, path?, outcomes?,
/// stepDetails?: [{index, step: subset}]}), and the pure risk scoring.
class TestFlowTemplates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void templatesAreCleanAndLaidOut()
    {
        const auto templates = starterTemplates();
        std::vector<std::string> keys;
        for (const StarterTemplate& t : templates) {
            keys.push_back(t.key);
            QVERIFY(!t.displayName.empty() && t.description.size() > 20);
            const nlohmann::json problems = FlowValidator().validate(t.document); // the real catalog
            QVERIFY2(problems.empty(), (t.key + ": " + problems.dump(1)).c_str());
            // Laid out: no two nodes on the same spot of the canvas.
            std::set<std::pair<double, double>> spots;
            for (const FlowNode& n : t.document.nodes)
                QVERIFY2(spots.insert({n.position.x, n.position.y}).second, (t.key + ": " + n.id).c_str());
            // The document survives the JSON round trip the API does.
            std::vector<FlowProblem> parse;
            const auto back = FlowDocument::fromJson(t.document.toJson(), parse);
            QVERIFY(back && *back == t.document);
            QCOMPARE(findStarterTemplate(t.key), findStarterTemplate(t.key));
            QVERIFY(findStarterTemplate(t.key)->document == t.document);
        }
        QCOMPARE(keys, (std::vector<std::string>{"passwordless-first", "passkey-password", "partner-sso",
                                                 "password-risk-step-up", "invitation-acceptance"}));
        QVERIFY(!findStarterTemplate("nope"));
    }

    void simulator_data()
    {
        QTest::addColumn<QString>("dir");
        const QStringList cases = flowCaseDirs(QStringLiteral("simulator"));
        QVERIFY2(cases.size() >= 5, "simulator fixtures not found");
        for (const QString& c : cases)
            QTest::newRow(qPrintable(c)) << flowTestDataDir(QStringLiteral("simulator/") + c);
    }
    void simulator()
    {
        QFETCH(QString, dir);
        const nlohmann::json scenario = readJsonFile(dir + QStringLiteral("/scenario.json"));
        const nlohmann::json expected = readJsonFile(dir + QStringLiteral("/expected.json"));
        FlowDocument flow;
        if (QFileInfo::exists(dir + QStringLiteral("/template.json"))) {
            const auto* t = findStarterTemplate(readJsonFile(dir + QStringLiteral("/template.json")).at("template"));
            QVERIFY(t);
            flow = t->document;
        } else {
            std::vector<FlowProblem> problems;
            auto parsed = FlowDocument::fromJson(readJsonFile(dir + QStringLiteral("/flow.json")), problems);
            QVERIFY(parsed);
            flow = *parsed;
        }
        QVERIFY(!QTest::currentTestFailed());
        const nlohmann::json result = FlowSimulator().run(flow, scenario);
        QCOMPARE(QString::fromStdString(result.at("result")), QString::fromStdString(expected.at("result")));
        QVERIFY(!result.at("message").get<std::string>().empty());
        if (expected.contains("message"))
            QCOMPARE(result["message"].get<std::string>(), expected["message"].get<std::string>());
        nlohmann::json path = nlohmann::json::array(), outcomes = nlohmann::json::array();
        for (const auto& step : result.at("steps")) {
            path.push_back(step.at("nodeId"));
            outcomes.push_back(step.at("outcome"));
            QVERIFY(step.contains("type") && step.contains("facts") && step.contains("events"));
        }
        if (expected.contains("path"))
            QVERIFY2(path == expected["path"], path.dump().c_str());
        if (expected.contains("outcomes"))
            QVERIFY2(outcomes == expected["outcomes"], outcomes.dump().c_str());
        for (const auto& d : expected.value("stepDetails", nlohmann::json::array())) {
            const auto& step = result["steps"].at(d.at("index").get<std::size_t>());
            const std::string mismatch = jsonSubsetMismatch(d.at("step"), step);
            QVERIFY2(mismatch.empty(), (mismatch + "\n" + step.dump(1)).c_str());
        }
        // A simulation is repeatable.
        QCOMPARE(QString::fromStdString(FlowSimulator().run(flow, scenario).dump()),
                 QString::fromStdString(result.dump()));
    }

    void simulatorRunsThePasskeyJourney()
    {
        const auto* t = findStarterTemplate("passwordless-first");
        const auto path = [](const nlohmann::json& result) {
            std::vector<std::string> ids;
            for (const auto& step : result.at("steps"))
                ids.push_back(step.at("nodeId").get<std::string>() + ":" + step.value("outcome", std::string()));
            return ids;
        };
        const nlohmann::json withPasskey =
            FlowSimulator().run(t->document, {{"email", "anna@example.com"}, {"userExists", true}, {"passkey", "ok"}});
        QCOMPARE(withPasskey.at("result").get<std::string>(), std::string("success"));
        QCOMPARE(path(withPasskey)[1], std::string("passkey:success"));
        // No passkey yet: the magic link, then the offer to create one (skipped).
        const nlohmann::json without = FlowSimulator().run(
            t->document,
            {{"email", "ben@example.com"}, {"userExists", true}, {"passkey", "none"}, {"magicLink", "clicked"}});
        QCOMPARE(without.at("result").get<std::string>(), std::string("success"));
        QCOMPARE(path(without), (std::vector<std::string>{"identify:next", "passkey:no-passkey", "magic-link:verified",
                                                          "offer-passkey:skipped", "success:"}));
    }

    void simulatorStopsAtScreensItCannotAnswer()
    {
        FlowDocument flow;
        flow.start = "check";
        flow.nodes = {FlowNode{"check", "captcha", {}, {}, {}, {{"solved", "done"}}, {}},
                      FlowNode{"done", "success", {}, {}, {}, {}, {}}};
        const nlohmann::json result = FlowSimulator(catalogWithCaptcha()).run(flow, {{"email", "anna@example.com"}});
        QCOMPARE(result.at("result").get<std::string>(), std::string("stopped"));
        QVERIFY(result.at("message").get<std::string>().find("\"captcha\"") != std::string::npos);
        QCOMPARE(result.at("steps").back().at("nodeId").get<std::string>(), std::string("check"));
    }

    void addressRanges()
    {
        const auto v4 = AddressRange::parse("203.0.113.0/24");
        QVERIFY(v4);
        QVERIFY(v4->contains("203.0.113.255"));
        QVERIFY(v4->contains("::ffff:203.0.113.7"));
        QVERIFY(!v4->contains("203.0.114.1"));
        QVERIFY(!v4->contains("not an address"));
        const auto v6 = AddressRange::parse("2001:db8::/32");
        QVERIFY(v6 && v6->contains("2001:db8:ffff::1") && !v6->contains("2001:db9::1") && !v6->contains("10.0.0.1"));
        QVERIFY(AddressRange::parse("10.0.0.1"));
        QVERIFY(AddressRange::parse("::1")->contains("::1"));
        QVERIFY(AddressRange::parse("0.0.0.0/0")->contains("198.51.100.1"));
        for (const char* bad : {"10.0.0.0/33", "256.1.1.1", "1.2.3", "1:2:3:4:5:6:7:8:9", "1::2::3", "10.0.0.0/", "",
                                "fe80::/129", "12345::"})
            QVERIFY2(!AddressRange::parse(bad), bad);
    }

    void riskScoring()
    {
        const nlohmann::json config{{"denyList", {"192.0.2.0/24"}}, {"countryRanges", {"198.51.100.0/24=de"}}};
        RiskSignals s;
        s.knownDevice = true;
        s.address = "198.51.100.1";
        s.hour = 12;
        RiskAssessment a = RiskAssessor(config).assess(s);
        QCOMPARE(a.score, 0);
        QCOMPARE(a.level, std::string("low"));
        QCOMPARE(a.country, std::string("DE"));
        QVERIFY(a.reasons.empty());
        // No history: a country cannot be new.
        s.countries = {"FR"};
        a = RiskAssessor(config).assess(s);
        QCOMPARE(a.score, 30);
        QCOMPARE(a.level, std::string("medium"));
        // Off hours wrap midnight; equal start and end switch them off.
        s.countries = {};
        s.hour = 2;
        QCOMPARE(RiskAssessor(config).assess(s).score, 15);
        QCOMPARE(RiskAssessor(nlohmann::json{{"offHoursStart", 5}, {"offHoursEnd", 5}}).assess(s).score, 0);
        QCOMPARE(RiskAssessor(nlohmann::json{{"offHoursStart", 1}, {"offHoursEnd", 3}}).assess(s).score, 15);
        // Clamped to 0..100, thresholds from the config.
        s.address = "192.0.2.9";
        s.knownDevice = false;
        s.recentFailures = 9;
        a = RiskAssessor(config).assess(s);
        QCOMPARE(a.score, 100);
        QCOMPARE(a.level, std::string("high"));
        s = RiskSignals{};
        s.knownDevice = false;
        s.hour = 12;
        QCOMPARE(RiskAssessor(nlohmann::json{{"mediumThreshold", 50}}).assess(s).level, std::string("low"));
        QCOMPARE(RiskAssessor(nlohmann::json{{"highThreshold", 40}}).assess(s).level, std::string("high"));
        QCOMPARE(RiskAssessor(nlohmann::json{{"unknownDeviceWeight", 0}}).assess(s).reasons.size(), std::size_t(0));
    }

    void stateKeepsTheSubflowStack()
    {
        FlowState s;
        s.currentNode = "code";
        s.stack = {{"mfa", "email-2fa"}, {"inner", "other"}};
        const nlohmann::json j = s;
        QCOMPARE(j.at("stack").size(), std::size_t(2));
        QVERIFY(nlohmann::json::parse(j.dump()).get<FlowState>() == s);
        FlowState plain;
        QVERIFY(!nlohmann::json(plain).contains("stack"));
    }
};

QTEST_APPLESS_MAIN(TestFlowTemplates)
#include "tst_flowtemplates.moc"
