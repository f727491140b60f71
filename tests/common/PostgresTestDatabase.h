#pragma once

#include <QString>

namespace trellis::test {

/// A uniquely named, throwaway database in the PostgreSQL cluster at TRELLIS_TEST_POSTGRES_URL (an admin URL
/// such as postgres://trellis@127.0.0.1:55432/postgres). Dropped in the destructor.
/// Usage: `if (!PostgresTestDatabase::isConfigured()) QSKIP(...)`, then create().
class PostgresTestDatabase
{
public:
    PostgresTestDatabase() = default;
    ~PostgresTestDatabase();
    PostgresTestDatabase(const PostgresTestDatabase&) = delete;
    PostgresTestDatabase& operator=(const PostgresTestDatabase&) = delete;

    static bool isConfigured();
    /// Why PostgreSQL tests are skipped when it is not configured.
    static QString notConfiguredReason();

    /// Creates the database; false with *error on failure.
    bool create(QString* error);
    /// Drops it (forcing other sessions off); safe to call twice.
    void drop();

    QString name() const { return m_name; }
    /// postgres://user[:password]@host:port/<name>
    QString url() const;

private:
    bool execAdmin(const QString& sql, QString* error) const;

    QString m_adminUrl;
    QString m_name;
};

} // namespace trellis::test
