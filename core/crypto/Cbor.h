#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace trellis::core::crypto {

/// One decoded CBOR (RFC 8949) data item of the subset WebAuthn uses: integers, byte and text strings, arrays,
/// maps, true, false and null. Map entries keep their order.
struct CborValue
{
    enum class Type
    {
        Integer, ///< major types 0 and 1, held in `integer` (values outside int64 are refused by the decoder)
        Bytes,
        Text,
        Array,
        Map,
        Bool,
        Null
    };

    Type type = Type::Null;
    std::int64_t integer = 0;
    bool boolean = false;
    std::string string; ///< Bytes and Text
    std::vector<CborValue> items;
    std::vector<std::pair<CborValue, CborValue>> entries;

    static CborValue fromInt(std::int64_t v);
    static CborValue fromBytes(std::string v);
    static CborValue fromText(std::string v);
    static CborValue fromBool(bool v);
    static CborValue array(std::vector<CborValue> items);
    static CborValue map(std::vector<std::pair<CborValue, CborValue>> entries);

    bool isInt() const { return type == Type::Integer; }
    bool isBytes() const { return type == Type::Bytes; }
    bool isText() const { return type == Type::Text; }
    bool isMap() const { return type == Type::Map; }
    /// The value of a map entry with this integer (COSE labels) or text key; nullptr when absent or not a map.
    const CborValue* find(std::int64_t key) const;
    const CborValue* find(std::string_view key) const;

    bool operator==(const CborValue&) const = default;
};

/// Bounds on what the decoder accepts, so a hostile input cannot make it recurse or allocate without limit.
struct CborLimits
{
    std::size_t maxDepth = 8;            ///< nesting of arrays and maps
    std::size_t maxItems = 256;          ///< entries of one array or map
    std::size_t maxStringLength = 16384; ///< bytes of one byte or text string
};

/// Strict decoder: definite lengths only (no indefinite-length items), no tags, floats or simple values other
/// than false/true/null, map keys only integers or text and never repeated, text must be valid UTF-8, integers
/// must fit in int64. Non-shortest length encodings are accepted (CTAP2 asks authenticators for canonical CBOR,
/// but a verifier gains nothing from refusing them).
namespace Cbor {

/// Decodes exactly one item that spans all of `data`; nullopt on any violation or trailing bytes.
std::optional<CborValue> decode(std::string_view data, const CborLimits& limits = {});
/// Decodes one item from the start of `data`; `consumed` gets its length (authenticator data carries the COSE key
/// followed by further items).
std::optional<CborValue> decodePrefix(std::string_view data, std::size_t& consumed, const CborLimits& limits = {});
/// Shortest-form encoding (map entries in the given order). Used to build test vectors and to store COSE keys.
std::string encode(const CborValue& value);

} // namespace Cbor
} // namespace trellis::core::crypto
