#include "server/login/LoginApi.h"

#include "core/Encoding.h"
#include "core/OrgPath.h"
#include "core/Random.h"
#include "core/TimeFormat.h"
#include "core/User.h"
#include "core/flow/DefaultFlow.h"
#include "core/flow/FlowInterpreter.h"
#include "core/flow/ProfileAttributes.h"
#include "server/api/ApiContext.h"
#include "server/http/FormBody.h"
#include "server/login/DeviceHistory.h"
#include "server/login/EmailSignInTokens.h"
#include "server/login/FlowSessionRepository.h"
#include "server/login/LoginFlows.h"
#include "server/login/LoginPageRenderer.h"
#include "server/login/LoginResources.h"
#include "server/login/MailSender.h"
#include "server/login/PublishedFlowResolver.h"
#include "server/login/SsoSessionRepository.h"
#include "server/login/StoreFlowServices.h"
#include "server/oidc/AuthorizationCodeIssuer.h"
#include "server/oidc/AuthorizationRequest.h"
#include "server/oidc/OidcClientRepository.h"
#include "server/oidc/ScopeWords.h"
#include "server/store/AuditLog.h"
#include "server/store/Database.h"
#include "server/store/FlowRepository.h"
#include "server/store/OrgRepository.h"
#include "server/store/PersonRepository.h"
#include "server/store/SqlSupport.h"
#include "server/store/UserRepository.h"

#include <algorithm>
#include <sstream>

