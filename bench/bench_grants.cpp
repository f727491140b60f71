// Endpoint throughput of a real trellisd --demo on loopback: client_credentials grants/s, refresh grants/s (each
// chain uses its rotated token) and complete password sign-ins/s through the hosted login, with several concurrent
// keep-alive connections for a fixed time each. SQLite always; PostgreSQL too when TRELLIS_BENCH_POSTGRES_URL (an
// admin URL, like TRELLIS_TEST_POSTGRES_URL) is set. Not a test: run it by hand (bench/run) and record the results
// in docs/benchmarks.md. Never prints tokens or secrets.
#include "bench/KeepAliveConnection.h"
#include "core/PasswordHasher.h"
#include "core/Random.h"
#include "core/crypto/Pkce.h"
#include "server/oidc/OidcClientRepository.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"
#include "tests/common/PostgresTestDatabase.h"
#include "tests/common/TrellisdProcess.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <latch>
#include <mutex>
#include <thread>
#include <unistd.h>
#include <vector>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>

using namespace trellis;
using bench::BenchResponse;
using bench::KeepAliveConnection;
using Clock = std::chrono::steady_clock;

namespace {

const QByteArray kClientId = "bench-service";
const QByteArray kRedirect = "https://bench.invalid/cb";
const QByteArray kDemoPassword = "bench-demo-password-2026";
constexpr int kExtraAccounts = 13; // plus the three documented ones: 16 accounts round-robin

struct Settings
{
    int connections = 4;
    int seconds = 10;
    int serverThreads = 2;
};

struct Target
{
    quint16 port = 0;
    QByteArray basicAuth; ///< "Basic …" for the bench client; never printed
    QList<QByteArray> accounts;
    qint64 serverPid = 0;
};

QByteArray formEncode(const QList<QPair<QByteArray, QByteArray>>& fields)
{
    QByteArray body;
    for (const auto& [name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += name + '=' + QUrl::toPercentEncoding(QString::fromLatin1(value));
    }
    return body;
}

QByteArray hiddenField(const QByteArray& html, const QString& name)
{
    const QRegularExpression re(QStringLiteral("<input type=\"hidden\" name=\"%1\" value=\"([^\"]*)\"").arg(name));
    return re.match(QString::fromUtf8(html)).captured(1).toUtf8();
}

BenchResponse tokenRequest(KeepAliveConnection& http, const Target& target,
                           const QList<QPair<QByteArray, QByteArray>>& fields)
{
    return http.send("POST", "/oauth2/token", formEncode(fields),
                     {{"Content-Type", "application/x-www-form-urlencoded"}, {"Authorization", target.basicAuth}});
}

/// One complete browser sign-in (authorize → identify → password → code → token) with a fresh cookie jar.
/// Returns the refresh token on success (used to seed refresh chains), empty on failure.
QByteArray signIn(KeepAliveConnection& http, const Target& target, const QByteArray& email)
{
    http.clearCookies();
    const std::string verifier = core::crypto::Pkce::newVerifier();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("client_id"), QString::fromLatin1(kClientId));
    query.addQueryItem(QStringLiteral("redirect_uri"),
                       QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(kRedirect))));
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("scope"), QStringLiteral("openid%20offline_access"));
    query.addQueryItem(QStringLiteral("state"), QStringLiteral("bench"));
    query.addQueryItem(QStringLiteral("code_challenge"),
                       QString::fromStdString(core::crypto::Pkce::s256Challenge(verifier)));
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    BenchResponse page = http.send("GET", "/oauth2/authorize?" + query.query(QUrl::FullyEncoded).toLatin1());
    for (int hops = 0; hops < 5 && page.status == 303 && page.location.startsWith('/'); ++hops)
        page = http.send("GET", page.location);
    if (page.status != 200)
        return {};
    const QList<QPair<QByteArray, QByteArray>> form{{"Content-Type", "application/x-www-form-urlencoded"}};
    page = http.send(
        "POST", "/login/flow",
        formEncode({{"csrf", hiddenField(page.body, QStringLiteral("csrf"))}, {"node", "identify"}, {"email", email}}),
        form);
    if (page.status != 200)
        return {};
    page = http.send("POST", "/login/flow",
                     formEncode({{"csrf", hiddenField(page.body, QStringLiteral("csrf"))},
                                 {"node", "password"},
                                 {"password", kDemoPassword}}),
                     form);
    if (page.status != 303 || !page.location.startsWith(kRedirect))
        return {};
    const QByteArray code = QUrlQuery(QUrl(QString::fromLatin1(page.location)))
                                .queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded)
                                .toLatin1();
    const BenchResponse tokens = tokenRequest(http, target,
                                              {{"grant_type", "authorization_code"},
                                               {"code", code},
                                               {"redirect_uri", kRedirect},
                                               {"code_verifier", QByteArray::fromStdString(verifier)}});
    if (tokens.status != 200)
        return {};
    return QJsonDocument::fromJson(tokens.body).object().value(QStringLiteral("refresh_token")).toString().toLatin1();
}

double serverCpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return double(fields.value(11).toLongLong() + fields.value(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

double percentile(std::vector<double>& sorted, double p)
{
    if (sorted.empty())
        return 0;
    return sorted[std::min(sorted.size() - 1, size_t(p * double(sorted.size())))];
}

/// Runs `operation` (true = success) on every connection for the set time and prints one markdown row.
/// `prepare` runs once per connection before the clock starts (e.g. to seed its refresh chain).
void measure(const char* database, const char* name, const Settings& settings, const Target& target,
             const std::function<bool(KeepAliveConnection&, int worker, long long iteration)>& operation,
             const std::function<bool(KeepAliveConnection&, int worker)>& prepare = {})
{
    std::mutex mutex;
    std::vector<double> latencies;
    std::atomic<long long> failures{0};
    std::atomic<bool> prepareFailed{false};
    std::atomic<bool> go{false};
    std::atomic<bool> stop{false};
    std::latch ready(settings.connections);
    std::vector<std::thread> workers;
    for (int i = 0; i < settings.connections; ++i) {
        workers.emplace_back([&, i] {
            // A QTcpSocket must live in the thread that uses it, so each worker makes its own connection.
            KeepAliveConnection http(QStringLiteral("127.0.0.1"), target.port);
            if (prepare && !prepare(http, i))
                prepareFailed = true;
            ready.count_down();
            while (!go.load())
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            std::vector<double> mine;
            for (long long n = 0; !prepareFailed && !stop.load(std::memory_order_relaxed); ++n) {
                const auto begin = Clock::now();
                if (operation(http, i, n))
                    mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - begin).count());
                else
                    ++failures;
            }
            const std::lock_guard lock(mutex);
            latencies.insert(latencies.end(), mine.begin(), mine.end());
        });
    }
    ready.wait();
    const double cpuBefore = serverCpuSeconds(target.serverPid);
    const auto start = Clock::now();
    go = true;
    std::this_thread::sleep_for(std::chrono::seconds(settings.seconds));
    stop = true;
    for (auto& worker : workers)
        worker.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    if (prepareFailed) {
        std::fprintf(stderr, "%s: preparing a connection failed\n", name);
        return;
    }
    const double cpu = serverCpuSeconds(target.serverPid) - cpuBefore;
    std::sort(latencies.begin(), latencies.end());
    const double perSecond = double(latencies.size()) / elapsed;
    std::printf("| %s | %s | %d | %lld | %.1f | %.1f | %.1f | %.1f | %.1f | %lld |\n", database, name,
                settings.connections, (long long)latencies.size(), perSecond, perSecond / settings.serverThreads,
                cpu > 0 ? double(latencies.size()) / cpu : 0.0, percentile(latencies, 0.50),
                percentile(latencies, 0.95), failures.load());
    std::fflush(stdout);
}

/// Registers the confidential bench client and gives more demo people the bench password, on the server's database.
bool prepareDatabase(const test::TrellisdProcess& server, Target* target)
{
    server::DatabaseConfig config;
    if (server.databaseUrl().isEmpty()) {
        config = server::DatabaseConfig::sqliteInDataDir(server.dataDirectory());
    } else {
        QString error;
        const auto parsed = server::DatabaseConfig::fromUrl(server.databaseUrl(), &error);
        if (!parsed) {
            std::fprintf(stderr, "bad database URL: %s\n", qPrintable(error));
            return false;
        }
        config = *parsed;
    }
    server::Database db(config);
    db.open();
    const std::string secret = core::newSecretToken();
    server::OidcClient client;
    client.id = kClientId.toStdString();
    client.name = "Benchmark service";
    client.type = server::OidcClient::Type::Confidential;
    client.redirectUris = {kRedirect.toStdString()};
    client.grantTypes = {"authorization_code", "refresh_token", "client_credentials"};
    client.scopes = {"openid", "offline_access", "reports.read"};
    server::OidcClientRepository(db).create(client, secret);
    target->basicAuth = "Basic " + (kClientId + ':' + QByteArray::fromStdString(secret)).toBase64();

    // Throttling counts failures only, but spreading sign-ins over many accounts is closer to real traffic.
    target->accounts = {"owner@acme.example", "auditor@acme.example", "superadmin@northwind.example"};
    const std::string hash = core::PasswordHasher::hash(kDemoPassword.toStdString());
    db.transaction([&] {
        QSqlQuery select = server::sql::prepare(db, QStringLiteral("SELECT email FROM users WHERE status = 'active' "
                                                                   "AND password_hash IS NULL ORDER BY email LIMIT ?"));
        select.addBindValue(kExtraAccounts);
        server::sql::run(select, "listing demo people failed");
        QList<QByteArray> extra;
        while (select.next())
            extra << select.value(0).toString().toUtf8();
        for (const QByteArray& email : std::as_const(extra)) {
            QSqlQuery update =
                server::sql::prepare(db, QStringLiteral("UPDATE users SET password_hash = ? WHERE email = ?"));
            update.addBindValue(QString::fromStdString(hash));
            update.addBindValue(QString::fromUtf8(email));
            server::sql::run(update, "setting a bench password failed");
        }
        target->accounts += extra;
    });
    db.closeThreadConnection();
    return true;
}

