#include "SelfSignedCertificate.h"

#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace trellis::tests {

namespace {

template <auto Free>
struct Deleter
{
    template <typename T>
    void operator()(T* p) const
    {
        Free(p);
    }
};

using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Deleter<X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;

} // namespace

QString writeSelfSignedCertificate(const QString& certificateFile, const QString& keyFile)
{
    KeyPtr key(EVP_EC_gen("P-256"));
    if (!key) {
        return QStringLiteral("EC key generation failed");
    }
    CertPtr cert(X509_new());
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3600);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("localhost"), -1, -1,
                               0);
    X509_set_issuer_name(cert.get(), name);

    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, cert.get(), cert.get(), nullptr, nullptr, 0);
    for (const auto& [nid, value] : {std::pair{NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1"},
                                     std::pair{NID_basic_constraints, "critical,CA:TRUE"}}) {
        ExtPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
        if (!extension || X509_add_ext(cert.get(), extension.get(), -1) != 1) {
            return QStringLiteral("adding a certificate extension failed");
        }
    }
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0) {
        return QStringLiteral("signing the certificate failed");
    }

    BioPtr certOut(BIO_new_file(certificateFile.toLocal8Bit().constData(), "w"));
    if (!certOut || PEM_write_bio_X509(certOut.get(), cert.get()) != 1) {
        return QStringLiteral("writing ") + certificateFile + QStringLiteral(" failed");
    }
    BioPtr keyOut(BIO_new_file(keyFile.toLocal8Bit().constData(), "w"));
    if (!keyOut || PEM_write_bio_PrivateKey(keyOut.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        return QStringLiteral("writing ") + keyFile + QStringLiteral(" failed");
    }
    return {};
}

} // namespace trellis::tests
