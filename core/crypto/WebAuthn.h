#pragma once

#include "core/crypto/CoseKey.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trellis::core::crypto {

/// The authenticator data a WebAuthn authenticator signs (WebAuthn Level 3 §6.1).
struct AuthenticatorData
{
    static constexpr std::uint8_t flagUserPresent = 0x01;
    static constexpr std::uint8_t flagUserVerified = 0x04;
    static constexpr std::uint8_t flagBackupEligible = 0x08;
    static constexpr std::uint8_t flagBackupState = 0x10;
    static constexpr std::uint8_t flagAttestedData = 0x40;
    static constexpr std::uint8_t flagExtensionData = 0x80;

    std::string rpIdHash; ///< SHA-256 of the RP ID, 32 bytes
    std::uint8_t flags = 0;
    std::uint32_t signCount = 0;
    // Attested credential data, present when flagAttestedData is set (registration).
    std::string aaguid;              ///< 16 bytes
    std::string credentialId;        ///< 1..1023 bytes
    std::string credentialPublicKey; ///< the COSE_Key exactly as encoded in the data

    bool userPresent() const { return flags & flagUserPresent; }
    bool userVerified() const { return flags & flagUserVerified; }
    bool backupEligible() const { return flags & flagBackupEligible; }
    bool backupState() const { return flags & flagBackupState; }
    bool hasAttestedData() const { return flags & flagAttestedData; }

    /// Parses the binary form strictly: nothing may follow the attested data and extensions; a backup state without
    /// backup eligibility is refused. `error` receives the reason.
    static std::optional<AuthenticatorData> parse(std::string_view bytes, std::string* error = nullptr);
};

/// What a registration or assertion must match, from the relying party's side.
struct WebAuthnExpectation
{
    std::string rpId;                 ///< e.g. "login.example.com"
    std::vector<std::string> origins; ///< exact origins allowed, e.g. "https://login.example.com"
    std::string challenge;            ///< the raw challenge bytes this ceremony was started with
    bool requireUserVerification = false;
};

/// A credential the registration ceremony accepted, ready to store.
struct RegisteredCredential
{
    std::string credentialId; ///< raw bytes
    std::string publicKey;    ///< COSE_Key CBOR
    CoseAlgorithm algorithm = CoseAlgorithm::ES256;
    std::uint32_t signCount = 0;
    std::string aaguid; ///< 16 raw bytes (all zero for "none" attestation)
    bool userVerified = false;
    bool backupEligible = false;
    bool backupState = false;
    std::string attestationFormat; ///< "none" or "packed"
};

struct AssertionOutcome
{
    std::uint32_t signCount = 0;
    bool userVerified = false;
    bool backupEligible = false;
    bool backupState = false;
};

/// Server-side checks of the WebAuthn ceremonies (WebAuthn Level 3 §7.1 and §7.2). Every function answers with a
/// stable error code in `error` (empty on success), so callers can audit the reason without parsing messages:
/// "malformed", "wrong_type", "wrong_challenge", "wrong_origin", "cross_origin", "wrong_rp", "user_not_present",
/// "user_not_verified", "unsupported_attestation", "bad_attestation", "unsupported_key", "bad_signature",
/// "counter_regression".
///
/// Attestation: only "none" (empty statement) and "packed" self-attestation (no x5c; the signature is checked with
/// the credential's own key, whose algorithm must match) are accepted. Every other format ("fido-u2f", "tpm",
/// "android-key", "android-safetynet", "apple", packed with an x5c certificate chain) is refused as
/// "unsupported_attestation": this relying party asks for attestation "none" and keeps no trust anchors, so a
/// certificate chain could not be judged anyway.
namespace WebAuthn {

/// Checks clientDataJSON: its type ("webauthn.create" / "webauthn.get"), the challenge (constant-time), the
/// origin (exactly one of the expected ones) and that it was not made in a cross-origin iframe.
std::string checkClientData(std::string_view clientDataJson, std::string_view type,
                            const WebAuthnExpectation& expected);

/// Registration (navigator.credentials.create): clientDataJSON and the attestation object as the browser sent them.
std::optional<RegisteredCredential> verifyRegistration(const WebAuthnExpectation& expected,
                                                       std::string_view clientDataJson,
                                                       std::string_view attestationObject, std::string& error);

/// Assertion (navigator.credentials.get) with a stored credential's key and signature counter. The signature covers
/// authenticatorData || SHA-256(clientDataJSON).
std::optional<AssertionOutcome> verifyAssertion(const WebAuthnExpectation& expected, const CoseKey& key,
                                                std::uint32_t storedSignCount, std::string_view clientDataJson,
                                                std::string_view authenticatorData, std::string_view signature,
                                                std::string& error);

/// The signature counter rule (§6.1.1): when either counter is non-zero the new one must be greater; otherwise the
/// authenticator may have been cloned. Both zero means the authenticator keeps no counter (most passkeys).
bool signCountAcceptable(std::uint32_t stored, std::uint32_t received);

} // namespace WebAuthn
} // namespace trellis::core::crypto
