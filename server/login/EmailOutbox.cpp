#include "server/login/EmailOutbox.h"

#include "core/Random.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

#include <chrono>

namespace trellis::server {

using namespace sql;

void to_json(nlohmann::json& j, const OutboxEmail& e)
{
    j = {{"id", e.id},
         {"orgId", e.orgId.empty() ? nlohmann::json() : nlohmann::json(e.orgId)},
         {"to", e.to},
         {"subject", e.subject},
         {"text", e.text},
         {"createdAt", e.createdAt},
         {"sentAt", e.sentAt.empty() ? nlohmann::json() : nlohmann::json(e.sentAt)}};
    if (!e.html.empty())
        j["html"] = e.html;
    if (!e.error.empty())
        j["error"] = e.error;
}

namespace {

const QString columns =
    QStringLiteral("id, org_id, to_address, subject, text_body, html_body, created_at, sent_at, error");

OutboxEmail read(const QSqlQuery& q)
{
    const auto text = [&](int i) { return q.value(i).isNull() ? std::string() : ss(q.value(i)); };
    return {text(0), text(1), text(2), text(3), text(4), text(5), text(6), text(7), text(8)};
}

} // namespace

OutboxEmail EmailOutbox::add(OutboxEmail email) const
{
    email.id = core::newUuid();
    email.createdAt = sql::now(m_db);
    QSqlQuery q = prepare(m_db, QStringLiteral("INSERT INTO email_outbox (") + columns +
                                    QStringLiteral(", created_us) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)"));
    q.addBindValue(qs(email.id));
    q.addBindValue(nullable(email.orgId));
    q.addBindValue(qs(email.to));
    q.addBindValue(qs(email.subject));
    q.addBindValue(qs(email.text));
    q.addBindValue(nullable(email.html));
    q.addBindValue(qs(email.createdAt));
    q.addBindValue(qlonglong(
        std::chrono::duration_cast<std::chrono::microseconds>(m_db.clock().now().time_since_epoch()).count()));
    run(q, "storing an email failed");
    return email;
}

std::vector<OutboxEmail> EmailOutbox::list(const std::string& orgId, int limit) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT ") + columns +
                                    QStringLiteral(" FROM email_outbox WHERE org_id = ? ORDER BY created_us DESC, id "
                                                   "DESC LIMIT ?"));
    q.addBindValue(qs(orgId));
    q.addBindValue(limit);
    run(q, "listing emails failed");
    std::vector<OutboxEmail> out;
    while (q.next())
        out.push_back(read(q));
    return out;
}

std::vector<OutboxEmail> EmailOutbox::unsent(int limit) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT ") + columns +
                                    QStringLiteral(" FROM email_outbox WHERE sent_at IS NULL ORDER BY created_us, id "
                                                   "LIMIT ?"));
    q.addBindValue(limit);
    run(q, "listing unsent emails failed");
    std::vector<OutboxEmail> out;
    while (q.next())
        out.push_back(read(q));
    return out;
}

void EmailOutbox::markSent(const std::string& id) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE email_outbox SET sent_at = ?, error = NULL WHERE id = ?"));
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(qs(id));
    run(q, "marking an email sent failed");
}

void EmailOutbox::markFailed(const std::string& id, const std::string& error) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE email_outbox SET error = ? WHERE id = ?"));
    q.addBindValue(qs(error.substr(0, 500)));
    q.addBindValue(qs(id));
    run(q, "recording an email failure failed");
}

} // namespace trellis::server
