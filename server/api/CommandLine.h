#pragma once

#include "server/api/ServerOptions.h"

#include <chrono>
#include <optional>

#include <QString>
#include <QStringList>

namespace trellis::server {

/// The outcome of reading trellisd's command line (QCommandLineParser, without its exit() shortcuts so
/// that tests can check every path).
struct ParsedCommandLine
{
    enum class Action
    {
        Serve,
        AdminToken,
        Audit,
        ShowText,
        Error
    };
    Action action = Action::Error;
    QString text; ///< help or version text (ShowText), or the error message (Error)
    ServerOptions server;
    AdminTokenOptions adminToken;
    AuditCommandOptions audit;
};

/// trellisd's options and the admin-token subcommand.
class CommandLine
{
public:
    /// `arguments` includes the program name, as QCoreApplication::arguments() gives it.
    static ParsedCommandLine parse(const QStringList& arguments);

    /// "10m", "90s", "2h" (at most 24 h); nullopt when malformed or out of range.
    static std::optional<std::chrono::seconds> parseDuration(const QString& text);
    /// "127.0.0.1:8080", "[::1]:8080"; false with *error when malformed.
    static bool parseListen(const QString& text, HttpServerOptions* options, QString* error);
};

} // namespace trellis::server
