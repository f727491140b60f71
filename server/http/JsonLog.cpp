#include "server/http/JsonLog.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace trellis::server {

namespace {

std::mutex& logMutex()
{
    static std::mutex mutex;
    return mutex;
}

JsonLog::Sink& logSink()
{
    static JsonLog::Sink sink;
    return sink;
}

// RFC 3339 UTC with milliseconds, e.g. 2026-11-23T08:50:00.123Z
std::string utcNow()
{
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, int(millis));
    return buffer;
}

} // namespace

std::string JsonLog::format(std::string_view level, std::string_view msg, const nlohmann::json& fields)
{
    nlohmann::ordered_json line;
    line["time"] = utcNow();
    line["level"] = std::string(level);
    line["msg"] = std::string(msg);
    if (fields.is_object()) {
        for (const auto& [key, value] : fields.items()) {
            if (key != "time" && key != "level" && key != "msg") {
                line[key] = value;
            }
        }
    }
    // replace: request paths may carry invalid UTF-8, and logging must never throw
    return line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void JsonLog::write(std::string_view level, std::string_view msg, const nlohmann::json& fields)
{
    std::string line;
    try {
        line = format(level, msg, fields);
    } catch (...) {
        return; // out of memory while logging: dropping the line is the only safe choice
    }
    const std::lock_guard lock(logMutex());
    if (logSink()) {
        logSink()(line);
        return;
    }
    line.push_back('\n');
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fflush(stderr);
}

void JsonLog::info(std::string_view msg, const nlohmann::json& fields)
{
    write("info", msg, fields);
}

void JsonLog::warn(std::string_view msg, const nlohmann::json& fields)
{
    write("warn", msg, fields);
}

void JsonLog::error(std::string_view msg, const nlohmann::json& fields)
{
    write("error", msg, fields);
}

void JsonLog::setSink(Sink sink)
{
    const std::lock_guard lock(logMutex());
    logSink() = std::move(sink);
}

} // namespace trellis::server
