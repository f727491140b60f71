#pragma once

#include <memory>

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <QVariantList>
#include <QVariantMap>

namespace trellis::test {

/// The outcome of one short trellisd run (subcommands, --help, bad options).
struct TrellisdRun
{
    int exitCode = -1; ///< -1 when it crashed or did not finish in time
    bool finished = false;
    QByteArray stdOut;
    QByteArray stdErr;
};

/// A real trellisd (path from the environment variable TRELLIS_TRELLISD) on 127.0.0.1 with an ephemeral port,
/// for tests: an SQLite file in a temporary data directory, or a PostgreSQL database given by URL.
/// Its stderr (the JSON request log) goes to a file, so a chatty server never blocks on a full pipe.
class TrellisdProcess
{
public:
    TrellisdProcess();
    ~TrellisdProcess(); ///< stops the server if it still runs
    TrellisdProcess(const TrellisdProcess&) = delete;
    TrellisdProcess& operator=(const TrellisdProcess&) = delete;

    /// TRELLIS_TRELLISD, empty when unset.
    static QString executable();
    /// Runs trellisd to completion with these arguments; `stdinData` is written and stdin closed.
    static TrellisdRun run(const QStringList& arguments, const QByteArray& stdinData = {},
                           const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(),
                           int timeoutMs = 60000);

    // Configuration, before start().
    void setDemo(bool demo);
    /// Use this PostgreSQL database (e.g. PostgresTestDatabase::url()) instead of an SQLite data directory.
    void setDatabaseUrl(const QString& url);
    /// Use this data directory instead of a fresh temporary one (e.g. to restart on the same data).
    void setDataDirectory(const QString& path);
    void setExtraArguments(const QStringList& arguments);
    /// Passes --bootstrap-secret-stdin and writes the secret as the first line of stdin (kept open).
    void setBootstrapSecret(const QByteArray& secret);
    void setEnvironmentVariable(const QString& name, const QString& value);

    /// Starts and waits for the {"event":"listening",...} line. False (see errorString()) on failure.
    bool start(int timeoutMs = 120000);
    /// SIGTERM, then waits; returns the exit code, or -1 when it crashed or had to be killed.
    int stop(int timeoutMs = 30000);
    /// Closes the server's stdin (with a bootstrap secret, trellisd then stops by itself).
    void closeStdin();
    /// Waits for the process to end by itself; returns the exit code or -1.
    int waitForExit(int timeoutMs = 30000);

    bool isRunning() const;
    qint64 processId() const;
    QString errorString() const;
    QUrl baseUrl() const; ///< http://127.0.0.1:<port>
    quint16 port() const;
    QString dataDirectory() const; ///< empty with PostgreSQL
    QString databaseUrl() const;   ///< empty with SQLite
    /// Arguments selecting the database, as the admin-token subcommand takes them.
    QStringList databaseArguments() const;
    /// Everything the server wrote to stderr so far (the JSON log lines).
    QByteArray stderrOutput() const;
    /// The lines of stderrOutput() that parse as JSON objects.
    QList<QByteArray> logLines() const;

    /// A Qt Sql connection (named `connectionName`) to the server's database, for checks the API cannot make
    /// (e.g. audit rows). The caller closes it and calls QSqlDatabase::removeDatabase when done.
    QSqlDatabase openDatabase(const QString& connectionName) const;

    /// Runs one statement on the server's database over a connection of its own (closed again) and returns the rows
    /// as column name -> value. A failed statement warns and returns no rows.
    QList<QVariantMap> queryRows(const QString& sql, const QVariantList& values = {}) const;
    /// Runs one statement; how many rows it changed, or -1 (with a warning) when it failed.
    int execute(const QString& sql, const QVariantList& values = {}) const;

    /// Runs `trellisd admin-token` against the same database; the token, or empty (and a warning) on failure.
    QByteArray adminToken(const QString& email, const QString& ttl = QString()) const;

private:
    QProcessEnvironment m_environment;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    std::unique_ptr<QProcess> m_process;
    QString m_dataDir;
    QString m_databaseUrl;
    QString m_stderrFile;
    QStringList m_extraArguments;
    QByteArray m_bootstrapSecret;
    QString m_error;
    quint16 m_port = 0;
    bool m_demo = false;
};

} // namespace trellis::test
