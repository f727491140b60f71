#pragma once

#include <QString>

namespace trellis::bench {

/// Creates the database `name` in the PostgreSQL cluster of `adminUrl` unless it exists (dropped first with
/// `regenerate`) and returns its URL; benchmarks keep their generated data there between runs. Throws
/// std::runtime_error with a plain message.
QString ensurePostgresDatabase(const QString& adminUrl, const QString& name, bool regenerate);

} // namespace trellis::bench
