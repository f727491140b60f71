#include "bench/LargeFlow.h"

#include <algorithm>
#include <map>
#include <string>

namespace trellis::bench {

core::flow::FlowDocument largeFlow(int nodeCount)
{
    core::flow::FlowDocument document;
    document.name = "Large flow";
    document.start = "identify";
    const int blocks = std::max(1, (nodeCount - 3) / 3);
    const auto node = [](std::string id, std::string type, double x, double y,
                         std::map<std::string, std::string> outcomes, nlohmann::json config) {
        core::flow::FlowNode n;
        n.id = std::move(id);
        n.type = std::move(type);
        n.position = {x, y};
        n.outcomes = std::move(outcomes);
        n.config = std::move(config);
        return n;
    };
    document.nodes.push_back(node("identify", "identify", 0, 0, {{"next", "cond-0"}}, nlohmann::json::object()));
    for (int i = 0; i < blocks; ++i) {
        const std::string n = std::to_string(i);
        const std::string next = i + 1 < blocks ? "cond-" + std::to_string(i + 1) : "success";
        const double x = 240.0 * (i + 1);
        document.nodes.push_back(node("cond-" + n, "condition", x, 0, {{"true", "password-" + n}, {"false", next}},
                                      {{"fact", "user.hasTotp"}}));
        document.nodes.push_back(
            node("password-" + n, "password", x, 160,
                 {{"success", next}, {"failure", "retry-" + n}, {"locked", "failure"}, {"not-set", "failure"}},
                 nlohmann::json::object()));
        document.nodes.push_back(node("retry-" + n, "retry-limit", x, 320,
                                      {{"retry", "password-" + n}, {"reject", "failure"}}, {{"maxAttempts", 3}}));
    }
    document.nodes.push_back(node("success", "success", 240.0 * (blocks + 1), 0, {}, nlohmann::json::object()));
    document.nodes.push_back(
        node("failure", "failure", 240.0 * (blocks + 1), 320, {}, {{"message", "Sign-in failed."}}));
    return document;
}

} // namespace trellis::bench
