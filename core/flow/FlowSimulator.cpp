#include "core/flow/FlowSimulator.h"

#include "core/User.h"
#include "core/flow/FlowInterpreter.h"
#include "core/flow/NodeBehaviour.h"

namespace trellis::core::flow {

namespace {

using nlohmann::json;

std::string text(const json& scenario, const char* key, const std::string& fallback)
{
    const auto it = scenario.find(key);
    return it != scenario.end() && it->is_string() ? it->get<std::string>() : fallback;
}

bool flag(const json& scenario, const char* key, bool fallback)
{
    const auto it = scenario.find(key);
    return it != scenario.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

/// FlowServices answering from the scenario: one person (or nobody), no storage, no mail.
class SimulatedFlowServices : public FlowServices
{
public:
    explicit SimulatedFlowServices(const json& scenario)
        : m_scenario(scenario)
    {
        const auto email = normaliseEmail(text(scenario, "email", "person@example.com"));
        m_email = email.value_or("person@example.com");
    }

    std::vector<FlowEvent> events;
    MagicLinkStatus linkStatus = MagicLinkStatus::Pending;

    std::optional<FlowUser> findUserByEmail(const std::string& email) override
    {
        if (!flag(m_scenario, "userExists", true) || email != m_email)
            return std::nullopt;
        return FlowUser{userId, m_email};
    }
    PasswordCheck verifyPassword(const std::string& id, const std::string&) override
    {
        const std::string answer = text(m_scenario, "password", "ok");
        if (answer == "locked")
            return PasswordCheck::Locked;
        if (id.empty())
            return PasswordCheck::Wrong;
        if (!flag(m_scenario, "hasPassword", true))
            return PasswordCheck::NotSet;
        return answer == "ok" ? PasswordCheck::Ok : PasswordCheck::Wrong;
    }
    bool hasTotp(const std::string& id) override
    {
        return !id.empty() && (flag(m_scenario, "hasTotp", false) || m_enrolled);
    }
    bool verifyTotp(const std::string& id, const std::string&) override
    {
        return hasTotp(id) && text(m_scenario, "totp", "ok") == "ok";
    }
    TotpEnrolment beginTotpEnrolment(const std::string&, const std::string& issuer) override
    {
        return {"SIMULATEDSECRET", "otpauth://totp/" + issuer + ":" + m_email + "?secret=SIMULATEDSECRET"};
    }
    bool confirmTotpEnrolment(const std::string& id, const std::string&) override
    {
        m_enrolled = !id.empty() && text(m_scenario, "totp", "ok") == "ok";
        return m_enrolled;
    }
    void recordEvent(const FlowEvent& event) override { events.push_back(event); }

    std::string sendMagicLink(const std::string&, const std::string&, int) override
    {
        linkStatus = MagicLinkStatus::Pending;
        return "simulated-link";
    }
    MagicLinkStatus magicLinkStatus(const std::string&) override { return linkStatus; }
    void sendEmailCode(const std::string&, const std::string&, int, int) override {}
    bool verifyEmailCode(const std::string& id, const std::string&) override
    {
        return !id.empty() && text(m_scenario, "emailCode", "ok") == "ok";
    }
    RiskSignals riskSignals(const std::string&) override
    {
        RiskSignals s;
        s.knownDevice = text(m_scenario, "device", "known") == "known";
        s.address = text(m_scenario, "address", "192.0.2.10");
        const std::string country = text(m_scenario, "country", "");
        if (!country.empty())
            s.countries = {country};
        s.hour =
            m_scenario.contains("hour") && m_scenario["hour"].is_number_integer() ? m_scenario["hour"].get<int>() : 12;
        s.recentFailures = m_scenario.value("recentFailures", 0);
        return s;
    }
    std::vector<FlowOrganisation> memberships(const std::string& id) override
    {
        std::vector<FlowOrganisation> out;
        if (id.empty())
            return out;
        for (const auto& m : m_scenario.value("memberships", json::array())) {
            if (m.is_string())
                out.push_back({m.get<std::string>(), m.get<std::string>()});
        }
        return out;
    }
    FlowRequestContext requestContext() override
    {
        return {text(m_scenario, "orgId", ""), text(m_scenario, "clientId", "")};
    }
    bool hasPassword(const std::string& id) override { return !id.empty() && flag(m_scenario, "hasPassword", true); }
    bool hasAcceptedTerms(const std::string&, const std::string&) override { return false; }
    void recordTermsAcceptance(const std::string&, const std::string&, const std::string&) override {}
    std::map<std::string, std::string> profileAttributes(const std::string&) override { return {}; }
    void saveProfileAttributes(const std::string&, const std::map<std::string, std::string>&) override {}
    // Passkeys from scenario "passkey": "ok" (has one and it works), "none", "fail" (has one, the check fails),
    // "unsupported" (the browser cannot); no real ceremony, so the options stay empty.
    PasskeyCeremony beginPasskeyRegistration(const std::string&, const std::string&, bool) override
    {
        return {"simulated-challenge", json::object()};
    }
    PasskeyResult finishPasskeyRegistration(const std::string& id, const std::string&, const PasskeyResponse&,
                                            bool) override
    {
        if (text(m_scenario, "passkey", "ok") == "fail")
            return {"bad_signature", id, m_email, {}, false};
        m_hasPasskey = true;
        return {{}, id, m_email, "simulated-credential", true};
    }
    PasskeyCeremony beginPasskeyAssertion(const std::string&, bool) override
    {
        return {"simulated-challenge", json::object()};
    }
    PasskeyResult finishPasskeyAssertion(const std::string& id, const std::string&, const PasskeyResponse&,
                                         bool) override
    {
        if (!hasPasskey(userId) || text(m_scenario, "passkey", "ok") == "fail")
            return {"unknown_credential", {}, {}, {}, false};
        (void)id;
        return {{},
                userId,
                m_email.empty() ? text(m_scenario, "email", "person@example.com") : m_email,
                "simulated-credential",
                true};
    }
    bool hasPasskey(const std::string& id) override
    {
        const std::string passkey = text(m_scenario, "passkey", "ok");
        return !id.empty() && (m_hasPasskey || passkey == "ok" || passkey == "fail");
    }

    // Federation from scenario "identityProvider" (the address's domain belongs to an organisation's identity
    // provider: true, or {"id", "name", "orgId"}) and "federated": "ok" (a linked person signs in upstream), "new"
    // (an upstream person without an account: provisioned with jitProvisioning, else no-account), "no-account", "fail".
    std::optional<FederationProvider> identityProviderForDomain(const std::string&) override
    {
        const auto it = m_scenario.find("identityProvider");
        if (it == m_scenario.end() || !(it->is_object() || (it->is_boolean() && it->get<bool>())))
            return std::nullopt;
        return provider(it->is_object() ? it->value("id", std::string()) : std::string());
    }
    std::optional<FederationProvider> identityProvider(const std::string& id) override { return provider(id); }
    FederationRedirect beginFederatedSignIn(const FederationProvider& p, const std::string&) override
    {
        return {{},
                "https://idp.example/authorize?provider=" + p.id,
                "simulated-state",
                "simulated-nonce",
                "simulated-verifier"};
    }
    FederationResult finishFederatedSignIn(const std::string&, const FederationCallback&, const std::string&,
                                           const std::string&, bool jitProvisioning) override
    {
        const std::string answer = text(m_scenario, "federated", "ok");
        if (answer == "fail" || answer == "failure")
            return {FederationOutcome::Failure, "simulated_failure", {}, {}, false, false};
        if (answer == "no-account" || (answer == "new" && !jitProvisioning))
            return {FederationOutcome::NoAccount, {}, {}, {}, false, false};
        if (answer == "new")
            return {FederationOutcome::Success, {}, "simulated-new-user", m_email, true, true};
        return {FederationOutcome::Success, {}, userId, m_email, false, false};
    }

    const std::string userId = "simulated-user";

private:
    FederationProvider provider(std::string id) const
    {
        const auto it = m_scenario.find("identityProvider");
        const json given = it != m_scenario.end() && it->is_object() ? *it : json::object();
        if (id.empty())
            id = given.value("id", std::string("simulated-idp"));
        return {id, given.value("name", std::string("Simulated identity provider")),
                given.value("orgId", text(m_scenario, "orgId", ""))};
    }

    const json& m_scenario;
    std::string m_email;
    bool m_enrolled = false;
    bool m_hasPasskey = false;
};

/// The risk node with its level given by the scenario ("forcedRisk"), still reporting an assessment event.
class ForcedRiskBehaviour : public NodeBehaviour
{
public:
    explicit ForcedRiskBehaviour(std::string level)
        : m_level(std::move(level))
    {
    }
    NodeResult enter(const NodeContext& c) const override
    {
        const json detail{{"score", m_level == "high"     ? 100
                                    : m_level == "medium" ? 50
                                                          : 0},
                          {"level", m_level},
                          {"country", ""},
                          {"reasons", json::array({{{"code", "forced"},
                                                    {"points", 0},
                                                    {"detail", "set by the "
                                                               "scenario"}}})}};
        c.state.facts["risk"] = detail;
        c.record("flow.risk.assessed", detail);
        return NodeResult::follow(m_level);
    }

private:
    std::string m_level;
};

// What the simulated person types on a screen; nullopt when the scenario cannot answer it.
std::optional<FlowInput> answer(const FlowScreen& screen, const json& scenario, SimulatedFlowServices& services)
{
    FlowInput input;
    input.nodeId = screen.nodeId;
    const json answers = scenario.value("answers", json::object());
    if (answers.contains(screen.nodeId) && answers[screen.nodeId].is_object()) {
        for (const auto& [k, v] : answers[screen.nodeId].items())
            input.values[k] = v.is_string() ? v.get<std::string>() : v.dump();
        return input;
    }
    const std::string& kind = screen.kind;
    if (kind == "identify") {
        input.values["email"] = text(scenario, "email", "person@example.com");
    } else if (kind == "password") {
        input.values["password"] = "simulated password";
    } else if (kind == "totp-verify" || kind == "totp-enrol" || kind == "email-code") {
        input.values["code"] = "000000";
    } else if (kind == "magic-link") {
        services.linkStatus =
            text(scenario, "magicLink", "clicked") == "expired" ? MagicLinkStatus::Expired : MagicLinkStatus::Verified;
        input.values["action"] = "continue";
    } else if (kind == "choose-organisation") {
        const auto& options = screen.data.value("options", json::array());
        if (options.empty())
            return std::nullopt;
        input.values["org"] = options.front().value("id", std::string());
    } else if (kind == "accept-terms") {
        input.values["action"] = "accept";
    } else if (kind == "collect-profile") {
        for (const ScreenField& f : screen.fields)
            input.values[f.name] = "Simulated";
    } else if (kind == "passkey-signin") {
        const std::string passkey = text(scenario, "passkey", "ok");
        input.values["action"] = passkey == "unsupported" ? "unsupported" : passkey == "none" ? "other" : "passkey";
    } else if (kind == "passkey-enrol") {
        const std::string passkey = text(scenario, "passkey", "ok");
        input.values["action"] = passkey == "unsupported" ? "unsupported" : passkey == "none" ? "skip" : "passkey";
    } else if (kind == "federated-signin") {
        // The person signs in upstream and comes back with the state that was sent.
        input.values = {{"action", "callback"}, {"state", "simulated-state"}, {"code", "simulated-code"}};
    } else {
        return std::nullopt; // a screen the scenario cannot describe: give "answers" for it
    }
    return input;
}

} // namespace

FlowSimulator::FlowSimulator(const NodeCatalog& catalog, const FlowResolver* resolver)
    : m_catalog(catalog)
    , m_resolver(resolver)
{
}

json FlowSimulator::run(const FlowDocument& flow, const json& scenario) const
{
    const json s = scenario.is_object() ? scenario : json::object();
    NodeCatalog catalog;
    const std::string forced = text(s, "forcedRisk", "");
    for (NodeType type : m_catalog.types()) {
        if (type.name == "risk-assessment" && (forced == "low" || forced == "medium" || forced == "high"))
            type.behaviour = std::make_shared<ForcedRiskBehaviour>(forced);
        catalog.add(std::move(type));
    }
    SimulatedFlowServices services(s);
    const FlowInterpreter interpreter(flow, services, catalog, m_resolver);

    json steps = json::array();
    FlowState state;
    std::size_t seenEvents = 0;
    // Adds the nodes one interpreter call passed; the first of a submit is the screen answered, already listed.
    const auto add = [&](const FlowStep& step, bool continues) {
        std::vector<FlowEvent> fresh(services.events.begin() + std::ptrdiff_t(seenEvents), services.events.end());
        seenEvents = services.events.size();
        for (std::size_t i = 0; i < step.path.size(); ++i) {
            const std::string outcome = i < step.outcomes.size() ? step.outcomes[i] : std::string();
            if (i == 0 && continues && !steps.empty() && step.path.size() > 1) {
                // The screen answered: what it decided, the events and facts its answer produced.
                json& answered = steps.back();
                answered["outcome"] = outcome;
                answered["facts"] = state.facts;
                for (const FlowEvent& e : fresh) {
                    if (e.nodeId == step.path[0])
                        answered["events"].push_back({{"type", e.type}, {"detail", e.detail}});
                }
                continue;
            }
            json entry{{"nodeId", step.path[i]}, {"outcome", outcome}, {"facts", state.facts}};
            const FlowNode* node = flow.node(step.path[i]);
            entry["type"] = node ? node->type : std::string();
            json events = json::array();
            for (const FlowEvent& e : fresh) {
                if (e.nodeId == step.path[i])
                    events.push_back({{"type", e.type}, {"detail", e.detail}});
            }
            entry["events"] = std::move(events);
            if (i + 1 == step.path.size() && step.kind == FlowStep::Kind::Screen)
                entry["screen"] = step.screen;
            steps.push_back(std::move(entry));
        }
    };

    FlowStep step = interpreter.start(state);
    add(step, false);
    for (int i = 0; step.kind == FlowStep::Kind::Screen; ++i) {
        if (i >= maxInteractions)
            return {{"steps", steps},
                    {"result", "stopped"},
                    {"message", "Stopped after " + std::to_string(maxInteractions) +
                                    " screens: this person would go round in circles."}};
        const auto input = answer(step.screen, s, services);
        if (!input)
            return {{"steps", steps},
                    {"result", "stopped"},
                    {"message", "The scenario does not say how to answer the \"" + step.screen.kind +
                                    "\" screen of node \"" + step.nodeId + "\"; add answers for it."}};
        step = interpreter.submit(state, *input);
        add(step, true);
    }
    if (step.kind == FlowStep::Kind::Success)
        return {{"steps", steps}, {"result", "success"}, {"message", "Signed in."}};
    return {{"steps", steps},
            {"result", "failure"},
            {"message", !step.message.empty() ? step.message
                        : step.code.empty()   ? "Sign-in failed."
                                              : step.code}};
}

} // namespace trellis::core::flow
