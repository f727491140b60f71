#pragma once

#include <string>
#include <vector>

namespace trellis::server {

/// Space-separated word lists of OAuth (scope, RFC 6749 §3.3; also grant and response type lists).
namespace ScopeWords {
std::vector<std::string> split(const std::string& text);
bool contains(const std::string& scope, const std::string& word);
/// Every word of `requested` is in `granted`.
bool isSubset(const std::string& requested, const std::string& granted);
} // namespace ScopeWords

} // namespace trellis::server
