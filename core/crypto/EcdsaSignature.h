#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace trellis::core::crypto {

/// Conversion between OpenSSL's DER ECDSA signatures (SEQUENCE of INTEGER r, s) and the fixed-size R||S form that
/// JWS requires (RFC 7518 §3.4): 64 bytes for P-256, each half big-endian and left-padded with zeros.
namespace EcdsaSignature {

/// std::nullopt if the DER is malformed or r or s does not fit in coordinateSize bytes.
std::optional<std::string> derToRaw(std::string_view der, std::size_t coordinateSize = 32);

/// std::nullopt if raw is empty or of odd length.
std::optional<std::string> rawToDer(std::string_view raw);

} // namespace EcdsaSignature
} // namespace trellis::core::crypto
