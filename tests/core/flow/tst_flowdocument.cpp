#include "FlowTestData.h"
#include "JsonSubset.h"
#include "core/flow/DefaultFlow.h"
#include "core/flow/FlowDocument.h"

#include <QTest>

using namespace trellis::core::flow;

/// Flow documents: shape errors name the node and field; serialising gives back what was read.
class TestFlowDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseErrors_data()
    {
        QTest::addColumn<QString>("document");
        QTest::addColumn<QString>("expected"); // JSON array of problems (subset match, in order)

        QTest::newRow("not json") << QStringLiteral(R"({"nodes": [)") << QStringLiteral(R"([{"code": "json_syntax"}])");
        QTest::newRow("not an object") << QStringLiteral(R"([1, 2])") << QStringLiteral(R"([{"code": "wrong_type"}])");
        QTest::newRow("nodes missing") << QStringLiteral(R"({"start": "a"})")
                                       << QStringLiteral(R"([{"code": "missing_field", "field": "nodes"}])");
        QTest::newRow("nodes not array") << QStringLiteral(R"({"start": "a", "nodes": {}})")
                                         << QStringLiteral(R"([{"code": "wrong_type", "field": "nodes"}])");
        QTest::newRow("start not string") << QStringLiteral(R"({"start": 7, "nodes": []})")
                                          << QStringLiteral(R"([{"code": "wrong_type", "field": "start"}])");
        QTest::newRow("name not string") << QStringLiteral(R"({"name": true, "nodes": []})")
                                         << QStringLiteral(R"([{"code": "wrong_type", "field": "name"}])");
        QTest::newRow("newer format") << QStringLiteral(R"({"format": 2, "nodes": []})")
                                      << QStringLiteral(R"([{"code": "unsupported_format", "field": "format"}])");
        QTest::newRow("node not object") << QStringLiteral(R"({"nodes": ["a"]})")
                                         << QStringLiteral(R"([{"code": "wrong_type", "field": "nodes[0]"}])");
        QTest::newRow("node id missing") << QStringLiteral(R"({"nodes": [{"type": "success"}]})")
                                         << QStringLiteral(R"([{"code": "missing_field", "field": "nodes[0].id"}])");
        QTest::newRow("node id not string") << QStringLiteral(R"({"nodes": [{"id": 1, "type": "success"}]})")
                                            << QStringLiteral(R"([{"code": "wrong_type", "field": "nodes[0].id"}])");
        QTest::newRow("node id empty") << QStringLiteral(R"({"nodes": [{"id": "", "type": "success"}]})")
                                       << QStringLiteral(R"([{"code": "invalid_value", "field": "nodes[0].id"}])");
        QTest::newRow("type missing names node")
            << QStringLiteral(R"({"nodes": [{"id": "ok", "type": "success"}, {"id": "b"}]})")
            << QStringLiteral(R"([{"code": "missing_field", "nodeId": "b", "field": "type"}])");
        QTest::newRow("type not string") << QStringLiteral(R"({"nodes": [{"id": "b", "type": ["x"]}]})")
                                         << QStringLiteral(
                                                R"([{"code": "wrong_type", "nodeId": "b", "field": "type"}])");
        QTest::newRow("config not object")
            << QStringLiteral(R"({"nodes": [{"id": "b", "type": "success", "config": []}]})")
            << QStringLiteral(R"([{"code": "wrong_type", "nodeId": "b", "field": "config"}])");
        QTest::newRow("position y missing")
            << QStringLiteral(R"({"nodes": [{"id": "b", "type": "success", "position": {"x": 1}}]})")
            << QStringLiteral(R"([{"code": "missing_field", "nodeId": "b", "field": "position.y"}])");
        QTest::newRow("position x not number")
            << QStringLiteral(R"({"nodes": [{"id": "b", "type": "success", "position": {"x": "1", "y": 2}}]})")
            << QStringLiteral(R"([{"code": "wrong_type", "nodeId": "b", "field": "position.x"}])");
        QTest::newRow("outcomes not object")
            << QStringLiteral(R"({"nodes": [{"id": "b", "type": "identify", "outcomes": ["c"]}]})")
            << QStringLiteral(R"([{"code": "wrong_type", "nodeId": "b", "field": "outcomes"}])");
        QTest::newRow("outcome target not string")
            << QStringLiteral(R"({"nodes": [{"id": "b", "type": "identify", "outcomes": {"next": 3}}]})")
            << QStringLiteral(R"([{"code": "wrong_type", "nodeId": "b", "field": "outcomes.next"}])");
        QTest::newRow("outcome target empty")
            << QStringLiteral(R"({"nodes": [{"id": "b", "type": "identify", "outcomes": {"next": ""}}]})")
            << QStringLiteral(R"([{"code": "invalid_value", "nodeId": "b", "field": "outcomes.next"}])");
        QTest::newRow("duplicate id")
            << QStringLiteral(R"({"nodes": [{"id": "b", "type": "success"}, {"id": "b", "type": "failure"}]})")
            << QStringLiteral(R"([{"code": "duplicate_node_id", "nodeId": "b", "field": "nodes[1].id"}])");
        QTest::newRow("every problem reported")
            << QStringLiteral(R"({"start": 1, "nodes": [{"id": "a"}, {"id": "b", "type": "success", "label": 5}]})")
            << QStringLiteral(R"([{"code": "wrong_type", "field": "start"},
                                 {"code": "missing_field", "nodeId": "a", "field": "type"},
                                 {"code": "wrong_type", "nodeId": "b", "field": "label"}])");
    }
    void parseErrors()
    {
        QFETCH(QString, document);
        QFETCH(QString, expected);
        std::vector<FlowProblem> problems;
        const auto doc = FlowDocument::parse(document.toStdString(), problems);
        QVERIFY(!doc);
        const nlohmann::json actual = problems;
        const nlohmann::json want = nlohmann::json::parse(expected.toStdString());
        QCOMPARE(actual.size(), want.size());
        for (std::size_t i = 0; i < want.size(); ++i) {
            const std::string mismatch = jsonSubsetMismatch(want[i], actual[i]);
            QVERIFY2(mismatch.empty(), (mismatch + "\nall: " + actual.dump()).c_str());
            // People read these: each problem says something, and names its node when it has one.
            const std::string message = actual[i].at("message").get<std::string>();
            QVERIFY(!message.empty());
            if (actual[i].contains("nodeId"))
                QVERIFY2(message.find(actual[i]["nodeId"].get<std::string>()) != std::string::npos, message.c_str());
        }
    }

    void draftsParse()
    {
        // Loose ends are the validator's business, so the designer can load half-finished work.
        std::vector<FlowProblem> problems;
        const auto doc = FlowDocument::parse(
            R"({"nodes": [{"id": "a", "type": "no-such-type", "outcomes": {"x": "nowhere"}}]})", problems);
        QVERIFY(doc);
        QVERIFY(problems.empty());
        QCOMPARE(doc->start, std::string());
        QCOMPARE(doc->nodes.at(0).target("x"), std::string("nowhere"));
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files = QDir(flowTestDataDir(QStringLiteral("roundtrip")))
                                      .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY(!files.isEmpty());
        for (const QString& f : files)
            QTest::newRow(qPrintable(f)) << flowTestDataDir(QStringLiteral("roundtrip/") + f);
    }
    void roundTrip()
    {
        QFETCH(QString, file);
        const nlohmann::json original = readJsonFile(file);
        QVERIFY(!QTest::currentTestFailed());
        std::vector<FlowProblem> problems;
        const auto doc = FlowDocument::fromJson(original, problems);
        QVERIFY2(doc, nlohmann::json(problems).dump().c_str());
        // Canonical documents come back identical, unknown keys included.
        QCOMPARE(QString::fromStdString(doc->toJson().dump(2)), QString::fromStdString(original.dump(2)));
        const auto again = FlowDocument::parse(doc->toJson().dump(), problems);
        QVERIFY(again);
        QVERIFY(*again == *doc);
    }

    void defaultFlowRoundTrips()
    {
        for (bool requireTotp : {false, true}) {
            const FlowDocument flow = defaultFlow({requireTotp});
            std::vector<FlowProblem> problems;
            const auto parsed = FlowDocument::parse(flow.toJson().dump(), problems);
            QVERIFY(parsed);
            QVERIFY(*parsed == flow);
        }
    }
};

QTEST_APPLESS_MAIN(TestFlowDocument)
#include "tst_flowdocument.moc"
