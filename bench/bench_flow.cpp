// What the login-journey engine costs, on one core, without HTTP or a database: validating large flows (the server
// validates on every draft save and publish, the designer after every edit), parsing them (the server parses a
// version once and caches it), and interpreter steps of a hosted sign-in including the FlowState JSON round trip
// the server does per request. Not a test: run it by hand (build/bench/bench_flow) and record the results in
// docs/benchmarks.md.
#include "bench/LargeFlow.h"
#include "core/flow/DefaultFlow.h"
#include "core/flow/FlowDocument.h"
#include "core/flow/FlowInterpreter.h"
#include "core/flow/FlowValidator.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
namespace flow = trellis::core::flow;
using trellis::bench::largeFlow;

// In-memory answers, so the interpreter's own cost shows (the server's Argon2id and database are measured by
// bench_crypto and bench_grants).
class InMemoryServices : public flow::FlowServices
{
public:
    std::optional<flow::FlowUser> findUserByEmail(const std::string& email) override
    {
        return flow::FlowUser{"7f1c3d9e-0000-4000-8000-000000000001", email};
    }
    flow::PasswordCheck verifyPassword(const std::string&, const std::string& password) override
    {
        return password == "right" ? flow::PasswordCheck::Ok : flow::PasswordCheck::Wrong;
    }
    bool hasTotp(const std::string&) override { return true; }
    bool verifyTotp(const std::string&, const std::string& code) override { return code == "123456"; }
    flow::TotpEnrolment beginTotpEnrolment(const std::string&, const std::string&) override { return {}; }
    bool confirmTotpEnrolment(const std::string&, const std::string&) override { return false; }
    void recordEvent(const flow::FlowEvent&) override { ++events; }
    // Not reached by the journeys measured here (password and TOTP only).
    std::string sendMagicLink(const std::string&, const std::string&, int) override { return {}; }
    flow::MagicLinkStatus magicLinkStatus(const std::string&) override { return flow::MagicLinkStatus::Expired; }
    void sendEmailCode(const std::string&, const std::string&, int, int) override {}
    bool verifyEmailCode(const std::string&, const std::string&) override { return false; }
    flow::RiskSignals riskSignals(const std::string&) override { return {}; }
    std::vector<flow::FlowOrganisation> memberships(const std::string&) override { return {}; }
    flow::FlowRequestContext requestContext() override { return {}; }
    bool hasPassword(const std::string&) override { return true; }
    bool hasAcceptedTerms(const std::string&, const std::string&) override { return true; }
    void recordTermsAcceptance(const std::string&, const std::string&, const std::string&) override {}
    std::map<std::string, std::string> profileAttributes(const std::string&) override { return {}; }
    void saveProfileAttributes(const std::string&, const std::map<std::string, std::string>&) override {}
    flow::PasskeyCeremony beginPasskeyRegistration(const std::string&, const std::string&, bool) override { return {}; }
    flow::PasskeyResult finishPasskeyRegistration(const std::string&, const std::string&, const flow::PasskeyResponse&,
                                                  bool) override
    {
        return {"unsupported", {}, {}, {}, false};
    }
    flow::PasskeyCeremony beginPasskeyAssertion(const std::string&, bool) override { return {}; }
    flow::PasskeyResult finishPasskeyAssertion(const std::string&, const std::string&, const flow::PasskeyResponse&,
                                               bool) override
    {
        return {"unsupported", {}, {}, {}, false};
    }
    bool hasPasskey(const std::string&) override { return false; }

    long long events = 0;
};

struct Timing
{
    double medianMs = 0;
    double p95Ms = 0;
    int runs = 0;
};

// Runs `operation` `runs` times after one warm-up and reports median and 95th percentile wall time.
Timing time(int runs, const std::function<void()>& operation)
{
    operation();
    std::vector<double> ms;
    ms.reserve(std::size_t(runs));
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        operation();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)], runs};
}

