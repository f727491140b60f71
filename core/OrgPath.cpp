#include "core/OrgPath.h"

namespace trellis::core::OrgPath {

std::string make(const std::vector<std::string>& idsFromRoot)
{
    std::string path = "/";
    for (const auto& id : idsFromRoot) {
        path += id;
        path += '/';
    }
    return path;
}

std::string child(std::string_view parentPath, std::string_view childId)
{
    std::string path(parentPath.empty() ? std::string_view("/") : parentPath);
    path += childId;
    path += '/';
    return path;
}

std::vector<std::string> split(std::string_view path)
{
    std::vector<std::string> ids;
    std::size_t start = 0;
    while (start < path.size()) {
        const std::size_t slash = path.find('/', start);
        const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
        if (end > start)
            ids.emplace_back(path.substr(start, end - start));
        start = end + 1;
    }
    return ids;
}

bool isWithin(std::string_view path, std::string_view ancestorPath)
{
    return !ancestorPath.empty() && path.substr(0, ancestorPath.size()) == ancestorPath;
}

std::string subtreeUpperBound(std::string_view prefix)
{
    std::string bound(prefix);
    if (!bound.empty() && bound.back() == '/')
        bound.back() = '0';
    return bound;
}

} // namespace trellis::core::OrgPath
