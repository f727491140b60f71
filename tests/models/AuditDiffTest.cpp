// AuditDiff: before/after of an audit event as added, removed and changed keys. No server.
#include "models/AuditDiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using trellis::models::AuditChange;
using trellis::models::AuditDiff;

namespace {

QJsonValue json(const char* text)
{
    return QJsonDocument::fromJson(QByteArray("[") + text + "]").array().first();
}

QStringList describe(const std::vector<AuditChange>& changes)
{
    QStringList out;
    for (const auto& c : changes) {
        const char* kind = c.kind == AuditChange::Kind::Added ? "+" : c.kind == AuditChange::Kind::Removed ? "-" : "~";
        out << QStringLiteral("%1%2:%3>%4").arg(QLatin1String(kind), c.key, c.before, c.after);
    }
    return out;
}

} // namespace

class AuditDiffTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createdShowsEveryKeyAdded()
    {
        QCOMPARE(describe(AuditDiff::compare(QJsonValue(), json(R"({"name":"Acme","kind":"customer"})"))),
                 QStringList({QStringLiteral("+kind:>customer"), QStringLiteral("+name:>Acme")}));
    }
    void deletedShowsEveryKeyRemoved()
    {
        QCOMPARE(describe(AuditDiff::compare(json(R"({"name":"Acme"})"), QJsonValue())),
                 QStringList({QStringLiteral("-name:Acme>")}));
    }
    void changesAddsAndRemovalsByKeyNestedByPath()
    {
        const auto changes = AuditDiff::compare(
            json(R"({"name":"Old","status":"active","attributes":{"region":"EU","tier":1},"tags":["a"],"same":true})"),
            json(
                R"({"name":"New","status":"active","attributes":{"region":"US"},"tags":["a","b"],"secret":"[redacted]","same":true})"));
        QCOMPARE(describe(changes),
                 QStringList({QStringLiteral("~attributes.region:EU>US"), QStringLiteral("-attributes.tier:1>"),
                              QStringLiteral("~name:Old>New"), QStringLiteral("+secret:>[redacted]"),
                              QStringLiteral("~tags:[\"a\"]>[\"a\",\"b\"]")}));
    }
    void nothingRecordedIsNoChange()
    {
        QVERIFY(AuditDiff::compare(QJsonValue(), QJsonValue()).empty());
        QVERIFY(AuditDiff::compare(json(R"({"a":1})"), json(R"({"a":1})")).empty());
    }
    void scalarsCompareAsAWhole()
    {
        QCOMPARE(describe(AuditDiff::compare(json("1"), json("2"))), QStringList({QStringLiteral("~:1>2")}));
    }
};

QTEST_GUILESS_MAIN(AuditDiffTest)
#include "AuditDiffTest.moc"
