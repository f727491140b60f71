#pragma once

#include "core/flow/Passkey.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace trellis::core::flow {

/// Result of checking a password; each becomes the password node's outcome of the same name.
enum class PasswordCheck
{
    Ok,
    Wrong,
    Locked,
    NotSet
};

/// The user an identify step found.
struct FlowUser
{
    std::string id;
    std::string email;
};

/// A TOTP enrolment in progress: what the hosted page shows as a QR code and as text.
struct TotpEnrolment
{
    std::string secret;     ///< base32, for manual entry
    std::string otpauthUri; ///< otpauth://totp/... for the QR code
};

/// Something worth an audit event, reported by the interpreter as it runs.
struct FlowEvent
{
    std::string type; ///< stable, e.g. "flow.password.wrong", "flow.success"
    std::string nodeId;
    std::string userId; ///< empty when nobody is identified
    std::string email;
    nlohmann::json detail = nlohmann::json::object();
};

/// Where a magic link stands (slice B, see FlowServices::magicLinkStatus).
enum class MagicLinkStatus
{
    Pending,  ///< sent, not opened yet
    Verified, ///< opened within its lifetime (single use: the token is spent)
    Expired   ///< not opened in time, or unknown
};

/// What the server knows about this sign-in attempt for the risk node (see RiskAssessor for the scoring).
struct RiskSignals
{
    bool knownDevice = false;           ///< the browser carries a device cookie this user signed in with before
    std::string address;                ///< client IP address as text (IPv4 or IPv6)
    int recentFailures = 0;             ///< failed sign-in attempts on this account in the last hour
    std::vector<std::string> countries; ///< countries of this user's earlier sign-ins (codes from the node's table)
    int hour = 0;                       ///< hour of day 0..23 (UTC) of this attempt
};

/// One organisation a person is a live member of (choose-organisation, conditions).
struct FlowOrganisation
{
    std::string id;
    std::string name;
};

/// Where this sign-in happens: the organisation the application was opened for and the OIDC client.
struct FlowRequestContext
{
    std::string orgId;    ///< empty when the request named none
    std::string clientId; ///< empty outside an OIDC authorization
};

/// An organisation's upstream OpenID Connect provider as a journey sees it (home-realm discovery, federated sign-in).
struct FederationProvider
{
    std::string id;
    std::string name;  ///< display name, shown on the hosted pages
    std::string orgId; ///< the organisation that configured it (just-in-time members join it)
};

/// Where to send the browser to sign in upstream, and what the sign-in must remember until it comes back.
struct FederationRedirect
{
    std::string error;            ///< empty when it worked, else e.g. "unknown_provider", "provider_unavailable"
    std::string authorizationUrl; ///< the upstream's authorization endpoint with every parameter
    std::string state;            ///< comes back in the callback; compared in constant time
    std::string nonce;            ///< must come back inside the ID token
    std::string codeVerifier;     ///< PKCE S256 verifier (the challenge is in the URL)

    bool ok() const { return error.empty(); }
};

/// What the upstream sent back to the callback (query parameters code, error, iss).
struct FederationCallback
{
    std::string code;
    std::string error;  ///< the upstream's OAuth error code (access_denied...), empty when a code came
    std::string issuer; ///< "iss" of the authorization response (RFC 9207), empty when the upstream sends none
};

/// How a federated sign-in ended; each becomes the federated-signin node's outcome of the same name.
enum class FederationOutcome
{
    Success,
    Failure,
    NoAccount
};

struct FederationResult
{
    FederationOutcome outcome = FederationOutcome::Failure;
    std::string error; ///< why it failed, stable: "token_exchange_failed", "invalid_id_token", "email_not_verified"...
    std::string userId;
    std::string email;
    bool provisioned = false; ///< just-in-time provisioning created the person and their membership
    bool linked = false;      ///< the upstream subject was linked to a person just now
};

/// What the interpreter needs from the outside world. The server implements it over its store and
/// crypto helpers; core never does I/O itself. Calls happen synchronously inside submit()/start().
class FlowServices
{
public:
    virtual ~FlowServices() = default;

    /// `email` is normalised. nullopt when nobody has that address.
    virtual std::optional<FlowUser> findUserByEmail(const std::string& email) = 0;
    /// `userId` is empty when identify found nobody: implementations must then answer Wrong after the same
    /// work (a dummy hash), so neither the answer nor its timing tells whether the account exists.
    /// Implementations also own throttling and lock-out (they answer Locked).
    virtual PasswordCheck verifyPassword(const std::string& userId, const std::string& password) = 0;
    virtual bool hasTotp(const std::string& userId) = 0;
    virtual bool verifyTotp(const std::string& userId, const std::string& code) = 0;
    /// Starts an enrolment, or returns the one already pending for this user: a page reload must show the
    /// same secret, so the interpreter may call this more than once.
    virtual TotpEnrolment beginTotpEnrolment(const std::string& userId, const std::string& issuer) = 0;
    /// Checks a code against the pending secret and, when it matches, makes it the user's TOTP secret.
    virtual bool confirmTotpEnrolment(const std::string& userId, const std::string& code) = 0;
    virtual void recordEvent(const FlowEvent& event) = 0;

