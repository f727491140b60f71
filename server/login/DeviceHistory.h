#pragma once

#include <string>
#include <vector>

namespace trellis::server {

class Database;

/// known_devices and sign_in_history: the risk node's memory. A browser gets a random trellis_device cookie at
/// its first successful sign-in; only its SHA-256 is stored, per person.
class DeviceHistory
{
public:
    explicit DeviceHistory(const Database& db)
        : m_db(db)
    {
    }

    /// The SHA-256 (hex) of a device cookie value, or "" when the value is empty or implausible.
    static std::string deviceHash(const std::string& cookie);

    bool knownDevice(const std::string& userId, const std::string& deviceHash) const;
    /// Countries of the person's earlier sign-ins (non-empty ones, distinct).
    std::vector<std::string> countries(const std::string& userId) const;
    /// A successful sign-in: remembers the device and the country.
    void recordSignIn(const std::string& userId, const std::string& deviceHash, const std::string& address,
                      const std::string& country) const;

private:
    const Database& m_db;
};

} // namespace trellis::server
