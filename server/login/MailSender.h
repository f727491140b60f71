#pragma once

#include <string>
#include <vector>

namespace trellis::server {

struct ApiContext;

/// Sends outbox emails through SMTP when trellisd has SMTP settings (ApiContext::smtp); without them the outbox is
/// the only delivery (administrators read it through GET /api/v1/outbox). Sending happens after the request's
/// transaction; a failure is recorded on the email (error column) and logged, never thrown.
class MailSender
{
public:
    static void dispatch(const ApiContext& context, const std::vector<std::string>& outboxIds);
};

} // namespace trellis::server
