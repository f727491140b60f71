#pragma once

#include "server/api/ServerOptions.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace trellis::server {

class Database;
class SigningKeyRing;

/// While trellisd serves: signs a checkpoint of the audit chain every interval (when events came since the last one)
/// and, with a retention period, archives and removes older events once an hour. Runs on a thread of its own with
/// its own database connection; several instances may run it at once (one checkpoint per sequence; purges
/// serialise on the database).
class AuditMaintenance
{
public:
    AuditMaintenance(const Database& db, std::shared_ptr<SigningKeyRing> keys, std::string issuer,
                     AuditOptions options);
    ~AuditMaintenance();
    AuditMaintenance(const AuditMaintenance&) = delete;
    AuditMaintenance& operator=(const AuditMaintenance&) = delete;

    /// One round now (also what the thread does each interval).
    void runOnce();

private:
    void loop();

    const Database& m_db;
    std::shared_ptr<SigningKeyRing> m_keys;
    std::string m_issuer;
    AuditOptions m_options;
    std::chrono::steady_clock::time_point m_lastPurge{};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace trellis::server
