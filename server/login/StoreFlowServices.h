#pragma once

#include "core/AuditEvent.h"
#include "core/flow/FlowServices.h"
#include "server/login/LoginText.h"

#include <iterator>
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

    // ---- Slice B: email sign-in, risk signals, organisations, terms, profile (see FlowServices).
    std::string sendMagicLink(const std::string& userId, const std::string& email, int expiryMinutes) override;
    core::flow::MagicLinkStatus magicLinkStatus(const std::string& linkId) override;
    void sendEmailCode(const std::string& userId, const std::string& email, int codeLength, int expiryMinutes) override;
    bool verifyEmailCode(const std::string& userId, const std::string& code) override;
    core::flow::RiskSignals riskSignals(const std::string& userId) override;
    std::vector<core::flow::FlowOrganisation> memberships(const std::string& userId) override;
    core::flow::FlowRequestContext requestContext() override;
    bool hasPassword(const std::string& userId) override;
    bool hasAcceptedTerms(const std::string& userId, const std::string& version) override;
    void recordTermsAcceptance(const std::string& userId, const std::string& version, const std::string& url) override;
    std::map<std::string, std::string> profileAttributes(const std::string& userId) override;
    void saveProfileAttributes(const std::string& userId,
                               const std::map<std::string, std::string>& attributes) override;

    /// What the slice B services need to know about the request (set by LoginApi before running the flow).
    void setFlowSession(std::string flowSessionId) { m_flowSessionId = std::move(flowSessionId); }
    void setRequestContext(core::flow::FlowRequestContext context) { m_requestContext = std::move(context); }
    void setDeviceHash(std::string hash) { m_deviceHash = std::move(hash); }
    void setLanguage(LoginText::Language language) { m_language = language; }
    /// Outbox ids of the emails this request wrote (LoginApi sends them after its transaction, see MailSender).
    const std::vector<std::string>& emailsWritten() const { return m_emails; }
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
    // Federation: providers from identity_providers (enabled ones, in active organisations); the upstream exchange is
    // FederationRelyingParty's; links, just-in-time people and memberships are written here, audited in the same
    // transaction.
    std::optional<core::flow::FederationProvider> identityProviderForDomain(const std::string& domain) override;
    std::optional<core::flow::FederationProvider> identityProvider(const std::string& providerId) override;
    core::flow::FederationRedirect beginFederatedSignIn(const core::flow::FederationProvider& provider,
                                                        const std::string& loginHint) override;
    core::flow::FederationResult finishFederatedSignIn(const std::string& providerId,
                                                       const core::flow::FederationCallback& callback,
                                                       const std::string& codeVerifier, const std::string& nonce,
                                                       bool jitProvisioning) override;

    /// Seconds the person must wait before another password or code attempt (0: go ahead). The hosted pages
    /// ask before submitting, so an attempt during a delay is never checked nor counted.
    int secondsToWait(const std::string& userId) const;

    /// The audit events of this request so far (never with passwords or codes).
    const std::vector<core::AuditEvent>& auditEvents() const { return m_events; }
    void addAuditEvent(core::AuditEvent event) { m_events.push_back(std::move(event)); }
    /// Takes back the last event with `action` not yet written (a journey's success that is not the end of the
    /// sign-in, because a second factor follows).
    void retractAuditEvent(const std::string& action)
    {
        for (auto it = m_events.rbegin(); it != m_events.rend(); ++it) {
            if (it->action == action) {
                m_events.erase(std::next(it).base());
                return;
            }
        }
    }
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
    std::string m_flowSessionId;
    core::flow::FlowRequestContext m_requestContext;
    std::string m_deviceHash;
    LoginText::Language m_language = LoginText::Language::English;
    std::vector<std::string> m_emails;

    /// Writes an email to the outbox for the sign-in's organisation (the request's, else the root).
    void writeEmail(const std::string& to, const std::string& subjectKey, const std::string& textKey,
                    const std::vector<std::pair<std::string, std::string>>& values);
};

} // namespace trellis::server
