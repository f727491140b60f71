#pragma once

#include "core/crypto/SigningKey.h"
#include "core/crypto/VerificationKey.h"
#include "server/oidc/OidcOptions.h"

#include <chrono>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace trellis::server {

class Database;

/// This process's view of the signing keys: loaded from the database, kept in memory for a short time
/// (OidcOptions::signingKeyCacheRefresh) so instances agree soon after a rotation, rotated when too old.
/// Safe to use from every worker thread.
class SigningKeyRing
{
public:
    struct Keys
    {
        std::optional<core::crypto::SigningKey> active; ///< signs new tokens
        std::vector<core::crypto::VerificationKey> verification;
        nlohmann::json jwks; ///< {"keys": [...]}
    };

    SigningKeyRing(const Database& db, OidcOptions options);

    /// The current keys; reloads (and rotates when due) once the copy in memory is older than the refresh time.
    std::shared_ptr<const Keys> keys() const;
    /// Reloads now because a token names a kid we do not know (another instance may just have rotated); at most
    /// once a second, so forged kids cannot hammer the database.
    std::shared_ptr<const Keys> reloadForUnknownKid() const;
    /// Reloads now (start-up creates the first key here).
    void refresh() const;

    const OidcOptions& options() const { return m_options; }

private:
    std::shared_ptr<const Keys> load() const;

    const Database& m_db;
    OidcOptions m_options;
    mutable std::mutex m_mutex;
    mutable std::shared_ptr<const Keys> m_keys;
    mutable std::chrono::system_clock::time_point m_loadedAt;
};

} // namespace trellis::server
