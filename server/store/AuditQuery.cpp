#include "server/store/AuditQuery.h"

#include "core/OrgPath.h"
#include "server/store/AuditLog.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

#include <algorithm>
#include <map>

#include <QSqlQuery>
#include <QStringList>

namespace trellis::server {

using namespace sql;

namespace {

/// newestFirst() first looks at this many of the newest sequences per row asked for (20,000 for a page of 100): a
/// filter matching one event in 200 or more fills its page from there.
constexpr std::int64_t kProbeRowsPerResult = 200;

/// newestFirst() walks a subtree path by path (each path's index is in sequence order) up to this many paths.
constexpr std::size_t kMostPathWalks = 128;

/// WHERE conditions and their bind values, in order.
struct Conditions
{
    QStringList where;
    QVariantList binds;

    void add(const QString& condition, std::initializer_list<QVariant> values = {})
    {
        where << condition;
        for (const QVariant& v : values)
            binds << v;
    }
    void addIn(const QString& column, const std::vector<std::string>& values)
    {
        QStringList marks;
        for (const std::string& v : values) {
            marks << QStringLiteral("?");
            binds << qs(v);
        }
        where << QStringLiteral("%1 IN (%2)").arg(column, marks.join(QStringLiteral(", ")));
    }
    QString clause() const
    {
        return where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    }
};

QString lowerLikePattern(const std::string& text)
{
    QString escaped = qs(text).toLower();
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

/// The trigram index needs three characters; shorter text is only a scan.
bool textIndexable(const AuditFilter& f)
{
    return qs(f.text).toUcs4().size() >= 3;
}

/// The FTS5 query for the SQLite trigram index (migration 0016): every trigram of the text, joined by AND. It matches
/// a superset of the events whose columns contain the text (the trigrams may lie apart); the LIKE decides.
QString trigramQuery(const std::string& text)
{
    const QList<uint> points = qs(text).toUcs4();
    QStringList trigrams;
    for (qsizetype i = 0; i + 3 <= points.size(); ++i) {
        QString trigram = QString::fromUcs4(reinterpret_cast<const char32_t*>(points.constData() + i), 3);
        trigram.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        trigram = QLatin1Char('"') + trigram + QLatin1Char('"');
        if (!trigrams.contains(trigram))
            trigrams << trigram;
    }
    return trigrams.join(QStringLiteral(" AND "));
}

/// PostgreSQL: the expression of the trigram index of migration 0016, to be matched with the same LIKE pattern.
const QString kPostgresSearchText = QStringLiteral(
    "LOWER(actor_display || ' ' || target_display || ' ' || action || ' ' || reason || ' ' || target_id || ' ' || "
    "actor_id || ' ' || client_address || ' ' || request_id)");

/// An exact actor, target or request: its index (with the sequence) hands out events in sequence order.
bool orderedByIndex(const AuditFilter& f)
{
    return !f.actorIds.empty() || !f.targetId.empty() || !f.requestId.empty();
}

/// Whether a free text filter narrows its candidates by the trigram index before the LIKE decides.
enum class TextIndex
{
    None,     ///< the LIKE alone (a probe of a few thousand rows, or text shorter than three characters)
    Condition ///< a condition the database may take the index for (SQLite: IN the trigram matches)
};

Conditions conditionsFor(const AuditFilter& f, SqlDialect dialect, TextIndex textIndex = TextIndex::None)
{
    Conditions c;
    if (!f.everything) {
        // Outside every visible subtree: not even a count leaks.
        if (f.visiblePaths.empty()) {
            c.add(QStringLiteral("1 = 0"));
        } else {
            QStringList any;
            for (const std::string& path : f.visiblePaths) {
                any << QStringLiteral("(target_org_path >= ? AND target_org_path < ?)");
                c.binds << qs(path) << qs(core::OrgPath::subtreeUpperBound(path));
            }
            c.where << QStringLiteral("(") + any.join(QStringLiteral(" OR ")) + QStringLiteral(")");
        }
    }
    if (!f.from.empty())
        c.add(QStringLiteral("occurred_at >= ?"), {qs(f.from)});
    if (!f.to.empty())
        c.add(QStringLiteral("occurred_at < ?"), {qs(f.to)});
    if (!f.actorIds.empty() && !f.actorDisplay.empty()) {
        QStringList marks;
        for (std::size_t i = 0; i < f.actorIds.size(); ++i)
            marks << QStringLiteral("?");
        c.where
            << QStringLiteral("(actor_id IN (%1) OR LOWER(actor_display) = ?)").arg(marks.join(QStringLiteral(", ")));
        for (const std::string& id : f.actorIds)
            c.binds << qs(id);
        c.binds << qs(f.actorDisplay);
    } else if (!f.actorIds.empty()) {
        c.addIn(QStringLiteral("actor_id"), f.actorIds);
    } else if (!f.actorDisplay.empty()) {
        c.add(QStringLiteral("LOWER(actor_display) = ?"), {qs(f.actorDisplay)});
    }
    if (!f.subtreePath.empty())
        c.add(QStringLiteral("target_org_path >= ? AND target_org_path < ?"),
              {qs(f.subtreePath), qs(core::OrgPath::subtreeUpperBound(f.subtreePath))});
    if (!f.actions.empty())
        c.addIn(QStringLiteral("action"), f.actions);
    if (!f.targetType.empty())
        c.add(QStringLiteral("target_type = ?"), {qs(f.targetType)});
    if (!f.targetId.empty())
        c.add(QStringLiteral("target_id = ?"), {qs(f.targetId)});
    if (!f.target.empty())
        c.add(QStringLiteral("(target_id = ? OR LOWER(target_display) = ?)"), {qs(f.target), qs(f.target).toLower()});
    if (!f.outcomes.empty())
        c.addIn(QStringLiteral("outcome"), f.outcomes);
    if (!f.clientAddress.empty())
        c.add(QStringLiteral("client_address = ?"), {qs(f.clientAddress)});
    if (!f.requestId.empty())
        c.add(QStringLiteral("request_id = ?"), {qs(f.requestId)});
    if (!f.text.empty()) {
        const QString pattern = lowerLikePattern(f.text);
        QStringList any;
        for (const char* column : {"actor_display", "target_display", "action", "reason", "target_id", "actor_id",
                                   "client_address", "request_id"}) {
            any << QStringLiteral("LOWER(%1) LIKE ? ESCAPE '\\'").arg(QLatin1String(column));
            c.binds << pattern;
        }
        c.where << QStringLiteral("(") + any.join(QStringLiteral(" OR ")) + QStringLiteral(")");
        if (textIndex != TextIndex::None && textIndexable(f)) {
            if (dialect == SqlDialect::Postgres)
                c.add(kPostgresSearchText + QStringLiteral(" LIKE ? ESCAPE '\\'"), {pattern});
            else
                c.add(QStringLiteral("sequence IN (SELECT rowid FROM audit_events_search WHERE audit_events_search "
                                     "MATCH ?)"),
                      {trigramQuery(f.text)});
        }
    }
    return c;
}

} // namespace

AuditQuery::Page AuditQuery::page(const AuditFilter& filter, bool newestFirst, std::optional<std::int64_t> cursor,
                                  int limit, std::optional<std::int64_t> floor, const std::string* path) const
{
    const bool sqlite = m_db.dialect() == SqlDialect::Sqlite;
    // Free text takes its trigram index outside the probe (which reads a few thousand rows and would otherwise collect
    // every match of a common word). On SQLite the index drives: FTS5 hands out its matches in sequence order, so a
    // page stops after its rows; unless an exact actor, target or request has an ordered index of its own.
    const bool textIndex = !floor && !filter.text.empty() && textIndexable(filter);
    const bool textDrives = textIndex && sqlite && !orderedByIndex(filter);
    Conditions c =
        conditionsFor(filter, m_db.dialect(), textIndex && !textDrives ? TextIndex::Condition : TextIndex::None);
    if (cursor)
        c.add(newestFirst ? QStringLiteral("sequence < ?") : QStringLiteral("sequence > ?"), {qlonglong(*cursor)});
    if (floor)
        c.add(QStringLiteral("sequence > ?"), {qlonglong(*floor)});
    if (path)
        c.add(QStringLiteral("target_org_path = ?"), {qs(*path)});
    QString from = QStringLiteral("audit_events");
    QString orderBy = QStringLiteral("sequence");
    if (textDrives) {
        from =
            QStringLiteral("(SELECT rowid AS hit FROM audit_events_search WHERE audit_events_search MATCH ?) AS hits "
                           "CROSS JOIN audit_events ON audit_events.sequence = hits.hit");
        orderBy = QStringLiteral("hits.hit");
        c.binds.prepend(trigramQuery(filter.text));
    } else if (floor && sqlite) {
        // The probe walks the window by sequence only: SQLite would otherwise prefer a filter's index and sort.
        from = QStringLiteral("audit_events NOT INDEXED");
    } else if (path && sqlite) {
        from = QStringLiteral("audit_events INDEXED BY audit_events_path_seq_idx");
    }
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT %1 FROM %2%3 ORDER BY %4 %5 LIMIT ?")
                                    .arg(AuditLog::columns(), from, c.clause(), orderBy,
                                         newestFirst ? QStringLiteral("DESC") : QStringLiteral("ASC")));
    q.setForwardOnly(true);
    for (const QVariant& v : c.binds)
        q.addBindValue(v);
    q.addBindValue(limit + 1); // one more tells whether there is a next page
    run(q, "reading audit events failed");
    Page page;
    while (q.next()) {
        if (int(page.events.size()) == limit) {
            page.more = true;
            break;
        }
        page.events.push_back(AuditLog::readEvent(q));
    }
    return page;
}

AuditQuery::Page AuditQuery::newestFirst(const AuditFilter& filter, std::optional<std::int64_t> before, int limit) const
{
    // A filter's index gives its events in its own order (a subtree's paths, a time range), so "the newest 100" would
    // read and sort all of them. Most filters match often among recent events: look at the newest window of
    // sequences first, and take the index only when the window holds less than a page.
    std::int64_t top = 0;
    if (before) {
        top = *before;
    } else {
        QSqlQuery newest = prepare(m_db, QStringLiteral("SELECT MAX(sequence) FROM audit_events"));
        run(newest, "reading audit events failed");
        top = newest.next() ? newest.value(0).toLongLong() + 1 : 0;
    }
    // An exact actor, target or request has an index in sequence order already: the probe would only cost.
    const std::int64_t window = kProbeRowsPerResult * limit;
    if (!orderedByIndex(filter) && top - window > 0) {
        Page probe = page(filter, true, top, limit, top - window);
        if (probe.more)
            return probe;
        // Nearly a page (a quarter or more): a window a few times wider will hold it, which costs less than an index
        // that is not in sequence order (a large subtree's paths, a long time range).
        const auto found = std::int64_t(probe.events.size());
        if (found * 4 >= limit) {
            const std::int64_t wider = std::min(top, window * ((3 * (limit + 1)) / (2 * found) + 1));
            probe = page(filter, true, top, limit, top - wider);
            if (probe.more || wider == top)
                return probe;
        }
    }
    // A subtree holding few org paths: each path's index is in sequence order, so walk each newest first and merge,
    // instead of reading and sorting every event of the subtree. Free text has its own index.
    if (!orderedByIndex(filter) && filter.text.empty()) {
        if (const auto paths = eventPaths(filter, kMostPathWalks)) {
            Page merged;
            for (const std::string& path : *paths) {
                Page walked = page(filter, true, before, limit, std::nullopt, &path);
                merged.more = merged.more || walked.more;
                for (core::AuditEvent& e : walked.events)
                    merged.events.push_back(std::move(e));
            }
            std::sort(merged.events.begin(), merged.events.end(),
                      [](const core::AuditEvent& a, const core::AuditEvent& b) { return a.sequence > b.sequence; });
            if (int(merged.events.size()) > limit) {
                merged.events.resize(std::size_t(limit));
                merged.more = true;
            }
            return merged;
        }
    }
    return page(filter, true, before, limit);
}

std::optional<std::vector<std::string>> AuditQuery::eventPaths(const AuditFilter& filter, std::size_t most) const
{
    std::vector<std::pair<std::string, std::string>> ranges;
    if (!filter.subtreePath.empty())
        ranges.push_back({filter.subtreePath, core::OrgPath::subtreeUpperBound(filter.subtreePath)});
    else if (!filter.everything)
        for (const std::string& visible : filter.visiblePaths)
            ranges.push_back({visible, core::OrgPath::subtreeUpperBound(visible)});
    if (ranges.empty())
        return std::nullopt;
    // A loose index scan: each next path is one seek in the path index.
    QSqlQuery first = prepare(m_db, QStringLiteral("SELECT MIN(target_org_path) FROM audit_events WHERE "
                                                   "target_org_path >= ? AND target_org_path < ?"));
    QSqlQuery next = prepare(m_db, QStringLiteral("SELECT MIN(target_org_path) FROM audit_events WHERE "
                                                  "target_org_path > ? AND target_org_path < ?"));
    std::vector<std::string> paths;
    for (const auto& [low, high] : ranges) {
        QSqlQuery* q = &first;
        std::string from = low;
        for (;;) {
            q->bindValue(0, qs(from));
            q->bindValue(1, qs(high));
            run(*q, "reading audit events failed");
            if (!q->next() || q->value(0).isNull())
                break;
            from = ss(q->value(0));
            paths.push_back(from);
            if (paths.size() > most)
                return std::nullopt;
            q = &next;
        }
    }
    // Visible subtrees never nest (AdminScope::rootPaths), but a path walked twice would show its events twice.
    std::sort(paths.begin(), paths.end());
    paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
    return paths;
}

AuditQuery::Page AuditQuery::oldestFirst(const AuditFilter& filter, std::int64_t after, int limit) const
{
    return page(filter, false, after, limit);
}

std::vector<AuditQuery::Bucket> AuditQuery::histogram(const AuditFilter& filter, BucketSize size) const
{
    // occurred_at is RFC 3339 text ("2026-12-06T15:04:05.123Z"): its prefix is the bucket, in both dialects.
    const int prefix = size == BucketSize::Day ? 10 : size == BucketSize::Hour ? 13 : 16;
    const std::string suffix = size == BucketSize::Day ? "T00:00:00Z" : size == BucketSize::Hour ? ":00:00Z" : ":00Z";
    const Conditions c =
        conditionsFor(filter, m_db.dialect(), orderedByIndex(filter) ? TextIndex::None : TextIndex::Condition);
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT SUBSTR(occurred_at, 1, %1) AS bucket, outcome, COUNT(*) FROM "
                                               "audit_events%2 GROUP BY SUBSTR(occurred_at, 1, %1), outcome "
                                               "ORDER BY bucket")
                                    .arg(prefix)
                                    .arg(c.clause()));
    for (const QVariant& v : c.binds)
        q.addBindValue(v);
    run(q, "counting audit events failed");
    // Ordered here, in byte order: a PostgreSQL locale collation need not sort the prefixes so.
    std::map<std::string, Bucket> byStart;
    while (q.next()) {
        const std::string start = ss(q.value(0)) + suffix;
        Bucket& bucket = byStart[start];
        bucket.start = start;
        const std::string outcome = ss(q.value(1));
        const std::int64_t count = q.value(2).toLongLong();
        if (outcome == "denied")
            bucket.denied += count;
        else if (outcome == "failure")
            bucket.failure += count;
        else
            bucket.success += count;
    }
    std::vector<Bucket> buckets;
    buckets.reserve(byStart.size());
    for (auto& [start, bucket] : byStart)
        buckets.push_back(std::move(bucket));
    return buckets;
}

} // namespace trellis::server
