#include "server/api/CommandLine.h"

#include "core/DemoWorld.h"

#include <boost/asio/ip/address.hpp>
#include <limits>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QUrl>

namespace trellis::server {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("trellis::server::CommandLine", text);
}

const QString kAdminToken = QStringLiteral("admin-token");
const QString kAudit = QStringLiteral("audit");

// Whole decimal number in [min, max]; nullopt otherwise (no signs, no spaces, no overflow).
std::optional<qint64> boundedNumber(const QString& text, qint64 min, qint64 max)
{
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
    }
    const qint64 value = text.toLongLong();
    if (value < min || value > max)
        return std::nullopt;
    return value;
}

struct DatabaseChoice
{
    QCommandLineOption dataDir{QStringLiteral("data-dir"),
                               tr("Keep the data in an SQLite file (trellis.sqlite3) in DIR (created when missing)."),
                               tr("DIR")};
    QCommandLineOption database{
        QStringLiteral("database"),
        tr("Use the PostgreSQL database at URL (postgres://user@host:port/dbname?sslmode=...). The password may "
           "instead come from the environment variable TRELLIS_DATABASE_PASSWORD."),
        tr("URL")};
};

// Exactly one of --data-dir and --database.
bool readDatabase(const QCommandLineParser& parser, const DatabaseChoice& choice, QString* dataDir,
                  QString* databaseUrl, QString* error)
{
    const bool hasDir = parser.isSet(choice.dataDir);
    const bool hasUrl = parser.isSet(choice.database);
    if (hasDir == hasUrl) {
        *error = hasDir ? tr("Give either --data-dir or --database, not both.")
                        : tr("Say where the data lives: --data-dir DIR (SQLite) or --database URL (PostgreSQL).");
        return false;
    }
    if (hasDir) {
        *dataDir = parser.value(choice.dataDir);
        if (dataDir->isEmpty()) {
            *error = tr("--data-dir needs a directory.");
            return false;
        }
        *dataDir = QFileInfo(*dataDir).absoluteFilePath();
    } else {
        *databaseUrl = parser.value(choice.database);
        if (!databaseUrl->startsWith(QStringLiteral("postgres://")) &&
            !databaseUrl->startsWith(QStringLiteral("postgresql://"))) {
            *error = tr("--database needs a postgres:// URL.");
            return false;
        }
    }
    return true;
}

ParsedCommandLine failure(const QString& message)
{
    ParsedCommandLine result;
    result.action = ParsedCommandLine::Action::Error;
    result.text = message;
    return result;
}

ParsedCommandLine showText(const QString& text)
{
    ParsedCommandLine result;
    result.action = ParsedCommandLine::Action::ShowText;
    result.text = text;
    return result;
}

ParsedCommandLine parseAdminToken(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Prints a short-lived access token for the admin API on stdout, for operators' scripts and break-glass "
           "access. Writes a token.issue audit event; the token itself is never logged."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    parser.addOption(help);
    const DatabaseChoice choice;
    parser.addOption(choice.dataDir);
    parser.addOption(choice.database);
    const QCommandLineOption user(QStringLiteral("user"), tr("The email address of the person the token is for."),
                                  tr("EMAIL"));
    parser.addOption(user);
    const QCommandLineOption ttl(QStringLiteral("ttl"),
                                 tr("How long the token is valid: a number with s, m or h (default 10m, at most 24h)."),
                                 tr("DURATION"), QStringLiteral("10m"));
    parser.addOption(ttl);

    QStringList rest = arguments;
    rest.removeAt(1); // the subcommand
    rest[0] += QStringLiteral(" admin-token");
    if (!parser.parse(rest))
        return failure(parser.errorText());
    if (parser.isSet(help))
        return showText(parser.helpText());
    if (!parser.positionalArguments().isEmpty())
        return failure(tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()));

    ParsedCommandLine result;
    QString error;
    if (!readDatabase(parser, choice, &result.adminToken.dataDir, &result.adminToken.databaseUrl, &error))
        return failure(error);
    if (!parser.isSet(user) || parser.value(user).trimmed().isEmpty())
        return failure(tr("Say whose token it is: --user EMAIL."));
    result.adminToken.email = parser.value(user).trimmed();
    const auto duration = CommandLine::parseDuration(parser.value(ttl));
    if (!duration)
        return failure(tr("--ttl must be a number followed by s, m or h, between 1s and 24h (e.g. 10m)."));
    result.adminToken.ttlSeconds = int(duration->count());
    result.action = ParsedCommandLine::Action::AdminToken;
    return result;
}

