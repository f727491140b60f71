// Delegated administration at scale (issue 4): generates 100,000 organisations (depth up to 8) and 1,000,000 people
// into trellisd's schema (bench/DelegationWorld), then measures what an admin console asks a real trellisd on
// loopback for — children page, subtree search by name, members of a subtree, subtree people search, a cheap
// authorised GET and the move of a 10,000-org subtree — as the platform owner and as the org admin of a mid-level
// reseller, plus the permission decision in-process (Authenticator + AccessCheck on the big data). SQLite always;
// PostgreSQL too when TRELLIS_BENCH_POSTGRES_URL (an admin URL) is set. The generated databases are kept between
// runs (generation takes minutes); --regenerate starts again. Not a test: run it by hand (bench/run-delegation) and
// record the results in docs/benchmarks.md. Never prints tokens.
#include "bench/BenchPostgres.h"
#include "bench/DelegationWorld.h"
#include "bench/KeepAliveConnection.h"
#include "client/ApiClient.h"
#include "core/OrgPath.h"
#include "core/Permission.h"
#include "models/OrgTreeModel.h"
#include "server/api/AccessCheck.h"
#include "server/api/ApiContext.h"
#include "server/api/Authenticator.h"
#include "server/http/HttpRequest.h"
#include "server/store/Database.h"
#include "server/store/OrgRepository.h"
#include "server/store/SqlSupport.h"
#include "server/store/TokenRepository.h"
#include "server/store/UserRepository.h"
#include "tests/common/TrellisdProcess.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <vector>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QUrl>

using namespace trellis;
using bench::BenchResponse;
using bench::KeepAliveConnection;
using bench::WorldLandmarks;
using Clock = std::chrono::steady_clock;

namespace {

const QString kPostgresDatabase = QStringLiteral("trellis_bench_delegation");

struct Settings
{
    bench::WorldSize size;
    int iterations = 200;
    int warmup = 10;
    int moves = 6;
    int maxSeconds = 40; ///< per operation: a slow one stops early, with fewer requests
    int serverThreads = 2;
    bool regenerate = false;
    QString sqliteDir;
};

double elapsedMs(Clock::time_point begin)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - begin).count();
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(file.readAll()).section(u' ', 0, 2);
}

/// One row of the results table: latencies of the successful requests, failures counted apart.
struct Sample
{
    std::vector<double> ms;
    long long failed = 0;
    long long items = 0; ///< list items returned, summed (for the average page size)
    bool lists = false;
};

double percentile(const std::vector<double>& sorted, double p)
{
    if (sorted.empty())
        return 0;
    return sorted[std::min(sorted.size() - 1, size_t(p * double(sorted.size())))];
}

void printRow(const char* database, const QString& caller, const QString& operation, Sample sample, int decimals = 1)
{
    std::sort(sample.ms.begin(), sample.ms.end());
    const QString items = sample.lists && !sample.ms.empty()
                              ? QString::number(double(sample.items) / double(sample.ms.size()), 'f', 1)
                              : QStringLiteral("–");
    std::printf("| %s | %s | %s | %lld | %.*f | %.*f | %.*f | %lld | %s |\n", database, qPrintable(caller),
                qPrintable(operation), (long long)sample.ms.size(), decimals, percentile(sample.ms, 0.50), decimals,
                percentile(sample.ms, 0.95), decimals, sample.ms.empty() ? 0.0 : sample.ms.back(), sample.failed,
                qPrintable(items));
    std::fflush(stdout);
}

/// What the bench knows about the world it measures: every org (100,000 rows fit in memory) and some names.
struct World
{
    struct OrgRow
    {
        std::string id;
        std::string parentId;
        std::string path;
        std::string name;
        bool hasChildren = false;
    };
    std::vector<OrgRow> orgs;
    std::map<std::string, std::size_t> bySlug;
    std::vector<std::string> personNames; ///< display names of a sample of people
    long long people = 0;
    long long memberships = 0;
    long long roleAssignments = 0;
    int deepest = 0;

    const OrgRow& landmark(const char* slug) const { return orgs.at(bySlug.at(slug)); }
};

long long scalar(const server::Database& db, const QString& text)
{
    QSqlQuery q = server::sql::prepare(db, text);
    server::sql::run(q, "counting failed");
    return q.next() ? q.value(0).toLongLong() : 0;
}

