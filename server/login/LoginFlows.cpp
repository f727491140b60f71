#include "server/login/LoginFlows.h"

#include "core/flow/DefaultFlow.h"
#include "server/store/FlowRepository.h"

#include <charconv>
#include <deque>
#include <map>
#include <mutex>
#include <set>

namespace trellis::server {

namespace flow = core::flow;

namespace {

constexpr const char* kFlowPrefix = "flow:";
constexpr std::size_t kMaxCached = 512;

std::mutex& cacheMutex()
{
    static std::mutex mutex;
    return mutex;
}

std::map<std::string, std::shared_ptr<const flow::FlowDocument>>& cache()
{
    static std::map<std::string, std::shared_ptr<const flow::FlowDocument>> documents;
    return documents;
}

std::shared_ptr<const flow::FlowDocument> builtin(const std::string& key)
{
    static const auto plain = std::make_shared<const flow::FlowDocument>(flow::defaultFlow());
    static const auto mfa =
        std::make_shared<const flow::FlowDocument>(flow::defaultFlow(flow::DefaultFlowOptions{true}));
    // The MFA journey entered at its second-factor check: verify when the person has TOTP, else enrol.
    static const auto stepUp = [] {
        flow::FlowDocument document = flow::defaultFlow(flow::DefaultFlowOptions{true});
        document.name = "Second factor";
        document.start = "has-totp";
        return std::make_shared<const flow::FlowDocument>(std::move(document));
    }();
    if (key == LoginFlows::defaultKey)
        return plain;
    if (key == LoginFlows::mfaKey)
        return mfa;
    if (key == LoginFlows::stepUpKey)
        return stepUp;
    return nullptr;
}

} // namespace

std::string LoginFlows::keyFor(const std::string& flowId, int version)
{
    return kFlowPrefix + flowId + "@" + std::to_string(version);
}

std::string LoginFlows::flowIdOf(const std::string& key)
{
    if (key.rfind(kFlowPrefix, 0) != 0)
        return {};
    const auto at = key.rfind('@');
    return at == std::string::npos ? std::string() : key.substr(5, at - 5);
}

bool LoginFlows::isBuiltin(const std::string& key)
{
    return key.rfind("builtin:", 0) == 0;
}

std::string LoginFlows::boundKey(const std::string& orgPath, const std::string& clientId) const
{
    const auto resolved = FlowRepository(m_db).resolve(orgPath, clientId);
    return resolved ? keyFor(resolved->flowId, resolved->version) : std::string();
}

std::shared_ptr<const flow::FlowDocument> LoginFlows::document(const std::string& key) const
{
    if (isBuiltin(key))
        return builtin(key);
    const std::string flowId = flowIdOf(key);
    if (flowId.empty())
        return nullptr;
    {
        const std::lock_guard lock(cacheMutex());
        if (const auto it = cache().find(key); it != cache().end())
            return it->second;
    }
    const std::string number = key.substr(key.rfind('@') + 1);
    int version = 0;
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), version);
    if (error != std::errc() || end != number.data() + number.size())
        return nullptr;
    const auto stored = FlowRepository(m_db).version(flowId, version);
    if (!stored)
        return nullptr;
    std::vector<flow::FlowProblem> problems;
    auto parsed = flow::FlowDocument::fromJson(stored->document, problems);
    if (!parsed)
        return nullptr;
    auto document = std::make_shared<const flow::FlowDocument>(std::move(*parsed));
    const std::lock_guard lock(cacheMutex());
    if (cache().size() >= kMaxCached)
        cache().clear(); // versions are immutable: dropping them only costs a reload
    cache().emplace(key, document);
    return document;
}

std::string LoginFlows::firstIdentifyNode(const flow::FlowDocument& document)
{
    std::deque<std::string> queue{document.start};
    std::set<std::string> seen{document.start};
    while (!queue.empty()) {
        const flow::FlowNode* node = document.node(queue.front());
        queue.pop_front();
        if (!node)
            continue;
        if (node->type == "identify")
            return node->id;
        for (const auto& [outcome, target] : node->outcomes) {
            if (!target.empty() && seen.insert(target).second)
                queue.push_back(target);
        }
    }
    return {};
}

std::string LoginFlows::routeFor(const std::string& userId, const std::string& clientId,
                                 const std::string& currentKey) const
{
    const FlowRepository flows(m_db);
    std::string agreed;
    for (const auto& path : flows.liveMembershipPaths(userId)) {
        const auto resolved = flows.resolve(path, clientId);
        if (!resolved)
            return {};
        const std::string key = keyFor(resolved->flowId, resolved->version);
        if (!agreed.empty() && key != agreed)
            return {};
        agreed = key;
    }
    if (agreed.empty() || flowIdOf(agreed) == flowIdOf(currentKey))
        return {};
    return agreed;
}

} // namespace trellis::server
