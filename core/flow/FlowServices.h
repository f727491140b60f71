#pragma once

#include "core/flow/Passkey.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

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
};

void to_json(nlohmann::json& j, const FlowEvent& e);

} // namespace trellis::core::flow
