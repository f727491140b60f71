#include "core/crypto/WebAuthn.h"

#include "core/Encoding.h"
#include "core/crypto/Cbor.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace trellis::core::crypto {

namespace {

constexpr std::size_t maxCredentialIdLength = 1023; // WebAuthn §6.5.1
constexpr std::size_t maxClientDataLength = 16384;

template <typename T>
std::optional<T> fail(std::string* error, const char* code)
{
    if (error)
        *error = code;
    return std::nullopt;
}

std::uint32_t bigEndian32(std::string_view b)
{
    return (std::uint32_t(static_cast<unsigned char>(b[0])) << 24) |
           (std::uint32_t(static_cast<unsigned char>(b[1])) << 16) |
           (std::uint32_t(static_cast<unsigned char>(b[2])) << 8) | std::uint32_t(static_cast<unsigned char>(b[3]));
}

// The checks every ceremony makes on authenticator data: RP ID hash, user presence, user verification.
std::string checkAuthenticatorData(const AuthenticatorData& data, const WebAuthnExpectation& expected)
{
    if (!constantTimeEquals(data.rpIdHash, sha256(expected.rpId)))
        return "wrong_rp";
    if (!data.userPresent())
        return "user_not_present";
    if (expected.requireUserVerification && !data.userVerified())
        return "user_not_verified";
    return {};
}

} // namespace

std::optional<AuthenticatorData> AuthenticatorData::parse(std::string_view bytes, std::string* error)
{
    if (bytes.size() < 37)
        return fail<AuthenticatorData>(error, "malformed");
    AuthenticatorData d;
    d.rpIdHash = std::string(bytes.substr(0, 32));
    d.flags = static_cast<std::uint8_t>(bytes[32]);
    d.signCount = bigEndian32(bytes.substr(33, 4));
    if (d.backupState() && !d.backupEligible())
        return fail<AuthenticatorData>(error, "malformed");
    std::size_t pos = 37;
    if (d.hasAttestedData()) {
        if (bytes.size() < pos + 18)
            return fail<AuthenticatorData>(error, "malformed");
        d.aaguid = std::string(bytes.substr(pos, 16));
        const std::size_t idLength = (std::size_t(static_cast<unsigned char>(bytes[pos + 16])) << 8) |
                                     std::size_t(static_cast<unsigned char>(bytes[pos + 17]));
        pos += 18;
        if (idLength == 0 || idLength > maxCredentialIdLength || bytes.size() < pos + idLength)
            return fail<AuthenticatorData>(error, "malformed");
        d.credentialId = std::string(bytes.substr(pos, idLength));
        pos += idLength;
        std::size_t consumed = 0;
        const auto key = Cbor::decodePrefix(bytes.substr(pos), consumed);
        if (!key || !key->isMap())
            return fail<AuthenticatorData>(error, "malformed");
        d.credentialPublicKey = std::string(bytes.substr(pos, consumed));
        pos += consumed;
    }
    if (d.flags & flagExtensionData) {
        std::size_t consumed = 0;
        const auto extensions = Cbor::decodePrefix(bytes.substr(pos), consumed);
        if (!extensions || !extensions->isMap())
            return fail<AuthenticatorData>(error, "malformed");
        pos += consumed;
    }
    if (pos != bytes.size())
        return fail<AuthenticatorData>(error, "malformed"); // trailing bytes: flags and content disagree
    return d;
}