World readWorld(const server::Database& db)
{
    World world;
    QSqlQuery q = server::sql::prepare(db, QStringLiteral("SELECT id, parent_id, path, name, slug, depth FROM orgs"));
    server::sql::run(q, "reading organisations failed");
    std::set<std::string> parents;
    while (q.next()) {
        World::OrgRow row{server::sql::ss(q.value(0)), server::sql::ss(q.value(1)), server::sql::ss(q.value(2)),
                          server::sql::ss(q.value(3)), false};
        if (!row.parentId.empty())
            parents.insert(row.parentId);
        world.bySlug[server::sql::ss(q.value(4))] = world.orgs.size();
        world.deepest = std::max(world.deepest, q.value(5).toInt());
        world.orgs.push_back(std::move(row));
    }
    for (auto& org : world.orgs)
        org.hasChildren = parents.count(org.id) > 0;
    // Ids are random uuids, so the first rows by id are a random sample of people.
    QSqlQuery names = server::sql::prepare(db, QStringLiteral("SELECT display_name FROM users ORDER BY id LIMIT 4000"));
    server::sql::run(names, "reading names failed");
    while (names.next())
        world.personNames.push_back(server::sql::ss(names.value(0)));
    world.people = scalar(db, QStringLiteral("SELECT COUNT(*) FROM users"));
    world.memberships = scalar(db, QStringLiteral("SELECT COUNT(*) FROM memberships"));
    world.roleAssignments = scalar(db, QStringLiteral("SELECT COUNT(*) FROM role_assignments"));
    return world;
}

/// An admin the bench acts as, with the orgs it picks its requests from (deterministic per seed).
struct Admin
{
    QString label;
    std::string email;
    std::string userId;
    QByteArray token; ///< never printed
    std::string scopeRootId;
    std::string scopePath;
    std::vector<std::size_t> inScope;
    std::vector<std::size_t> parentsInScope;
    std::vector<std::size_t> outsideScope;
    long long scopeMembers = 0;
};

Admin makeAdmin(const server::Database& db, const World& world, const QString& label, const char* email,
                const char* scopeSlug)
{
    Admin admin;
    admin.label = label;
    admin.email = email;
    const auto user = server::UserRepository(db).findByEmail(email);
    if (!user)
        throw std::runtime_error(std::string("no bench admin ") + email + " in this database");
    admin.userId = user->id;
    admin.token = QByteArray::fromStdString(
        server::TokenRepository(db).issue(admin.userId, std::chrono::hours(4), "admin-token").token);
    const auto& root = world.landmark(scopeSlug);
    admin.scopeRootId = root.id;
    admin.scopePath = root.path;
    for (std::size_t i = 0; i < world.orgs.size(); ++i) {
        if (core::OrgPath::isWithin(world.orgs[i].path, admin.scopePath)) {
            admin.inScope.push_back(i);
            if (world.orgs[i].hasChildren)
                admin.parentsInScope.push_back(i);
        } else {
            admin.outsideScope.push_back(i);
        }
    }
    QSqlQuery members =
        server::sql::prepare(db, QStringLiteral("SELECT COUNT(*) FROM memberships m JOIN orgs o ON o.id = m.org_id "
                                                "WHERE o.path >= ? AND o.path < ?"));
    members.addBindValue(QString::fromStdString(admin.scopePath));
    members.addBindValue(QString::fromStdString(core::OrgPath::subtreeUpperBound(admin.scopePath)));
    server::sql::run(members, "counting a scope's memberships failed");
    admin.scopeMembers = members.next() ? members.value(0).toLongLong() : 0;
    return admin;
}

/// What someone types into a search box: the first 3 to 6 letters of one word of a name.
QByteArray fragmentOf(const std::string& name, std::mt19937_64& rng)
{
    const QStringList words = QString::fromStdString(name).split(u' ', Qt::SkipEmptyParts);
    QStringList usable;
    for (const QString& w : words) {
        if (w.size() >= 3 && w.at(0).isLetter())
            usable << w;
    }
    if (usable.isEmpty())
        return "ann";
    const QString word = usable.at(qsizetype(rng() % std::uint64_t(usable.size())));
    const int length = int(std::min<qsizetype>(word.size(), 3 + qsizetype(rng() % 4)));
    return QUrl::toPercentEncoding(word.left(length).toLower());
}

