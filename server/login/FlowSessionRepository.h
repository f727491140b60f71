#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace trellis::server {

class Database;

/// A sign-in in progress (row of flow_sessions): the interpreter's state and the authorization request.
struct FlowSession
{
    std::string id;
    std::string flowKey; ///< which flow runs, e.g. "builtin:default"
    nlohmann::json state = nlohmann::json::object();
    nlohmann::json request = nlohmann::json::object();
    std::string csrfHash;
    std::string expiresAt;
};

/// A new flow session and the secrets only the browser gets.
struct StartedFlowSession
{
    FlowSession session;
    std::string token; ///< for the HttpOnly cookie
    std::string csrf;  ///< for the hidden form field
};

/// flow_sessions: the browser holds a random token in a cookie, the database its hash; the CSRF token is derived
/// from the cookie token, so every page can repeat it without the database holding it in clear.
class FlowSessionRepository
{
public:
    static constexpr std::chrono::minutes lifetime{15};

    explicit FlowSessionRepository(const Database& db)
        : m_db(db)
    {
    }

    StartedFlowSession create(const std::string& flowKey, const nlohmann::json& state,
                              const nlohmann::json& request) const;
    /// The active (not expired, not completed) session of this cookie token.
    std::optional<FlowSession> findByToken(const std::string& token) const;
    void saveState(const std::string& id, const nlohmann::json& state) const;
    /// The sign-in continues in another flow (identifier-first routing, a second-factor step-up).
    void saveFlowKey(const std::string& id, const std::string& flowKey) const;
    /// Ends it: a finished sign-in cannot be continued or replayed.
    void complete(const std::string& id) const;

    /// The CSRF token of the session whose cookie token this is.
    static std::string csrfFor(const std::string& token);
    /// Constant-time check of a submitted CSRF token against the session's stored hash.
    static bool csrfMatches(const FlowSession& session, const std::string& submitted);

private:
    const Database& m_db;
};

} // namespace trellis::server
