#pragma once

#include <map>
#include <string>

namespace trellis::server {

class Database;

/// user_attributes: profile attributes collected at sign-in (collect-profile node).
class UserAttributeRepository
{
public:
    explicit UserAttributeRepository(const Database& db)
        : m_db(db)
    {
    }

    std::map<std::string, std::string> get(const std::string& userId) const;
    /// Sets each given attribute (others stay as they are).
    void save(const std::string& userId, const std::map<std::string, std::string>& attributes) const;

private:
    const Database& m_db;
};

} // namespace trellis::server
