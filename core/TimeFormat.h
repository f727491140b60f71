#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace trellis::core {

/// RFC 3339 timestamps in UTC with second precision ("2026-11-23T08:15:00Z"), the only form the API uses.
std::string formatTimestamp(std::chrono::system_clock::time_point t);
std::optional<std::chrono::system_clock::time_point> parseTimestamp(const std::string& text);

} // namespace trellis::core
