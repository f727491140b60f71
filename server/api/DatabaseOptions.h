#pragma once

#include "server/store/Database.h"

#include <optional>

#include <QString>

namespace trellis::server {

/// Turns --data-dir / --database (+ TRELLIS_DATABASE_PASSWORD) into a DatabaseConfig.
class DatabaseOptions
{
public:
    /// nullopt with *error when the URL is malformed or the directory cannot be made.
    static std::optional<DatabaseConfig> config(const QString& dataDir, const QString& databaseUrl, QString* error);
};

} // namespace trellis::server
