#include "core/flow/PasskeyFlow.h"

namespace trellis::core::flow {

namespace {

FlowNode makeNode(std::string id, std::string type, double x, double y, std::map<std::string, std::string> outcomes,
                  nlohmann::json config = nlohmann::json::object())
{
    FlowNode n;
    n.id = std::move(id);
    n.type = std::move(type);
    n.config = std::move(config);
    n.position = {x, y};
    n.outcomes = std::move(outcomes);
    return n;
}

} // namespace

FlowDocument passkeyFlow()
{
    FlowDocument flow;
    flow.name = "Passkey first";
    flow.start = "passkey";
    flow.nodes = {
        makeNode("passkey", "passkey-signin", 0, 0,
                 {{"success", "success"},
                  {"failure", "passkey-retries"},
                  {"no-passkey", "identify"},
                  {"unsupported", "identify"}}),
        makeNode("passkey-retries", "retry-limit", 0, 160, {{"retry", "passkey"}, {"reject", "too-many-attempts"}},
                 {{"maxAttempts", 5}}),
        makeNode("identify", "identify", 240, 0, {{"next", "password"}}),
        makeNode(
            "password", "password", 480, 0,
            {{"success", "enrol"}, {"failure", "password-retries"}, {"locked", "locked"}, {"not-set", "no-password"}}),
        makeNode("password-retries", "retry-limit", 480, 160, {{"retry", "password"}, {"reject", "too-many-attempts"}},
                 {{"maxAttempts", 5}}),
        makeNode("enrol", "passkey-enrol", 720, 0,
                 {{"enrolled", "success"}, {"skipped", "success"}, {"failed", "success"}},
                 {{"allowSkip", true}, {"onlyWithoutPasskey", true}}),
        makeNode("success", "success", 960, 0, {}),
        makeNode("locked", "failure", 480, 320, {},
                 {{"message", "This account is locked after too many failed attempts. "
                              "Try again later or ask your administrator."}}),
        makeNode("no-password", "failure", 480, 480, {},
                 {{"message", "No password has been set for this account yet. "
                              "Use the link in your invitation to set one."}}),
        makeNode("too-many-attempts", "failure", 960, 320, {}, {{"message", "Too many failed attempts. Start again."}}),
    };
    return flow;
}

} // namespace trellis::core::flow