QByteArray path(const std::string& id)
{
    return "/api/v1/orgs/" + QByteArray::fromStdString(id);
}

long long itemsIn(const BenchResponse& response)
{
    return QJsonDocument::fromJson(response.body).object().value(QStringLiteral("items")).toArray().size();
}

/// Sends `iterations` requests (after `warmup` untimed ones) one after another on one keep-alive connection, as one
/// console does, and prints the row.
void measureHttp(const char* database, const Admin& admin, const QString& operation, const Settings& settings,
                 quint16 port, int expectedStatus, bool lists,
                 const std::function<QByteArray(int iteration, std::mt19937_64& rng)>& target)
{
    KeepAliveConnection http(QStringLiteral("127.0.0.1"), port);
    const QList<QPair<QByteArray, QByteArray>> headers{{"Authorization", "Bearer " + admin.token},
                                                       {"Accept", "application/json"}};
    std::mt19937_64 rng(settings.size.seed * 7919 + std::hash<std::string>{}(operation.toStdString()));
    Sample sample;
    sample.lists = lists;
    const auto started = Clock::now();
    for (int i = -settings.warmup; i < settings.iterations; ++i) {
        if (i > 0 && elapsedMs(started) > settings.maxSeconds * 1000.0)
            break;
        const QByteArray requestTarget = target(i, rng);
        const auto begin = Clock::now();
        const BenchResponse response = http.send("GET", requestTarget, {}, headers);
        const double ms = elapsedMs(begin);
        if (i < 0)
            continue;
        if (response.status != expectedStatus) {
            if (sample.failed++ == 0)
                std::fprintf(stderr, "%s %s: HTTP %d for %s: %s\n", database, qPrintable(operation), response.status,
                             requestTarget.constData(), response.body.left(300).constData());
            continue;
        }
        sample.ms.push_back(ms);
        if (lists)
            sample.items += itemsIn(response);
    }
    printRow(database, admin.label, operation, std::move(sample));
}

template <typename T>
const T& pickFrom(const std::vector<T>& items, std::mt19937_64& rng)
{
    return items[std::size_t(rng() % items.size())];
}

void measureAdminHttp(const char* database, const World& world, const Admin& admin, const Settings& settings,
                      quint16 port)
{
    const auto& orgs = world.orgs;
    measureHttp(database, admin, QStringLiteral("GET /orgs/{scope root}/children?limit=100"), settings, port, 200, true,
                [&](int, std::mt19937_64&) { return path(admin.scopeRootId) + "/children?limit=100"; });
    measureHttp(database, admin, QStringLiteral("GET /orgs/{random parent}/children?limit=100"), settings, port, 200,
                true, [&](int, std::mt19937_64& rng) {
                    return path(orgs[pickFrom(admin.parentsInScope, rng)].id) + "/children?limit=100";
                });
    measureHttp(database, admin, QStringLiteral("GET /orgs?q= (org name search in scope, limit 20)"), settings, port,
                200, true, [&](int, std::mt19937_64& rng) {
                    return "/api/v1/orgs?limit=20&q=" + fragmentOf(orgs[pickFrom(admin.inScope, rng)].name, rng);
                });
    measureHttp(database, admin, QStringLiteral("GET /orgs/{scope root}/members?subtree=true&limit=100"), settings,
                port, 200, true,
                [&](int, std::mt19937_64&) { return path(admin.scopeRootId) + "/members?subtree=true&limit=100"; });
    measureHttp(database, admin, QStringLiteral("GET /orgs/{random parent}/members?subtree=true&limit=100"), settings,
                port, 200, true, [&](int, std::mt19937_64& rng) {
                    return path(orgs[pickFrom(admin.parentsInScope, rng)].id) + "/members?subtree=true&limit=100";
                });
    measureHttp(database, admin, QStringLiteral("GET /orgs/{scope root}/members?subtree=true&q= (people search)"),
                settings, port, 200, true, [&](int, std::mt19937_64& rng) {
                    return path(admin.scopeRootId) +
                           "/members?subtree=true&limit=100&q=" + fragmentOf(pickFrom(world.personNames, rng), rng);
                });
    measureHttp(database, admin, QStringLiteral("GET /orgs/{random org in scope} (authorised GET)"), settings, port,
                200, false, [&](int, std::mt19937_64& rng) { return path(orgs[pickFrom(admin.inScope, rng)].id); });
    if (!admin.outsideScope.empty())
        measureHttp(database, admin, QStringLiteral("GET /orgs/{random org outside scope} (404)"), settings, port, 404,
                    false, [&](int, std::mt19937_64& rng) { return path(orgs[pickFrom(admin.outsideScope, rng)].id); });
}

