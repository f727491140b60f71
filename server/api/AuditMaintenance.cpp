#include "server/api/AuditMaintenance.h"

#include "core/TimeFormat.h"
#include "server/http/JsonLog.h"
#include "server/oidc/SigningKeyRing.h"
#include "server/store/AuditLog.h"
#include "server/store/Database.h"

#include <QDir>

namespace trellis::server {

AuditMaintenance::AuditMaintenance(const Database& db, std::shared_ptr<SigningKeyRing> keys, std::string issuer,
                                   AuditOptions options)
    : m_db(db)
    , m_keys(std::move(keys))
    , m_issuer(std::move(issuer))
    , m_options(std::move(options))
    , m_thread([this] { loop(); })
{
}

AuditMaintenance::~AuditMaintenance()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void AuditMaintenance::loop()
{
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        if (m_wake.wait_for(lock, m_options.checkpointInterval, [this] { return m_stop; }))
            break;
        lock.unlock();
        runOnce();
        lock.lock();
    }
    lock.unlock();
    m_db.closeThreadConnection();
}

void AuditMaintenance::runOnce()
{
    try {
        const auto keys = m_keys->keys();
        if (!keys->active)
            return;
        const AuditLog audit(m_db);
        if (const auto checkpoint = audit.writeCheckpoint(m_issuer, *keys->active))
            JsonLog::info("audit checkpoint", {{"sequence", checkpoint->sequence}, {"keyId", checkpoint->keyId}});

        const auto now = std::chrono::steady_clock::now();
        if (m_options.retentionDays <= 0 || now - m_lastPurge < std::chrono::hours(1))
            return;
        m_lastPurge = now;
        const auto cutoff = m_db.clock().now() - std::chrono::hours(24) * m_options.retentionDays;
        QDir().mkpath(m_options.archiveDir);
        const std::string stamp = core::formatTimestamp(m_db.clock().now());
        QString name = QStringLiteral("audit-archive-%1.ndjson").arg(QString::fromStdString(stamp));
        name.replace(QLatin1Char(':'), QLatin1Char('-'));
        const AuditLog::PurgeResult result = audit.purge(
            core::formatTimestamp(cutoff), QDir(m_options.archiveDir).filePath(name), m_issuer, *keys->active);
        if (result.purgedEvents > 0)
            JsonLog::info("audit events archived and purged", {{"events", result.purgedEvents},
                                                               {"throughSequence", result.throughSequence},
                                                               {"archive", result.archiveFile.toStdString()}});
    } catch (const std::exception& e) {
        JsonLog::error("audit maintenance failed", {{"exception", e.what()}});
    }
}

} // namespace trellis::server
