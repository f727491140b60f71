// The audit trail at scale (issue 6): generates N events (default 10,000,000) with a valid hash chain into trellisd's
// schema, then measures, in-process on the store the API uses: the sustained append rate through AuditLog::append
// (one event per transaction, as the server writes them, and 100 per transaction), the first filtered page
// (newest first, 100 rows) for the audit browser's typical filters as p50/p95, and the full verify rate. SQLite
// always; PostgreSQL too when TRELLIS_BENCH_POSTGRES_URL (an admin URL) is set. Generated databases are kept between
// runs (--regenerate starts again). Not a test: run it by hand (bench/run-audit) and record the results in
// docs/benchmarks.md.
#include "bench/BenchPostgres.h"
#include "core/AuditActionCatalog.h"
#include "core/AuditEvent.h"
#include "core/OrgPath.h"
#include "core/Random.h"
#include "core/TimeFormat.h"
#include "server/store/AuditFilter.h"
#include "server/store/AuditLog.h"
#include "server/store/AuditQuery.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <random>
#include <vector>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QSqlQuery>

using namespace trellis;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kActors = 5000;
constexpr int kOrgs = 400;
constexpr int kRows = 100; // generation commits every 50 * kRows events

double ms(Clock::duration d)
{
    return std::chrono::duration<double, std::milli>(d).count();
}

/// The landscape events are about: a root, 20 resellers, customers under them; people acting in them.
struct World
{
    std::vector<std::string> orgPaths;
    std::vector<std::string> actorIds;
    std::vector<std::string> actorEmails;
    std::vector<std::string> actions;
    std::vector<std::string> loginActions;
};

World makeWorld()
{
    World w;
    const std::string root = "/root-org/";
    w.orgPaths.push_back(root);
    for (int r = 0; r < 20; ++r) {
        const std::string reseller = core::OrgPath::child(root, "reseller-" + std::to_string(r));
        w.orgPaths.push_back(reseller);
        for (int c = 0; c < kOrgs / 20 - 1; ++c)
            w.orgPaths.push_back(
                core::OrgPath::child(reseller, "customer-" + std::to_string(r) + "-" + std::to_string(c)));
    }
    for (int i = 0; i < kActors; ++i) {
        w.actorIds.push_back("user-" + std::to_string(i));
        w.actorEmails.push_back("person" + std::to_string(i) + "@org" + std::to_string(i % kOrgs) + ".example");
    }
    for (const auto& a : core::AuditActionCatalog::actions())
        (a.group == "login" ? w.loginActions : w.actions).push_back(std::string(a.name));
    return w;
}

core::AuditEvent randomEvent(const World& w, std::mt19937_64& rng, std::chrono::system_clock::time_point at)
{
    core::AuditEvent e;
    const int actor = int(rng() % kActors);
    const int org = int(rng() % w.orgPaths.size());
    const bool login = rng() % 10 < 7; // most of a CIAM's trail is sign-ins
    e.id = core::newUuid();
    e.occurredAt = core::formatTimestamp(at);
    e.actorType = "user";
    e.actorId = w.actorIds[actor];
    e.actorDisplay = w.actorEmails[actor];
    e.actingOrgId = "org-" + std::to_string(org);
    e.action = login ? w.loginActions[rng() % w.loginActions.size()] : w.actions[rng() % w.actions.size()];
    e.targetType = login ? "user" : "org";
    e.targetId = login ? e.actorId : "target-" + std::to_string(rng() % 100000);
    e.targetDisplay = login ? e.actorDisplay : "Target " + std::to_string(rng() % 100000);
    e.targetOrgPath = w.orgPaths[org];
    const int roll = int(rng() % 100);
    e.outcome = roll < 90 ? "success" : roll < 98 ? "failure" : "denied";
    e.clientAddress = "10.0." + std::to_string(rng() % 256) + "." + std::to_string(rng() % 256);
    e.userAgent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/120";
    e.requestId = core::newUuid().substr(0, 16);
    if (!login)
        e.after = {{"name", e.targetDisplay}, {"kind", "customer"}};
    return e;
}

std::int64_t countEvents(const server::Database& db)
{
    QSqlQuery q = server::sql::prepare(db, QStringLiteral("SELECT last_sequence FROM audit_chain_head WHERE id = 1"));
    server::sql::run(q, "reading the chain head failed");
    return q.next() ? q.value(0).toLongLong() : 0;
}

