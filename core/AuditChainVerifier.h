#pragma once

#include "core/AuditCheckpoint.h"
#include "core/AuditEvent.h"

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace trellis::core {

/// Checks an audit chain event by event, in sequence order, without holding it in memory: the same code checks the
/// database (trellisd audit verify --data-dir/--database, POST /api/v1/audit/verify) and an exported file (--file).
/// Stops at the first break and says, in plain words, which event breaks the chain and how.
class AuditChainVerifier
{
public:
    struct Problem
    {
        std::int64_t sequence = 0; ///< the first event that breaks the chain (0: before any event, e.g. the anchor)
        std::string message;
    };

    /// Older events were purged: the chain starts after this signed anchor checkpoint.
    void startFrom(const AuditCheckpoint& anchor);
    /// Checkpoints to hold the chain against: the event at each one's sequence must carry its hash.
    void expectCheckpoints(const std::vector<AuditCheckpoint>& checkpoints);
    /// Keys that checkpoint signatures must verify with; empty: each checkpoint's embedded key.
    void trustKeys(std::vector<crypto::VerificationKey> keys);
    /// For a filtered or partial export: the first event may link to a predecessor that is not in the file.
    void allowOpenStart() { m_openStart = true; }

    /// False once the chain is broken (later calls do nothing).
    bool add(const AuditEvent& event);
    /// Where the database says the chain ends; a mismatch means events at the end were removed.
    bool finishAtHead(std::int64_t headSequence, const std::string& headHash);
    /// For a file: checks every expected checkpoint was met.
    bool finish();

    /// A break found outside the event stream (e.g. rows past the chain head); keeps the first problem.
    void recordProblem(std::int64_t sequence, std::string message) { fail(sequence, std::move(message)); }

    bool ok() const { return !m_problem; }
    const std::optional<Problem>& problem() const { return m_problem; }
    std::int64_t checkedEvents() const { return m_checked; }
    std::int64_t firstSequence() const { return m_first; }
    std::int64_t lastSequence() const { return m_expected - 1; }
    const std::string& lastHash() const { return m_previousHash; }
    const std::optional<AuditCheckpoint>& anchor() const { return m_anchor; }
    /// The newest checkpoint the chain was held against (and whose signature verified).
    const std::optional<AuditCheckpoint>& lastCheckpoint() const { return m_lastCheckpoint; }

    /// {"ok", "checkedEvents", "firstSequence", "lastSequence", "anchor", "checkpoint", "problem"} as the API answers.
    nlohmann::json toJson() const;

private:
    bool fail(std::int64_t sequence, std::string message);
    bool checkSignature(const AuditCheckpoint& checkpoint);

    std::optional<AuditCheckpoint> m_anchor;
    std::map<std::int64_t, AuditCheckpoint> m_checkpoints;
    std::vector<crypto::VerificationKey> m_trusted;
    std::optional<AuditCheckpoint> m_lastCheckpoint;
    std::optional<Problem> m_problem;
    std::string m_previousHash;
    std::int64_t m_expected = 1;
    std::int64_t m_first = 0;
    std::int64_t m_checked = 0;
    bool m_openStart = false;
    bool m_started = false;
};

} // namespace trellis::core
