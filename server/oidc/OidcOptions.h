#pragma once

#include <chrono>

namespace trellis::server {

/// Lifetimes of what the OpenID Connect provider issues, and how signing keys rotate.
struct OidcOptions
{
    std::chrono::seconds accessTokenLifetime{600};
    std::chrono::seconds idTokenLifetime{600};
    std::chrono::seconds refreshTokenLifetime{30 * 24 * 3600};
    /// The active signing key is replaced once it is this old; the old one stays published until every token it
    /// signed has expired.
    std::chrono::seconds signingKeyMaxAge{30 * 24 * 3600};
    /// How long one process trusts its in-memory copy of the keys; several instances agree within this time.
    std::chrono::seconds signingKeyCacheRefresh{30};
};

} // namespace trellis::server
