#pragma once

#include <memory>
#include <string>

namespace trellis::server {

class BootstrapSecret;
class Database;
class SigningKeyRing;
struct SmtpSettings;

/// What the API handlers share: the store and, for a local workspace, its one-time bootstrap secret.
/// Everything in it is safe to use from every worker thread.
struct ApiContext
{
    const Database& db;
    BootstrapSecret* bootstrapSecret = nullptr; ///< null: bootstrap is switched off (answers 401)
    std::string issuer; ///< OpenID Connect issuer URL (--issuer, else the bound listen address), no trailing slash
    std::shared_ptr<SigningKeyRing> signingKeys; ///< null: the OpenID Connect endpoints answer 503
    std::shared_ptr<const SmtpSettings> smtp;    ///< null: emails stay in the outbox (server/login/MailSender)
};

} // namespace trellis::server