/// The permission decision for one request, in-process on the big data: what every /api/v1 handler does before
/// its own work — authenticate the bearer token and load the caller's scope (Authenticator), find the target org
/// and decide (AccessCheck::allows) — and the scope evaluation alone (core::AdminScope::grantFor).
void measureDecision(const char* database, const server::Database& db, const World& world, const Admin& admin,
                     const Settings& settings)
{
    const server::ApiContext context{db};
    server::HttpRequest request;
    request.method = "GET";
    request.headers = {{"authorization", "Bearer " + admin.token.toStdString()}};
    request.remoteAddress = "127.0.0.1";
    std::mt19937_64 rng(settings.size.seed * 104729);
    const server::OrgRepository orgs(db);

    Sample authenticate;
    Sample decide;
    for (int i = -settings.warmup; i < settings.iterations; ++i) {
        const auto begin = Clock::now();
        const server::Caller caller = server::Authenticator::authenticate(context, request);
        const double ms = elapsedMs(begin);
        if (i >= 0)
            authenticate.ms.push_back(ms);
    }
    for (int i = -settings.warmup; i < settings.iterations; ++i) {
        // Half inside the scope, half outside (when there is an outside): both answers cost the same lookups.
        const bool outside = !admin.outsideScope.empty() && (i & 1);
        const auto& target = world.orgs[outside ? pickFrom(admin.outsideScope, rng) : pickFrom(admin.inScope, rng)];
        const auto begin = Clock::now();
        const server::Caller caller = server::Authenticator::authenticate(context, request);
        const auto org = orgs.find(target.id);
        const server::AccessCheck access(context, caller, request);
        const bool allowed = org && access.allows(core::Permission::OrgManage, core::OrgPath::make(org->path));
        const double ms = elapsedMs(begin);
        if (i < 0)
            continue;
        if (allowed == outside)
            ++decide.failed;
        else
            decide.ms.push_back(ms);
    }
    printRow(database, admin.label, QStringLiteral("in-process: Authenticator::authenticate (token → scope)"),
             std::move(authenticate), 3);
    printRow(database, admin.label,
             QStringLiteral("in-process: authenticate + find org + AccessCheck::allows(org.manage)"), std::move(decide),
             3);

    const server::Caller caller = server::Authenticator::authenticate(context, request);
    Sample scopeOnly;
    for (int i = 0; i < settings.iterations * 50; ++i) {
        const std::string& path = world.orgs[pickFrom(admin.inScope, rng)].path;
        const auto begin = Clock::now();
        const bool allowed = caller.scope.grantFor(core::Permission::UserManage, path) != nullptr;
        const double ms = elapsedMs(begin);
        if (allowed)
            scopeOnly.ms.push_back(ms);
        else
            ++scopeOnly.failed;
    }
    printRow(database, admin.label, QStringLiteral("in-process: AdminScope::grantFor alone"), std::move(scopeOnly), 4);
}

