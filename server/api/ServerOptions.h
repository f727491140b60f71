#pragma once

#include "server/http/HttpServer.h"
#include "server/login/SmtpClient.h"
#include "server/oidc/OidcOptions.h"

#include <chrono>

#include <QString>

namespace trellis::server {

/// Audit trail upkeep while serving: signed checkpoints and retention.
struct AuditOptions
{
    std::chrono::seconds checkpointInterval{600}; ///< a signed checkpoint this often (when new events came)
    int retentionDays = 0;                        ///< 0: keep every event
    QString archiveDir; ///< where purged events are archived (default: <data-dir>/audit-archive)
};

/// What `trellisd audit verify|purge` was asked to do.
struct AuditCommandOptions
{
    QString subcommand; ///< "verify" or "purge"
    QString dataDir;
    QString databaseUrl;
    QString file;     ///< verify an exported or archived NDJSON file instead of a database
    QString jwksFile; ///< checkpoint signatures must verify with these keys (kept apart from the server)
    QString before;   ///< purge: events before this RFC 3339 time
    QString archive;  ///< purge: the archive file to write
};

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
    AuditOptions audit;
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
