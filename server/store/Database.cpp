#include "server/store/Database.h"

#include "server/store/SqlSupport.h"

#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>

// Resources of a static library must be registered explicitly; this has to happen outside any namespace.
static void initStoreMigrations()
{
    Q_INIT_RESOURCE(store_migrations);
}

namespace trellis::server {

namespace {
std::atomic<std::uint64_t> g_nextInstance{1};
std::atomic<std::uint64_t> g_nextThread{1};
std::atomic<std::uint64_t> g_nextTransaction{1};

// A serial per thread for its whole life: std::thread ids may be reused, connection names must not be.
std::uint64_t threadSerial()
{
    thread_local const std::uint64_t serial = g_nextThread.fetch_add(1);
    return serial;
}

struct TransactionState
{
    int depth = 0;
    std::uint64_t serial = 0; // of the outermost transaction, process-wide
};

// Transaction nesting per (thread, Database instance).
std::map<std::uint64_t, TransactionState>& transactionStates()
{
    thread_local std::map<std::uint64_t, TransactionState> states;
    return states;
}

struct Migration
{
    int version = 0;
    QString name;
    QString path;
};

std::vector<Migration> knownMigrations(SqlDialect dialect)
{
    const QString dir = dialect == SqlDialect::Sqlite ? QStringLiteral(":/trellis/store/migrations/sqlite")
                                                      : QStringLiteral(":/trellis/store/migrations/postgres");
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
    std::vector<Migration> migrations;
    const QStringList files = QDir(dir).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        const auto match = pattern.match(file);
        if (match.hasMatch())
            migrations.push_back({match.captured(1).toInt(), match.captured(2), dir + u'/' + file});
    }
    return migrations;
}

// Splits a migration into statements: a statement ends with ';' at the end of a line, except inside
// PostgreSQL dollar-quoted bodies and SQLite trigger bodies (which end with "END;").
QStringList splitStatements(const QString& script)
{
    QStringList statements;
    QString current;
    bool inDollar = false;
    bool inTrigger = false;
    const QStringList lines = script.split(u'\n');
    for (const QString& line : lines) {
        const QString trimmed = line.trimmed();
        if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith(QLatin1String("--"))))
            continue;
        current += line + u'\n';
        if (line.count(QLatin1String("$$")) % 2 == 1)
            inDollar = !inDollar;
        if (trimmed.startsWith(QLatin1String("CREATE TRIGGER"), Qt::CaseInsensitive) &&
            !trimmed.contains(QLatin1String("EXECUTE"), Qt::CaseInsensitive))
            inTrigger = true;
        if (inDollar || !trimmed.endsWith(u';'))
            continue;
        if (inTrigger && trimmed.compare(QLatin1String("END;"), Qt::CaseInsensitive) != 0)
            continue;
        inTrigger = false;
        statements.push_back(current.trimmed());
        current.clear();
    }
    if (!current.trimmed().isEmpty())
        statements.push_back(current.trimmed());
    return statements;
}
} // namespace

class Database::Impl
{
public:
    DatabaseConfig config;
    std::uint64_t instance = g_nextInstance.fetch_add(1);
    const core::Clock* clock = &core::Clock::system();
    std::atomic<int> schemaVersion{0};
    std::mutex mutex;
    std::set<QString> connectionNames;
    bool sqliteFileChecked = false; // guarded by mutex
    // Cached statements per thread serial, guarded by mutex; only the owning thread uses its own (map nodes do not
    // move, so the references it holds survive other threads' insertions).
    std::map<std::uint64_t, std::map<QString, QSqlQuery>> statements;

    QString connectionName() const { return QStringLiteral("trellis-store-%1-%2").arg(instance).arg(threadSerial()); }

    // Before this thread's connection closes or reopens: prepared statements die with the connection they were
    // prepared on (on PostgreSQL each is freed by name on that connection, so they go first).
    void dropThreadStatements()
    {
        std::map<QString, QSqlQuery> gone;
        {
            std::lock_guard lock(mutex);
            const auto it = statements.find(threadSerial());
            if (it == statements.end())
                return;
            gone.swap(it->second);
            statements.erase(it);
        }
    }
};

