#include "core/AuditEvent.h"
#include "core/Encoding.h"

#include <random>

#include <QTest>

using namespace trellis::core;

namespace {

// The canonical encoding as it was first written (and as every stored hash was computed): a nlohmann::json object
// of the fields, dumped. AuditEvent now writes the same bytes field by field; this is the yardstick.
std::string referenceEncoding(const AuditEvent& e)
{
    return nlohmann::json{
        {"sequence", e.sequence},
        {"id", e.id},
        {"occurredAt", e.occurredAt},
        {"actorType", e.actorType},
        {"actorId", e.actorId},
        {"actorDisplay", e.actorDisplay},
        {"actingOrgId", e.actingOrgId},
        {"delegationId", e.delegationId},
        {"action", e.action},
        {"targetType", e.targetType},
        {"targetId", e.targetId},
        {"targetDisplay", e.targetDisplay},
        {"targetOrgPath", e.targetOrgPath},
        {"outcome", e.outcome},
        {"reason", e.reason},
        {"clientAddress", e.clientAddress},
        {"userAgent", e.userAgent},
        {"requestId", e.requestId},
        {"before", e.before},
        {"after", e.after},
    }
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string referenceHash(const AuditEvent& e)
{
    return toHex(sha256(e.previousHash + "\n" + referenceEncoding(e)));
}

std::string dumpValue(const nlohmann::json& j)
{
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Strings that stress escaping: every byte value, quotes, backslashes, control characters, UTF-8 and broken UTF-8.
std::string randomText(std::mt19937& rng)
{
    static const std::vector<std::string> pieces{"",
                                                 "plain",
                                                 "\"",
                                                 "\\",
                                                 "\n",
                                                 "\t",
                                                 "\x01",
                                                 "\x1f",
                                                 "\x7f",
                                                 " ",
                                                 "ä",
                                                 "€",
                                                 "\xf0\x9f\x94\x91",
                                                 "\xff",
                                                 "\xc3",
                                                 "\xe2\x82",
                                                 "</script>",
                                                 "a\"b\\c",
                                                 "\u2028",
                                                 "{\"k\":1}",
                                                 ",\"clientAddress\":"};
    std::string text;
    const int parts = int(rng() % 5);
    for (int i = 0; i < parts; ++i) {
        if (rng() % 4 == 0)
            text += char(rng() % 256);
        else
            text += pieces[rng() % pieces.size()];
    }
    return text;
}

nlohmann::json randomState(std::mt19937& rng)
{
    switch (rng() % 5) {
    case 0:
        return nullptr;
    case 1:
        return nlohmann::json::object();
    case 2:
        return {{"name", randomText(rng)}, {"n", double(rng() % 1000) / 7.0}, {"flag", rng() % 2 == 0}};
    case 3:
        return {{randomText(rng), randomText(rng)},
                {"list", {1, -2, 3.5, nullptr, randomText(rng)}},
                {"nested", {{"z", 1}, {"a", {{"deep", randomText(rng)}}}}}};
    default:
        return {{"big", std::uint64_t(18446744073709551615ull)},
                {"neg", std::int64_t(-9223372036854775807ll)},
                {"tiny", 1e-300},
                {"text", randomText(rng)}};
    }
}

} // namespace

/// The audit event's canonical encoding and hash: the bytes every chain link covers must never change.
class TestAuditEvent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodingMatchesTheReferenceOnRandomEvents()
    {
        std::mt19937 rng(20261206);
        for (int i = 0; i < 5000; ++i) {
            AuditEvent e;
            e.sequence = i % 97 == 0 ? std::int64_t(-1) - i : std::int64_t(rng()) * 4096;
            for (std::string* field :
                 {&e.id, &e.occurredAt, &e.actorType, &e.actorId, &e.actorDisplay, &e.actingOrgId, &e.delegationId,
                  &e.action, &e.targetType, &e.targetId, &e.targetDisplay, &e.targetOrgPath, &e.outcome, &e.reason,
                  &e.clientAddress, &e.userAgent, &e.requestId, &e.previousHash})
                *field = randomText(rng);
            e.before = randomState(rng);
            e.after = randomState(rng);
            const std::string expected = referenceEncoding(e);
            QCOMPARE(e.canonicalEncoding(), expected);
            QCOMPARE(e.canonicalEncoding(dumpValue(e.before), dumpValue(e.after)), expected);
            QCOMPARE(e.computeHash(), referenceHash(e));
            QCOMPARE(e.computeHash(dumpValue(e.before), dumpValue(e.after)), referenceHash(e));
        }
    }

    void knownEventKeepsItsHash()
    {
        // Computed once with the first implementation: a stored chain must keep verifying after any rewrite.
        AuditEvent e;
        e.sequence = 42;
        e.id = "6f1c2a9e-0000-4000-8000-000000000042";
        e.occurredAt = "2026-12-06T18:00:00.123Z";
        e.actorType = "user";
        e.actorId = "u-1";
        e.actorDisplay = "Jürgen \"JJ\" <jj@example.com>";
        e.actingOrgId = "org-1";
        e.action = "org.update";
        e.targetType = "org";
        e.targetId = "org-2";
        e.targetDisplay = "Müller\tGmbH";
        e.targetOrgPath = "/root/org-2/";
        e.outcome = "success";
        e.clientAddress = "10.0.0.1";
        e.userAgent = "Mozilla/5.0";
        e.requestId = "req-1";
        e.before = {{"name", "Old"}, {"n", 1.5}};
        e.after = {{"name", "New \xff"}, {"list", {1, 2, 3}}};
        e.previousHash = std::string(64, 'a');
        QCOMPARE(e.computeHash(), referenceHash(e));
        QCOMPARE(e.computeHash(), std::string("e01d912d78396af3d206f0aca229a31ee8d4c696349fbb5e2ae0323faf7aae76"));
    }
};

QTEST_APPLESS_MAIN(TestAuditEvent)
#include "tst_auditevent.moc"
