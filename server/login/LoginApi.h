#pragma once

#include "server/http/HttpRequest.h"
#include "server/http/HttpResponse.h"

namespace trellis::server {

struct ApiContext;

/// The hosted login's endpoints: /oauth2/authorize, the flow pages under /login/, /oauth2/logout and the CSS.
class LoginApi
{
public:
    explicit LoginApi(const ApiContext& context)
        : m_context(context)
    {
    }

    HttpResponse authorize(const HttpRequest& request) const;
    HttpResponse showFlow(const HttpRequest& request) const;
    HttpResponse submitFlow(const HttpRequest& request) const;
    HttpResponse logout(const HttpRequest& request) const;
    HttpResponse stylesheet(const HttpRequest& request) const;
    /// GET /login/assets/passkey.js: the one script of the hosted login (passkey screens only).
    HttpResponse passkeyScript(const HttpRequest& request) const;

    static constexpr const char* flowCookie = "trellis_flow";
    static constexpr const char* ssoCookie = "trellis_sso";
    /// acr_values asking for a second factor: the sign-in then requires TOTP (enrolling when needed).
    static constexpr const char* mfaAcr = "urn:trellis:acr:mfa";
    /// acr_values entry that picks the built-in passkey-first journey (core/flow/PasskeyFlow) while no flow is bound.
    static constexpr const char* passkeyAcr = "urn:trellis:acr:passkey";

private:
    const ApiContext& m_context;
};

} // namespace trellis::server