/// POST /orgs/{moving}/move to the other distributor and back, `moves` times in all, as the platform owner.
void measureMoves(const char* database, const World& world, const Admin& owner, const Settings& settings, quint16 port,
                  long long subtreeOrgs)
{
    KeepAliveConnection http(QStringLiteral("127.0.0.1"), port);
    const QList<QPair<QByteArray, QByteArray>> headers{{"Authorization", "Bearer " + owner.token},
                                                       {"Content-Type", "application/json"}};
    const auto& moving = world.landmark(WorldLandmarks::kMovingSlug);
    const std::string home = world.landmark(WorldLandmarks::kHomeDistributorSlug).id;
    const std::string other = world.landmark(WorldLandmarks::kOtherDistributorSlug).id;
    // A previous run may have stopped half-way: start from wherever the subtree is now.
    const BenchResponse now = http.send("GET", path(moving.id), {}, headers);
    std::string current =
        QJsonDocument::fromJson(now.body).object().value(QStringLiteral("parentId")).toString().toStdString();
    Sample sample;
    for (int i = 0; i < settings.moves; ++i) {
        const std::string to = current == home ? other : home;
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("parentId"), QString::fromStdString(to)}})
                                    .toJson(QJsonDocument::Compact);
        const auto begin = Clock::now();
        const BenchResponse response = http.send("POST", path(moving.id) + "/move", body, headers);
        const double ms = elapsedMs(begin);
        if (response.status != 200) {
            ++sample.failed;
            std::fprintf(stderr, "%s move: HTTP %d: %s\n", database, response.status,
                         response.body.left(300).constData());
            break;
        }
        sample.ms.push_back(ms);
        current = to;
    }
    printRow(database, owner.label,
             QStringLiteral("POST /orgs/{id}/move (%1-org subtree, between two distributors)").arg(subtreeOrgs),
             std::move(sample));
}

/// The console's org tree (models::OrgTreeModel over client::ApiClient, as the console wires them) against this
/// server: time from reload() to the roots and from fetchMore() on a scope root to its children, and — with a 1 ms
/// timer on the same thread standing in for the UI — the longest the thread was kept from its event loop while
/// those requests were in flight (it would be the whole request time if any call blocked on the network).
void measureConsoleTree(const char* database, const Admin& admin, const Settings& settings, quint16 port)
{
    client::ApiClient api;
    api.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    api.setAccessToken(admin.token);
    models::OrgTreeModel model(&api);

    QElapsedTimer sinceTick;
    double longestGap = 0;
    QTimer ticker;
    ticker.setInterval(1);
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        if (sinceTick.isValid())
            longestGap = std::max(longestGap, double(sinceTick.nsecsElapsed()) / 1e6);
        sinceTick.restart();
    });
    const auto waitFor = [&](auto signal) {
        QEventLoop loop;
        QObject::connect(&model, signal, &loop, &QEventLoop::quit);
        QObject::connect(&model, &models::OrgTreeModel::loadFailed, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
    };

    Sample roots;
    Sample children;
    Sample callReturns; ///< how long reload()/fetchMore() themselves take before returning to the event loop
    callReturns.lists = false;
    roots.lists = children.lists = true;
    const int rounds = std::max(1, settings.iterations / 4);
    for (int i = -2; i < rounds; ++i) {
        ticker.start();
        sinceTick.invalidate();
        auto begin = Clock::now();
        model.reload();
        const double returned = elapsedMs(begin);
        waitFor(&models::OrgTreeModel::rootsLoaded);
        const double rootsMs = elapsedMs(begin);
        const int rootRows = model.rowCount();
        const QModelIndex first = model.index(0, 0);
        double childrenMs = -1;
        double returnedChildren = 0;
        if (first.isValid() && model.canFetchMore(first)) {
            begin = Clock::now();
            model.fetchMore(first);
            returnedChildren = elapsedMs(begin);
            waitFor(&models::OrgTreeModel::childrenLoaded);
            childrenMs = elapsedMs(begin);
        }
        ticker.stop();
        if (i < 0)
            continue;
        if (rootRows == 0) {
            ++roots.failed;
        } else {
            roots.ms.push_back(rootsMs);
            roots.items += rootRows;
        }
        callReturns.ms.push_back(std::max(returned, returnedChildren));
        if (childrenMs < 0 || model.rowCount(first) == 0) {
            ++children.failed;
        } else {
            children.ms.push_back(childrenMs);
            children.items += model.rowCount(first);
        }
    }
    printRow(database, admin.label, QStringLiteral("console OrgTreeModel: reload() → roots shown"), std::move(roots));
    printRow(database, admin.label, QStringLiteral("console OrgTreeModel: fetchMore(scope root) → children shown"),
             std::move(children));
    printRow(database, admin.label, QStringLiteral("console: reload()/fetchMore() return to the event loop after"),
             std::move(callReturns), 3);
    std::printf("| %s | %s | console: longest the thread was away from its event loop (1 ms timer) | | %.1f | | | "
                "| |\n",
                database, qPrintable(admin.label), longestGap);
    std::fflush(stdout);
}

