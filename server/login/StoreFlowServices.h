#pragma once

#include "core/AuditEvent.h"
#include "core/flow/FlowServices.h"

#include <string>
#include <vector>

namespace trellis::server {

struct ApiContext;
struct HttpRequest;

/// FlowServices over the store for one request of the hosted login: Argon2id passwords (users.password_hash),
/// TOTP factors, throttling per account and per client address. Audit events are collected, not written: the
/// caller appends them in the transaction that saves the flow session.
class StoreFlowServices : public core::flow::FlowServices
{
public:
    /// `email` is what the sign-in identified so far (throttles addresses nobody has like accounts).
    StoreFlowServices(const ApiContext& context, const HttpRequest& request, std::string email);
    /// Computes the dummy Argon2id hash now, so the first unknown-user sign-in is not slower than the rest.
    static void warmUp();

    std::optional<core::flow::FlowUser> findUserByEmail(const std::string& email) override;
    core::flow::PasswordCheck verifyPassword(const std::string& userId, const std::string& password) override;
    bool hasTotp(const std::string& userId) override;
    bool verifyTotp(const std::string& userId, const std::string& code) override;
    core::flow::TotpEnrolment beginTotpEnrolment(const std::string& userId, const std::string& issuer) override;
    bool confirmTotpEnrolment(const std::string& userId, const std::string& code) override;
    void recordEvent(const core::flow::FlowEvent& event) override;

    // Passkeys (WebAuthn): the ceremony checks are core/crypto/WebAuthn's; credentials and the single-use challenges
    // live in passkey_credentials and passkey_challenges; the relying party follows the issuer URL.
    core::flow::PasskeyCeremony beginPasskeyRegistration(const std::string& userId, const std::string& email,
                                                         bool requireUserVerification) override;
    core::flow::PasskeyResult finishPasskeyRegistration(const std::string& userId, const std::string& challenge,
                                                        const core::flow::PasskeyResponse& response,
                                                        bool requireUserVerification) override;
    core::flow::PasskeyCeremony beginPasskeyAssertion(const std::string& userId, bool requireUserVerification) override;
    core::flow::PasskeyResult finishPasskeyAssertion(const std::string& userId, const std::string& challenge,
                                                     const core::flow::PasskeyResponse& response,
                                                     bool requireUserVerification) override;
    bool hasPasskey(const std::string& userId) override;

    /// Seconds the person must wait before another password or code attempt (0: go ahead). The hosted pages
    /// ask before submitting, so an attempt during a delay is never checked nor counted.
    int secondsToWait(const std::string& userId) const;

    /// The audit events of this request so far (never with passwords or codes).
    const std::vector<core::AuditEvent>& auditEvents() const { return m_events; }
    void addAuditEvent(core::AuditEvent event) { m_events.push_back(std::move(event)); }
    /// An audit event about `userId` (or an unidentified person) from this request.
    core::AuditEvent makeEvent(std::string action, const std::string& userId, const std::string& email,
                               std::string outcome) const;

private:
    std::string accountKey(const std::string& userId) const;
    /// Counts a failure on account and address; true when the account is now locked.
    bool countFailure(const std::string& userId);

    const ApiContext& m_context;
    const HttpRequest& m_request;
    std::string m_email;
    std::vector<core::AuditEvent> m_events;
};

} // namespace trellis::server