ParsedCommandLine parseAudit(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Checks or trims the audit trail.\n"
           "\n"
           "  trellisd audit verify (--data-dir DIR | --database URL | --file EXPORT) [--jwks FILE]\n"
           "      checks every event's hash and link, the signed checkpoints and the chain's end; exits 0 when the\n"
           "      trail is intact, 1 naming the first event that breaks it, 2 when it cannot be read.\n"
           "  trellisd audit purge (--data-dir DIR | --database URL) --before TIME --archive FILE\n"
           "      archives events older than TIME to FILE (NDJSON, verifiable with --file) and removes them; the\n"
           "      remaining chain verifies from a signed anchor checkpoint."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    parser.addOption(help);
    const DatabaseChoice choice;
    parser.addOption(choice.dataDir);
    parser.addOption(choice.database);
    const QCommandLineOption file(QStringLiteral("file"), tr("An exported or archived NDJSON file to verify."),
                                  tr("EXPORT"));
    const QCommandLineOption jwks(QStringLiteral("jwks"),
                                  tr("A JWKS file (e.g. a copy of /.well-known/jwks.json kept elsewhere): checkpoint "
                                     "signatures must verify with one of its keys."),
                                  tr("FILE"));
    const QCommandLineOption before(QStringLiteral("before"), tr("purge: events before this time (RFC 3339)."),
                                    tr("TIME"));
    const QCommandLineOption archive(QStringLiteral("archive"), tr("purge: the archive file to write."), tr("FILE"));
    for (const auto* option : {&file, &jwks, &before, &archive})
        parser.addOption(*option);

    QStringList rest = arguments;
    rest.removeAt(1); // "audit"
    rest[0] += QStringLiteral(" audit");
    if (!parser.parse(rest))
        return failure(parser.errorText());
    if (parser.isSet(help))
        return showText(parser.helpText());
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 ||
        (positional.constFirst() != QStringLiteral("verify") && positional.constFirst() != QStringLiteral("purge")))
        return failure(tr("Say what to do: trellisd audit verify ... or trellisd audit purge ..."));

    ParsedCommandLine result;
    AuditCommandOptions& options = result.audit;
    options.subcommand = positional.constFirst();
    QString error;
    if (options.subcommand == QStringLiteral("verify") && parser.isSet(file)) {
        if (parser.isSet(choice.dataDir) || parser.isSet(choice.database))
            return failure(tr("Give one of --data-dir, --database or --file."));
        options.file = parser.value(file);
    } else if (!readDatabase(parser, choice, &options.dataDir, &options.databaseUrl, &error)) {
        return failure(options.subcommand == QStringLiteral("verify")
                           ? tr("Say what to verify: --data-dir DIR, --database URL or --file EXPORT.")
                           : error);
    }
    options.jwksFile = parser.value(jwks);
    if (options.subcommand == QStringLiteral("purge")) {
        options.before = parser.value(before);
        options.archive = parser.value(archive);
        if (options.before.isEmpty() || options.archive.isEmpty())
            return failure(tr("purge needs --before TIME and --archive FILE."));
    }
    result.action = ParsedCommandLine::Action::Audit;
    return result;
}

} // namespace

std::optional<std::chrono::seconds> CommandLine::parseDuration(const QString& text)
{
    if (text.size() < 2)
        return std::nullopt;
    const QChar unit = text.back();
    qint64 factor = 0;
    if (unit == QLatin1Char('s'))
        factor = 1;
    else if (unit == QLatin1Char('m'))
        factor = 60;
    else if (unit == QLatin1Char('h'))
        factor = 3600;
    else
        return std::nullopt;
    const auto number = boundedNumber(text.chopped(1), 1, 24 * 3600);
    if (!number || *number * factor > 24 * 3600)
        return std::nullopt;
    return std::chrono::seconds(*number * factor);
}

