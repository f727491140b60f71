#include "core/flow/PasskeyNodes.h"

#include "core/flow/NodeCatalog.h"
#include "core/flow/NodeKit.h"

#include <algorithm>

namespace trellis::core::flow {

namespace {

using nlohmann::json;

// Where the pending challenge waits between the screen and the browser's answer: in the flow state, so any server
// instance can finish the ceremony. It is taken out (single use) as soon as an answer arrives.
const char* const challengeFact = "passkeyChallenge";

bool requiresVerification(const NodeContext& c)
{
    return c.config.value("userVerification", std::string("preferred")) == "required";
}

FlowScreen passkeyScreen(const NodeContext& c, const std::string& kind, const PasskeyCeremony& ceremony,
                         std::string error, json extra = json::object())
{
    c.state.facts[challengeFact] = {{"node", c.node.id}, {"challenge", ceremony.challenge}};
    FlowScreen s;
    s.kind = kind;
    s.error = std::move(error);
    s.data = {{"options", ceremony.options}};
    if (!c.state.email.empty())
        s.data["email"] = c.state.email;
    s.data.update(extra);
    return s;
}

// The challenge this node issued, removed from the state whatever happens next.
std::string takeChallenge(const NodeContext& c)
{
    std::string challenge;
    if (c.state.facts.contains(challengeFact)) {
        const json& pending = c.state.facts[challengeFact];
        if (pending.is_object() && pending.value("node", std::string()) == c.node.id)
            challenge = pending.value("challenge", std::string());
        c.state.facts.erase(challengeFact);
    }
    return challenge;
}

PasskeyResponse responseFrom(const FlowInput& input)
{
    PasskeyResponse r;
    r.credentialId = input.value("credentialId");
    r.clientDataJson = input.value("clientDataJSON");
    r.attestationObject = input.value("attestationObject");
    r.authenticatorData = input.value("authenticatorData");
    r.signature = input.value("signature");
    r.userHandle = input.value("userHandle");
    const std::string transports = input.value("transports");
    std::size_t start = 0;
    while (start < transports.size()) {
        const std::size_t end = std::min(transports.find(',', start), transports.size());
        if (end > start && r.transports.size() < 8)
            r.transports.push_back(transports.substr(start, end - start));
        start = end + 1;
    }
    return r;
}

class PasskeySigninBehaviour : public NodeBehaviour
{
public:
    NodeResult enter(const NodeContext& c) const override
    {
        // After identify, a person without a passkey goes another way at once.
        if (!c.state.userId.empty() && !c.services.hasPasskey(c.state.userId))
            return NodeResult::follow("no-passkey");
        return show(c, {});
    }

    NodeResult submit(const NodeContext& c, const FlowInput& input) const override
    {
        const std::string action = input.value("action");
        if (action == "unsupported") {
            takeChallenge(c);
            c.record("flow.passkey.unsupported");
            return NodeResult::follow("unsupported");
        }
        if (action == "other") {
            takeChallenge(c);
            return NodeResult::follow("no-passkey");
        }
        if (action != "passkey")
            return show(c, action == "cancel" ? "passkey_cancelled" : std::string());
        const std::string challenge = takeChallenge(c);
        const bool uv = requiresVerification(c);
        const PasskeyResult result =
            challenge.empty() ? PasskeyResult{"expired_challenge", {}, {}, {}, false}
                              : c.services.finishPasskeyAssertion(c.state.userId, challenge, responseFrom(input), uv);
        if (result.ok()) {
            c.state.userId = result.userId;
            c.state.email = result.email;
            kit::addAmr(c.state, "hwk");
            if (result.userVerified)
                kit::addAmr(c.state, "user");
            c.record("flow.passkey.ok", {{"credential", result.credentialId}, {"userVerified", result.userVerified}});
            return NodeResult::follow("success");
        }
        if (result.error == "counter_regression")
            c.record("flow.passkey.counter_regression", {{"credential", result.credentialId}});
        c.record("flow.passkey.failed", {{"reason", result.error}});
        c.state.pendingError = "passkey_failed";
        return NodeResult::follow("failure");
    }

private:
    static NodeResult show(const NodeContext& c, std::string error)
    {
        const PasskeyCeremony ceremony = c.services.beginPasskeyAssertion(c.state.userId, requiresVerification(c));
        return NodeResult::show(passkeyScreen(c, "passkey-signin", ceremony, std::move(error)));
    }
};

class PasskeyEnrolBehaviour : public NodeBehaviour
{
public:
    NodeResult enter(const NodeContext& c) const override
    {
        if (c.state.userId.empty())
            return NodeResult::follow("failed");
        if (c.config.value("onlyWithoutPasskey", true) && c.services.hasPasskey(c.state.userId))
            return NodeResult::follow("skipped");
        return show(c, {});
    }

