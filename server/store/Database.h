#pragma once

#include "core/Clock.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>

#include <QSqlDatabase>
#include <QString>

class QSqlQuery;

namespace trellis::server {

enum class SqlDialect
{
    Sqlite,
    Postgres
};

/// Where the data lives: an SQLite file (the embedded default) or a PostgreSQL server.
struct DatabaseConfig
{
    SqlDialect dialect = SqlDialect::Sqlite;
    QString sqliteFile; ///< absolute path of the SQLite file
    QString host;
    int port = 5432;
    QString databaseName;
    QString user;
    QString password; ///< never logged
    QString options;  ///< extra QPSQL connect options, e.g. "sslmode=require"

    /// `<dataDir>/trellis.sqlite3`; creates dataDir (mode 0700) when missing.
    static DatabaseConfig sqliteInDataDir(const QString& dataDir);
    /// postgres://user:password@host:port/dbname?sslmode=... (also postgresql://). nullopt + *error on bad input.
    static std::optional<DatabaseConfig> fromUrl(const QString& url, QString* error);
    /// For logs and messages: the URL with the password removed.
    QString redactedDescription() const;
};

/// A failure of the store, with what the API layer needs to answer correctly.
class StoreError : public std::runtime_error
{
public:
    enum class Kind
    {
        Conflict,
        NotFound,
        Unavailable,
        Internal
    };
    StoreError(Kind kind, const std::string& message, std::string constraint = {})
        : std::runtime_error(message)
        , m_kind(kind)
        , m_constraint(std::move(constraint))
    {
    }
    Kind kind() const { return m_kind; }
    /// For conflicts: which unique rule was hit, e.g. "org.slug", "user.email".
    const std::string& constraint() const { return m_constraint; }

private:
    Kind m_kind;
    std::string m_constraint;
};

/// The database behind trellisd: one QSqlDatabase connection per thread (Qt Sql connections may only
/// be used by the thread that opened them), SQLite with WAL, foreign keys and a busy timeout, or
/// PostgreSQL; numbered migrations from server/store/migrations/<dialect>/ applied in one transaction.
class Database
{
public:
    explicit Database(DatabaseConfig config);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Connects and applies pending migrations. Throws StoreError (Unavailable) with a plain message.
    void open();

    /// This thread's connection, opened on first use.
    QSqlDatabase connection() const;
    /// Closes this thread's connection (worker threads call it before they exit).
    void closeThreadConnection() const;
    /// `sql` prepared once on this thread's connection and kept with it, for statements that run again and again
    /// (preparing costs more than running a small insert on SQLite, and a round trip each way on PostgreSQL). Stays
    /// valid until this thread's connection is closed or reopened, so fetch it right before use, bind every value by
    /// position, and finish() a SELECT after reading. Throws StoreError when the SQL does not prepare.
    QSqlQuery& cachedStatement(const QString& sql) const;

    SqlDialect dialect() const;
    const DatabaseConfig& config() const;
    int schemaVersion() const;
    /// True when the database answers a trivial query (for /readyz).
    bool ping() const;

    /// Runs `work` in a transaction on this thread's connection: commit when it returns, roll back when it
    /// throws (the exception propagates). Nested calls join the outer transaction.
    /// Joining means an exception inside a nested call rolls back the whole outer transaction when it
    /// propagates; on PostgreSQL a failed statement also poisons the transaction, so do not swallow StoreErrors
    /// inside one. SQLite write transactions start with BEGIN IMMEDIATE (no deadlocking lock upgrades).
    void transaction(const std::function<void()>& work) const;
    /// True while this thread runs inside transaction() on this database.
    bool inTransaction() const;
    /// Names this thread's current outermost transaction on this database, unique in the process; 0 outside one.
    /// What a caller read under the transaction's locks stays true until it ends (see AuditLog::append).
    std::uint64_t transactionSerial() const;

    /// "now" for every timestamp the store writes or compares (token expiry, membership ends); injectable for tests.
    const core::Clock& clock() const;
    /// The clock must outlive the Database. Set it before other threads use the store.
    void setClock(const core::Clock& clock);

private:
    void ensureOwnerOnlySqliteFile() const;
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace trellis::server
