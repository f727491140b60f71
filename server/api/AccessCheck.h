#pragma once

#include "core/AdminScope.h"
#include "core/AuditEvent.h"

#include <string>
#include <string_view>

namespace trellis::server {

struct ApiContext;
struct Caller;
struct HttpRequest;

/// What an admin action is aimed at, as permission checks and audit events need it.
struct AccessTarget
{
    std::string type;    ///< "org", "user", "membership", "role", "role_assignment", "invitation"
    std::string id;      ///< empty for something not created yet
    std::string display; ///< what people recognise it by (name, e-mail)
    std::string orgId;   ///< the org whose subtree the target lies in (for a new org: its parent)
    std::string orgPath; ///< materialised path of orgId, "/root/.../org/"
};

/// The one place where the admin API decides "may this caller do this here", so every handler enforces delegation
/// the same way: a denied attempt is an audit event, and something the caller may not even see answers 404 exactly
/// as if it did not exist (lists and counts never leak it either; that is the repositories' job).
class AccessCheck
{
public:
    AccessCheck(const ApiContext& context, const Caller& caller, const HttpRequest& request)
        : m_context(context)
        , m_caller(caller)
        , m_request(request)
    {
    }

    /// True when the caller holds `permission` at the org with this path (a grant there or at an ancestor).
    bool allows(std::string_view permission, std::string_view orgPath) const;

    /// The grant that allows `permission` at `target.orgPath`. Otherwise records a denied `action` event and throws:
    /// 404 (`notFoundMessage`, `notFoundField`) when the caller lacks `visibility` there, else 403 naming the
    /// permission. `attempted` (secrets left out) goes into the denied event's "after".
    const core::ScopeGrant& require(std::string_view permission, std::string_view action, const AccessTarget& target,
                                    std::string_view visibility, const std::string& notFoundMessage,
                                    const std::string& notFoundField = {},
                                    const nlohmann::json& attempted = nullptr) const;

    /// Records a denied `action` event with `reason` (for rules beyond permissions: last admin, self-escalation...).
    void recordDenied(std::string_view action, const AccessTarget& target, const std::string& reason,
                      const nlohmann::json& attempted = nullptr, const core::ScopeGrant* grant = nullptr) const;

    /// A success event for `action` on `target`, allowed by `grant`: actor, acting org and delegation filled in.
    /// The handler adds before/after and appends it in the transaction of the change.
    core::AuditEvent successEvent(std::string_view action, const AccessTarget& target,
                                  const core::ScopeGrant& grant) const;

    const Caller& caller() const { return m_caller; }

private:
    const ApiContext& m_context;
    const Caller& m_caller;
    const HttpRequest& m_request;
};

} // namespace trellis::server
