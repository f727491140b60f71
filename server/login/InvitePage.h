#pragma once

#include "server/http/HttpRequest.h"
#include "server/http/HttpResponse.h"

namespace trellis::server {

struct ApiContext;

/// The hosted invitation page, GET/POST /invite?token=…: shows who invites whom to which organisation; a new
/// person sets a password (PasswordPolicy), a person who already has an account confirms with their current
/// password (or sets one if they have none). Acceptance is one transaction: a conditional claim of the
/// invitation (single use, even under concurrency), the account if needed, the membership, the role assignments
/// and the "invitation.accept" audit event. Same renderer, CSS, languages and CSRF approach as the sign-in pages.
class InvitePage
{
public:
    explicit InvitePage(const ApiContext& context)
        : m_context(context)
    {
    }

    HttpResponse show(const HttpRequest& request) const;
    HttpResponse accept(const HttpRequest& request) const;

    /// The CSRF token of the page for this invitation token (derived from the secret, so never stored).
    static std::string csrfFor(const std::string& token);

private:
    const ApiContext& m_context;
};

} // namespace trellis::server
