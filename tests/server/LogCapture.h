#pragma once

#include "server/http/JsonLog.h"

#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace trellis::tests {

/// Collects JsonLog lines while alive, so tests can check what is logged and what never is.
class LogCapture
{
public:
    LogCapture()
    {
        server::JsonLog::setSink([this](const std::string& line) {
            const std::lock_guard lock(m_mutex);
            m_lines.push_back(line);
        });
    }
    ~LogCapture() { server::JsonLog::setSink({}); }
    LogCapture(const LogCapture&) = delete;
    LogCapture& operator=(const LogCapture&) = delete;

    std::vector<std::string> lines() const
    {
        const std::lock_guard lock(m_mutex);
        return m_lines;
    }

    /// Parsed lines whose "msg" is `msg` and, if given, whose "requestId" is `requestId`.
    std::vector<nlohmann::json> find(const std::string& msg, const std::string& requestId = {}) const
    {
        std::vector<nlohmann::json> result;
        for (const auto& line : lines()) {
            auto json = nlohmann::json::parse(line, nullptr, false);
            if (json.is_object() && json.value("msg", std::string()) == msg &&
                (requestId.empty() || json.value("requestId", std::string()) == requestId)) {
                result.push_back(std::move(json));
            }
        }
        return result;
    }

private:
    mutable std::mutex m_mutex;
    std::vector<std::string> m_lines;
};

} // namespace trellis::tests
