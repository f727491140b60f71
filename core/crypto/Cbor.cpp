#include "core/crypto/Cbor.h"

#include <limits>

namespace trellis::core::crypto {

CborValue CborValue::fromInt(std::int64_t v)
{
    CborValue c;
    c.type = Type::Integer;
    c.integer = v;
    return c;
}

CborValue CborValue::fromBytes(std::string v)
{
    CborValue c;
    c.type = Type::Bytes;
    c.string = std::move(v);
    return c;
}

CborValue CborValue::fromText(std::string v)
{
    CborValue c;
    c.type = Type::Text;
    c.string = std::move(v);
    return c;
}

CborValue CborValue::fromBool(bool v)
{
    CborValue c;
    c.type = Type::Bool;
    c.boolean = v;
    return c;
}

CborValue CborValue::array(std::vector<CborValue> items)
{
    CborValue c;
    c.type = Type::Array;
    c.items = std::move(items);
    return c;
}

CborValue CborValue::map(std::vector<std::pair<CborValue, CborValue>> entries)
{
    CborValue c;
    c.type = Type::Map;
    c.entries = std::move(entries);
    return c;
}

const CborValue* CborValue::find(std::int64_t key) const
{
    if (type != Type::Map)
        return nullptr;
    for (const auto& [k, v] : entries) {
        if (k.type == Type::Integer && k.integer == key)
            return &v;
    }
    return nullptr;
}

const CborValue* CborValue::find(std::string_view key) const
{
    if (type != Type::Map)
        return nullptr;
    for (const auto& [k, v] : entries) {
        if (k.type == Type::Text && k.string == key)
            return &v;
    }
    return nullptr;
}

namespace {

struct Malformed
{
};

bool validUtf8(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t extra = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= s.size())
            return false;
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            if ((b & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (b & 0x3F);
        }
        // Overlong forms, surrogates and values beyond Unicode are not UTF-8.
        if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) ||
            (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return false;
        i += extra + 1;
    }
    return true;
}

class Decoder
{
public:
    Decoder(std::string_view data, const CborLimits& limits)
        : m_data(data)
        , m_limits(limits)
    {
    }

