#include "server/login/MailSender.h"

#include "server/api/ApiContext.h"
#include "server/http/JsonLog.h"
#include "server/login/EmailOutbox.h"
#include "server/login/SmtpClient.h"
#include "server/store/Database.h"

namespace trellis::server {

void MailSender::dispatch(const ApiContext& context, const std::vector<std::string>& outboxIds)
{
    if (!context.smtp || context.smtp->host.empty() || outboxIds.empty())
        return;
    const EmailOutbox outbox(context.db);
    for (const OutboxEmail& email : outbox.unsent(200)) {
        if (std::find(outboxIds.begin(), outboxIds.end(), email.id) == outboxIds.end())
            continue;
        try {
            SmtpClient(*context.smtp).send({email.to, email.subject, email.text});
            context.db.transaction([&] { outbox.markSent(email.id); });
        } catch (const std::exception& e) {
            // The address is personal data and the body holds a secret: the log names the email by id only.
            JsonLog::error("sending an email failed", {{"email", email.id}, {"error", e.what()}});
            try {
                context.db.transaction([&] { outbox.markFailed(email.id, e.what()); });
            } catch (const std::exception&) {
            }
        }
    }
}

} // namespace trellis::server
