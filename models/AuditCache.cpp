#include "models/AuditCache.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

namespace trellis::models {

namespace {

Q_LOGGING_CATEGORY(lcCache, "trellis.models.auditcache")

int g_connectionCounter = 0;

QString isoTime(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

AuditCache::AuditCache(const QString& path)
    : m_path(path)
    , m_connection(QStringLiteral("trellis-audit-cache-%1").arg(++g_connectionCounter))
{
    const bool onDisk = path != QLatin1String(":memory:");
    if (onDisk) {
        QDir().mkpath(QFileInfo(path).absolutePath());
        // Audit rows name people and addresses: only the owner may read the file. Created owner-only before SQLite
        // opens it, because SQLite gives the -wal and -shm files it creates the database file's mode at that moment.
        QFile create(path);
        if (create.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            create.close();
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    if (!db.open()) {
        m_error = db.lastError().text();
        qCWarning(lcCache) << "cannot open the audit cache:" << m_error;
        return;
    }
    m_open = exec(QStringLiteral("PRAGMA journal_mode=WAL")) && exec(QStringLiteral("PRAGMA synchronous=NORMAL")) &&
             exec(QStringLiteral("CREATE TABLE IF NOT EXISTS runs (key TEXT PRIMARY KEY, first_idx INTEGER NOT NULL, "
                                 "row_count INTEGER NOT NULL, complete INTEGER NOT NULL, used_at INTEGER NOT NULL)")) &&
             exec(QStringLiteral("CREATE TABLE IF NOT EXISTS run_rows (key TEXT NOT NULL, idx INTEGER NOT NULL, "
                                 "scope TEXT NOT NULL, sequence INTEGER NOT NULL, occurred_at TEXT NOT NULL, "
                                 "PRIMARY KEY (key, idx)) WITHOUT ROWID")) &&
             exec(QStringLiteral("CREATE INDEX IF NOT EXISTS run_rows_event ON run_rows (scope, sequence)")) &&
             // A relative range trims its oldest rows when applied again (dropOlderThan) without a scan.
             exec(QStringLiteral("CREATE INDEX IF NOT EXISTS run_rows_time ON run_rows (key, occurred_at)")) &&
             exec(QStringLiteral("CREATE TABLE IF NOT EXISTS events (scope TEXT NOT NULL, sequence INTEGER NOT NULL, "
                                 "body BLOB NOT NULL, PRIMARY KEY (scope, sequence)) WITHOUT ROWID"));
    if (!m_open)
        qCWarning(lcCache) << "cannot prepare the audit cache:" << m_error;
    // A file made by an older console may still be readable by others: tighten it and what SQLite opened beside it.
    if (m_open && onDisk) {
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            if (QFile::exists(path + suffix))
                QFile::setPermissions(path + suffix, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
    }
}

AuditCache::~AuditCache()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString AuditCache::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/audit-cache.sqlite");
}

bool AuditCache::exec(const QString& sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(sql)) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

AuditCache::Run AuditCache::run(const QString& key) const
{
    Run r;
    if (!m_open)
        return r;
    const QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT first_idx, row_count, complete FROM runs WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return r;
    r.exists = true;
    r.firstIdx = q.value(0).toLongLong();
    r.rowCount = q.value(1).toInt();
    r.complete = q.value(2).toBool();
    if (r.rowCount > 0) {
        QSqlQuery s(db);
        s.prepare(QStringLiteral("SELECT sequence FROM run_rows WHERE key = ? AND idx = ?"));
        s.addBindValue(key);
        s.addBindValue(r.firstIdx);
        if (s.exec() && s.next())
            r.topSequence = s.value(0).toLongLong();
        s.prepare(QStringLiteral("SELECT sequence FROM run_rows WHERE key = ? AND idx = ?"));
        s.addBindValue(key);
        s.addBindValue(r.firstIdx + r.rowCount - 1);
        if (s.exec() && s.next())
            r.bottomSequence = s.value(0).toLongLong();
    }
    return r;
}

bool AuditCache::storeEvents(const QString& scope, const std::vector<client::AuditEvent>& events,
                             const std::vector<QByteArray>& raw)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO events (scope, sequence, body) VALUES (?, ?, ?)"));
    for (size_t i = 0; i < events.size() && i < raw.size(); ++i) {
        q.addBindValue(scope);
        q.addBindValue(events[i].sequence);
        q.addBindValue(raw[i]);
        if (!q.exec()) {
            m_error = q.lastError().text();
            return false;
        }
    }
    return true;
}

bool AuditCache::appendOlder(const QString& key, const QString& scope, const std::vector<client::AuditEvent>& events,
                             const std::vector<QByteArray>& raw, bool complete)
{
    if (!m_open)
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    Run r = run(key);
    db.transaction();
    bool ok = storeEvents(scope, events, raw);
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO run_rows (key, idx, scope, sequence, occurred_at) VALUES (?, ?, ?, ?, ?)"));
    for (size_t i = 0; ok && i < events.size(); ++i) {
        q.addBindValue(key);
        q.addBindValue(r.firstIdx + r.rowCount + qint64(i));
        q.addBindValue(scope);
        q.addBindValue(events[i].sequence);
        q.addBindValue(isoTime(events[i].occurredAt));
        ok = q.exec();
    }
    QSqlQuery u(db);
    u.prepare(QStringLiteral("INSERT OR REPLACE INTO runs (key, first_idx, row_count, complete, used_at) "
                             "VALUES (?, ?, ?, ?, ?)"));
    u.addBindValue(key);
    u.addBindValue(r.firstIdx);
    u.addBindValue(r.rowCount + int(events.size()));
    u.addBindValue(complete ? 1 : 0);
    u.addBindValue(QDateTime::currentMSecsSinceEpoch());
    ok = ok && u.exec();
    if (!ok) {
        m_error = q.lastError().text() + u.lastError().text();
        db.rollback();
        qCWarning(lcCache) << "cannot store audit rows:" << m_error;
        return false;
    }
    return db.commit();
}

bool AuditCache::prependNewer(const QString& key, const QString& scope, const std::vector<client::AuditEvent>& events,
                              const std::vector<QByteArray>& raw)
{
    if (!m_open)
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    Run r = run(key);
    const qint64 newFirst = r.firstIdx - qint64(events.size());
    db.transaction();
    bool ok = storeEvents(scope, events, raw);
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO run_rows (key, idx, scope, sequence, occurred_at) VALUES (?, ?, ?, ?, ?)"));
    for (size_t i = 0; ok && i < events.size(); ++i) {
        q.addBindValue(key);
        q.addBindValue(newFirst + qint64(i));
        q.addBindValue(scope);
        q.addBindValue(events[i].sequence);
        q.addBindValue(isoTime(events[i].occurredAt));
        ok = q.exec();
    }
    QSqlQuery u(db);
    u.prepare(QStringLiteral("INSERT OR REPLACE INTO runs (key, first_idx, row_count, complete, used_at) "
                             "VALUES (?, ?, ?, ?, ?)"));
    u.addBindValue(key);
    u.addBindValue(newFirst);
    u.addBindValue(r.rowCount + int(events.size()));
    u.addBindValue(r.complete ? 1 : 0);
    u.addBindValue(QDateTime::currentMSecsSinceEpoch());
    ok = ok && u.exec();
    if (!ok) {
        m_error = q.lastError().text() + u.lastError().text();
        db.rollback();
        qCWarning(lcCache) << "cannot store audit rows:" << m_error;
        return false;
    }
    return db.commit();
}

std::vector<client::AuditEvent> AuditCache::rows(const QString& key, const QString& scope, int firstRow,
                                                 int count) const
{
    std::vector<client::AuditEvent> out;
    if (!m_open || count <= 0)
        return out;
    const Run r = run(key);
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT e.body FROM run_rows r JOIN events e ON e.scope = ? AND e.sequence = r.sequence "
                             "WHERE r.key = ? AND r.idx >= ? AND r.idx < ? ORDER BY r.idx"));
    q.addBindValue(scope);
    q.addBindValue(key);
    q.addBindValue(r.firstIdx + firstRow);
    q.addBindValue(r.firstIdx + firstRow + count);
    if (!q.exec())
        return out;
    out.reserve(count);
    while (q.next()) {
        if (auto event = client::AuditEvent::fromJsonText(q.value(0).toByteArray()))
            out.push_back(std::move(*event));
    }
    return out;
}

void AuditCache::dropOlderThan(const QString& key, const QDateTime& from)
{
    const Run r = run(key);
    if (!r.exists || r.rowCount == 0)
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT COUNT(*), MIN(idx) FROM run_rows WHERE key = ? AND occurred_at < ?"));
    q.addBindValue(key);
    q.addBindValue(isoTime(from));
    if (!q.exec() || !q.next() || q.value(0).toInt() == 0)
        return;
    const int stale = q.value(0).toInt();
    const qint64 firstStale = q.value(1).toLongLong();
    // Time order follows sequence order, so the stale rows are the bottom of the run; if not, start over.
    if (firstStale != r.firstIdx + r.rowCount - stale) {
        remove(key);
        return;
    }
    db.transaction();
    QSqlQuery d(db);
    d.prepare(QStringLiteral("DELETE FROM run_rows WHERE key = ? AND idx >= ?"));
    d.addBindValue(key);
    d.addBindValue(firstStale);
    QSqlQuery u(db);
    u.prepare(QStringLiteral("UPDATE runs SET row_count = ?, complete = 1 WHERE key = ?"));
    u.addBindValue(r.rowCount - stale);
    u.addBindValue(key);
    if (d.exec() && u.exec())
        db.commit();
    else
        db.rollback();
}

void AuditCache::touch(const QString& key, int keep)
{
    if (!m_open)
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE runs SET used_at = ? WHERE key = ?"));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(key);
    q.exec();
    QSqlQuery old(db);
    old.prepare(QStringLiteral("SELECT key FROM runs ORDER BY used_at DESC LIMIT -1 OFFSET ?"));
    old.addBindValue(keep);
    QStringList stale;
    if (old.exec())
        while (old.next())
            stale << old.value(0).toString();
    for (const QString& k : stale)
        remove(k);
}

void AuditCache::remove(const QString& key)
{
    if (!m_open)
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM run_rows WHERE key = ?"));
    q.addBindValue(key);
    q.exec();
    q.prepare(QStringLiteral("DELETE FROM runs WHERE key = ?"));
    q.addBindValue(key);
    q.exec();
    // Event bodies no remaining run refers to.
    exec(QStringLiteral("DELETE FROM events WHERE NOT EXISTS (SELECT 1 FROM run_rows r WHERE r.scope = events.scope "
                        "AND r.sequence = events.sequence)"));
    db.commit();
}

void AuditCache::removeScope(const QString& scope)
{
    if (!m_open)
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM run_rows WHERE scope = ?"));
    q.addBindValue(scope);
    q.exec();
    // Keys start with the scope and a line break; substr avoids LIKE's wildcards in server addresses.
    q.prepare(QStringLiteral("DELETE FROM runs WHERE substr(key, 1, ?) = ?"));
    const QString prefix = scope + QLatin1Char('\n');
    q.addBindValue(int(prefix.size()));
    q.addBindValue(prefix);
    q.exec();
    q.prepare(QStringLiteral("DELETE FROM events WHERE scope = ?"));
    q.addBindValue(scope);
    q.exec();
    db.commit();
}

int AuditCache::runCount() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(QStringLiteral("SELECT COUNT(*) FROM runs")) && q.next())
        return q.value(0).toInt();
    return 0;
}

} // namespace trellis::models
