#pragma once

#include <nlohmann/json.hpp>

namespace trellis::core {

/// Replaces the values of secret-looking keys (password, secret, token, private key, codes...) anywhere in `state`
/// by "[redacted]", so an event's before/after can never carry a credential even when a handler forgets to leave
/// one out. Ids of such things (e.g. "tokenId") stay: they are references, not secrets.
nlohmann::json redactSecrets(nlohmann::json state);

} // namespace trellis::core
