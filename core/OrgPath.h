#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace trellis::core {

/// Materialised organisation paths: "/<root id>/<child id>/.../<own id>/". Every org stores its own, so
/// "is X inside Y's subtree" is a prefix test and "everything under Y" is one index range scan.
namespace OrgPath {

std::string make(const std::vector<std::string>& idsFromRoot);
std::string child(std::string_view parentPath, std::string_view childId);
std::vector<std::string> split(std::string_view path);

/// True when `path` is `ancestorPath` itself or lies below it.
bool isWithin(std::string_view path, std::string_view ancestorPath);

/// The exclusive upper bound for a range scan of a subtree: every path p within `prefix` satisfies
/// prefix <= p < subtreeUpperBound(prefix) in byte order ('/' + 1 == '0').
std::string subtreeUpperBound(std::string_view prefix);

} // namespace OrgPath

} // namespace trellis::core
