#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace trellis::server {

class Database;

/// One registered passkey (row of passkey_credentials). Binary values are base64url, the AAGUID hex.
struct PasskeyCredential
{
    std::string id;
    std::string userId;
    std::string credentialId;
    std::string publicKey; ///< COSE_Key
    int algorithm = -7;
    std::int64_t signCount = 0;
    std::vector<std::string> transports;
    bool backupEligible = false;
    bool backupState = false;
    std::string aaguid;
    std::string name;
    std::string createdAt;
    std::string lastUsedAt; ///< empty: never used to sign in
};

/// The admin API's view of a passkey (never the public key itself: nobody needs it to decide).
nlohmann::json toApiJson(const PasskeyCredential& credential);

/// passkey_credentials and passkey_challenges: registered passkeys, and the single-use, expiring challenges of
/// ceremonies in progress (stored as SHA-256 hashes).
class PasskeyRepository
{
public:
    static constexpr std::chrono::minutes challengeLifetime{5};

    explicit PasskeyRepository(const Database& db)
        : m_db(db)
    {
    }

    std::vector<PasskeyCredential> listForUser(const std::string& userId) const;
    bool hasAny(const std::string& userId) const;
    std::optional<PasskeyCredential> findByCredentialId(const std::string& credentialId) const;
    /// Inserts; StoreError Conflict ("passkey.credentialId") when that credential is registered already.
    void insert(const PasskeyCredential& credential) const;
    /// Records a sign-in: the new counter and backup state and last_used_at. Compare-and-set on the counter, so of
    /// two racing assertions with the same counter only one succeeds (false for the other).
    bool recordUse(const std::string& id, std::int64_t previousCount, std::int64_t signCount, bool backupState) const;
    /// Deletes one passkey of `userId`; false when there is none with that credential id.
    bool remove(const std::string& userId, const std::string& credentialId) const;

    /// Stores a new challenge (raw bytes) for `purpose` ("register"/"authenticate") and removes expired ones.
    void saveChallenge(const std::string& challenge, const std::string& purpose, const std::string& userId) const;
    /// Takes a challenge out: true when it existed for this purpose and user and had not expired. Either way it
    /// is gone afterwards, so it works once.
    bool takeChallenge(const std::string& challenge, const std::string& purpose, const std::string& userId) const;

private:
    const Database& m_db;
};

} // namespace trellis::server