// One request of the hosted login as the server does it: state from JSON, one interpreter call, state to JSON.
flow::FlowStep request(const flow::FlowInterpreter& interpreter, std::string& storedState, const flow::FlowInput* input)
{
    flow::FlowState state = nlohmann::json::parse(storedState).get<flow::FlowState>();
    flow::FlowStep step = input ? interpreter.submit(state, *input) : interpreter.start(state);
    storedState = nlohmann::json(state).dump();
    return step;
}

} // namespace

int main()
{
    std::printf("## Validation and parsing (one thread)\n\n");
    std::printf(
        "| nodes | validate median | validate p95 | parse JSON median | problems |\n|---:|---:|---:|---:|---:|\n");
    const flow::FlowValidator validator;
    for (const int size : {100, 300, 1000, 3000}) {
        const flow::FlowDocument document = largeFlow(size);
        std::size_t problems = 0;
        const Timing validation = time(200, [&] { problems = validator.validate(document).size(); });
        if (problems != 0) {
            std::fprintf(stderr, "generated flow of %d nodes has %zu problems\n", size, problems);
            return EXIT_FAILURE;
        }
        const std::string text = document.toJson().dump();
        const Timing parse = time(200, [&] {
            std::vector<flow::FlowProblem> parseProblems;
            if (!flow::FlowDocument::parse(text, parseProblems))
                std::abort();
        });
        std::printf("| %zu | %.3f ms | %.3f ms | %.3f ms | %zu |\n", document.nodes.size(), validation.medianMs,
                    validation.p95Ms, parse.medianMs, problems);
    }

    std::printf("\n## Hosted sign-in steps through the interpreter (one thread)\n\n");
    std::printf(
        "| journey | requests per sign-in | sign-ins per second | requests per second |\n|---|---:|---:|---:|\n");
    InMemoryServices services;
    const auto run = [&](const char* name, const flow::FlowDocument& document,
                         const std::vector<flow::FlowInput>& inputs) {
        const flow::FlowInterpreter interpreter(document, services);
        const auto signIn = [&] {
            std::string state = nlohmann::json(flow::FlowState{}).dump();
            flow::FlowStep step = request(interpreter, state, nullptr);
            for (const flow::FlowInput& input : inputs) {
                flow::FlowInput forNode = input;
                forNode.nodeId = step.nodeId;
                step = request(interpreter, state, &forNode);
            }
            if (step.kind != flow::FlowStep::Kind::Success)
                std::abort();
        };
        signIn();
        long long count = 0;
        const auto start = Clock::now();
        auto elapsed = Clock::duration::zero();
        do {
            signIn();
            ++count;
            elapsed = Clock::now() - start;
        } while (elapsed < std::chrono::seconds(3));
        const double seconds = std::chrono::duration<double>(elapsed).count();
        const double perSecond = double(count) / seconds;
        const double requests = double(inputs.size() + 1);
        std::printf("| %s | %.0f | %.0f | %.0f |\n", name, requests, perSecond, perSecond * requests);
        std::fflush(stdout);
    };
    const flow::FlowInput email{{}, {{"email", "ada@example.com"}}};
    const flow::FlowInput password{{}, {{"password", "right"}}};
    const flow::FlowInput wrongPassword{{}, {{"password", "wrong"}}};
    const flow::FlowInput code{{}, {{"code", "123456"}}};
    run("default: identify, password, TOTP", flow::defaultFlow(), {email, password, code});
    run("default with two wrong passwords first", flow::defaultFlow(),
        {email, wrongPassword, wrongPassword, password, code});
    // Ten password screens in a 31-node flow: each request passes a condition and lands on the next screen.
    run("31-node flow, ten password screens", largeFlow(33),
        {email, password, password, password, password, password, password, password, password, password, password});
    std::printf("\n(%lld flow events reported)\n", services.events);
    return EXIT_SUCCESS;
}
