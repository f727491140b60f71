#pragma once

#include "core/Invitation.h"
#include "core/Org.h"
#include "server/http/HttpResponse.h"

#include <string>

namespace trellis::server {

struct ApiContext;
struct Caller;
struct HttpRequest;

/// /api/v1/orgs/{id}/invitations and /api/v1/invitations/{id}…: invite people into an organisation (with roles the
/// inviter may hand out), list, resend and revoke. The secret link is returned once, at creation and resend, and
/// never logged or audited. Acceptance is the hosted page /invite (server/login/InvitePage).
class InvitationApi
{
public:
    explicit InvitationApi(const ApiContext& context)
        : m_context(context)
    {
    }

    HttpResponse create(const Caller& caller, HttpRequest& request) const; ///< POST /api/v1/orgs/{id}/invitations
    HttpResponse list(const Caller& caller, HttpRequest& request) const;   ///< GET /api/v1/orgs/{id}/invitations
    HttpResponse resend(const Caller& caller, HttpRequest& request) const; ///< POST /api/v1/invitations/{id}/resend
    HttpResponse revoke(const Caller& caller, HttpRequest& request) const; ///< DELETE /api/v1/invitations/{id}

    static constexpr int kDefaultDays = 7;
    static constexpr int kMaxDays = 30;

    /// <issuer>/invite?token=…
    static std::string acceptUrl(const ApiContext& context, const std::string& token);

private:
    /// The invitation if it exists and the caller may see it (user.read or user.invite at its org); else 404.
    core::Invitation visibleInvitation(const Caller& caller, const std::string& id, core::Org* org) const;

    const ApiContext& m_context;
};

} // namespace trellis::server
