#pragma once

#include <string>

namespace trellis::server {

/// The hosted login's files compiled into trellisd (resources/login/: page template, CSS, common passwords).
class LoginResources
{
public:
    /// Contents of resources/login/<name>; empty when there is no such file.
    static std::string text(const std::string& name);
};

} // namespace trellis::server
