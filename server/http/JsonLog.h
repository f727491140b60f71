#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace trellis::server {

/// Thread-safe structured logger: one JSON object per line on stderr, {"time","level","msg", ...fields}.
/// Callers must never pass secrets (tokens, passwords, query strings, headers, bodies) as fields.
class JsonLog
{
public:
    using Sink = std::function<void(const std::string& line)>;

    static void info(std::string_view msg, const nlohmann::json& fields = nlohmann::json::object());
    static void warn(std::string_view msg, const nlohmann::json& fields = nlohmann::json::object());
    static void error(std::string_view msg, const nlohmann::json& fields = nlohmann::json::object());
    static void write(std::string_view level, std::string_view msg, const nlohmann::json& fields);

    /// Replaces stderr as the destination (lines without the trailing newline); an empty sink restores stderr.
    /// For tests that check what is (and is not) logged.
    static void setSink(Sink sink);

    /// The line that would be written, without the trailing newline.
    static std::string format(std::string_view level, std::string_view msg, const nlohmann::json& fields);
};

} // namespace trellis::server
