#pragma once

#include "core/AdminScope.h"
#include "core/Org.h"
#include "server/http/HttpResponse.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace trellis::server {

struct ApiContext;
struct Caller;
struct HttpRequest;
class AccessCheck;
enum class OrgLifecycleChange;

/// Changing existing organisations (everything org.manage covers except creating one): rename and change kind or
/// attributes, move a subtree under another parent, and the lifecycle active → suspended → offboarded with an
/// impact preview. Moves and lifecycle changes act on whole subtrees in one transaction with set-based SQL.
///
/// Moving, suspending, resuming and offboarding need org.manage at the org's parent: an admin's authority sits on
/// the org where their role was granted, and nobody pulls that org out from under themselves. The root has no
/// parent, so it can be neither moved nor suspended nor offboarded.
class OrgManageApi
{
public:
    explicit OrgManageApi(const ApiContext& context)
        : m_context(context)
    {
    }

    HttpResponse update(const Caller& caller, HttpRequest& request) const;   ///< PATCH /api/v1/orgs/{id}
    HttpResponse move(const Caller& caller, HttpRequest& request) const;     ///< POST /api/v1/orgs/{id}/move
    HttpResponse impact(const Caller& caller, HttpRequest& request) const;   ///< GET /api/v1/orgs/{id}/impact
    HttpResponse suspend(const Caller& caller, HttpRequest& request) const;  ///< POST /api/v1/orgs/{id}/suspend
    HttpResponse resume(const Caller& caller, HttpRequest& request) const;   ///< POST /api/v1/orgs/{id}/resume
    HttpResponse offboard(const Caller& caller, HttpRequest& request) const; ///< POST /api/v1/orgs/{id}/offboard

private:
    /// The org named by the path, for a change: 404 when it does not exist or the caller cannot see it (the latter
    /// recorded as a denied `action`).
    core::Org orgForChange(const AccessCheck& access, const std::string& id, std::string_view action,
                           const nlohmann::json& attempted) const;
    /// The grant holding `permission` at `checkPath`; otherwise a denied `action` event on the org and 403, or
    /// 404 (`notFoundMessage`, `notFoundField`) when `hideUnlessVisible` and the caller cannot see `checkPath`.
    const core::ScopeGrant& requireAt(const AccessCheck& access, std::string_view action, const core::Org& org,
                                      const std::string& checkPath, bool hideUnlessVisible,
                                      const std::string& notFoundMessage, const std::string& notFoundField,
                                      const nlohmann::json& attempted) const;
    /// A rule beyond permissions refused the change: one denied event, then 409 conflict.
    [[noreturn]] void refuse(const AccessCheck& access, std::string_view action, const core::Org& org,
                             const std::string& field, const std::string& message, const nlohmann::json& attempted,
                             const core::ScopeGrant* grant) const;
    HttpResponse changeLifecycle(const Caller& caller, HttpRequest& request, OrgLifecycleChange change) const;

    const ApiContext& m_context;
};

} // namespace trellis::server