namespace trellis::server {

namespace flow = core::flow;

namespace {

// An admin's MFA reset (users.mfa_enrolment_required) makes the person enrol a new authenticator whatever the
// application asked for: once identified, the sign-in continues on the MFA journey, which has the same nodes plus
// the enrolment. The flag is cleared when the enrolment is confirmed (StoreFlowServices).
std::string effectiveFlowKey(const Database& db, const std::string& key, const flow::FlowState& state)
{
    if (key == LoginFlows::defaultKey && !state.userId.empty() &&
        PersonRepository(db).mfaEnrolmentRequired(state.userId))
        return LoginFlows::mfaKey;
    return key;
}

std::string nodeType(const flow::FlowDocument& document, const std::string& nodeId)
{
    for (const auto& node : document.nodes) {
        if (node.id == nodeId)
            return node.type;
    }
    return {};
}

bool contains(const std::vector<std::string>& list, const std::string& item)
{
    return std::find(list.begin(), list.end(), item) != list.end();
}

std::string withParameters(std::string uri, const std::vector<std::pair<std::string, std::string>>& parameters)
{
    char separator = uri.find('?') == std::string::npos ? '?' : '&';
    for (const auto& [name, value] : parameters) {
        uri += separator + name + "=" + core::percentEncode(value);
        separator = '&';
    }
    return uri;
}

std::string cookieValue(const HttpRequest& request, const std::string& name)
{
    for (const auto& [header, value] : request.headers) {
        if (header != "cookie")
            continue;
        std::size_t start = 0;
        while (start < value.size()) {
            const std::size_t end = std::min(value.find(';', start), value.size());
            std::string pair = value.substr(start, end - start);
            pair.erase(0, pair.find_first_not_of(' '));
            if (pair.rfind(name + "=", 0) == 0)
                return pair.substr(name.size() + 1);
            start = end + 1;
        }
    }
    return {};
}

void setCookie(HttpResponse& response, const HttpRequest& request, const std::string& name, const std::string& value,
               long long maxAgeSeconds)
{
    // HttpOnly: no script reads it; SameSite=Lax: sent on the top-level redirect back from another site, never on
    // cross-site form posts; Secure whenever the request came over TLS.
    std::string cookie =
        name + "=" + value + "; Path=/; Max-Age=" + std::to_string(maxAgeSeconds) + "; HttpOnly; SameSite=Lax";
    if (request.secure)
        cookie += "; Secure";
    response.headers.emplace_back("Set-Cookie", cookie);
}

HttpResponse html(int status, std::string body)
{
    return LoginPageRenderer::page(status, std::move(body), false);
}

// A flow screen; the passkey screens need their one script (served from 'self'), every other page runs none.
HttpResponse screenPage(int status, const LoginPageRenderer& pages, const flow::FlowScreen& screen,
                        const std::string& csrf, int waitSeconds = 0)
{
    const bool passkey = screen.kind.rfind("passkey-", 0) == 0;
    return LoginPageRenderer::page(status, pages.screen(screen, csrf, waitSeconds), false, passkey);
}

HttpResponse seeOther(const std::string& location)
{
    HttpResponse response;
    response.status = 303;
    response.setHeader("Location", location);
    response.setHeader("Cache-Control", "no-store");
    return response;
}

LoginText::Language languageOf(const HttpRequest& request)
{
    return LoginText::fromAcceptLanguage(request.header("accept-language"));
}

void appendAll(const ApiContext& context, const std::vector<core::AuditEvent>& events)
{
    const AuditLog log(context.db);
    for (const auto& event : events)
        log.append(event);
}

std::vector<std::string> amrOf(const flow::FlowState& state)
{
    std::vector<std::string> amr;
    if (state.facts.contains("amr") && state.facts["amr"].is_array()) {
        for (const auto& v : state.facts["amr"]) {
            if (v.is_string())
                amr.push_back(v.get<std::string>());
        }
    }
    return amr;
}

std::string failureKey(const std::string& flowKey, const flow::FlowStep& step)
{
    if (step.code == "flow_broken")
        return "failure.flow_broken";
    if (LoginFlows::isBuiltin(flowKey) && LoginText::has("failure." + step.nodeId))
        return "failure." + step.nodeId;
    // A designed flow whose failure node kept a built-in journey's message shows that message's translated text
    // (the demo's flow and flows made from the default one keep the pages people know).
    static const std::map<std::string, std::string> stockMessages = [] {
        std::map<std::string, std::string> messages;
        for (const auto& node : flow::defaultFlow(flow::DefaultFlowOptions{true}).nodes) {
            if (node.type == "failure" && node.config.contains("message") && node.config["message"].is_string())
                messages.emplace(node.config["message"].get<std::string>(), "failure." + node.id);
        }
        return messages;
    }();
    if (const auto it = stockMessages.find(step.message); it != stockMessages.end() && LoginText::has(it->second))
        return it->second;
    return "failure.default";
}

// Where the sign-in starts: the "organization" parameter (an org id or slug), else no org (the root's bindings).
struct StartingOrg
{
    bool named = false;
    std::optional<core::Org> org;
};

StartingOrg startingOrg(const Database& db, const HttpRequest& request)
{
    StartingOrg start;
    if (!request.hasQuery("organization"))
        return start;
    start.named = true;
    const std::string value = request.queryValue("organization");
    const OrgRepository orgs(db);
    start.org = value.empty() ? std::nullopt : orgs.find(value);
    if (!start.org && !value.empty())
        start.org = orgs.findBySlug(value);
    return start;
}

} // namespace

HttpResponse LoginApi::authorize(const HttpRequest& request) const
{
    const LoginPageRenderer pages(languageOf(request));
    const auto count = [&request](const char* name) { return request.query.count(name); };

    // Until client and redirect URI are known good, every problem is a page here: redirecting to an unchecked URI
    // would make this server an open redirector.
    const std::string clientId = request.queryValue("client_id");
    const auto client =
        clientId.empty() || count("client_id") > 1 ? std::nullopt : OidcClientRepository(m_context.db).find(clientId);
    if (!client)
        return html(400, pages.message("title.error", "error.client", true));
    const std::string redirectUri = request.queryValue("redirect_uri");
    if (redirectUri.empty() || count("redirect_uri") > 1 || !client->acceptsRedirect(redirectUri))
        return html(400, pages.message("title.error", "error.redirect", true));

    const std::string state = request.queryValue("state");
    const auto fail = [&](const std::string& error, const std::string& description) {
        std::vector<std::pair<std::string, std::string>> parameters{{"error", error},
                                                                    {"error_description", description}};
        if (!state.empty())
            parameters.emplace_back("state", state);
        if (!m_context.issuer.empty())
            parameters.emplace_back("iss", m_context.issuer);
        return seeOther(withParameters(redirectUri, parameters));
    };
    for (const char* name : {"response_type", "scope", "state", "nonce", "code_challenge", "code_challenge_method",
                             "prompt", "login_hint", "acr_values", "max_age", "organization"}) {
        if (count(name) > 1)
            return fail("invalid_request", std::string("The parameter ") + name + " is repeated.");
    }
    if (request.hasQuery("request") || request.hasQuery("request_uri"))
        return fail("request_not_supported", "Request objects are not supported.");
    if (request.queryValue("response_type") != "code")
        return fail("unsupported_response_type", "Only response_type=code is supported.");
    if (!client->allowsGrant("authorization_code"))
        return fail("unauthorized_client", "This client may not use the authorization code flow.");
    const std::string scope = request.queryValue("scope");
    if (!contains(ScopeWords::split(scope), "openid"))
        return fail("invalid_scope", "The scope must contain openid.");
    if (!client->allowsScope(scope))
        return fail("invalid_scope", "The client may not ask for this scope.");
    const std::string challenge = request.queryValue("code_challenge");
    const std::string method = request.queryValue("code_challenge_method");
    if (challenge.empty() && client->isPublic())
        return fail("invalid_request", "PKCE with code_challenge_method=S256 is required for public clients.");
    if (!challenge.empty()) {
        // An absent method means "plain" (RFC 7636 §4.3), which is refused like an explicit one.
        if (method != "S256")
            return fail("invalid_request", "Only code_challenge_method=S256 is supported.");
        const bool wellFormed = challenge.size() == 43 &&
                                std::all_of(challenge.begin(), challenge.end(),
                                            [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_'; });
        if (!wellFormed)
            return fail("invalid_request", "The code_challenge is not a base64url SHA-256 value.");
    }
    const auto prompts = ScopeWords::split(request.queryValue("prompt"));
    if (contains(prompts, "none") && prompts.size() > 1)
        return fail("invalid_request", "prompt=none cannot be combined with other values.");
    const StartingOrg startAt = startingOrg(m_context.db, request);
    if (startAt.named && !startAt.org)
        return fail("invalid_request", "The organization parameter names no organisation.");

    AuthorizationRequest authorization;
    authorization.clientId = clientId;
    authorization.redirectUri = redirectUri;
    authorization.scope = scope;
    authorization.state = state;
    authorization.nonce = request.queryValue("nonce");
    authorization.codeChallenge = challenge;
    authorization.codeChallengeMethod = challenge.empty() ? std::string() : method;
    authorization.prompt = request.queryValue("prompt");
    authorization.loginHint = request.queryValue("login_hint");
    authorization.acrValues = request.queryValue("acr_values");
    if (startAt.org)
        authorization.organization = startAt.org->id;
    const bool wantsMfa = contains(ScopeWords::split(authorization.acrValues), mfaAcr);

    // A live SSO session answers at once, unless the client asks to see the login again or needs a second factor
    // the session did not use.
    if (!contains(prompts, "login")) {
        const auto sso = SsoSessionRepository(m_context.db).findByToken(cookieValue(request, ssoCookie));
        if (sso && (!wantsMfa || contains(sso->amr, "otp")) &&
            !PersonRepository(m_context.db).mfaEnrolmentRequired(sso->userId) &&
            UserRepository(m_context.db).findWithAccess(sso->userId))
            return seeOther(AuthorizationCodeIssuer::issue(m_context, authorization, sso->userId, sso->id,
                                                           sso->authTime, sso->amr));
    }
    if (contains(prompts, "none"))
        return fail("login_required", "The user is not signed in.");

    // The most specific binding for this org (else the root: every root org's bindings count the same) and client;
    // none at all: the built-in journey, with the second factor when the application asks for it.
    const LoginFlows flows(m_context.db);
    std::string flowKey;
    if (startAt.org) {
        flowKey = flows.boundKey(core::OrgPath::make(startAt.org->path), clientId);
    } else {
        for (const auto& rootPath : FlowRepository(m_context.db).rootOrgPaths()) {
            if (flowKey.empty())
                flowKey = flows.boundKey(rootPath, clientId);
        }
    }
    if (flowKey.empty())
        flowKey = wantsMfa ? LoginFlows::mfaKey : LoginFlows::defaultKey;
    const auto document = flows.document(flowKey);
    if (!document)
        return html(500, pages.message("title.error", "error.session", true));
    StoreFlowServices services(m_context, request, {});
    flow::FlowState flowState;
    flow::FlowInterpreter(*document, services).start(flowState);
    if (const auto hint = core::normaliseEmail(authorization.loginHint))
        flowState.email = *hint; // prefills the identify screen
    StartedFlowSession started;
    m_context.db.transaction([&] {
        started = FlowSessionRepository(m_context.db)
                      .create(flowKey, nlohmann::json(flowState), nlohmann::json(authorization));
        appendAll(m_context, services.auditEvents());
    });
    HttpResponse response = seeOther("/login/flow");
    setCookie(response, request, flowCookie, started.token,
              std::chrono::duration_cast<std::chrono::seconds>(FlowSessionRepository::lifetime).count());
    return response;
}

HttpResponse LoginApi::showFlow(const HttpRequest& request) const
{
    const LoginPageRenderer pages(languageOf(request));
    const std::string token = cookieValue(request, flowCookie);
    const auto session = FlowSessionRepository(m_context.db).findByToken(token);
    if (!session)
        return html(400, pages.message("title.error", "error.session", true));
    flow::FlowState state = session->state.get<flow::FlowState>();
    const auto document = LoginFlows(m_context.db).document(effectiveFlowKey(m_context.db, session->flowKey, state));
    if (!document)
        return html(400, pages.message("title.error", "error.session", true));
    StoreFlowServices services(m_context, request, state.email);
    prepare(services, request, &*session);
    const PublishedFlowResolver subflows(m_context.db);
    // A reload may move on (a magic link opened in another tab), so the answer is handled like a submit's.
    const flow::FlowStep step =
        flow::FlowInterpreter(*document, services, flow::NodeCatalog::builtin(), &subflows).resume(state);
    return finishStep(request, pages, *session, session->flowKey, state, services, step,
                      FlowSessionRepository::csrfFor(token));
}

void LoginApi::prepare(StoreFlowServices& services, const HttpRequest& request, const FlowSession* session) const
{
    services.setLanguage(languageOf(request));
    services.setDeviceHash(DeviceHistory::deviceHash(cookieValue(request, deviceCookie)));
    if (session) {
        services.setFlowSession(session->id);
        // The organisation the application asked for (empty: none, the root's binding ran).
        const AuthorizationRequest authorization = session->request.get<AuthorizationRequest>();
        services.setRequestContext({authorization.organization, authorization.clientId});
    }
}

HttpResponse LoginApi::openMagicLink(const HttpRequest& request) const
{
    const LoginPageRenderer pages(languageOf(request));
    std::optional<OpenedMagicLink> opened;
    m_context.db.transaction([&] {
        opened = EmailSignInTokens(m_context.db).openMagicLink(request.queryValue("token"));
        if (opened) {
            StoreFlowServices services(m_context, request, {});
            core::AuditEvent event = services.makeEvent("login.magic_link.opened", opened->userId, {}, "success");
            AuditLog(m_context.db).append(event);
        }
    });
    if (!opened)
        return html(400, pages.message("title.magic-link-invalid", "text.magic-link-invalid", true));
    // This browser holds the sign-in the link was sent for: it continues right here.
    const auto session = FlowSessionRepository(m_context.db).findByToken(cookieValue(request, flowCookie));
    if (session && !opened->flowSessionId.empty() && session->id == opened->flowSessionId)
        return seeOther("/login/flow");
    return html(200, pages.message("title.magic-link-opened", "text.magic-link-opened", false));
}

HttpResponse LoginApi::submitFlow(const HttpRequest& request) const
{
    const LoginPageRenderer pages(languageOf(request));
    const std::string token = cookieValue(request, flowCookie);
    const FlowSessionRepository sessions(m_context.db);
    const auto session = sessions.findByToken(token);
    if (!session)
        return html(400, pages.message("title.error", "error.session", true));
    const auto form = FormBody::parse(request);
    if (!form || !FlowSessionRepository::csrfMatches(*session, form->value("csrf")))
        return html(403, pages.message("title.error", "error.csrf", true));
    flow::FlowInput input;
    input.nodeId = form->value("node");
    for (const char* name : {"email", "password", "code", "org",
                             // passkey screens (core/flow/PasskeyNodes.h)
                             "action", "credentialId", "clientDataJSON", "attestationObject", "transports",
                             "authenticatorData", "signature", "userHandle"}) {
        if (form->has(name))
            input.values[name] = form->value(name);
    }
    for (const auto& attribute : flow::ProfileAttributes::all()) {
        if (form->has(attribute.name))
            input.values[attribute.name] = form->value(attribute.name);
    }
    // "callback" belongs to the federated sign-in's return route, which checks the upstream's state instead.
    if (input.values.count("action") && input.values["action"] == "callback")
        input.values.erase("action");
    return continueFlow(request, pages, *session, token, input);
}

HttpResponse LoginApi::federatedCallback(const HttpRequest& request) const
{
    const LoginPageRenderer pages(languageOf(request));
    const std::string token = cookieValue(request, flowCookie);
    const auto session = FlowSessionRepository(m_context.db).findByToken(token);
    if (!session)
        return html(400, pages.message("title.error", "error.session", true));
    for (const char* name : {"state", "code", "error", "iss"}) {
        if (request.query.count(name) > 1)
            return html(400, pages.message("title.error", "error.session", true));
    }
    // No CSRF token can come back from another site: the upstream's "state", compared in constant time by the
    // federated-signin node against the one this sign-in sent, plays that part (and is single use).
    flow::FlowInput input;
    input.nodeId = session->state.value("currentNode", std::string());
    input.values = {{"action", "callback"},
                    {"state", request.queryValue("state")},
                    {"code", request.queryValue("code")},
                    {"error", request.queryValue("error")},
                    {"iss", request.queryValue("iss")}};
    return continueFlow(request, pages, *session, token, input);
}

HttpResponse LoginApi::continueFlow(const HttpRequest& request, const LoginPageRenderer& pages,
                                    const FlowSession& flowSession, const std::string& token,
                                    const flow::FlowInput& input) const
{
    const auto session = &flowSession;
    flow::FlowState state = session->state.get<flow::FlowState>();
    const LoginFlows flows(m_context.db);
    std::string flowKey = session->flowKey;
    const auto documentPointer = flows.document(effectiveFlowKey(m_context.db, flowKey, state));
    if (!documentPointer)
        return html(400, pages.message("title.error", "error.session", true));
    const flow::FlowDocument& document = *documentPointer;
    StoreFlowServices services(m_context, request, state.email);
    prepare(services, request, &*session);
    const PublishedFlowResolver subflows(m_context.db);
    const flow::FlowInterpreter interpreter(document, services, flow::NodeCatalog::builtin(), &subflows);
    const AuthorizationRequest authorization = session->request.get<AuthorizationRequest>();
    const std::string csrf = FlowSessionRepository::csrfFor(token);

    // During a throttling delay the attempt is neither checked nor counted: the page asks to wait.
    const std::string type = nodeType(document, state.currentNode);
    if (type == "password" || type == "totp-verify" || type == "totp-enrol" || type == "email-code") {
        if (const int wait = services.secondsToWait(state.userId); wait > 0) {
            flow::FlowStep step = interpreter.resume(state);
            if (step.kind == flow::FlowStep::Kind::Screen) {
                HttpResponse response = screenPage(429, pages, step.screen, csrf, wait);
                response.setHeader("Retry-After", std::to_string(wait));
                return response;
            }
        }
    }

    const std::string submittedNode = state.currentNode;
    flow::FlowStep step = interpreter.submit(state, input);

    // Identifier-first routing: signed in from no particular organisation, a person whose every live membership
    // leads to one other bound flow continues in that flow, after its own first identify node. Not when the
    // application chose the journey itself (by naming an organisation).
    if (type == "identify" && authorization.organization.empty() && !state.userId.empty() &&
        submittedNode == LoginFlows::firstIdentifyNode(document)) {
        const std::string routed = flows.routeFor(state.userId, authorization.clientId, flowKey);
        const auto routedDocument = routed.empty() ? nullptr : flows.document(routed);
        const std::string identify = routedDocument ? LoginFlows::firstIdentifyNode(*routedDocument) : std::string();
        const flow::FlowNode* identifyNode = identify.empty() ? nullptr : routedDocument->node(identify);
        if (identifyNode && !identifyNode->target("next").empty()) {
            flow::FlowState continued;
            continued.userId = state.userId;
            continued.email = state.email;
            continued.facts = state.facts;
            continued.currentNode = identifyNode->target("next");
            core::AuditEvent event = services.makeEvent("login.flow_routed", state.userId, state.email, "success");
            event.before = {{"flow", flowKey}};
            event.after = {{"flow", routed}};
            services.addAuditEvent(std::move(event));
            step = flow::FlowInterpreter(*routedDocument, services, flow::NodeCatalog::builtin(), &subflows)
                       .resume(continued);
            state = std::move(continued);
            flowKey = routed;
        }
    }

    // A designed flow decides how people sign in, but never below what the application asked for (acr_values) or
    // an admin's MFA reset demands: without that second factor the sign-in continues with it.
    if (step.kind == flow::FlowStep::Kind::Success && !LoginFlows::isBuiltin(flowKey)) {
        const std::vector<std::string> amr = amrOf(state);
        const bool wantsMfa = contains(ScopeWords::split(authorization.acrValues), mfaAcr);
        // A passkey with user verification is two factors in one (possession and biometrics or PIN).
        const bool twoFactors = contains(amr, "otp") || (contains(amr, "hwk") && contains(amr, "user"));
        if (!twoFactors && (wantsMfa || PersonRepository(m_context.db).mfaEnrolmentRequired(state.userId))) {
            // Signed in only once the second factor is done: one login.success, written by the step-up's end.
            services.retractAuditEvent("login.success");
            core::AuditEvent event = services.makeEvent("login.step_up", state.userId, state.email, "success");
            event.after = {{"flow", flowKey}, {"reason", wantsMfa ? "acr_values" : "mfa reset"}};
            services.addAuditEvent(std::move(event));
            const auto stepUp = flows.document(LoginFlows::stepUpKey);
            state.status = flow::FlowStatus::Active;
            state.currentNode = stepUp->start;
            step = flow::FlowInterpreter(*stepUp, services, flow::NodeCatalog::builtin(), &subflows).resume(state);
            flowKey = LoginFlows::stepUpKey;
        }
    }
    return finishStep(request, pages, *session, flowKey, state, services, step, csrf);
}

HttpResponse LoginApi::finishStep(const HttpRequest& request, const LoginPageRenderer& pages,
                                  const FlowSession& flowSession, const std::string& flowKey, flow::FlowState& state,
                                  StoreFlowServices& services, const flow::FlowStep& step,
                                  const std::string& csrf) const
{
    // Identifier-first routing or a step-up moved the sign-in to another flow: later requests continue there.
    const bool flowChanged = flowKey != flowSession.flowKey;
    const FlowSessionRepository sessions(m_context.db);
    const FlowSession* session = &flowSession;
    // Emails written by this step go out once its transaction is done (never while holding it).
    struct SendAfter
    {
        const ApiContext& context;
        const StoreFlowServices& services;
        ~SendAfter() { MailSender::dispatch(context, services.emailsWritten()); }
    } sendAfter{m_context, services};

    if (step.kind == flow::FlowStep::Kind::Screen) {
        m_context.db.transaction([&] {
            if (flowChanged)
                sessions.saveFlowKey(session->id, flowKey);
            sessions.saveState(session->id, nlohmann::json(state));
            appendAll(m_context, services.auditEvents());
        });
        // Federated sign-in: off to the organisation's identity provider; it comes back to /login/federated/callback.
        if (step.screen.kind == "federated-signin") {
            HttpResponse response = seeOther(step.screen.data.value("authorizationUrl", std::string()));
            response.setHeader("Referrer-Policy", "no-referrer");
            return response;
        }
        return screenPage(200, pages, step.screen, csrf);
    }

    if (step.kind == flow::FlowStep::Kind::Failure) {
        m_context.db.transaction([&] {
            sessions.saveState(session->id, nlohmann::json(state));
            sessions.complete(session->id);
            appendAll(m_context, services.auditEvents());
        });
        // The designer's own words on a failure step show as written; stock messages in the visitor's language.
        const std::string key = failureKey(flowKey, step);
        HttpResponse response = key == "failure.default" && !step.message.empty()
                                    ? html(200, pages.messageText("title.failure", {step.message}, true))
                                    : html(200, pages.message("title.failure", key, true));
        setCookie(response, request, flowCookie, "", 0);
        return response;
    }

    // Signed in, but no organisation lets them in any more (offboarded, suspended, past a membership's end date):
    // no session and no token, and the refusal is on record.
    if (!UserRepository(m_context.db).findWithAccess(state.userId)) {
        core::AuditEvent denied = services.makeEvent("login.denied", state.userId, state.email, "denied");
        denied.reason = "no active membership in an active organisation";
        services.addAuditEvent(std::move(denied));
        m_context.db.transaction([&] {
            sessions.saveState(session->id, nlohmann::json(state));
            sessions.complete(session->id);
            appendAll(m_context, services.auditEvents());
        });
        HttpResponse response = html(403, pages.message("title.failure", "error.no-access", true));
        setCookie(response, request, flowCookie, "", 0);
        return response;
    }

    // Success: one SSO session for the browser, then the code for the application.
    std::string deviceToken = cookieValue(request, deviceCookie);
    const bool newDevice = DeviceHistory::deviceHash(deviceToken).empty();
    if (newDevice)
        deviceToken = core::newSecretToken();
    const AuthorizationRequest authorization = session->request.get<AuthorizationRequest>();
    const std::vector<std::string> amr = amrOf(state);
    const std::string authTime = core::formatTimestamp(m_context.db.clock().now());
    std::string ssoToken;
    SsoSession sso;
    std::string location;
    m_context.db.transaction([&] {
        sessions.saveState(session->id, nlohmann::json(state));
        sessions.complete(session->id);
        sso = SsoSessionRepository(m_context.db).create(state.userId, authTime, amr, &ssoToken);
        QSqlQuery q = sql::prepare(m_context.db, QStringLiteral("UPDATE users SET last_sign_in_at = ? WHERE id = ?"));
        q.addBindValue(sql::qs(authTime));
        q.addBindValue(sql::qs(state.userId));
        sql::run(q, "recording a sign-in failed");
        // The risk node's memory: this browser and the country of this sign-in.
        const nlohmann::json risk = state.facts.value("risk", nlohmann::json::object());
        DeviceHistory(m_context.db)
            .recordSignIn(state.userId, DeviceHistory::deviceHash(deviceToken), request.remoteAddress,
                          risk.is_object() ? risk.value("country", std::string()) : std::string());
        core::AuditEvent started = services.makeEvent("sso.start", state.userId, state.email, "success");
        started.after = {{"session", sso.id}, {"amr", amr}, {"client", authorization.clientId}};
        services.addAuditEvent(std::move(started));
        appendAll(m_context, services.auditEvents());
        location = AuthorizationCodeIssuer::issue(m_context, authorization, state.userId, sso.id, authTime, amr);
    });
    HttpResponse response = seeOther(location);
    setCookie(response, request, flowCookie, "", 0);
    setCookie(response, request, ssoCookie, ssoToken,
              std::chrono::duration_cast<std::chrono::seconds>(SsoSessionRepository::lifetime).count());
    if (newDevice)
        setCookie(response, request, deviceCookie, deviceToken, 400LL * 24 * 3600);
    return response;
}

HttpResponse LoginApi::logout(const HttpRequest& request) const
{
    const LoginPageRenderer pages(languageOf(request));
    const std::string postLogout = request.queryValue("post_logout_redirect_uri");
    std::string clientId = request.queryValue("client_id");
    const std::string hint = request.queryValue("id_token_hint");
    if (clientId.empty() && !hint.empty()) {
        // Only to find the client: whatever it says, the redirect must still be registered for that client.
        const auto first = hint.find('.');
        const auto second = first == std::string::npos ? first : hint.find('.', first + 1);
        if (second != std::string::npos) {
            const auto payload = core::base64UrlDecode(hint.substr(first + 1, second - first - 1));
            const auto claims = payload ? nlohmann::json::parse(*payload, nullptr, false) : nlohmann::json();
            if (claims.is_object() && claims.contains("aud")) {
                const auto& aud = claims["aud"];
                if (aud.is_string())
                    clientId = aud.get<std::string>();
                else if (aud.is_array() && !aud.empty() && claims.value("azp", std::string()).empty())
                    clientId = aud.back().is_string() ? aud.back().get<std::string>() : std::string();
                if (claims.contains("azp") && claims["azp"].is_string())
                    clientId = claims["azp"].get<std::string>();
            }
        }
    }
    if (!postLogout.empty()) {
        const auto client = clientId.empty() ? std::nullopt : OidcClientRepository(m_context.db).find(clientId);
        if (!client || !client->acceptsPostLogoutRedirect(postLogout))
            return html(400, pages.message("title.error", "error.logout-redirect", true));
    }

    const SsoSessionRepository ssoSessions(m_context.db);
    if (const auto sso = ssoSessions.findByToken(cookieValue(request, ssoCookie))) {
        m_context.db.transaction([&] {
            if (ssoSessions.end(sso->id)) {
                StoreFlowServices services(m_context, request, {});
                core::AuditEvent ended = services.makeEvent("sso.end", sso->userId, {}, "success");
                ended.after = {{"session", sso->id}, {"client", clientId}};
                AuditLog(m_context.db).append(ended);
            }
        });
    }
    HttpResponse response =
        postLogout.empty()
            ? html(200, pages.message("title.signed-out", "text.signed-out", false))
            : seeOther(withParameters(
                  postLogout,
                  request.hasQuery("state")
                      ? std::vector<std::pair<std::string, std::string>>{{"state", request.queryValue("state")}}
                      : std::vector<std::pair<std::string, std::string>>{}));
    setCookie(response, request, ssoCookie, "", 0);
    return response;
}

HttpResponse LoginApi::passkeyScript(const HttpRequest&) const
{
    HttpResponse response;
    response.body = LoginResources::text("passkey.js");
    response.setHeader("Content-Type", "text/javascript; charset=utf-8");
    response.setHeader("Cache-Control", "public, max-age=3600");
    response.setHeader("X-Content-Type-Options", "nosniff");
    return response;
}

HttpResponse LoginApi::stylesheet(const HttpRequest&) const
{
    HttpResponse response;
    response.body = LoginResources::text("login.css");
    response.setHeader("Content-Type", "text/css; charset=utf-8");
    response.setHeader("Cache-Control", "public, max-age=3600");
    response.setHeader("X-Content-Type-Options", "nosniff");
    return response;
}

} // namespace trellis::server
