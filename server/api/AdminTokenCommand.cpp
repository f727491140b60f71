#include "server/api/AdminTokenCommand.h"

#include "core/User.h"
#include "server/api/DatabaseOptions.h"
#include "server/store/AuditLog.h"
#include "server/store/Database.h"
#include "server/store/TokenRepository.h"
#include "server/store/UserRepository.h"

#include <chrono>
#include <cstdio>

#include <QCoreApplication>

namespace trellis::server {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("trellis::server::AdminTokenCommand", text);
}

int fail(const QString& message, int code)
{
    std::fprintf(stderr, "trellisd admin-token: %s\n", qPrintable(message));
    return code;
}

} // namespace

int AdminTokenCommand::run(const AdminTokenOptions& options)
{
    QString error;
    auto config = DatabaseOptions::config(options.dataDir, options.databaseUrl, &error);
    if (!config)
        return fail(error, 2);
    const auto email = core::normaliseEmail(options.email.toStdString());
    if (!email)
        return fail(tr("\"%1\" is not an email address.").arg(options.email), 1);

    try {
        Database db(*config);
        db.open();
        const auto user = UserRepository(db).findByEmail(*email);
        if (!user)
            return fail(tr("there is no user %1.").arg(QString::fromStdString(*email)), 1);
        if (user->status != core::UserStatus::Active)
            return fail(tr("%1 is disabled.").arg(QString::fromStdString(*email)), 1);

        IssuedToken issued;
        db.transaction([&] {
            issued = TokenRepository(db).issue(user->id, std::chrono::seconds(options.ttlSeconds), "admin-token");
            core::AuditEvent event;
            event.actorType = "system";
            event.actorId = "cli";
            event.actorDisplay = "trellisd admin-token";
            event.action = "token.issue";
            event.targetType = "user";
            event.targetId = user->id;
            event.targetDisplay = user->email;
            event.outcome = "success";
            event.reason = "admin-token";
            event.after = {{"purpose", "admin-token"}, {"tokenId", issued.tokenId}, {"expiresAt", issued.expiresAt}};
            AuditLog(db).append(event);
        });
        db.closeThreadConnection();
        std::fprintf(stdout, "%s\n", issued.token.c_str());
        std::fflush(stdout);
        return 0;
    } catch (const StoreError& e) {
        return fail(tr("database %1: %2").arg(config->redactedDescription(), QString::fromStdString(e.what())), 1);
    } catch (const std::exception& e) {
        return fail(QString::fromStdString(e.what()), 1);
    }
}

} // namespace trellis::server
