#include "server/api/ServeCommand.h"

#include "core/DemoWorld.h"
#include "server/api/AccessReviewApi.h"
#include "server/api/ApiContext.h"
#include "server/api/ApiRoutes.h"
#include "server/api/AuditMaintenance.h"
#include "server/api/BootstrapSecret.h"
#include "server/api/DatabaseOptions.h"
#include "server/http/JsonLog.h"
#include "server/http/Router.h"
#include "server/oidc/SigningKeyRing.h"
#include "server/store/Database.h"
#include "server/store/DemoSeeder.h"

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <csignal>
#include <cstdio>
#include <poll.h>
#include <thread>
#include <unistd.h>

#include <QCoreApplication>

namespace trellis::server {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("trellis::server::ServeCommand", text);
}

void fail(const QString& message)
{
    std::fprintf(stderr, "trellisd: %s\n", qPrintable(message));
    std::fflush(stderr);
}

// Reads the first line of stdin byte by byte (unbuffered, so the watcher sees everything after it).
std::optional<std::string> readFirstLine()
{
    std::string line;
    char c = 0;
    while (line.size() < 4096) {
        const ssize_t n = ::read(STDIN_FILENO, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return std::nullopt;
        if (c == '\n')
            break;
        line.push_back(c);
    }
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

// Stops the server when stdin reaches its end: the console holds the other end, so its death stops us.
class StdinWatcher
{
public:
    explicit StdinWatcher(HttpServer& server)
        : m_thread([this, &server] { watch(server); })
    {
    }
    ~StdinWatcher()
    {
        m_done = true;
        m_thread.join();
    }

private:
    void watch(HttpServer& server)
    {
        char buffer[256];
        while (!m_done) {
            pollfd fd{STDIN_FILENO, POLLIN, 0};
            const int ready = ::poll(&fd, 1, 200);
            if (ready <= 0)
                continue;
            const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (n < 0 && (errno == EINTR || errno == EAGAIN))
                continue;
            if (n <= 0) {
                JsonLog::info("stdin closed; stopping");
                server.stop();
                return;
            }
        }
    }

    std::atomic<bool> m_done{false};
    std::thread m_thread;
};

} // namespace

int ServeCommand::run(const ServerOptions& options)
{
    // A vanished peer (a console that died, a closed socket) must not kill the server.
    std::signal(SIGPIPE, SIG_IGN);

    std::unique_ptr<BootstrapSecret> secret;
    if (options.bootstrapSecretStdin) {
        const auto line = readFirstLine();
        if (!line || line->size() < 16) {
            fail(tr("--bootstrap-secret-stdin: expected a secret of at least 16 characters as the first line of "
                    "stdin."));
            return 2;
        }
        secret = std::make_unique<BootstrapSecret>(*line);
    }

    QString error;
    auto config = DatabaseOptions::config(options.dataDir, options.databaseUrl, &error);
    if (!config) {
        fail(error);
        return 2;
    }
    Database db(*config);
    try {
        db.open();
    } catch (const std::exception& e) {
        fail(
            tr("cannot open the database %1: %2").arg(config->redactedDescription(), QString::fromStdString(e.what())));
        return 1;
    }
    JsonLog::info("database ready",
                  {{"database", config->redactedDescription().toStdString()}, {"schemaVersion", db.schemaVersion()}});

    if (options.demo) {
        const QString password = qEnvironmentVariableIsEmpty("TRELLIS_DEMO_PASSWORD")
                                     ? QString::fromLatin1(core::DemoWorld::kDefaultDemoPassword)
                                     : qEnvironmentVariable("TRELLIS_DEMO_PASSWORD");
        try {
            const core::DemoWorld world = core::DemoWorld::generate();
            if (DemoSeeder(db).seedIfEmpty(world, password.toStdString())) {
                AccessReviewApi::seedDemoCampaign(db, world.orgs.front().slug, core::DemoWorld::kOwnerEmail);
                JsonLog::info("demo world seeded");
            } else
                JsonLog::info("database not empty; demo world not seeded");
        } catch (const std::exception& e) {
            fail(tr("cannot seed the demo world: %1").arg(QString::fromStdString(e.what())));
            return 1;
        }
    }

    // The first signing key is made here, not on the first request.
    auto signingKeys = std::make_shared<SigningKeyRing>(db, options.oidc);
    try {
        signingKeys->refresh();
    } catch (const std::exception& e) {
        fail(tr("cannot prepare the signing keys: %1").arg(QString::fromStdString(e.what())));
        return 1;
    }

    Router router;
    ApiContext context{db, secret.get(), options.issuer.toStdString(), signingKeys};
    if (!options.smtp.host.empty())
        context.smtp = std::make_shared<const SmtpSettings>(options.smtp);
    ApiRoutes::install(router, context);
    HttpServer server(options.http, [&router](HttpRequest& request) { return router.dispatch(request); });
    server.setWorkerExitHook([&db] { db.closeThreadConnection(); });

    std::uint16_t port = 0;
    try {
        port = server.listen();
    } catch (const std::exception& e) {
        fail(tr("cannot listen on %1:%2: %3")
                 .arg(QString::fromStdString(options.http.address))
                 .arg(options.http.port)
                 .arg(QString::fromStdString(e.what())));
        return 1;
    }

    if (context.issuer.empty()) {
        const std::string& address = options.http.address;
        const std::string host = address.find(':') == std::string::npos ? address : "[" + address + "]";
        const bool tls = !options.http.tlsCertificateFile.empty();
        context.issuer = (tls ? "https://" : "http://") + host + ":" + std::to_string(port);
        if (address == "0.0.0.0" || address == "::")
            JsonLog::warn("no --issuer: the OpenID Connect issuer names a wildcard address that clients cannot reach",
                          {{"issuer", context.issuer}});
    }

    // Signals are handled by asio on a thread of their own, so stop() never runs inside a signal handler.
    boost::asio::io_context signalContext;
    boost::asio::signal_set signals(signalContext, SIGINT, SIGTERM);
    signals.async_wait([&server](const boost::system::error_code& ec, int signal) {
        if (ec)
            return;
        JsonLog::info("stopping", {{"signal", signal == SIGTERM ? "SIGTERM" : "SIGINT"}});
        server.stop();
    });
    std::thread signalThread([&signalContext] { signalContext.run(); });
    std::unique_ptr<StdinWatcher> stdinWatcher;
    if (secret)
        stdinWatcher = std::make_unique<StdinWatcher>(server);

    // Exactly this key order: the console and the tests read this line.
    const nlohmann::ordered_json listening{{"event", "listening"}, {"address", options.http.address}, {"port", port}};
    std::fprintf(stdout, "%s\n", listening.dump().c_str());
    std::fflush(stdout);

    // After the issuer is known: checkpoints name it.
    auto auditMaintenance = std::make_unique<AuditMaintenance>(db, signingKeys, context.issuer, options.audit);

    server.run();

    auditMaintenance.reset();
    signalContext.stop();
    signalThread.join();
    stdinWatcher.reset();
    db.closeThreadConnection();
    return 0;
}

} // namespace trellis::server