/// Bulk generation (not measured): the chain computed here, inserted 100 rows per statement.
void generate(const server::Database& db, const World& w, std::int64_t total)
{
    std::mt19937_64 rng(42);
    std::int64_t have = countEvents(db);
    if (have >= total)
        return;
    std::string previous;
    if (have > 0) {
        QSqlQuery q = server::sql::prepare(db, QStringLiteral("SELECT last_hash FROM audit_chain_head WHERE id = 1"));
        server::sql::run(q, "reading the chain head failed");
        q.next();
        previous = q.value(0).toString().toStdString();
    }
    // Generation only: random index keys (ids, actors, request ids) thrash SQLite's default 2 MB page cache, and
    // nothing here needs to survive a crash. Measurements below run with the server's own settings again.
    const bool sqlite = db.dialect() == server::SqlDialect::Sqlite;
    if (sqlite) {
        server::sql::runDirect(db, QStringLiteral("PRAGMA cache_size = -1048576"), "pragma failed");
        server::sql::runDirect(db, QStringLiteral("PRAGMA synchronous = OFF"), "pragma failed");
    }
    // A fresh trail loads without its secondary indexes and builds them at the end (sorting beats 10 million random
    // B-tree inserts); the definitions are those of migrations 0013 and 0017.
    static const char* const kIndexes[][2] = {
        {"audit_events_path_seq_idx", "(target_org_path, sequence, occurred_at, action, outcome)"},
        {"audit_events_actor_seq_idx", "(actor_id, sequence)"},
        {"audit_events_action_seq_idx", "(action, sequence)"},
        {"audit_events_target_seq_idx", "(target_id, sequence)"},
        {"audit_events_outcome_seq_idx", "(outcome, sequence)"},
        {"audit_events_request_idx", "(request_id)"},
        {"audit_events_time_idx", "(occurred_at)"},
    };
    const bool fresh = have == 0;
    if (fresh)
        for (const auto& index : kIndexes)
            server::sql::runDirect(db, QStringLiteral("DROP INDEX IF EXISTS %1").arg(QLatin1String(index[0])),
                                   "dropping an index failed");
    const auto start = std::chrono::system_clock::now() - std::chrono::hours(24 * 365);
    const double step = double(365 * 24 * 3600) / double(total); // seconds between events, ascending time
    // One prepared single-row statement per transaction, run again and again: Qt's placeholder handling and
    // SQLite's parser are both quadratic in the number of parameters, so big multi-row statements lose.
    const QString insertSql = QStringLiteral("INSERT INTO audit_events (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                             "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                                  .arg(server::AuditLog::columns());
    const auto began = Clock::now();
    while (have < total) {
        db.transaction([&] {
            QSqlQuery insert = server::sql::prepare(db, insertSql);
            for (int row = 0; row < kRows * 50 && have < total; ++row) {
                const std::int64_t sequence = have + 1;
                core::AuditEvent e = randomEvent(
                    w, rng, start + std::chrono::milliseconds(std::int64_t(double(sequence) * step * 1000.0)));
                e.sequence = sequence;
                e.previousHash = previous;
                e.hash = e.computeHash();
                previous = e.hash;
                int column = 0;
                insert.bindValue(column++, qlonglong(e.sequence));
                for (const std::string* f :
                     {&e.id, &e.occurredAt, &e.actorType, &e.actorId, &e.actorDisplay, &e.actingOrgId, &e.delegationId,
                      &e.action, &e.targetType, &e.targetId, &e.targetDisplay, &e.targetOrgPath, &e.outcome, &e.reason,
                      &e.clientAddress, &e.userAgent, &e.requestId})
                    insert.bindValue(column++, QString::fromStdString(*f));
                insert.bindValue(column++, QString::fromStdString(e.before.dump()));
                insert.bindValue(column++, QString::fromStdString(e.after.dump()));
                insert.bindValue(column++, QString::fromStdString(e.previousHash));
                insert.bindValue(column++, QString::fromStdString(e.hash));
                server::sql::run(insert, "generating audit events failed");
                ++have;
            }
            QSqlQuery head = server::sql::prepare(
                db, QStringLiteral("UPDATE audit_chain_head SET last_sequence = ?, last_hash = ? WHERE id = 1"));
            head.addBindValue(qlonglong(have));
            head.addBindValue(QString::fromStdString(previous));
            server::sql::run(head, "moving the chain head failed");
        });
        if (have % 500000 < 5000)
            std::fprintf(stderr, "  generated %lld events (%.0f/s)\n", static_cast<long long>(have),
                         double(have) / std::chrono::duration<double>(Clock::now() - began).count());
    }
    if (fresh) {
        std::fprintf(stderr, "  building the indexes...\n");
        for (const auto& index : kIndexes)
            server::sql::runDirect(db,
                                   QStringLiteral("CREATE INDEX %1 ON audit_events %2")
                                       .arg(QLatin1String(index[0]), QLatin1String(index[1])),
                                   "building an index failed");
    }
    if (sqlite) {
        server::sql::runDirect(db, QStringLiteral("PRAGMA cache_size = -2000"), "pragma failed");
        server::sql::runDirect(db, QStringLiteral("PRAGMA synchronous = NORMAL"), "pragma failed");
    }
    server::sql::runDirect(db, sqlite ? QStringLiteral("ANALYZE") : QStringLiteral("ANALYZE audit_events"),
                           "analyze failed");
}

void measureAppend(const server::Database& db, const World& w, int events, int perTransaction)
{
    std::mt19937_64 rng(7);
    const server::AuditLog audit(db);
    const auto began = Clock::now();
    const std::clock_t cpuBegan = std::clock();
    for (int done = 0; done < events;) {
        db.transaction([&] {
            for (int i = 0; i < perTransaction; ++i, ++done)
                audit.append(randomEvent(w, rng, std::chrono::system_clock::now()));
        });
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - began).count();
    // Processor time too: on a shared machine it moves less than the wall clock when other work competes.
    const double cpuSeconds = double(std::clock() - cpuBegan) / CLOCKS_PER_SEC;
    std::printf("| append, %d per transaction | %d events | %.0f events/s (%.0f µs processor time per event) |\n",
                perTransaction, events, double(events) / seconds, cpuSeconds * 1e6 / double(events));
}

void measureQueries(const server::Database& db, const World& w, int iterations)
{
    std::mt19937_64 rng(11);
    const server::AuditQuery query(db);
    const auto now = std::chrono::system_clock::now();
    struct Case
    {
        const char* name;
        std::function<server::AuditFilter()> make;
    };
    const auto everything = [] {
        server::AuditFilter f;
        f.everything = true;
        return f;
    };
    std::vector<Case> cases{
        {"no filter (security auditor)", everything},
        {"one actor (by id)",
         [&] {
             auto f = everything();
             f.actorIds = {w.actorIds[rng() % kActors]};
             return f;
         }},
        {"action group role",
         [&] {
             auto f = everything();
             for (const auto& a : core::AuditActionCatalog::actions())
                 if (a.group == "role")
                     f.actions.push_back(std::string(a.name));
             return f;
         }},
        {"outcome denied",
         [&] {
             auto f = everything();
             f.outcomes = {"denied"};
             return f;
         }},
        {"delegated admin: one reseller's subtree",
         [&] {
             server::AuditFilter f;
             f.visiblePaths = {w.orgPaths[1 + (rng() % 20) * (kOrgs / 20)]};
             return f;
         }},
        {"last 24 hours, outcome failure",
         [&] {
             auto f = everything();
             f.from = core::formatTimestamp(now - std::chrono::hours(24));
             f.outcomes = {"failure"};
             return f;
         }},
        {"a customer's subtree, last 30 days, group org",
         [&] {
             auto f = everything();
             f.subtreePath = w.orgPaths[2 + rng() % (kOrgs - 2)];
             f.from = core::formatTimestamp(now - std::chrono::hours(24 * 30));
             for (const auto& a : core::AuditActionCatalog::actions())
                 if (a.group == "org")
                     f.actions.push_back(std::string(a.name));
             return f;
         }},
        {"free text (a word in many events)",
         [&] {
             auto f = everything();
             f.text = rng() % 2 ? "magic" : "target 4";
             return f;
         }},
        {"free text (an email fragment)",
         [&] {
             auto f = everything();
             f.text = "person" + std::to_string(rng() % kActors) + "@";
             return f;
         }},
    };
    for (const Case& c : cases) {
        std::vector<double> times;
        for (int i = 0; i < iterations; ++i) {
            const server::AuditFilter f = c.make();
            const auto t0 = Clock::now();
            const auto page = query.newestFirst(f, std::nullopt, 100);
            times.push_back(ms(Clock::now() - t0));
            (void)page;
        }
        std::sort(times.begin(), times.end());
        std::printf("| first page: %s | p50 %.1f ms | p95 %.1f ms |\n", c.name, times[times.size() / 2],
                    times[std::min(times.size() - 1, std::size_t(double(times.size()) * 0.95))]);
    }
}

void measureVerify(const server::Database& db)
{
    const auto began = Clock::now();
    const core::AuditChainVerifier verifier = server::AuditLog(db).verify();
    const double seconds = std::chrono::duration<double>(Clock::now() - began).count();
    std::printf("| verify the whole chain | %lld events, %s | %.0f events/s (%.0f s) |\n",
                static_cast<long long>(verifier.checkedEvents()), verifier.ok() ? "intact" : "BROKEN",
                double(verifier.checkedEvents()) / seconds, seconds);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The audit trail at scale: append, first page, verify."));
    parser.addHelpOption();
    const QCommandLineOption eventsOption(QStringLiteral("events"), QStringLiteral("Events to generate."),
                                          QStringLiteral("N"), QStringLiteral("10000000"));
    const QCommandLineOption iterationsOption(QStringLiteral("iterations"), QStringLiteral("Runs per query."),
                                              QStringLiteral("N"), QStringLiteral("40"));
    const QCommandLineOption dirOption(QStringLiteral("sqlite-dir"), QStringLiteral("Where the SQLite file lives."),
                                       QStringLiteral("DIR"), QStringLiteral("bench-audit"));
    const QCommandLineOption regenerateOption(QStringLiteral("regenerate"), QStringLiteral("Generate again."));
    const QCommandLineOption noSqliteOption(QStringLiteral("no-sqlite"), QStringLiteral("PostgreSQL only."));
    const QCommandLineOption queriesOnlyOption(QStringLiteral("queries-only"),
                                               QStringLiteral("Measure the first pages only (no append, no verify)."));
    const QCommandLineOption appendOnlyOption(QStringLiteral("append-only"),
                                              QStringLiteral("Measure the append rates only (no pages, no verify)."));
    const QCommandLineOption appendEventsOption(QStringLiteral("append-events"),
                                                QStringLiteral("Events appended one per transaction (ten times as "
                                                               "many at 100 per transaction)."),
                                                QStringLiteral("N"), QStringLiteral("2000"));
    // Another name keeps a small trial database apart from the 10-million-event one.
    const QCommandLineOption postgresDatabaseOption(QStringLiteral("postgres-database"),
                                                    QStringLiteral("PostgreSQL database to generate into."),
                                                    QStringLiteral("NAME"), QStringLiteral("trellis_bench_audit"));
    // For trying connection settings the server does not use (yet), e.g. "PRAGMA mmap_size = 268435456".
    const QCommandLineOption statementOption(QStringLiteral("connection-statement"),
                                             QStringLiteral("Run SQL on the measuring connection first (repeatable)."),
                                             QStringLiteral("SQL"));
    parser.addOptions({eventsOption, iterationsOption, dirOption, regenerateOption, noSqliteOption, queriesOnlyOption,
                       appendOnlyOption, appendEventsOption, postgresDatabaseOption, statementOption});
    parser.process(app);
    const std::int64_t events = parser.value(eventsOption).toLongLong();
    const int appendEvents = std::max(1, parser.value(appendEventsOption).toInt());
    const int iterations = parser.value(iterationsOption).toInt();
    const World world = makeWorld();

    std::vector<std::pair<const char*, server::DatabaseConfig>> targets;
    try {
        if (!parser.isSet(noSqliteOption)) {
            const QString dir = QDir(parser.value(dirOption)).absolutePath();
            if (parser.isSet(regenerateOption))
                QDir(dir).removeRecursively();
            targets.push_back({"SQLite", server::DatabaseConfig::sqliteInDataDir(dir)});
        }
        const QString adminUrl = qEnvironmentVariable("TRELLIS_BENCH_POSTGRES_URL");
        if (!adminUrl.isEmpty()) {
            QString error;
            targets.push_back(
                {"PostgreSQL", *server::DatabaseConfig::fromUrl(
                                   bench::ensurePostgresDatabase(adminUrl, parser.value(postgresDatabaseOption),
                                                                 parser.isSet(regenerateOption)),
                                   &error)});
        }
        for (const auto& [name, config] : targets) {
            server::Database db(config);
            db.open();
            std::fprintf(stderr, "%s: generating up to %lld events...\n", name, static_cast<long long>(events));
            generate(db, world, events);
            std::printf("\n**%s**, %lld events\n\n| measurement | size | result |\n|---|---|---|\n", name,
                        static_cast<long long>(countEvents(db)));
            for (const QString& statement : parser.values(statementOption))
                server::sql::runDirect(db, statement, "a --connection-statement failed");
            const bool queriesOnly = parser.isSet(queriesOnlyOption);
            const bool appendOnly = parser.isSet(appendOnlyOption);
            if (!queriesOnly) {
                measureAppend(db, world, appendEvents, 1);
                measureAppend(db, world, appendEvents * 10, 100);
            }
            if (!appendOnly)
                measureQueries(db, world, iterations);
            if (!queriesOnly && !appendOnly)
                measureVerify(db);
            std::fflush(stdout);
            db.closeThreadConnection();
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_audit: %s\n", e.what());
        return 1;
    }
    return 0;
}
