#include "server/oidc/SigningKeyRing.h"

#include "server/oidc/SigningKeyRepository.h"
#include "server/store/Database.h"

#include <algorithm>

namespace trellis::server {

namespace {

// Retired keys stay published for as long as anything they signed may still be presented, plus clock skew.
std::chrono::seconds retiredPublication(const OidcOptions& options)
{
    return std::max(options.accessTokenLifetime, options.idTokenLifetime) + std::chrono::seconds(300);
}

} // namespace

SigningKeyRing::SigningKeyRing(const Database& db, OidcOptions options)
    : m_db(db)
    , m_options(options)
{
}

std::shared_ptr<const SigningKeyRing::Keys> SigningKeyRing::load() const
{
    SigningKeyRepository repository(m_db);
    repository.ensureActive(m_options.signingKeyMaxAge, retiredPublication(m_options));
    auto keys = std::make_shared<Keys>();
    keys->jwks = {{"keys", nlohmann::json::array()}};
    for (const auto& stored : repository.published()) {
        auto verification = core::crypto::VerificationKey::fromJwk(stored.publicJwk);
        if (!verification)
            continue;
        if (!keys->active && stored.retiredAt.empty())
            keys->active = core::crypto::SigningKey::fromPkcs8Pem(stored.privateKeyPem);
        keys->jwks["keys"].push_back(verification->jwk());
        keys->verification.push_back(std::move(*verification));
    }
    return keys;
}

std::shared_ptr<const SigningKeyRing::Keys> SigningKeyRing::keys() const
{
    std::lock_guard lock(m_mutex);
    const auto now = m_db.clock().now();
    if (!m_keys || now >= m_loadedAt + m_options.signingKeyCacheRefresh || now < m_loadedAt) {
        m_keys = load();
        m_loadedAt = now;
    }
    return m_keys;
}

std::shared_ptr<const SigningKeyRing::Keys> SigningKeyRing::reloadForUnknownKid() const
{
    std::lock_guard lock(m_mutex);
    const auto now = m_db.clock().now();
    if (!m_keys || now >= m_loadedAt + std::chrono::seconds(1) || now < m_loadedAt) {
        m_keys = load();
        m_loadedAt = now;
    }
    return m_keys;
}

void SigningKeyRing::refresh() const
{
    std::lock_guard lock(m_mutex);
    m_keys = load();
    m_loadedAt = m_db.clock().now();
}

} // namespace trellis::server
