#include "core/AuditChainVerifier.h"

namespace trellis::core {

namespace {
std::string eventName(std::int64_t sequence)
{
    return "Event " + std::to_string(sequence);
}
} // namespace

void AuditChainVerifier::startFrom(const AuditCheckpoint& anchor)
{
    m_anchor = anchor;
    if (!checkSignature(anchor)) {
        fail(0, "The anchor checkpoint at event " + std::to_string(anchor.sequence) +
                    " (where purged events end) is not validly signed.");
        return;
    }
    m_expected = anchor.sequence + 1;
    m_previousHash = anchor.hash;
}

void AuditChainVerifier::expectCheckpoints(const std::vector<AuditCheckpoint>& checkpoints)
{
    for (const AuditCheckpoint& c : checkpoints)
        m_checkpoints[c.sequence] = c;
}

void AuditChainVerifier::trustKeys(std::vector<crypto::VerificationKey> keys)
{
    m_trusted = std::move(keys);
}

bool AuditChainVerifier::checkSignature(const AuditCheckpoint& checkpoint)
{
    return checkpoint.signatureValid(m_trusted);
}

bool AuditChainVerifier::fail(std::int64_t sequence, std::string message)
{
    if (!m_problem)
        m_problem = Problem{sequence, std::move(message)};
    return false;
}

bool AuditChainVerifier::add(const AuditEvent& e)
{
    if (m_problem)
        return false;
    if (!m_started) {
        m_started = true;
        m_first = e.sequence;
        if (m_openStart && !m_anchor) {
            // A partial export: trust the first link, check everything from there on.
            m_expected = e.sequence;
            m_previousHash = e.previousHash;
        }
    }
    if (e.sequence != m_expected) {
        if (e.sequence > m_expected)
            return fail(m_expected, eventName(m_expected) + " is missing: the chain jumps from event " +
                                        std::to_string(m_expected - 1) + " to event " + std::to_string(e.sequence) +
                                        " (events were deleted).");
        return fail(e.sequence, eventName(e.sequence) + " is out of order: event " + std::to_string(m_expected) +
                                    " was expected (events were reordered or duplicated).");
    }
    if (e.previousHash != m_previousHash)
        return fail(e.sequence, eventName(e.sequence) +
                                    " does not link to the event before it (events before it were changed, removed "
                                    "or reordered).");
    if (e.computeHash() != e.hash)
        return fail(e.sequence, eventName(e.sequence) + " was changed after it was written: its content no longer "
                                                        "matches its hash.");
    const auto checkpoint = m_checkpoints.find(e.sequence);
    if (checkpoint != m_checkpoints.end()) {
        if (checkpoint->second.hash != e.hash)
            return fail(e.sequence, eventName(e.sequence) + " differs from the signed checkpoint of " +
                                        checkpoint->second.signedAt + " (the chain was rewritten from here on).");
        if (!checkSignature(checkpoint->second))
            return fail(e.sequence, "The checkpoint at event " + std::to_string(e.sequence) +
                                        " is not validly signed (it was forged or altered).");
        m_lastCheckpoint = checkpoint->second;
        m_checkpoints.erase(checkpoint);
    }
    m_previousHash = e.hash;
    ++m_expected;
    ++m_checked;
    return true;
}

bool AuditChainVerifier::finishAtHead(std::int64_t headSequence, const std::string& headHash)
{
    if (m_problem)
        return false;
    if (headSequence != m_expected - 1 || headHash != m_previousHash) {
        if (headSequence > m_expected - 1)
            return fail(m_expected, "The chain ends at event " + std::to_string(m_expected - 1) + " but event " +
                                        std::to_string(headSequence) + " was written: the newest events were deleted.");
        return fail(m_expected - 1, "The end of the chain does not match the recorded chain head (events at the end "
                                    "were changed or added around the server).");
    }
    return finish();
}

bool AuditChainVerifier::finish()
{
    if (m_problem)
        return false;
    // Checkpoints newer than the last event: events they vouch for are gone.
    for (const auto& [sequence, checkpoint] : m_checkpoints) {
        if (sequence >= m_expected)
            return fail(sequence, "A signed checkpoint vouches for event " + std::to_string(sequence) +
                                      ", which is missing (the newest events were deleted).");
    }
    return true;
}

nlohmann::json AuditChainVerifier::toJson() const
{
    nlohmann::json j{{"ok", ok()},
                     {"checkedEvents", m_checked},
                     {"firstSequence", m_first},
                     {"lastSequence", m_checked > 0 ? m_expected - 1 : 0},
                     {"anchor", nullptr},
                     {"checkpoint", nullptr},
                     {"problem", nullptr}};
    if (m_anchor)
        j["anchor"] = {{"sequence", m_anchor->sequence}, {"hash", m_anchor->hash}, {"signedAt", m_anchor->signedAt}};
    if (m_lastCheckpoint)
        j["checkpoint"] = {{"sequence", m_lastCheckpoint->sequence},
                           {"hash", m_lastCheckpoint->hash},
                           {"signedAt", m_lastCheckpoint->signedAt},
                           {"keyId", m_lastCheckpoint->keyId},
                           {"signatureValid", true}};
    if (m_problem)
        j["problem"] = {{"sequence", m_problem->sequence}, {"message", m_problem->message}};
    return j;
}

} // namespace trellis::core