DatabaseConfig DatabaseConfig::sqliteInDataDir(const QString& dataDir)
{
    QDir().mkpath(dataDir);
    // The directory holds every secret hash of the installation: owner only.
    QFile::setPermissions(dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    DatabaseConfig config;
    config.dialect = SqlDialect::Sqlite;
    config.sqliteFile = QDir(dataDir).absoluteFilePath(QStringLiteral("trellis.sqlite3"));
    return config;
}

std::optional<DatabaseConfig> DatabaseConfig::fromUrl(const QString& url, QString* error)
{
    const auto fail = [&](const QString& message) -> std::optional<DatabaseConfig> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid())
        return fail(QStringLiteral("not a valid URL"));
    if (parsed.scheme() != QLatin1String("postgres") && parsed.scheme() != QLatin1String("postgresql"))
        return fail(QStringLiteral("the URL must start with postgres:// or postgresql://"));
    if (parsed.host().isEmpty())
        return fail(QStringLiteral("the URL names no host"));
    DatabaseConfig config;
    config.dialect = SqlDialect::Postgres;
    config.host = parsed.host();
    config.port = parsed.port(5432);
    if (config.port <= 0 || config.port > 65535)
        return fail(QStringLiteral("the port is out of range"));
    config.user = parsed.userName(QUrl::FullyDecoded);
    config.password = parsed.password(QUrl::FullyDecoded);
    QString path = parsed.path(QUrl::FullyDecoded);
    if (path.startsWith(u'/'))
        path.remove(0, 1);
    if (path.contains(u'/'))
        return fail(QStringLiteral("the database name may not contain '/'"));
    config.databaseName = path.isEmpty() ? config.user : path;
    if (config.databaseName.isEmpty())
        return fail(QStringLiteral("the URL names no database"));
    QStringList options;
    const auto items = QUrlQuery(parsed).queryItems(QUrl::FullyDecoded);
    static const QRegularExpression safeKey(QStringLiteral("^[a-z_]+$"));
    for (const auto& [key, value] : items) {
        // Keys and values end up in a libpq connection string: refuse anything that could smuggle options in.
        if (!safeKey.match(key).hasMatch() || value.contains(u';') || value.contains(u' ') || value.contains(u'\''))
            return fail(QStringLiteral("unsupported connection option: %1").arg(key));
        options.push_back(key + u'=' + value);
    }
    config.options = options.join(u';');
    return config;
}

QString DatabaseConfig::redactedDescription() const
{
    if (dialect == SqlDialect::Sqlite)
        return QStringLiteral("sqlite:%1").arg(sqliteFile);
    QUrl url;
    url.setScheme(QStringLiteral("postgres"));
    url.setHost(host);
    url.setPort(port);
    url.setUserName(user);
    url.setPath(u'/' + databaseName);
    if (!options.isEmpty())
        url.setQuery(QString(options).replace(u';', u'&'));
    return url.toString();
}

Database::Database(DatabaseConfig config)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->config = std::move(config);
}

Database::~Database()
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->statements.clear();
    for (const QString& name : m_impl->connectionNames)
        QSqlDatabase::removeDatabase(name);
}

SqlDialect Database::dialect() const
{
    return m_impl->config.dialect;
}

const DatabaseConfig& Database::config() const
{
    return m_impl->config;
}

int Database::schemaVersion() const
{
    return m_impl->schemaVersion;
}

const core::Clock& Database::clock() const
{
    return *m_impl->clock;
}

void Database::setClock(const core::Clock& clock)
{
    m_impl->clock = &clock;
}

namespace {
// Opens a connection and sets what every SQLite connection needs (pragmas are per connection).
void openConfigured(QSqlDatabase& db, SqlDialect dialect)
{
    if (!db.open())
        throw StoreError(StoreError::Kind::Unavailable,
                         "cannot connect to the database: " + db.lastError().text().toStdString());
    QSqlQuery query(db);
    if (dialect == SqlDialect::Postgres) {
        // libpq prints NOTICEs to stderr, which would interleave with trellisd's JSON log lines.
        if (!query.exec(QStringLiteral("SET client_min_messages TO warning")))
            throw sql::toStoreError(query.lastError(), "configuring the PostgreSQL connection failed");
        return;
    }
    for (const char* pragma : {"PRAGMA busy_timeout = 5000", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
                               "PRAGMA foreign_keys = ON"}) {
        if (!query.exec(QLatin1String(pragma)))
            throw sql::toStoreError(query.lastError(), "configuring the SQLite connection failed");
        query.finish();
    }
}
} // namespace

