#pragma once

#include "core/flow/FlowServices.h"

#include <optional>
#include <string>

namespace trellis::server {

class Database;

/// A magic link just made: the row id (kept in the flow state) and the token (only in the email).
struct NewMagicLink
{
    std::string id;
    std::string token;
};

/// A magic link that was just opened (and spent).
struct OpenedMagicLink
{
    std::string flowSessionId; ///< the sign-in it was sent for (may be empty)
    std::string userId;
};

/// email_sign_in_tokens: magic links and one-time email codes. Only hashes are stored; each is single use and
/// expires. Rows for nobody (userId empty) are made too, so an unknown address behaves like a known one.
class EmailSignInTokens
{
public:
    explicit EmailSignInTokens(const Database& db)
        : m_db(db)
    {
    }

    NewMagicLink createMagicLink(const std::string& userId, const std::string& flowSessionId, int minutes) const;
    core::flow::MagicLinkStatus magicLinkStatus(const std::string& id) const;
    /// The link was opened: marks it verified when it is unused and unexpired; nullopt for an unknown, used or
    /// expired token.
    std::optional<OpenedMagicLink> openMagicLink(const std::string& token) const;

    /// A fresh numeric code of `length` digits for the user; earlier unused codes stop working.
    std::string createCode(const std::string& userId, int length, int minutes) const;
    /// True (and spent) when `code` is the user's current, unexpired code. Constant-time comparison.
    bool verifyCode(const std::string& userId, const std::string& code) const;

private:
    const Database& m_db;
};

} // namespace trellis::server
