#pragma once

#include "server/store/Database.h"

#include <initializer_list>
#include <string>

#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace trellis::server::sql {

/// Which unique rule a database error names, in each dialect's words, and how the API calls it.
struct UniqueRule
{
    const char* sqliteColumns;  ///< as in "UNIQUE constraint failed: orgs.slug"
    const char* constraintName; ///< PostgreSQL's constraint name, e.g. "orgs_slug_key"
    const char* apiName;        ///< e.g. "org.slug"
    const char* message;        ///< safe to show to people
};

inline QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}
inline std::string ss(const QVariant& value)
{
    return value.toString().toStdString();
}
/// NULL for an empty string (optional text columns), typed so both drivers bind it as text.
QVariant nullable(const std::string& text);

/// A prepared statement on this thread's connection; throws StoreError when the SQL does not prepare.
QSqlQuery prepare(const Database& db, const QString& sql);
/// Executes; maps failures to StoreError (Conflict for the given unique rules, NotFound for a missing
/// referenced row, Unavailable for connection/lock problems, Internal otherwise).
void run(QSqlQuery& query, const char* what, std::initializer_list<UniqueRule> rules = {});
/// Like run(), for inserts that may hit a unique rule inside a transaction: on PostgreSQL the statement runs under
/// a savepoint, so a Conflict leaves the surrounding transaction usable, as it is on SQLite.
void runGuarded(const Database& db, QSqlQuery& query, const char* what, std::initializer_list<UniqueRule> rules);
/// Executes a statement without parameters.
void runDirect(const Database& db, const QString& sql, const char* what);

/// Maps an error; a connection-level one also marks this thread's connections as suspect (see below).
StoreError toStoreError(const QSqlError& error, const char* what);
/// Whether a connection-level failure happened on this thread since the last call; clears the mark.
/// Database::connection() then reopens the connection instead of reusing a dead one.
bool takeConnectionSuspect();

/// Case-folded sort/search key of a display name (Unicode-aware, so "Ärzte" sorts and matches like "ärzte").
std::string foldKey(const std::string& text);
/// A LIKE pattern matching `text` as a literal substring (escape character '\').
QString containsPattern(const std::string& foldedText);

/// "now" from the database's clock, RFC 3339.
std::string now(const Database& db);

} // namespace trellis::server::sql
