#pragma once

#include "server/http/HttpServer.h"
#include "server/login/SmtpClient.h"
#include "server/oidc/OidcOptions.h"

#include <QString>

namespace trellis::server {

/// What `trellisd` (serving) was asked to do, after the command line was checked.
struct ServerOptions
{
    HttpServerOptions http;
    QString dataDir;     ///< SQLite: the file lives here (exclusive with databaseUrl)
    QString databaseUrl; ///< postgres://… (password may come from TRELLIS_DATABASE_PASSWORD instead)
    bool demo = false;   ///< seed the demo world into an empty database
    bool bootstrapSecretStdin = false;
    QString issuer; ///< OpenID Connect issuer URL without trailing slash; empty: from the bound address
    OidcOptions oidc;
    SmtpSettings smtp; ///< empty host: emails of the hosted login stay in the outbox
};

/// What `trellisd admin-token` was asked to do.
struct AdminTokenOptions
{
    QString dataDir;
    QString databaseUrl;
    QString email;
    int ttlSeconds = 600;
};

} // namespace trellis::server
