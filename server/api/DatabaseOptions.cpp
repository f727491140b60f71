#include "server/api/DatabaseOptions.h"

#include <QCoreApplication>

namespace trellis::server {

std::optional<DatabaseConfig> DatabaseOptions::config(const QString& dataDir, const QString& databaseUrl,
                                                      QString* error)
{
    if (databaseUrl.isEmpty()) {
        try {
            return DatabaseConfig::sqliteInDataDir(dataDir);
        } catch (const std::exception& e) {
            *error = QString::fromStdString(e.what());
            return std::nullopt;
        }
    }
    QString urlError;
    auto config = DatabaseConfig::fromUrl(databaseUrl, &urlError);
    if (!config) {
        *error = QCoreApplication::translate("trellis::server::DatabaseOptions", "--database: %1").arg(urlError);
        return std::nullopt;
    }
    // Keeps the password out of the process list: the URL may leave it out and the environment supply it.
    if (config->password.isEmpty())
        config->password = qEnvironmentVariable("TRELLIS_DATABASE_PASSWORD");
    return config;
}

} // namespace trellis::server
