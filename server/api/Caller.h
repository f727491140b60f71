#pragma once

#include "core/AdminScope.h"
#include "core/User.h"

#include <string>

namespace trellis::server {

/// The authenticated person behind an API request and what they may do where.
struct Caller
{
    core::User user;
    std::string tokenId;
    core::AdminScope scope;
};

} // namespace trellis::server
