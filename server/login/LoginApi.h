#pragma once

#include "server/http/HttpRequest.h"
#include "server/http/HttpResponse.h"

#include <string>

namespace trellis::core::flow {
struct FlowInput;
struct FlowState;
struct FlowStep;
} // namespace trellis::core::flow

namespace trellis::server {

struct ApiContext;
struct FlowSession;
class LoginPageRenderer;
class StoreFlowServices;

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
    /// GET /login/magic?token=...: the emailed link. Spends the token; when this browser holds the sign-in it was sent
    /// for (flow cookie), that sign-in continues here; otherwise the page says to go back to the first tab, which
    /// continues on its next request (reload or "I have opened the link").
    HttpResponse openMagicLink(const HttpRequest& request) const;
    /// GET /login/assets/passkey.js: the one script of the hosted login (passkey screens only).
    HttpResponse passkeyScript(const HttpRequest& request) const;
    /// GET /login/federated/callback?state&code (or error), optionally iss: an upstream identity provider sends the
    /// browser back here; the sign-in (flow cookie) continues at its federated-signin node.
    HttpResponse federatedCallback(const HttpRequest& request) const;

    static constexpr const char* flowCookie = "trellis_flow";
    static constexpr const char* ssoCookie = "trellis_sso";
    /// acr_values asking for a second factor: the sign-in then requires TOTP (enrolling when needed).
    static constexpr const char* mfaAcr = "urn:trellis:acr:mfa";
    /// Random per browser, set at the first successful sign-in; the risk node's "known device" (hash stored only).
    static constexpr const char* deviceCookie = "trellis_device";

private:
    /// Saves the step's state and answers it: the next screen, the failure page, or the signed-in redirect.
    /// `flowKey` is the flow the sign-in is in after this step (it differs from the session's after routing or a
    /// step-up, and is then saved with the state).
    HttpResponse finishStep(const HttpRequest& request, const LoginPageRenderer& pages, const FlowSession& session,
                            const std::string& flowKey, core::flow::FlowState& state, StoreFlowServices& services,
                            const core::flow::FlowStep& step, const std::string& csrf) const;
    /// Runs the submitted input on the session's flow (throttling, identifier-first routing, step-up) and answers.
    HttpResponse continueFlow(const HttpRequest& request, const LoginPageRenderer& pages, const FlowSession& session,
                              const std::string& token, const core::flow::FlowInput& input) const;
    /// Gives the services what they need to know about this request and sign-in.
    void prepare(StoreFlowServices& services, const HttpRequest& request, const FlowSession* session) const;

    const ApiContext& m_context;
};

} // namespace trellis::server
