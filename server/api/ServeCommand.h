#pragma once

#include "server/api/ServerOptions.h"

namespace trellis::server {

/// `trellisd [options]`: opens the database, seeds the demo world if asked, serves the API until SIGTERM,
/// SIGINT or (with --bootstrap-secret-stdin) the end of stdin. Returns the process exit code.
class ServeCommand
{
public:
    static int run(const ServerOptions& options);
};

} // namespace trellis::server