    // ---- Slice B: email sign-in (magic link, one-time code). `userId` is empty when identify found nobody:
    // implementations then send nothing but answer as if they had (no account enumeration).

    /// Sends a single-use sign-in link valid for `expiryMinutes` and returns an opaque id of that link (never the
    /// token itself), kept in the flow state to ask magicLinkStatus() later.
    virtual std::string sendMagicLink(const std::string& userId, const std::string& email, int expiryMinutes) = 0;
    virtual MagicLinkStatus magicLinkStatus(const std::string& linkId) = 0;
    /// Sends a fresh numeric code valid for `expiryMinutes` (earlier codes of this user stop working).
    virtual void sendEmailCode(const std::string& userId, const std::string& email, int codeLength,
                               int expiryMinutes) = 0;
    /// Single use; wrong attempts count towards throttling like a wrong password.
    virtual bool verifyEmailCode(const std::string& userId, const std::string& code) = 0;

    // ---- Slice B: risk signals (the score itself is computed in core by RiskAssessor).
    virtual RiskSignals riskSignals(const std::string& userId) = 0;

    // ---- Slice B: organisations, application and user facts (choose-organisation, condition).
    /// Live memberships of the user in active organisations, sorted by name.
    virtual std::vector<FlowOrganisation> memberships(const std::string& userId) = 0;
    virtual FlowRequestContext requestContext() = 0;
    virtual bool hasPassword(const std::string& userId) = 0;

    // ---- Slice B: terms of use.
    virtual bool hasAcceptedTerms(const std::string& userId, const std::string& version) = 0;
    /// Records the acceptance of one version (idempotent).
    virtual void recordTermsAcceptance(const std::string& userId, const std::string& version,
                                       const std::string& url) = 0;

    // ---- Slice B: profile attributes (name -> value; see ProfileAttributes for the names).
    virtual std::map<std::string, std::string> profileAttributes(const std::string& userId) = 0;
    virtual void saveProfileAttributes(const std::string& userId,
                                       const std::map<std::string, std::string>& attributes) = 0;
    // ---- Passkeys (WebAuthn; issue 5 slice C). Challenges are single use and expire; implementations verify the
    // ceremony (origin, RP ID, challenge, signature, sign counter) and never trust the browser's word.
    /// Starts registering a passkey for `userId` (shown to the authenticator as `email`); excludes the person's
    /// existing credentials.
    virtual PasskeyCeremony beginPasskeyRegistration(const std::string& userId, const std::string& email,
                                                     bool requireUserVerification) = 0;
    /// Checks the attestation against `challenge` (from beginPasskeyRegistration) and stores the credential.
    virtual PasskeyResult finishPasskeyRegistration(const std::string& userId, const std::string& challenge,
                                                    const PasskeyResponse& response, bool requireUserVerification) = 0;
    /// Starts a sign-in with a passkey: `userId` empty asks for a discoverable credential (any of this site's
    /// passkeys), else the person's own credentials are allowed.
    virtual PasskeyCeremony beginPasskeyAssertion(const std::string& userId, bool requireUserVerification) = 0;
    /// Checks the assertion against `challenge` and the stored credential, updates its counter and last use, and
    /// answers who signed in. With `userId` given, a passkey of anyone else is refused ("user_mismatch").
    virtual PasskeyResult finishPasskeyAssertion(const std::string& userId, const std::string& challenge,
                                                 const PasskeyResponse& response, bool requireUserVerification) = 0;
    /// Whether the person has at least one passkey.
    virtual bool hasPasskey(const std::string& userId) = 0;

    // ---- Federation (issue 5): upstream OpenID Connect providers configured per organisation. The defaults answer
    // "no provider configured", for services that know none (benchmarks).
    /// The enabled provider that claims this email domain (lower case), if any.
    virtual std::optional<FederationProvider> identityProviderForDomain(const std::string& domain)
    {
        (void)domain;
        return std::nullopt;
    }
    /// An enabled provider by id.
    virtual std::optional<FederationProvider> identityProvider(const std::string& providerId)
    {
        (void)providerId;
        return std::nullopt;
    }
    /// Makes state, nonce and PKCE verifier and the upstream authorization URL (`loginHint`: the typed address).
    virtual FederationRedirect beginFederatedSignIn(const FederationProvider& provider, const std::string& loginHint)
    {
        (void)provider;
        (void)loginHint;
        return {"unknown_provider", {}, {}, {}, {}};
    }
    /// Exchanges the code (with the verifier), validates the ID token (signature, iss, aud, exp, iat, nonce) and finds
    /// the person: linked upstream subject, else a person with that address when the upstream says it is verified
    /// (linked now), else a new person with a membership in the provider's organisation when `jitProvisioning`.
    virtual FederationResult finishFederatedSignIn(const std::string& providerId, const FederationCallback& callback,
                                                   const std::string& codeVerifier, const std::string& nonce,
                                                   bool jitProvisioning)
    {
        (void)providerId;
        (void)callback;
        (void)codeVerifier;
        (void)nonce;
        (void)jitProvisioning;
        return {FederationOutcome::Failure, "unknown_provider", {}, {}, false, false};
    }
};

void to_json(nlohmann::json& j, const FlowEvent& e);

} // namespace trellis::core::flow
