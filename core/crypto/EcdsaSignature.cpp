#include "core/crypto/EcdsaSignature.h"

#include <memory>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>

namespace trellis::core::crypto::EcdsaSignature {

namespace {
struct SigFree
{
    void operator()(ECDSA_SIG* s) const { ECDSA_SIG_free(s); }
};
using SigPtr = std::unique_ptr<ECDSA_SIG, SigFree>;
} // namespace

std::optional<std::string> derToRaw(std::string_view der, std::size_t coordinateSize)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    SigPtr sig(d2i_ECDSA_SIG(nullptr, &p, long(der.size())));
    // Trailing bytes after the SEQUENCE mean it is not a signature we produced.
    if (!sig || p != reinterpret_cast<const unsigned char*>(der.data()) + der.size()) {
        ERR_clear_error();
        return std::nullopt;
    }
    const BIGNUM* r = nullptr;
    const BIGNUM* s = nullptr;
    ECDSA_SIG_get0(sig.get(), &r, &s);
    std::string raw(coordinateSize * 2, '\0');
    auto* out = reinterpret_cast<unsigned char*>(raw.data());
    if (BN_bn2binpad(r, out, int(coordinateSize)) < 0 ||
        BN_bn2binpad(s, out + coordinateSize, int(coordinateSize)) < 0) {
        ERR_clear_error();
        return std::nullopt;
    }
    return raw;
}

std::optional<std::string> rawToDer(std::string_view raw)
{
    if (raw.empty() || raw.size() % 2 != 0)
        return std::nullopt;
    const int half = int(raw.size() / 2);
    const auto* in = reinterpret_cast<const unsigned char*>(raw.data());
    BIGNUM* r = BN_bin2bn(in, half, nullptr);
    BIGNUM* s = BN_bin2bn(in + half, half, nullptr);
    SigPtr sig(ECDSA_SIG_new());
    if (!r || !s || !sig || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
        BN_free(r);
        BN_free(s);
        ERR_clear_error();
        return std::nullopt;
    }
    unsigned char* der = nullptr;
    const int length = i2d_ECDSA_SIG(sig.get(), &der);
    if (length <= 0) {
        ERR_clear_error();
        return std::nullopt;
    }
    std::string out(reinterpret_cast<const char*>(der), std::size_t(length));
    OPENSSL_free(der);
    return out;
}

} // namespace trellis::core::crypto::EcdsaSignature
