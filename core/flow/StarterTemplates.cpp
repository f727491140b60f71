#include "core/flow/StarterTemplates.h"

namespace trellis::core::flow {

namespace {

using nlohmann::json;

FlowNode n(std::string id, std::string type, int column, int row, std::map<std::string, std::string> outcomes,
           json config = json::object(), std::string label = {})
{
    FlowNode node;
    node.id = std::move(id);
    node.type = std::move(type);
    node.label = std::move(label);
    node.config = std::move(config);
    node.position = {240.0 * column, 160.0 * row};
    node.outcomes = std::move(outcomes);
    return node;
}

FlowDocument document(std::string name, std::vector<FlowNode> nodes)
{
    FlowDocument d;
    d.name = std::move(name);
    d.start = nodes.front().id;
    d.nodes = std::move(nodes);
    return d;
}

FlowNode failure(std::string id, int column, int row, std::string message)
{
    return n(std::move(id), "failure", column, row, {}, {{"message", std::move(message)}});
}

StarterTemplate passwordlessFirst()
{
    return {"passwordless-first", "Passwordless first",
            "Passkey first; people without one get a magic link by email and are offered a passkey afterwards.",
            document("Passwordless first",
                     {
                         n("identify", "identify", 0, 0, {{"next", "passkey"}}),
                         n("passkey", "passkey-signin", 1, 0,
                           {{"success", "success"},
                            {"failure", "passkey-retries"},
                            {"no-passkey", "magic-link"},
                            {"unsupported", "magic-link"}}),
                         n("passkey-retries", "retry-limit", 1, 1, {{"retry", "passkey"}, {"reject", "magic-link"}},
                           {{"maxAttempts", 3}}),
                         n("magic-link", "magic-link", 2, 1, {{"verified", "offer-passkey"}, {"expired", "expired"}},
                           {{"expiryMinutes", 15}}),
                         n("offer-passkey", "passkey-enrol", 3, 1,
                           {{"enrolled", "success"}, {"skipped", "success"}, {"failed", "success"}}),
                         n("success", "success", 4, 0, {}),
                         failure("expired", 3, 2, "The sign-in link has expired. Start again to get a new one."),
                     })};
}

StarterTemplate passkeyWithPassword()
{
    return {"passkey-password", "Passkey first, password as fallback",
            "For people moving from passwords to passkeys: the browser offers a saved passkey at once; without one, "
            "email and password, then the offer to create a passkey for next time.",
            document("Passkey first, password as fallback",
                     {
                         n("passkey", "passkey-signin", 0, 0,
                           {{"success", "success"},
                            {"failure", "passkey-retries"},
                            {"no-passkey", "identify"},
                            {"unsupported", "identify"}}),
                         n("passkey-retries", "retry-limit", 0, 1, {{"retry", "passkey"}, {"reject", "too-many"}},
                           {{"maxAttempts", 5}}),
                         n("identify", "identify", 1, 0, {{"next", "password"}}),
                         n("password", "password", 2, 0,
                           {{"success", "offer-passkey"},
                            {"failure", "password-retries"},
                            {"locked", "locked"},
                            {"not-set", "no-password"}}),
                         n("password-retries", "retry-limit", 2, 1, {{"retry", "password"}, {"reject", "too-many"}},
                           {{"maxAttempts", 5}}),
                         n("offer-passkey", "passkey-enrol", 3, 0,
                           {{"enrolled", "success"}, {"skipped", "success"}, {"failed", "success"}},
                           {{"allowSkip", true}, {"onlyWithoutPasskey", true}}),
                         n("success", "success", 4, 0, {}),
                         failure("locked", 2, 2,
                                 "This account is locked after too many failed attempts. Try again later or ask "
                                 "your administrator."),
                         failure("no-password", 2, 3,
                                 "No password has been set for this account yet. Use the link in your invitation "
                                 "to set one."),
                         failure("too-many", 4, 2, "Too many failed attempts. Start again."),
                     })};
}

StarterTemplate partnerSso()
{
    return {"partner-sso", "Partner sign-in",
            "For partner staff signing in to a shared application: home-realm discovery sends people whose email "
            "domain belongs to a partner's identity provider to sign in there (new staff get an account and a "
            "membership just in time); other partner addresses sign in with a code by email, everyone else with a "
            "password. Then they choose the organisation they act for and accept the partner terms.",
            document(
                "Partner sign-in",
                {
                    n("identify", "identify", 0, 0, {{"next", "home-realm"}}),
                    n("home-realm", "home-realm-discovery", 1, 0,
                      {{"federated", "federated"}, {"local", "is-partner"}, {"unknown", "is-partner"}}, json::object(),
                      "Partner identity provider?"),
                    n("federated", "federated-signin", 2, -2,
                      {{"success", "choose-org"}, {"failure", "federation-failed"}, {"no-account", "no-account"}},
                      {{"jitProvisioning", true}}),
                    n("is-partner", "condition", 2, 0, {{"true", "email-code"}, {"false", "password"}},
                      {{"fact", "email.domain"}, {"operator", "in"}, {"value", "partner.example"}}, "Partner address?"),
                    n("email-code", "email-code", 3, -1, {{"success", "choose-org"}, {"failure", "code-retries"}}),
                    n("code-retries", "retry-limit", 3, -2, {{"retry", "email-code"}, {"reject", "too-many"}},
                      {{"maxAttempts", 3}}),
                    n("password", "password", 3, 1,
                      {{"success", "choose-org"},
                       {"failure", "password-retries"},
                       {"locked", "locked"},
                       {"not-set", "email-code"}}),
                    n("password-retries", "retry-limit", 3, 2, {{"retry", "password"}, {"reject", "too-many"}},
                      {{"maxAttempts", 5}}),
                    n("choose-org", "choose-organisation", 4, 0, {{"chosen", "terms"}}),
                    n("terms", "accept-terms", 5, 0, {{"accepted", "success"}, {"declined", "declined"}},
                      {{"url", "https://example.com/partner-terms"}, {"version", "1"}}),
                    n("success", "success", 6, 0, {}),
                    failure("federation-failed", 3, -3,
                            "Signing in with your organisation's identity provider did not work. Start again."),
                    failure("no-account", 4, -3,
                            "Your organisation's identity provider signed you in, but you have no account here. "
                            "Ask your administrator."),
                    failure("too-many", 4, 2, "Too many failed attempts. Start again."),
                    failure("locked", 4, 3, "This account is locked. Try again later or ask your administrator."),
                    failure("declined", 6, 1, "You need to accept the partner terms to continue."),
                })};
}

StarterTemplate passwordRiskStepUp()
{
    return {
        "password-risk-step-up", "Password with risk-based step-up",
        "Password, then a risk assessment: low risk signs in, medium risk asks for a second factor "
        "(authenticator app, else a code by email), high risk is refused.",
        document(
            "Password with risk-based step-up",
            {
                n("identify", "identify", 0, 0, {{"next", "password"}}),
                n("password", "password", 1, 0,
                  {{"success", "risk"},
                   {"failure", "password-retries"},
                   {"locked", "locked"},
                   {"not-set", "no-password"}}),
                n("password-retries", "retry-limit", 1, 1, {{"retry", "password"}, {"reject", "too-many"}},
                  {{"maxAttempts", 5}}),
                n("risk", "risk-assessment", 2, 0, {{"low", "success"}, {"medium", "has-totp"}, {"high", "high-risk"}}),
                n("has-totp", "condition", 3, 1, {{"true", "totp"}, {"false", "email-code"}},
                  {{"fact", "user.hasTotp"}}),
                n("totp", "totp-verify", 4, 1, {{"success", "success"}, {"failure", "second-retries"}}),
                n("email-code", "email-code", 4, 2, {{"success", "success"}, {"failure", "second-retries"}}),
                n("second-retries", "retry-limit", 5, 2, {{"retry", "has-totp"}, {"reject", "too-many"}},
                  {{"maxAttempts", 3}}),
                n("success", "success", 5, 0, {}),
                failure("high-risk", 3, -1, "This sign-in looks unusual and was stopped. Ask your administrator."),
                failure("locked", 2, 3, "This account is locked. Try again later or ask your administrator."),
                failure("no-password", 2, 4, "No password has been set for this account yet."),
                failure("too-many", 6, 2, "Too many failed attempts. Start again."),
            })};
}

StarterTemplate invitationAcceptance()
{
    return {"invitation-acceptance", "Invitation acceptance",
            "For people who were invited: confirm the address with a magic link, accept the terms, complete the "
            "profile and set up an authenticator app.",
            document("Invitation acceptance",
                     {
                         n("identify", "identify", 0, 0, {{"next", "magic-link"}}),
                         n("magic-link", "magic-link", 1, 0, {{"verified", "terms"}, {"expired", "expired"}},
                           {{"expiryMinutes", 60}}),
                         n("terms", "accept-terms", 2, 0, {{"accepted", "profile"}, {"declined", "declined"}},
                           {{"url", "https://example.com/terms"}, {"version", "1"}}),
                         n("profile", "collect-profile", 3, 0, {{"done", "has-totp"}},
                           {{"attributes", {"given_name", "family_name", "job_title"}},
                            {"required", {"given_name", "family_name"}}}),
                         n("has-totp", "condition", 4, 0, {{"true", "success"}, {"false", "totp-enrol"}},
                           {{"fact", "user.hasTotp"}}),
                         n("totp-enrol", "totp-enrol", 5, 1, {{"enrolled", "success"}, {"failed", "enrol-retries"}},
                           {{"issuer", "Trellis"}}),
                         n("enrol-retries", "retry-limit", 5, 2, {{"retry", "totp-enrol"}, {"reject", "too-many"}},
                           {{"maxAttempts", 5}}),
                         n("success", "success", 6, 0, {}),
                         failure("expired", 2, 2, "The link has expired. Start again to get a new one."),
                         failure("declined", 3, 2, "You need to accept the terms to join."),
                         failure("too-many", 6, 2, "Too many failed attempts. Start again."),
                     })};
}

} // namespace

std::vector<StarterTemplate> starterTemplates()
{
    return {passwordlessFirst(), passkeyWithPassword(), partnerSso(), passwordRiskStepUp(), invitationAcceptance()};
}

const StarterTemplate* findStarterTemplate(const std::string& key)
{
    static const std::vector<StarterTemplate> all = starterTemplates();
    for (const StarterTemplate& t : all) {
        if (t.key == key)
            return &t;
    }
    return nullptr;
}

} // namespace trellis::core::flow
