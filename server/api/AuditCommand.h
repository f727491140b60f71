#pragma once

#include "server/api/ServerOptions.h"

namespace trellis::server {

/// `trellisd audit verify` (a database or an exported/archived file, offline) and `trellisd audit purge`
/// (retention by hand). Prints the result in plain words; returns the process exit code: 0 intact (or purged),
/// 1 broken (naming the first event that breaks the chain), 2 unreadable input.
class AuditCommand
{
public:
    static int run(const AuditCommandOptions& options);
};

} // namespace trellis::server
