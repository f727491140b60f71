#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace trellis::core::flow {

/// A WebAuthn ceremony the server started: the challenge (base64url) to hand back when it finishes, and the
/// options for navigator.credentials.create()/get() with every binary member base64url-encoded.
struct PasskeyCeremony
{
    std::string challenge;
    nlohmann::json options = nlohmann::json::object();
};

/// What the browser sent back from navigator.credentials.create()/get(), every binary member base64url-encoded as
/// posted by the hosted page. Registration fills attestationObject and transports; assertion fills
/// authenticatorData, signature and userHandle.
struct PasskeyResponse
{
    std::string credentialId;
    std::string clientDataJson;
    std::string attestationObject;
    std::vector<std::string> transports;
    std::string authenticatorData;
    std::string signature;
    std::string userHandle;
};

/// The outcome of finishing a ceremony. `error` is a stable code (see core/crypto/WebAuthn.h, plus
/// "unknown_credential", "expired_challenge", "user_mismatch", "duplicate_credential", "inactive_user");
/// empty on success.
struct PasskeyResult
{
    std::string error;
    std::string userId; ///< the person the passkey belongs to
    std::string email;
    std::string credentialId; ///< base64url
    bool userVerified = false;

    bool ok() const { return error.empty(); }
};

} // namespace trellis::core::flow
