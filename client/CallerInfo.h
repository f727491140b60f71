#pragma once

#include "core/User.h"

#include <QStringList>

namespace trellis::client {

/// Who the console is signed in as (GET /api/v1/me): the person and the organisations their admin scope starts at.
struct CallerInfo
{
    core::User user;
    QStringList rootOrgIds;
};

} // namespace trellis::client
