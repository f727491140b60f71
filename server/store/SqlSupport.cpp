#include "server/store/SqlSupport.h"

#include "core/TimeFormat.h"

#include <utility>

namespace trellis::server::sql {

QVariant nullable(const std::string& text)
{
    return text.empty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(qs(text));
}

namespace {
thread_local bool t_connectionSuspect = false;

bool looksDisconnected(const QSqlError& error)
{
    const QString text = error.databaseText();
    return error.type() == QSqlError::ConnectionError || text.contains(QLatin1String("server closed the connection")) ||
           text.contains(QLatin1String("no connection to the server")) ||
           text.contains(QLatin1String("terminating connection")) ||
           text.contains(QLatin1String("could not receive data from server")) ||
           text.contains(QLatin1String("could not send data to server"));
}
} // namespace

bool takeConnectionSuspect()
{
    return std::exchange(t_connectionSuspect, false);
}

StoreError toStoreError(const QSqlError& error, const char* what)
{
    const QString code = error.nativeErrorCode();
    const bool disconnected =
        looksDisconnected(error) || code.startsWith(QLatin1String("08")) || code.startsWith(QLatin1String("57P"));
    if (disconnected)
        t_connectionSuspect = true;
    // Unreachable server, dropped connection, SQLite busy/locked, PostgreSQL serialisation or shutdown:
    // worth retrying, not a bug in the request.
    const bool unavailable = disconnected || code == QLatin1String("5") || code == QLatin1String("6") ||
                             code.startsWith(QLatin1String("08")) || code.startsWith(QLatin1String("57P")) ||
                             code == QLatin1String("40001") || code == QLatin1String("40P01");
    return StoreError(unavailable ? StoreError::Kind::Unavailable : StoreError::Kind::Internal,
                      std::string(what) + ": " + error.text().toStdString());
}

QSqlQuery prepare(const Database& db, const QString& sql)
{
    QSqlQuery query(db.connection());
    if (!query.prepare(sql))
        throw toStoreError(query.lastError(), "preparing a statement failed");
    return query;
}

void run(QSqlQuery& query, const char* what, std::initializer_list<UniqueRule> rules)
{
    if (query.exec())
        return;
    const QSqlError error = query.lastError();
    const QString code = error.nativeErrorCode();
    const QString text = error.databaseText();
    const bool unique = code == QLatin1String("23505") || code == QLatin1String("2067") ||
                        code == QLatin1String("1555") || text.contains(QLatin1String("UNIQUE constraint failed"));
    if (unique) {
        for (const auto& rule : rules) {
            if (text.contains(QLatin1String(rule.sqliteColumns)) || text.contains(QLatin1String(rule.constraintName)))
                throw StoreError(StoreError::Kind::Conflict, rule.message, rule.apiName);
        }
        throw StoreError(StoreError::Kind::Conflict, std::string(what) + ": " + error.text().toStdString(), "unique");
    }
    const bool missingReference = code == QLatin1String("23503") || code == QLatin1String("787") ||
                                  text.contains(QLatin1String("FOREIGN KEY constraint failed"));
    if (missingReference)
        throw StoreError(StoreError::Kind::NotFound, std::string(what) + ": " + error.text().toStdString());
    throw toStoreError(error, what);
}

void runGuarded(const Database& db, QSqlQuery& query, const char* what, std::initializer_list<UniqueRule> rules)
{
    if (db.dialect() != SqlDialect::Postgres || !db.inTransaction()) {
        run(query, what, rules);
        return;
    }
    runDirect(db, QStringLiteral("SAVEPOINT trellis_statement"), "setting a savepoint failed");
    try {
        run(query, what, rules);
    } catch (const StoreError&) {
        runDirect(db, QStringLiteral("ROLLBACK TO SAVEPOINT trellis_statement"), "rolling back to a savepoint failed");
        throw;
    }
    runDirect(db, QStringLiteral("RELEASE SAVEPOINT trellis_statement"), "releasing a savepoint failed");
}

void runDirect(const Database& db, const QString& sql, const char* what)
{
    QSqlQuery query(db.connection());
    if (!query.exec(sql))
        throw toStoreError(query.lastError(), what);
}

std::string foldKey(const std::string& text)
{
    return qs(text).toCaseFolded().toStdString();
}

QString containsPattern(const std::string& foldedText)
{
    QString pattern = QStringLiteral("%");
    for (const QChar c : qs(foldedText)) {
        if (c == u'%' || c == u'_' || c == u'\\')
            pattern += u'\\';
        pattern += c;
    }
    pattern += u'%';
    return pattern;
}

std::string now(const Database& db)
{
    return core::formatTimestamp(db.clock().now());
}

} // namespace trellis::server::sql