bool runDatabase(const char* database, const server::DatabaseConfig& config, const QString& sqliteDir,
                 const QString& postgresUrl, const Settings& settings)
{
    World world;
    std::vector<Admin> admins;
    long long movingOrgs = 0;
    {
        server::Database db(config);
        db.open();
        if (scalar(db, QStringLiteral("SELECT COUNT(*) FROM orgs")) == 0) {
            std::fprintf(stderr, "%s: generating %d organisations and %d people (seed %llu)...\n", database,
                         settings.size.orgs, settings.size.people, (unsigned long long)settings.size.seed);
            const auto begin = Clock::now();
            bench::DelegationWorld(settings.size).generate(db);
            std::fprintf(stderr, "%s: generated in %.0f s\n", database, elapsedMs(begin) / 1000);
        }
        world = readWorld(db);
        admins.push_back(makeAdmin(db, world, QStringLiteral("platform owner"), WorldLandmarks::kOwnerEmail,
                                   WorldLandmarks::kRootSlug));
        admins.push_back(makeAdmin(db, world, QStringLiteral("reseller org admin"), WorldLandmarks::kResellerAdminEmail,
                                   WorldLandmarks::kResellerSlug));
        const auto& moving = world.landmark(WorldLandmarks::kMovingSlug);
        for (const auto& org : world.orgs)
            movingOrgs += core::OrgPath::isWithin(org.path, moving.path) ? 1 : 0;
        std::fprintf(stderr,
                     "%s: %lld orgs (deepest at depth %d), %lld people, %lld memberships, %lld role assignments; "
                     "platform owner sees %zu orgs / %lld memberships, reseller admin %zu / %lld\n",
                     database, (long long)world.orgs.size(), world.deepest, world.people, world.memberships,
                     world.roleAssignments, admins[0].inScope.size(), admins[0].scopeMembers, admins[1].inScope.size(),
                     admins[1].scopeMembers);
        std::printf("| %s | – | world: %lld orgs (depth ≤ %d), %lld people, %lld memberships, %lld role assignments; "
                    "load %s | | | | | | |\n",
                    database, (long long)world.orgs.size(), world.deepest, world.people, world.memberships,
                    world.roleAssignments, qPrintable(loadAverage()));
        for (const Admin& admin : admins)
            measureDecision(database, db, world, admin, settings);
        db.closeThreadConnection();
    }

    test::TrellisdProcess server;
    if (postgresUrl.isEmpty())
        server.setDataDirectory(sqliteDir);
    else
        server.setDatabaseUrl(postgresUrl);
    server.setExtraArguments({QStringLiteral("--threads"), QString::number(settings.serverThreads),
                              QStringLiteral("--rate-limit"), QStringLiteral("0")});
    if (!server.start()) {
        std::fprintf(stderr, "trellisd did not start: %s\n", qPrintable(server.errorString()));
        return false;
    }
    for (const Admin& admin : admins)
        measureAdminHttp(database, world, admin, settings, server.port());
    for (const Admin& admin : admins)
        measureConsoleTree(database, admin, settings, server.port());
    measureMoves(database, world, admins.front(), settings, server.port(), movingOrgs);
    server.stop();
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Delegated administration at scale: generates a big org tree and measures a real trellisd."));
    parser.addHelpOption();
    const QCommandLineOption sqliteDir(QStringLiteral("sqlite-dir"),
                                       QStringLiteral("Data directory of the SQLite world (default "
                                                      "<build>/bench-delegation/sqlite; kept between runs)."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption noSqlite(QStringLiteral("no-sqlite"), QStringLiteral("Skip SQLite."));
    const QCommandLineOption regenerate(QStringLiteral("regenerate"),
                                        QStringLiteral("Throw the generated worlds away and generate them again."));
    const QCommandLineOption generateOnly(QStringLiteral("generate-only"),
                                          QStringLiteral("Generate the worlds (when missing) and measure nothing."));
    const QCommandLineOption orgs(QStringLiteral("orgs"), QStringLiteral("Organisations (default 100000)."),
                                  QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption people(QStringLiteral("people"), QStringLiteral("People (default 1000000)."),
                                    QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Generator seed (default 4)."),
                                  QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption iterations(QStringLiteral("iterations"),
                                        QStringLiteral("Timed requests per operation (default 200)."),
                                        QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption maxSeconds(QStringLiteral("max-seconds"),
                                        QStringLiteral("Stop an operation after this many seconds (default 40)."),
                                        QStringLiteral("S"), QStringLiteral("40"));
    const QCommandLineOption moves(QStringLiteral("moves"),
                                   QStringLiteral("Subtree moves, there and back (default 6)."), QStringLiteral("N"),
                                   QStringLiteral("6"));
    const QCommandLineOption threads(QStringLiteral("threads"), QStringLiteral("trellisd --threads (default 2)."),
                                     QStringLiteral("N"), QStringLiteral("2"));
    parser.addOptions(
        {sqliteDir, noSqlite, regenerate, generateOnly, orgs, people, seed, iterations, maxSeconds, moves, threads});
    parser.process(app);
    Settings settings;
    settings.size.orgs = std::max(1000, parser.value(orgs).toInt());
    settings.size.people = std::max(1000, parser.value(people).toInt());
    settings.size.seed = parser.value(seed).toULongLong();
    settings.iterations = std::max(1, parser.value(iterations).toInt());
    settings.moves = std::max(0, parser.value(moves).toInt());
    settings.maxSeconds = std::max(1, parser.value(maxSeconds).toInt());
    settings.serverThreads = std::max(1, parser.value(threads).toInt());
    settings.regenerate = parser.isSet(regenerate);
    settings.sqliteDir = parser.isSet(sqliteDir) ? QDir(parser.value(sqliteDir)).absolutePath()
                                                 : QDir(QCoreApplication::applicationDirPath())
                                                       .absoluteFilePath(QStringLiteral("../bench-delegation/sqlite"));

    if (qEnvironmentVariableIsEmpty("TRELLIS_TRELLISD"))
        qputenv("TRELLIS_TRELLISD", QDir(QCoreApplication::applicationDirPath())
                                        .absoluteFilePath(QStringLiteral("../bin/trellisd"))
                                        .toLocal8Bit());
    qputenv("QT_LOGGING_RULES", "trellis.*.debug=false");

    struct Target
    {
        const char* name;
        server::DatabaseConfig config;
        QString postgresUrl;
    };
    std::vector<Target> targets;
    try {
        if (!parser.isSet(noSqlite)) {
            if (settings.regenerate)
                QDir(settings.sqliteDir).removeRecursively();
            targets.push_back({"SQLite", server::DatabaseConfig::sqliteInDataDir(settings.sqliteDir), {}});
        }
        const QString adminUrl = qEnvironmentVariable("TRELLIS_BENCH_POSTGRES_URL");
        if (!adminUrl.isEmpty()) {
            const QString url = bench::ensurePostgresDatabase(adminUrl, kPostgresDatabase, settings.regenerate);
            QString error;
            targets.push_back({"PostgreSQL", *server::DatabaseConfig::fromUrl(url, &error), url});
        }
        if (parser.isSet(generateOnly)) {
            for (const Target& target : targets) {
                server::Database db(target.config);
                db.open();
                if (scalar(db, QStringLiteral("SELECT COUNT(*) FROM orgs")) == 0) {
                    const auto begin = Clock::now();
                    std::fprintf(stderr, "%s: generating...\n", target.name);
                    bench::DelegationWorld(settings.size).generate(db);
                    std::fprintf(stderr, "%s: generated in %.0f s\n", target.name, elapsedMs(begin) / 1000);
                }
                db.closeThreadConnection();
            }
            return 0;
        }
        std::printf("| database | caller | operation | requests | p50 ms | p95 ms | max ms | failed | items/page |\n"
                    "|---|---|---|---:|---:|---:|---:|---:|---:|\n");
        bool ok = true;
        for (const Target& target : targets)
            ok = runDatabase(target.name, target.config, settings.sqliteDir, target.postgresUrl, settings) && ok;
        return ok ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_delegation: %s\n", e.what());
        return 1;
    }
}