QSqlDatabase Database::connection() const
{
    const QString name = m_impl->connectionName();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        // After a connection-level failure (server restarted, connection killed) start afresh, so one broken
        // socket does not fail this thread's requests forever. Never in the middle of a transaction.
        if (db.isOpen() && sql::takeConnectionSuspect() && !inTransaction()) {
            m_impl->dropThreadStatements();
            db.close();
        }
        if (!db.isOpen()) {
            m_impl->dropThreadStatements();
            openConfigured(db, dialect());
        }
        return db;
    }

    const DatabaseConfig& config = m_impl->config;
    QSqlDatabase db;
    if (config.dialect == SqlDialect::Sqlite) {
        ensureOwnerOnlySqliteFile();
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(config.sqliteFile);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(config.host);
        db.setPort(config.port);
        db.setDatabaseName(config.databaseName);
        db.setUserName(config.user);
        db.setPassword(config.password);
        QString options = config.options;
        if (!options.contains(QLatin1String("connect_timeout")))
            options += (options.isEmpty() ? QString() : QStringLiteral(";")) + QStringLiteral("connect_timeout=10");
        db.setConnectOptions(options);
    }
    {
        std::lock_guard lock(m_impl->mutex);
        m_impl->connectionNames.insert(name);
    }
    if (!db.isValid())
        throw StoreError(StoreError::Kind::Unavailable, "the Qt Sql driver for this database is not installed");
    openConfigured(db, config.dialect);
    sql::takeConnectionSuspect();
    return db;
}

void Database::ensureOwnerOnlySqliteFile() const
{
    std::lock_guard lock(m_impl->mutex);
    if (m_impl->sqliteFileChecked)
        return;
    // Create the file ourselves so it is owner-only from its first byte (SQLite gives its -wal and -shm files
    // the same mode). Only when it does not exist yet: closing any descriptor of a database file drops every
    // POSIX lock this process holds on it, after which another process may delete the WAL under our open
    // connections (https://www.sqlite.org/howtocorrupt.html, 2.2). Under the mutex, so no thread opens the file
    // in SQLite before this descriptor is closed.
    const QByteArray file = QFile::encodeName(m_impl->config.sqliteFile);
    const int fd = ::open(file.constData(), O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0600);
    if (fd >= 0)
        ::close(fd);
    else if (errno == EEXIST)
        ::chmod(file.constData(), 0600); // by path: touches no descriptor, so no lock is lost
    else
        throw StoreError(StoreError::Kind::Unavailable,
                         "cannot create the database file " + m_impl->config.sqliteFile.toStdString());
    m_impl->sqliteFileChecked = true;
}