    CborValue item(std::size_t depth)
    {
        const std::uint8_t initial = byte();
        const int major = initial >> 5;
        const int info = initial & 0x1F;
        if (major == 7) {
            switch (info) {
            case 20:
                return CborValue::fromBool(false);
            case 21:
                return CborValue::fromBool(true);
            case 22:
                return CborValue{};
            default:
                throw Malformed{}; // undefined, other simple values, floats, "break"
            }
        }
        if (major == 6)
            throw Malformed{}; // tags: WebAuthn has none
        const std::uint64_t argument = this->argument(info);
        switch (major) {
        case 0:
            if (argument > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
                throw Malformed{};
            return CborValue::fromInt(std::int64_t(argument));
        case 1:
            if (argument > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
                throw Malformed{};
            return CborValue::fromInt(-1 - std::int64_t(argument));
        case 2:
        case 3: {
            if (argument > m_limits.maxStringLength || argument > remaining())
                throw Malformed{};
            std::string s(m_data.substr(m_pos, std::size_t(argument)));
            m_pos += std::size_t(argument);
            if (major == 3 && !validUtf8(s))
                throw Malformed{};
            return major == 2 ? CborValue::fromBytes(std::move(s)) : CborValue::fromText(std::move(s));
        }
        case 4: {
            if (depth >= m_limits.maxDepth || argument > m_limits.maxItems || argument > remaining())
                throw Malformed{};
            std::vector<CborValue> items;
            items.reserve(std::size_t(argument));
            for (std::uint64_t i = 0; i < argument; ++i)
                items.push_back(item(depth + 1));
            return CborValue::array(std::move(items));
        }
        case 5: {
            if (depth >= m_limits.maxDepth || argument > m_limits.maxItems || argument > remaining() / 2)
                throw Malformed{};
            std::vector<std::pair<CborValue, CborValue>> entries;
            entries.reserve(std::size_t(argument));
            for (std::uint64_t i = 0; i < argument; ++i) {
                CborValue key = item(depth + 1);
                if (key.type != CborValue::Type::Integer && key.type != CborValue::Type::Text)
                    throw Malformed{};
                for (const auto& existing : entries) {
                    if (existing.first == key)
                        throw Malformed{}; // a repeated key makes the map ambiguous
                }
                CborValue value = item(depth + 1);
                entries.emplace_back(std::move(key), std::move(value));
            }
            return CborValue::map(std::move(entries));
        }
        }
        throw Malformed{};
    }

    std::size_t position() const { return m_pos; }

private:
    std::size_t remaining() const { return m_data.size() - m_pos; }

    std::uint8_t byte()
    {
        if (m_pos >= m_data.size())
            throw Malformed{};
        return static_cast<std::uint8_t>(m_data[m_pos++]);
    }

    std::uint64_t argument(int info)
    {
        if (info < 24)
            return std::uint64_t(info);
        int size = 0;
        switch (info) {
        case 24:
            size = 1;
            break;
        case 25:
            size = 2;
            break;
        case 26:
            size = 4;
            break;
        case 27:
            size = 8;
            break;
        default:
            throw Malformed{}; // 28..30 reserved, 31 indefinite length
        }
        std::uint64_t value = 0;
        for (int i = 0; i < size; ++i)
            value = (value << 8) | byte();
        return value;
    }

    std::string_view m_data;
    const CborLimits& m_limits;
    std::size_t m_pos = 0;
};

void head(std::string& out, int major, std::uint64_t argument)
{
    const auto m = static_cast<std::uint8_t>(major << 5);
    auto bytes = [&](int count) {
        for (int i = count - 1; i >= 0; --i)
            out += static_cast<char>((argument >> (8 * i)) & 0xFF);
    };
    if (argument < 24) {
        out += static_cast<char>(m | argument);
    } else if (argument <= 0xFF) {
        out += static_cast<char>(m | 24);
        bytes(1);
    } else if (argument <= 0xFFFF) {
        out += static_cast<char>(m | 25);
        bytes(2);
    } else if (argument <= 0xFFFFFFFFu) {
        out += static_cast<char>(m | 26);
        bytes(4);
    } else {
        out += static_cast<char>(m | 27);
        bytes(8);
    }
}

void encodeTo(std::string& out, const CborValue& v)
{
    switch (v.type) {
    case CborValue::Type::Integer:
        if (v.integer >= 0)
            head(out, 0, std::uint64_t(v.integer));
        else
            head(out, 1, std::uint64_t(-1 - v.integer));
        return;
    case CborValue::Type::Bytes:
    case CborValue::Type::Text:
        head(out, v.type == CborValue::Type::Bytes ? 2 : 3, v.string.size());
        out += v.string;
        return;
    case CborValue::Type::Array:
        head(out, 4, v.items.size());
        for (const auto& item : v.items)
            encodeTo(out, item);
        return;
    case CborValue::Type::Map:
        head(out, 5, v.entries.size());
        for (const auto& [key, value] : v.entries) {
            encodeTo(out, key);
            encodeTo(out, value);
        }
        return;
    case CborValue::Type::Bool:
        out += static_cast<char>(v.boolean ? 0xF5 : 0xF4);
        return;
    case CborValue::Type::Null:
        out += static_cast<char>(0xF6);
        return;
    }
}

} // namespace

namespace Cbor {

std::optional<CborValue> decodePrefix(std::string_view data, std::size_t& consumed, const CborLimits& limits)
{
    try {
        Decoder decoder(data, limits);
        CborValue value = decoder.item(0);
        consumed = decoder.position();
        return value;
    } catch (const Malformed&) {
        return std::nullopt;
    }
}

std::optional<CborValue> decode(std::string_view data, const CborLimits& limits)
{
    std::size_t consumed = 0;
    auto value = decodePrefix(data, consumed, limits);
    if (!value || consumed != data.size())
        return std::nullopt;
    return value;
}

std::string encode(const CborValue& value)
{
    std::string out;
    encodeTo(out, value);
    return out;
}

} // namespace Cbor
} // namespace trellis::core::crypto
