#pragma once

#include "server/store/Database.h"

#include <memory>

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace trellis::tests {

/// Fresh, empty databases for store tests: SQLite files in a temporary folder, or uniquely named databases in
/// the PostgreSQL cluster named by TRELLIS_TEST_POSTGRES_URL (dropped again when the backend goes away).
class StoreTestBackend
{
public:
    explicit StoreTestBackend(server::SqlDialect dialect);
    ~StoreTestBackend();

    /// Empty when the backend can be used; otherwise why not (the test QSKIPs with it).
    QString unavailableReason() const { return m_unavailable; }
    /// A config for a new, empty database (not yet opened).
    server::DatabaseConfig newDatabase();

private:
    server::SqlDialect m_dialect;
    QString m_unavailable;
    QTemporaryDir m_dir;
    server::DatabaseConfig m_admin;
    QStringList m_created;
    int m_counter = 0;
};

} // namespace trellis::tests
