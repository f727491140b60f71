#pragma once

#include "core/User.h"

#include <optional>

namespace trellis::server {

class Database;

/// Who the local workspace's bootstrap signs in as: the longest-standing active person holding the built-in
/// platform-owner role at a root organisation (an active, unexpired, unrevoked assignment).
class PlatformOwner
{
public:
    static std::optional<core::User> find(const Database& db);
};

} // namespace trellis::server
