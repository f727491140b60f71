#pragma once

#include <string>

namespace trellis::server {

class Database;

/// terms_acceptances: which version of the terms each person accepted (accept-terms node).
class TermsAcceptanceRepository
{
public:
    explicit TermsAcceptanceRepository(const Database& db)
        : m_db(db)
    {
    }

    bool accepted(const std::string& userId, const std::string& version) const;
    /// Idempotent: accepting a version again keeps the first acceptance.
    void record(const std::string& userId, const std::string& version, const std::string& url) const;

private:
    const Database& m_db;
};

} // namespace trellis::server
