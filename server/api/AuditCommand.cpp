#include "server/api/AuditCommand.h"

#include "core/AuditChainVerifier.h"
#include "core/TimeFormat.h"
#include "server/api/DatabaseOptions.h"
#include "server/oidc/SigningKeyRing.h"
#include "server/store/AuditLog.h"
#include "server/store/Database.h"

#include <cstdio>
#include <fstream>

#include <QCoreApplication>
#include <QFile>

namespace trellis::server {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("trellis::server::AuditCommand", text);
}

int fail(const QString& message, int code)
{
    std::fprintf(stderr, "trellisd audit: %s\n", qPrintable(message));
    return code;
}

QString q(const std::string& text)
{
    return QString::fromStdString(text);
}

int report(const core::AuditChainVerifier& verifier, bool openStart)
{
    if (!verifier.ok()) {
        std::fprintf(
            stdout, "%s\n",
            qPrintable(
                tr("BROKEN at event %1: %2").arg(verifier.problem()->sequence).arg(q(verifier.problem()->message))));
        return 1;
    }
    if (verifier.checkedEvents() == 0)
        std::fprintf(stdout, "%s\n", qPrintable(tr("Intact: there are no events to check.")));
    else
        std::fprintf(stdout, "%s\n",
                     qPrintable(tr("Intact: %1 events checked, events %2 to %3.")
                                    .arg(verifier.checkedEvents())
                                    .arg(verifier.firstSequence())
                                    .arg(verifier.lastSequence())));
    if (openStart)
        std::fprintf(stdout, "%s\n",
                     qPrintable(tr("The file starts at event %1 without an anchor: its link to the event before is "
                                   "not checked.")
                                    .arg(verifier.firstSequence())));
    if (const auto& anchor = verifier.anchor())
        std::fprintf(stdout, "%s\n",
                     qPrintable(tr("Events up to %1 were archived; the chain continues from the anchor signed %2.")
                                    .arg(anchor->sequence)
                                    .arg(q(anchor->signedAt))));
    if (const auto& checkpoint = verifier.lastCheckpoint())
        std::fprintf(stdout, "%s\n",
                     qPrintable(tr("Newest signed checkpoint: event %1, signed %2 with key %3.")
                                    .arg(checkpoint->sequence)
                                    .arg(q(checkpoint->signedAt), q(checkpoint->keyId))));
    return 0;
}

bool loadJwks(const QString& path, std::vector<core::crypto::VerificationKey>* keys, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    const auto jwks = nlohmann::json::parse(file.readAll().toStdString(), nullptr, false);
    if (!jwks.is_object() || !jwks.contains("keys") || !jwks["keys"].is_array()) {
        *error = tr("%1 is not a JWKS ({\"keys\": [...]}).").arg(path);
        return false;
    }
    for (const auto& jwk : jwks["keys"])
        if (auto key = core::crypto::VerificationKey::fromJwk(jwk))
            keys->push_back(std::move(*key));
    if (keys->empty()) {
        *error = tr("%1 holds no usable ES256 key.").arg(path);
        return false;
    }
    return true;
}

int verifyFile(const QString& path, const std::vector<core::crypto::VerificationKey>& trusted)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    if (!in)
        return fail(tr("cannot read %1.").arg(path), 2);
    core::AuditChainVerifier verifier;
    verifier.trustKeys(trusted);
    bool anchored = false;
    bool first = true;
    bool openStart = false;
    std::string line;
    std::int64_t lineNumber = 0;
    while (std::getline(in, line)) {
        ++lineNumber;
        if (line.empty() || line == "\r")
            continue;
        const auto j = nlohmann::json::parse(line, nullptr, false);
        if (!j.is_object())
            return fail(tr("%1, line %2: not a JSON object.").arg(path).arg(lineNumber), 2);
        if (j.contains("anchor")) {
            verifier.startFrom(j["anchor"].get<core::AuditCheckpoint>());
            anchored = true;
            continue;
        }
        if (j.contains("checkpoint")) {
            verifier.expectCheckpoints({j["checkpoint"].get<core::AuditCheckpoint>()});
            continue;
        }
        const auto event = j.get<core::AuditEvent>();
        if (first && !anchored && event.sequence != 1) {
            verifier.allowOpenStart();
            openStart = true;
        }
        first = false;
        if (!verifier.add(event))
            break;
    }
    verifier.finish();
    return report(verifier, openStart);
}

} // namespace

int AuditCommand::run(const AuditCommandOptions& options)
{
    std::vector<core::crypto::VerificationKey> trusted;
    QString error;
    if (!options.jwksFile.isEmpty() && !loadJwks(options.jwksFile, &trusted, &error))
        return fail(error, 2);
    if (!options.file.isEmpty())
        return verifyFile(options.file, trusted);

    auto config = DatabaseOptions::config(options.dataDir, options.databaseUrl, &error);
    if (!config)
        return fail(error, 2);
    try {
        Database db(*config);
        db.open();
        const AuditLog audit(db);
        if (options.subcommand == QStringLiteral("verify"))
            return report(audit.verify(trusted), false);

        const auto cutoff = core::parseTimestamp(options.before.toStdString());
        if (!cutoff)
            return fail(tr("--before must be an RFC 3339 time, e.g. 2025-01-01T00:00:00Z."), 2);
        SigningKeyRing keys(db, OidcOptions{});
        keys.refresh();
        const auto active = keys.keys()->active;
        if (!active)
            return fail(tr("there is no signing key to sign the anchor with."), 2);
        const AuditLog::PurgeResult result =
            audit.purge(core::formatTimestamp(*cutoff), options.archive, "trellisd", *active);
        if (result.purgedEvents == 0)
            std::fprintf(stdout, "%s\n",
                         qPrintable(tr("Nothing to purge: no event is older than %1.").arg(options.before)));
        else
            std::fprintf(stdout, "%s\n",
                         qPrintable(tr("Archived %1 events (up to event %2) to %3 and removed them.")
                                        .arg(result.purgedEvents)
                                        .arg(result.throughSequence)
                                        .arg(options.archive)));
        db.closeThreadConnection();
        return 0;
    } catch (const std::exception& e) {
        return fail(q(e.what()), 2);
    }
}

} // namespace trellis::server
