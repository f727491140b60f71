// trellisd: parse the command line, then serve or run a subcommand. Everything else lives in trellisd_lib.
#include "server/api/AdminTokenCommand.h"
#include "server/api/AuditCommand.h"
#include "server/api/CommandLine.h"
#include "server/api/ServeCommand.h"

#include <cstdio>

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("trellisd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRELLIS_VERSION));

    using trellis::server::ParsedCommandLine;
    const ParsedCommandLine parsed = trellis::server::CommandLine::parse(QCoreApplication::arguments());
    switch (parsed.action) {
    case ParsedCommandLine::Action::ShowText:
        std::fputs(qPrintable(parsed.text), stdout);
        return 0;
    case ParsedCommandLine::Action::Error:
        std::fprintf(stderr, "trellisd: %s\nTry 'trellisd --help'.\n", qPrintable(parsed.text));
        return 2;
    case ParsedCommandLine::Action::AdminToken:
        return trellis::server::AdminTokenCommand::run(parsed.adminToken);
    case ParsedCommandLine::Action::Audit:
        return trellis::server::AuditCommand::run(parsed.audit);
    case ParsedCommandLine::Action::Serve:
        break;
    }
    return trellis::server::ServeCommand::run(parsed.server);
}
