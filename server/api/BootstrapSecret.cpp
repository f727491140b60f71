#include "server/api/BootstrapSecret.h"

#include "core/Encoding.h"

#include <openssl/crypto.h>

namespace trellis::server {

BootstrapSecret::BootstrapSecret(std::string secret)
    : m_secret(std::move(secret))
    , m_spent(m_secret.empty())
{
}

BootstrapSecret::~BootstrapSecret()
{
    OPENSSL_cleanse(m_secret.data(), m_secret.size());
}

bool BootstrapSecret::redeem(std::string_view candidate, const std::function<void()>& commit)
{
    std::lock_guard lock(m_mutex);
    if (m_spent || !core::constantTimeEquals(candidate, m_secret))
        return false;
    commit();
    m_spent = true;
    OPENSSL_cleanse(m_secret.data(), m_secret.size());
    m_secret.clear();
    return true;
}

bool BootstrapSecret::isSpent() const
{
    std::lock_guard lock(m_mutex);
    return m_spent;
}

} // namespace trellis::server