bool runAll(const char* database, test::TrellisdProcess& server, const Settings& settings)
{
    server.setDemo(true);
    server.setEnvironmentVariable(QStringLiteral("TRELLIS_DEMO_PASSWORD"), QString::fromLatin1(kDemoPassword));
    // No per-address rate limit: every connection comes from 127.0.0.1.
    server.setExtraArguments({QStringLiteral("--threads"), QString::number(settings.serverThreads),
                              QStringLiteral("--rate-limit"), QStringLiteral("0")});
    if (!server.start()) {
        std::fprintf(stderr, "trellisd did not start: %s\n", qPrintable(server.errorString()));
        return false;
    }
    Target target;
    target.port = server.port();
    target.serverPid = server.processId();
    if (!prepareDatabase(server, &target))
        return false;

    // Keep only accounts that sign in with the password alone (no second factor, no enrolment step).
    {
        KeepAliveConnection http(QStringLiteral("127.0.0.1"), target.port);
        QList<QByteArray> usable;
        for (const QByteArray& email : std::as_const(target.accounts)) {
            if (!signIn(http, target, email).isEmpty())
                usable << email;
        }
        target.accounts = usable;
    }
    std::fprintf(stderr, "%s: %lld accounts sign in with a password alone\n", database,
                 (long long)target.accounts.size());
    if (target.accounts.isEmpty())
        return false;

    measure(database, "client_credentials grant", settings, target, [&](KeepAliveConnection& http, int, long long) {
        return tokenRequest(http, target, {{"grant_type", "client_credentials"}}).status == 200;
    });

    std::vector<QByteArray> chains(size_t(settings.connections));
    measure(
        database, "refresh grant (rotating)", settings, target,
        [&](KeepAliveConnection& http, int worker, long long) {
            QByteArray& current = chains[size_t(worker)];
            const BenchResponse r =
                tokenRequest(http, target, {{"grant_type", "refresh_token"}, {"refresh_token", current}});
            if (r.status != 200)
                return false;
            current =
                QJsonDocument::fromJson(r.body).object().value(QStringLiteral("refresh_token")).toString().toLatin1();
            return !current.isEmpty();
        },
        [&](KeepAliveConnection& http, int worker) {
            chains[size_t(worker)] = signIn(http, target, target.accounts.at(worker % target.accounts.size()));
            return !chains[size_t(worker)].isEmpty();
        });

    measure(database, "password sign-in (complete)", settings, target,
            [&](KeepAliveConnection& http, int worker, long long n) {
                const qsizetype index = (n * settings.connections + worker) % target.accounts.size();
                return !signIn(http, target, target.accounts.at(index)).isEmpty();
            });
    server.stop();
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Grant and sign-in throughput of a real trellisd on loopback."));
    parser.addHelpOption();
    const QCommandLineOption connections(QStringLiteral("connections"),
                                         QStringLiteral("Concurrent keep-alive connections (default 4)."),
                                         QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption seconds(QStringLiteral("seconds"), QStringLiteral("Seconds per measurement (default 10)."),
                                     QStringLiteral("S"), QStringLiteral("10"));
    const QCommandLineOption threads(QStringLiteral("threads"), QStringLiteral("trellisd --threads (default 2)."),
                                     QStringLiteral("N"), QStringLiteral("2"));
    parser.addOptions({connections, seconds, threads});
    parser.process(app);
    Settings settings;
    settings.connections = std::max(1, parser.value(connections).toInt());
    settings.seconds = std::max(1, parser.value(seconds).toInt());
    settings.serverThreads = std::max(1, parser.value(threads).toInt());

    // The server binary sits next to this one in the build tree unless TRELLIS_TRELLISD says otherwise.
    if (qEnvironmentVariableIsEmpty("TRELLIS_TRELLISD"))
        qputenv("TRELLIS_TRELLISD", QDir(QCoreApplication::applicationDirPath())
                                        .absoluteFilePath(QStringLiteral("../bin/trellisd"))
                                        .toLocal8Bit());
    // Requests are logged as JSON at info level; debug lines would only add noise to the server's work.
    qputenv("QT_LOGGING_RULES", "trellis.*.debug=false");

    std::printf("| database | operation | connections | completed | per second | per core (÷ --threads) | per trellisd "
                "CPU-second | p50 ms | p95 ms | failed |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    bool ok = true;
    {
        test::TrellisdProcess server;
        ok = runAll("SQLite", server, settings) && ok;
    }
    const QByteArray postgresUrl = qgetenv("TRELLIS_BENCH_POSTGRES_URL");
    if (!postgresUrl.isEmpty()) {
        qputenv("TRELLIS_TEST_POSTGRES_URL", postgresUrl);
        test::PostgresTestDatabase database;
        QString error;
        if (!database.create(&error)) {
            std::fprintf(stderr, "PostgreSQL: %s\n", qPrintable(error));
            return 1;
        }
        test::TrellisdProcess server;
        server.setDatabaseUrl(database.url());
        ok = runAll("PostgreSQL", server, settings) && ok;
    }
    return ok ? 0 : 1;
}
