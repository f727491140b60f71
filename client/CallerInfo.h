#pragma once

#include "core/AdminScope.h"
#include "core/Org.h"
#include "core/User.h"

#include <string_view>

#include <QStringList>

namespace trellis::client {

/// Who the console is signed in as (GET /api/v1/me): the person, the organisations their admin scope starts at,
/// and their grants. The console uses the grants only to mirror the server (offer what it would allow); the
/// server decides every request again.
struct CallerInfo
{
    core::User user;
    QStringList rootOrgIds;
    core::AdminScope scope;

    /// Whether the signed-in person holds `permission` at this organisation.
    bool allows(std::string_view permission, const core::Org& org) const;
    /// Whether they hold every one of `permissions` there (roles they may hand out).
    bool allowsAll(const std::vector<std::string>& permissions, const core::Org& org) const;
};

} // namespace trellis::client