bool CommandLine::parseListen(const QString& text, HttpServerOptions* options, QString* error)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0) {
        *error = tr("--listen needs ADDRESS:PORT, e.g. 127.0.0.1:8080.");
        return false;
    }
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    boost::system::error_code ec;
    boost::asio::ip::make_address(host.toStdString(), ec);
    if (ec) {
        *error = tr("--listen: \"%1\" is not an IP address.").arg(host);
        return false;
    }
    const auto port = boundedNumber(text.mid(colon + 1), 0, 65535);
    if (!port) {
        *error = tr("--listen: the port must be a number from 0 to 65535 (0 picks a free one).");
        return false;
    }
    options->address = host.toStdString();
    options->port = std::uint16_t(*port);
    return true;
}

ParsedCommandLine CommandLine::parse(const QStringList& arguments)
{
    if (arguments.size() >= 2 && arguments.at(1) == kAdminToken)
        return parseAdminToken(arguments);
    if (arguments.size() >= 2 && arguments.at(1) == kAudit)
        return parseAudit(arguments);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Trellis identity server: admin API for organisations, people and roles.\n"
           "\n"
           "Subcommand:\n"
           "  trellisd admin-token (--data-dir DIR | --database URL) --user EMAIL [--ttl 10m]\n"
           "      prints a short-lived admin API token for that person (see trellisd admin-token --help).\n"
           "  trellisd audit verify|purge ...\n"
           "      checks the audit trail's integrity offline, or archives and removes events past retention\n"
           "      (see trellisd audit --help).\n"
           "\n"
           "When listening, prints one line on stdout: {\"event\":\"listening\",\"address\":...,\"port\":...}.\n"
           "Logs are JSON lines on stderr. SIGTERM or SIGINT stops it gracefully."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")}, tr("Show the version."));
    parser.addOption(help);
    parser.addOption(version);
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    tr("Listen on ADDR:PORT (default 127.0.0.1:8080; port 0 picks a free port)."),
                                    tr("ADDR:PORT"), QStringLiteral("127.0.0.1:8080"));
    const DatabaseChoice choice;
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        tr("Seed the demo B2B2X world when the database is empty. The demo accounts' password comes from "
           "TRELLIS_DEMO_PASSWORD (default: %1).")
            .arg(QString::fromLatin1(core::DemoWorld::kDefaultDemoPassword)));
    const QCommandLineOption threads(QStringLiteral("threads"), tr("Worker threads (1-64, default 4)."), tr("N"),
                                     QStringLiteral("4"));
    const QCommandLineOption bodyLimit(QStringLiteral("body-limit"),
                                       tr("Largest request body in bytes (default 1048576); larger ones get 413."),
                                       tr("BYTES"), QStringLiteral("1048576"));
    const QCommandLineOption readTimeout(QStringLiteral("read-timeout"),
                                         tr("Seconds a request may take to arrive completely (default 15)."),
                                         tr("SECONDS"), QStringLiteral("15"));
    const QCommandLineOption idleTimeout(QStringLiteral("idle-timeout"),
                                         tr("Seconds an idle keep-alive connection stays open (default 60)."),
                                         tr("SECONDS"), QStringLiteral("60"));
    const QCommandLineOption rateLimit(QStringLiteral("rate-limit"),
                                       tr("Requests per minute per client address (default 600; 0 = unlimited)."),
                                       tr("PER_MINUTE"), QStringLiteral("600"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"),
                                     tr("Serve HTTPS with this PEM certificate (chain); needs --tls-key."), tr("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"), tr("The PEM private key for --tls-cert."), tr("FILE"));
    const QCommandLineOption bootstrap(
        QStringLiteral("bootstrap-secret-stdin"),
        tr("Read a one-time bootstrap secret as the first line of stdin (for the console's local workspace) and "
           "stop when stdin closes."));
    const QCommandLineOption issuer(
        QStringLiteral("issuer"),
        tr("OpenID Connect issuer: the public https URL clients reach this server at (behind a proxy or load "
           "balancer, the outside address). Default: http(s)://ADDR:PORT as actually bound."),
        tr("URL"));
    const QCommandLineOption smtpHost(
        QStringLiteral("smtp-host"),
        tr("Send the hosted login's emails (magic links, codes) through this SMTP server. Without it they are only "
           "kept in the outbox (GET /api/v1/outbox). The password, if any, comes from TRELLIS_SMTP_PASSWORD."),
        tr("HOST"));
    const QCommandLineOption smtpPort(QStringLiteral("smtp-port"), tr("SMTP port (default 587)."), tr("PORT"),
                                      QStringLiteral("587"));
    const QCommandLineOption smtpSecurity(
        QStringLiteral("smtp-security"),
        tr("starttls (default: upgrade to TLS and verify the server certificate) or none (a trusted local relay)."),
        tr("MODE"), QStringLiteral("starttls"));
    const QCommandLineOption smtpFrom(QStringLiteral("smtp-from"),
                                      tr("Sender address of the emails (required with "
                                         "--smtp-host)."),
                                      tr("ADDRESS"));
    const QCommandLineOption smtpUser(QStringLiteral("smtp-user"), tr("SMTP user name for AUTH PLAIN."), tr("NAME"));
    const QCommandLineOption smtpCaFile(QStringLiteral("smtp-ca-file"),
                                        tr("PEM file with the certificate authorities to verify the SMTP server with "
                                           "(default: the system's)."),
                                        tr("FILE"));
    const QCommandLineOption auditCheckpoint(QStringLiteral("audit-checkpoint-interval"),
                                             tr("Sign a checkpoint of the audit chain this often when new events came "
                                                "(s, m or h; default 10m)."),
                                             tr("DURATION"), QStringLiteral("10m"));
    const QCommandLineOption auditRetention(QStringLiteral("audit-retention-days"),
                                            tr("Archive and remove audit events older than this many days (default 0: "
                                               "keep every event)."),
                                            tr("DAYS"), QStringLiteral("0"));
    const QCommandLineOption auditArchiveDir(QStringLiteral("audit-archive-dir"),
                                             tr("Where events past retention are archived (default: "
                                                "DIR/audit-archive with --data-dir; required with --database)."),
                                             tr("DIR"));
    for (const auto* option : {&listen,      &choice.dataDir,  &choice.database, &demo,           &threads,  &bodyLimit,
                               &readTimeout, &idleTimeout,     &rateLimit,       &tlsCert,        &tlsKey,   &bootstrap,
                               &issuer,      &smtpHost,        &smtpPort,        &smtpSecurity,   &smtpFrom, &smtpUser,
                               &smtpCaFile,  &auditCheckpoint, &auditRetention,  &auditArchiveDir})
        parser.addOption(*option);
    parser.addPositionalArgument(kAdminToken, tr("Optional subcommand (see above)."), QStringLiteral("[admin-token]"));

    if (!parser.parse(arguments))
        return failure(parser.errorText());
    if (parser.isSet(help))
        return showText(parser.helpText());
    if (parser.isSet(version))
        return showText(QStringLiteral("trellisd %1\n").arg(QStringLiteral(TRELLIS_VERSION)));
    if (!parser.positionalArguments().isEmpty())
        return failure(tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()));

    ParsedCommandLine result;
    ServerOptions& options = result.server;
    QString error;
    if (!parseListen(parser.value(listen), &options.http, &error))
        return failure(error);
    if (!readDatabase(parser, choice, &options.dataDir, &options.databaseUrl, &error))
        return failure(error);
    options.demo = parser.isSet(demo);
    options.bootstrapSecretStdin = parser.isSet(bootstrap);

    const auto number = [&](const QCommandLineOption& option, qint64 min, qint64 max) {
        const auto value = boundedNumber(parser.value(option), min, max);
        if (!value)
            error = tr("--%1 must be a whole number from %2 to %3.").arg(option.names().constFirst()).arg(min).arg(max);
        return value.value_or(min);
    };
    options.http.threads = int(number(threads, 1, 64));
    options.http.bodyLimit = std::size_t(number(bodyLimit, 1024, qint64(1) << 30));
    options.http.readTimeout = std::chrono::seconds(number(readTimeout, 1, 3600));
    options.http.idleTimeout = std::chrono::seconds(number(idleTimeout, 1, 86400));
    options.http.rateLimitPerMinute = int(number(rateLimit, 0, 1000000));
    options.audit.retentionDays = int(number(auditRetention, 0, 36500));
    if (!error.isEmpty())
        return failure(error);
    const auto checkpointInterval = CommandLine::parseDuration(parser.value(auditCheckpoint));
    if (!checkpointInterval)
        return failure(tr("--audit-checkpoint-interval must be a number followed by s, m or h, between 1s and 24h."));
    options.audit.checkpointInterval = *checkpointInterval;
    options.audit.archiveDir = parser.value(auditArchiveDir);
    if (options.audit.archiveDir.isEmpty() && !options.dataDir.isEmpty())
        options.audit.archiveDir = options.dataDir + QStringLiteral("/audit-archive");
    if (options.audit.retentionDays > 0 && options.audit.archiveDir.isEmpty())
        return failure(tr("--audit-retention-days needs --audit-archive-dir with --database."));

    if (parser.isSet(tlsCert) != parser.isSet(tlsKey))
        return failure(tr("TLS needs both --tls-cert and --tls-key."));
    if (parser.isSet(tlsCert)) {
        for (const auto* option : {&tlsCert, &tlsKey}) {
            const QFileInfo file(parser.value(*option));
            if (!file.isFile() || !file.isReadable())
                return failure(tr("--%1: cannot read %2.").arg(option->names().constFirst(), parser.value(*option)));
        }
        options.http.tlsCertificateFile = QFileInfo(parser.value(tlsCert)).absoluteFilePath().toStdString();
        options.http.tlsPrivateKeyFile = QFileInfo(parser.value(tlsKey)).absoluteFilePath().toStdString();
    }
    if (parser.isSet(issuer)) {
        // OpenID Connect Discovery §3: scheme, host, optional port and path; no query or fragment.
        QString text = parser.value(issuer).trimmed();
        while (text.endsWith(QLatin1Char('/')))
            text.chop(1);
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) ||
            url.host().isEmpty() || url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
            return failure(tr("--issuer must be an http(s) URL without query or fragment, e.g. "
                              "https://id.example.com."));
        options.issuer = text;
    }
    if (parser.isSet(smtpHost)) {
        SmtpSettings& smtp = options.smtp;
        smtp.host = parser.value(smtpHost).trimmed().toStdString();
        smtp.port = int(number(smtpPort, 1, 65535));
        if (!error.isEmpty())
            return failure(error);
        const QString security = parser.value(smtpSecurity);
        if (security != QLatin1String("starttls") && security != QLatin1String("none"))
            return failure(tr("--smtp-security must be starttls or none."));
        smtp.security =
            security == QLatin1String("none") ? SmtpSettings::Security::None : SmtpSettings::Security::StartTls;
        smtp.from = parser.value(smtpFrom).trimmed().toStdString();
        if (smtp.host.empty() || smtp.from.find('@') == std::string::npos ||
            smtp.from.find_first_of("<>\r\n ") != std::string::npos)
            return failure(tr("--smtp-host needs a host and --smtp-from a plain address like login@example.com."));
        smtp.username = parser.value(smtpUser).toStdString();
        smtp.password = qEnvironmentVariable("TRELLIS_SMTP_PASSWORD").toStdString();
        if (parser.isSet(smtpCaFile)) {
            const QFileInfo file(parser.value(smtpCaFile));
            if (!file.isFile() || !file.isReadable())
                return failure(tr("--smtp-ca-file: cannot read %1.").arg(parser.value(smtpCaFile)));
            smtp.caFile = file.absoluteFilePath().toStdString();
        }
    }
    result.action = ParsedCommandLine::Action::Serve;
    return result;
}

} // namespace trellis::server