namespace WebAuthn {

std::string checkClientData(std::string_view clientDataJson, std::string_view type, const WebAuthnExpectation& expected)
{
    if (clientDataJson.empty() || clientDataJson.size() > maxClientDataLength)
        return "malformed";
    const auto json = nlohmann::json::parse(clientDataJson, nullptr, false);
    if (!json.is_object() || !json.contains("type") || !json["type"].is_string() || !json.contains("challenge") ||
        !json["challenge"].is_string() || !json.contains("origin") || !json["origin"].is_string())
        return "malformed";
    if (json["type"].get<std::string>() != type)
        return "wrong_type";
    const auto challenge = base64UrlDecode(json["challenge"].get<std::string>());
    if (!challenge || expected.challenge.empty() || !constantTimeEquals(*challenge, expected.challenge))
        return "wrong_challenge";
    const std::string origin = json["origin"].get<std::string>();
    if (std::find(expected.origins.begin(), expected.origins.end(), origin) == expected.origins.end())
        return "wrong_origin";
    // Sign-ins inside someone else's iframe are refused: the hosted login never runs framed.
    if (json.contains("crossOrigin") && (!json["crossOrigin"].is_boolean() || json["crossOrigin"].get<bool>()))
        return "cross_origin";
    return {};
}

std::optional<RegisteredCredential> verifyRegistration(const WebAuthnExpectation& expected,
                                                       std::string_view clientDataJson,
                                                       std::string_view attestationObject, std::string& error)
{
    error = checkClientData(clientDataJson, "webauthn.create", expected);
    if (!error.empty())
        return std::nullopt;
    const auto attestation = Cbor::decode(attestationObject);
    if (!attestation || !attestation->isMap())
        return fail<RegisteredCredential>(&error, "malformed");
    const CborValue* fmt = attestation->find("fmt");
    const CborValue* attStmt = attestation->find("attStmt");
    const CborValue* authData = attestation->find("authData");
    if (!fmt || !fmt->isText() || !attStmt || !attStmt->isMap() || !authData || !authData->isBytes())
        return fail<RegisteredCredential>(&error, "malformed");

    const auto data = AuthenticatorData::parse(authData->string, &error);
    if (!data)
        return std::nullopt;
    error = checkAuthenticatorData(*data, expected);
    if (!error.empty())
        return std::nullopt;
    if (!data->hasAttestedData())
        return fail<RegisteredCredential>(&error, "malformed");
    std::string keyError;
    const auto key = CoseKey::fromBytes(data->credentialPublicKey, &keyError);
    if (!key)
        return fail<RegisteredCredential>(&error, "unsupported_key");

    if (fmt->string == "none") {
        if (!attStmt->entries.empty())
            return fail<RegisteredCredential>(&error, "bad_attestation");
    } else if (fmt->string == "packed") {
        const CborValue* alg = attStmt->find("alg");
        const CborValue* sig = attStmt->find("sig");
        if (attStmt->find("x5c") || attStmt->find("ecdaaKeyId"))
            return fail<RegisteredCredential>(&error, "unsupported_attestation");
        if (!alg || !alg->isInt() || !sig || !sig->isBytes() || attStmt->entries.size() != 2)
            return fail<RegisteredCredential>(&error, "bad_attestation");
        if (alg->integer != int(key->algorithm()))
            return fail<RegisteredCredential>(&error, "bad_attestation");
        const std::string signedData = authData->string + sha256(clientDataJson);
        if (!key->verify(signedData, sig->string))
            return fail<RegisteredCredential>(&error, "bad_attestation");
    } else {
        return fail<RegisteredCredential>(&error, "unsupported_attestation");
    }

    RegisteredCredential credential;
    credential.credentialId = data->credentialId;
    credential.publicKey = data->credentialPublicKey;
    credential.algorithm = key->algorithm();
    credential.signCount = data->signCount;
    credential.aaguid = data->aaguid;
    credential.userVerified = data->userVerified();
    credential.backupEligible = data->backupEligible();
    credential.backupState = data->backupState();
    credential.attestationFormat = fmt->string;
    error.clear();
    return credential;
}

std::optional<AssertionOutcome> verifyAssertion(const WebAuthnExpectation& expected, const CoseKey& key,
                                                std::uint32_t storedSignCount, std::string_view clientDataJson,
                                                std::string_view authenticatorData, std::string_view signature,
                                                std::string& error)
{
    error = checkClientData(clientDataJson, "webauthn.get", expected);
    if (!error.empty())
        return std::nullopt;
    const auto data = AuthenticatorData::parse(authenticatorData, &error);
    if (!data)
        return std::nullopt;
    // Assertions carry no attested credential data.
    if (data->hasAttestedData())
        return fail<AssertionOutcome>(&error, "malformed");
    error = checkAuthenticatorData(*data, expected);
    if (!error.empty())
        return std::nullopt;
    const std::string signedData = std::string(authenticatorData) + sha256(clientDataJson);
    if (!key.verify(signedData, signature))
        return fail<AssertionOutcome>(&error, "bad_signature");
    // Only a correctly signed assertion can report a clone: anyone could send a low counter otherwise.
    if (!signCountAcceptable(storedSignCount, data->signCount))
        return fail<AssertionOutcome>(&error, "counter_regression");
    error.clear();
    return AssertionOutcome{data->signCount, data->userVerified(), data->backupEligible(), data->backupState()};
}

bool signCountAcceptable(std::uint32_t stored, std::uint32_t received)
{
    if (stored == 0 && received == 0)
        return true;
    return received > stored;
}

} // namespace WebAuthn
} // namespace trellis::core::crypto
