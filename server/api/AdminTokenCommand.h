#pragma once

#include "server/api/ServerOptions.h"

namespace trellis::server {

/// `trellisd admin-token`: issues a short-lived admin API token for one person, prints only the token on
/// stdout and writes a "token.issue" audit event (without the token). Returns the process exit code.
class AdminTokenCommand
{
public:
    static int run(const AdminTokenOptions& options);
};

} // namespace trellis::server
