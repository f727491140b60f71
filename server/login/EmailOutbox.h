#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace trellis::server {

class Database;

/// One email of the hosted login (row of email_outbox).
struct OutboxEmail
{
    std::string id;
    std::string orgId; ///< whose administrators may read it; empty when none
    std::string to;
    std::string subject;
    std::string text;
    std::string html; ///< empty: text only
    std::string createdAt;
    std::string sentAt; ///< empty until an SMTP server accepted it
    std::string error;  ///< the last SMTP failure, if any
};

void to_json(nlohmann::json& j, const OutboxEmail& e);

/// email_outbox: every email is written here first (in the caller's transaction), then sent when SMTP is
/// configured (MailSender). Administrators read it through GET /api/v1/outbox.
class EmailOutbox
{
public:
    explicit EmailOutbox(const Database& db)
        : m_db(db)
    {
    }

    /// Stores the email and returns it with id and createdAt.
    OutboxEmail add(OutboxEmail email) const;
    /// Newest first.
    std::vector<OutboxEmail> list(const std::string& orgId, int limit) const;
    std::vector<OutboxEmail> unsent(int limit) const;
    void markSent(const std::string& id) const;
    void markFailed(const std::string& id, const std::string& error) const;

private:
    const Database& m_db;
};

} // namespace trellis::server