void Database::closeThreadConnection() const
{
    const QString name = m_impl->connectionName();
    {
        std::lock_guard lock(m_impl->mutex);
        if (!m_impl->connectionNames.erase(name))
            return;
    }
    m_impl->dropThreadStatements();
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QSqlQuery& Database::cachedStatement(const QString& sql) const
{
    QSqlDatabase db = connection(); // may reopen, which drops this thread's statements
    std::map<QString, QSqlQuery>* mine = nullptr;
    {
        std::lock_guard lock(m_impl->mutex);
        mine = &m_impl->statements[threadSerial()];
        const auto it = mine->find(sql);
        if (it != mine->end())
            return it->second;
    }
    QSqlQuery query(db);
    if (!query.prepare(sql))
        throw sql::toStoreError(query.lastError(), "preparing a statement failed");
    std::lock_guard lock(m_impl->mutex);
    return mine->emplace(sql, std::move(query)).first->second;
}

bool Database::ping() const
{
    try {
        QSqlQuery query(connection());
        if (query.exec(QStringLiteral("SELECT 1")) && query.next())
            return true;
        sql::toStoreError(query.lastError(), "ping"); // marks a dead connection for reopening
        return false;
    } catch (const StoreError&) {
        return false;
    }
}

bool Database::inTransaction() const
{
    const auto& states = transactionStates();
    const auto it = states.find(m_impl->instance);
    return it != states.end() && it->second.depth > 0;
}

std::uint64_t Database::transactionSerial() const
{
    const auto& states = transactionStates();
    const auto it = states.find(m_impl->instance);
    return it != states.end() && it->second.depth > 0 ? it->second.serial : 0;
}

void Database::transaction(const std::function<void()>& work) const
{
    TransactionState& state = transactionStates()[m_impl->instance];
    int& depth = state.depth;
    if (depth > 0) {
        ++depth;
        try {
            work();
        } catch (...) {
            --depth;
            throw;
        }
        --depth;
        return;
    }

    QSqlDatabase db = connection();
    QSqlQuery control(db);
    const QString begin = dialect() == SqlDialect::Sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
    if (!control.exec(begin))
        throw sql::toStoreError(control.lastError(), "starting a transaction failed");
    depth = 1;
    state.serial = g_nextTransaction.fetch_add(1);
    try {
        work();
    } catch (...) {
        depth = 0;
        control.exec(QStringLiteral("ROLLBACK"));
        throw;
    }
    depth = 0;
    if (!control.exec(QStringLiteral("COMMIT"))) {
        const StoreError error = sql::toStoreError(control.lastError(), "committing a transaction failed");
        control.exec(QStringLiteral("ROLLBACK"));
        throw error;
    }
}

void Database::open()
{
    initStoreMigrations();
    connection();
    const std::vector<Migration> migrations = knownMigrations(dialect());
    if (migrations.empty())
        throw StoreError(StoreError::Kind::Internal, "no migrations compiled in for this database");
    const int latestKnown = migrations.back().version;
    int version = 0;
    transaction([&] {
        if (dialect() == SqlDialect::Postgres) {
            // Several instances starting at once: one migrates, the others wait and then find nothing to do.
            sql::runDirect(*this, QStringLiteral("SELECT pg_advisory_xact_lock(7424829153)"),
                           "waiting for the migration lock failed");
        }
        sql::runDirect(*this,
                       QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                                      "name TEXT NOT NULL, applied_at TEXT NOT NULL)"),
                       "creating schema_migrations failed");
        std::set<int> applied;
        {
            QSqlQuery query = sql::prepare(*this, QStringLiteral("SELECT version FROM schema_migrations"));
            sql::run(query, "reading schema_migrations failed");
            while (query.next())
                applied.insert(query.value(0).toInt());
        }
        if (!applied.empty() && *applied.rbegin() > latestKnown) {
            throw StoreError(StoreError::Kind::Unavailable,
                             "the database schema is at version " + std::to_string(*applied.rbegin()) +
                                 ", newer than this trellisd knows (" + std::to_string(latestKnown) +
                                 "); run a trellisd at least as new as the one that last upgraded it");
        }
        for (const Migration& migration : migrations) {
            if (applied.count(migration.version))
                continue;
            QFile file(migration.path);
            if (!file.open(QIODevice::ReadOnly))
                throw StoreError(StoreError::Kind::Internal, "cannot read migration " + migration.path.toStdString());
            const QStringList statements = splitStatements(QString::fromUtf8(file.readAll()));
            for (const QString& statement : statements) {
                QSqlQuery query(connection());
                if (!query.exec(statement)) {
                    throw StoreError(StoreError::Kind::Internal,
                                     "migration " + std::to_string(migration.version) +
                                         " failed: " + query.lastError().text().toStdString());
                }
            }
            QSqlQuery record = sql::prepare(
                *this, QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"));
            record.addBindValue(migration.version);
            record.addBindValue(migration.name);
            record.addBindValue(sql::qs(sql::now(*this)));
            sql::run(record, "recording a migration failed");
            applied.insert(migration.version);
        }
        version = *applied.rbegin();
    });
    m_impl->schemaVersion = version;
}

} // namespace trellis::server