    NodeResult submit(const NodeContext& c, const FlowInput& input) const override
    {
        const std::string action = input.value("action");
        const bool allowSkip = c.config.value("allowSkip", true);
        if (action == "skip" || action == "unsupported") {
            if (!allowSkip && action == "skip")
                return show(c, "skip_not_allowed");
            takeChallenge(c);
            if (!allowSkip) {
                c.state.pendingError = "passkey_unsupported";
                c.record("flow.passkey.enrol_failed", {{"reason", "unsupported"}});
                return NodeResult::follow("failed");
            }
            c.record("flow.passkey.enrol_skipped", {{"reason", action}});
            return NodeResult::follow("skipped");
        }
        if (action != "passkey")
            return show(c, action == "cancel" ? "passkey_cancelled" : std::string());
        const std::string challenge = takeChallenge(c);
        const bool uv = requiresVerification(c);
        const PasskeyResult result = challenge.empty() ? PasskeyResult{"expired_challenge", {}, {}, {}, false}
                                                       : c.services.finishPasskeyRegistration(c.state.userId, challenge,
                                                                                              responseFrom(input), uv);
        if (result.ok()) {
            c.state.facts["passkeyEnrolled"] = true;
            c.record("flow.passkey.enrolled", {{"credential", result.credentialId}});
            return NodeResult::follow("enrolled");
        }
        c.state.pendingError = "passkey_failed";
        c.record("flow.passkey.enrol_failed", {{"reason", result.error}});
        return NodeResult::follow("failed");
    }

private:
    static NodeResult show(const NodeContext& c, std::string error)
    {
        const PasskeyCeremony ceremony =
            c.services.beginPasskeyRegistration(c.state.userId, c.state.email, requiresVerification(c));
        return NodeResult::show(passkeyScreen(c, "passkey-enrol", ceremony, std::move(error),
                                              {{"allowSkip", c.config.value("allowSkip", true)}}));
    }
};

ConfigField userVerificationField()
{
    ConfigField f;
    f.name = "userVerification";
    f.displayName = "User verification";
    f.description = "\"required\" accepts only authenticators that checked a PIN or biometric; \"preferred\" asks "
                    "for it but also accepts a touch.";
    f.type = ConfigFieldType::Choice;
    f.defaultValue = "preferred";
    f.choices = {"preferred", "required"};
    return f;
}

} // namespace

void addPasskeyNodes(NodeCatalog& catalog)
{
    catalog.add({"passkey-signin",
                 "Passkey sign-in",
                 "authentication",
                 "Signs in with a passkey (WebAuthn). At the start of a flow it offers any passkey of this site and "
                 "identifies the person by it; after identify, only their own. Browsers without passkey support "
                 "take the \"unsupported\" outcome.",
                 {{"success", "Signed in"},
                  {"failure", "Failed"},
                  {"no-passkey", "No passkey"},
                  {"unsupported", "Not supported"}},
                 {userVerificationField()},
                 true,
                 NodeType::Terminal::None,
                 std::make_shared<PasskeySigninBehaviour>()});
    catalog.add(
        {"passkey-enrol",
         "Create a passkey",
         "authentication",
         "Offers the identified person to create a passkey for this site on their device.",
         {{"enrolled", "Enrolled"}, {"skipped", "Skipped"}, {"failed", "Failed"}},
         {userVerificationField(),
          kit::boolField("allowSkip", "Allow skipping", "The person may continue without creating a passkey.", true),
          kit::boolField("onlyWithoutPasskey", "Only without a passkey",
                         "People who already have a passkey skip this step.", true)},
         true,
         NodeType::Terminal::None,
         std::make_shared<PasskeyEnrolBehaviour>()});
}

} // namespace trellis::core::flow
