#include "server/login/FlowSessionRepository.h"

#include "core/Encoding.h"
#include "core/Random.h"
#include "core/TimeFormat.h"
#include "core/crypto/TokenHash.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

namespace trellis::server {

using namespace sql;

std::string FlowSessionRepository::csrfFor(const std::string& token)
{
    // Domain-separated hash of the 256-bit cookie secret: a cross-site page can neither read nor compute it.
    return core::base64UrlEncode(core::sha256("trellis-login-csrf\n" + token));
}

bool FlowSessionRepository::csrfMatches(const FlowSession& session, const std::string& submitted)
{
    if (submitted.empty() || submitted.size() > 128)
        return false;
    return core::constantTimeEquals(core::crypto::tokenHash(submitted), session.csrfHash);
}

StartedFlowSession FlowSessionRepository::create(const std::string& flowKey, const nlohmann::json& state,
                                                 const nlohmann::json& request) const
{
    StartedFlowSession started;
    started.token = core::newSecretToken();
    started.csrf = csrfFor(started.token);
    FlowSession& s = started.session;
    s.id = core::newUuid();
    s.flowKey = flowKey;
    s.state = state;
    s.request = request;
    s.csrfHash = core::crypto::tokenHash(started.csrf);
    const auto now = m_db.clock().now();
    s.expiresAt = core::formatTimestamp(now + lifetime);
    QSqlQuery q = prepare(m_db, QStringLiteral("INSERT INTO flow_sessions (id, token_hash, csrf_hash, flow_key, state, "
                                               "request, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(qs(s.id));
    q.addBindValue(qs(core::crypto::tokenHash(started.token)));
    q.addBindValue(qs(s.csrfHash));
    q.addBindValue(qs(flowKey));
    q.addBindValue(qs(state.dump()));
    q.addBindValue(qs(request.dump()));
    q.addBindValue(qs(core::formatTimestamp(now)));
    q.addBindValue(qs(s.expiresAt));
    run(q, "starting a sign-in failed");
    return started;
}

std::optional<FlowSession> FlowSessionRepository::findByToken(const std::string& token) const
{
    if (token.empty() || token.size() > 128)
        return std::nullopt;
    const std::string hash = core::crypto::tokenHash(token);
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT id, flow_key, state, request, csrf_hash, expires_at, token_hash "
                                               "FROM flow_sessions WHERE token_hash = ? AND completed_at IS NULL "
                                               "AND expires_at > ?"));
    q.addBindValue(qs(hash));
    q.addBindValue(qs(sql::now(m_db)));
    run(q, "reading a sign-in failed");
    if (!q.next() || !core::constantTimeEquals(ss(q.value(6)), hash))
        return std::nullopt;
    FlowSession s;
    s.id = ss(q.value(0));
    s.flowKey = ss(q.value(1));
    s.state = nlohmann::json::parse(ss(q.value(2)), nullptr, false);
    s.request = nlohmann::json::parse(ss(q.value(3)), nullptr, false);
    s.csrfHash = ss(q.value(4));
    s.expiresAt = ss(q.value(5));
    if (!s.state.is_object() || !s.request.is_object())
        return std::nullopt; // a damaged row: start again rather than guess
    return s;
}

void FlowSessionRepository::saveState(const std::string& id, const nlohmann::json& state) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE flow_sessions SET state = ? WHERE id = ?"));
    q.addBindValue(qs(state.dump()));
    q.addBindValue(qs(id));
    run(q, "saving a sign-in failed");
}

void FlowSessionRepository::saveFlowKey(const std::string& id, const std::string& flowKey) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE flow_sessions SET flow_key = ? WHERE id = ?"));
    q.addBindValue(qs(flowKey));
    q.addBindValue(qs(id));
    run(q, "saving a sign-in failed");
}

void FlowSessionRepository::complete(const std::string& id) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE flow_sessions SET completed_at = ? WHERE id = ?"));
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(qs(id));
    run(q, "finishing a sign-in failed");
}

} // namespace trellis::server
