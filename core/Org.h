#pragma once

#include "core/OrgKind.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace trellis::core {

/// An organisation in the hierarchy, as the admin API returns it.
struct Org
{
    std::string id;
    std::string parentId;              ///< empty for a root
    OrgKind kind = OrgKind::Customer;
    std::string name;
    std::string slug;                  ///< unique, lower-case [a-z0-9-], 2..63 characters
    OrgStatus status = OrgStatus::Active;
    std::vector<std::string> path;     ///< ids from the root down to this org itself
    std::vector<std::string> pathNames; ///< display names matching `path`, for breadcrumbs
    int depth = 0;                     ///< 0 for a root
    nlohmann::json attributes = nlohmann::json::object();
    int childCount = 0;                ///< direct children
    int memberCount = 0;               ///< active direct memberships
    std::string createdAt;             ///< RFC 3339 UTC
};

void to_json(nlohmann::json& j, const Org& o);
void from_json(const nlohmann::json& j, Org& o);

/// Slug rules shared by server validation and console input hints.
bool isValidSlug(std::string_view slug);

} // namespace trellis::core
