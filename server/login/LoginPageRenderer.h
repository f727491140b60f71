#pragma once

#include "core/flow/FlowScreen.h"
#include "server/http/HttpResponse.h"
#include "server/login/LoginText.h"

#include <map>
#include <string>
#include <vector>

namespace trellis::server {

/// Server-rendered HTML of the hosted login: flow screens as forms (labels tied to inputs, errors tied to their
/// field with aria-describedby, autocomplete tokens, no JavaScript) and plain message pages, in the page template.
class LoginPageRenderer
{
public:
    explicit LoginPageRenderer(LoginText::Language language)
        : m_language(language)
    {
    }

    /// A flow screen as a form posting to /login/flow with the CSRF token. `waitSeconds` > 0 fills the
    /// "slow down" error.
    std::string screen(const core::flow::FlowScreen& screen, const std::string& csrf, int waitSeconds = 0) const;
    /// A page with a title and one paragraph (errors, failures, signed out); role="alert" when `alert`.
    std::string message(const std::string& titleKey, const std::string& textKey, bool alert) const;
    /// Like message(), with paragraphs of plain text made by the caller (escaped here).
    std::string messageText(const std::string& titleKey, const std::vector<std::string>& paragraphs, bool alert) const;

    /// The invitation page (/invite): paragraphs of plain text, then a form posting to /invite with the invitation
    /// and CSRF tokens; each field with its error code from `errors` (keyed by field name).
    struct InviteForm
    {
        std::string titleKey;
        std::vector<std::string> paragraphs;
        std::string token;
        std::string csrf;
        std::string username; ///< for password managers (hidden username field)
        std::vector<core::flow::ScreenField> fields;
        std::map<std::string, std::string> errors;
        std::string buttonKey;
        int waitSeconds = 0;
    };
    std::string inviteForm(const InviteForm& form) const;

    static std::string escape(const std::string& text);
    /// A hosted page as an HTTP response with the headers every such page needs (no caching, no framing, no
    /// referrer, a strict Content-Security-Policy). `formActionSelf` adds form-action 'self'; the sign-in pages leave
    /// it out because browsers apply it to the final redirect back to the application. `scriptSelf` allows scripts
    /// from this server only (script-src 'self', never inline): the passkey screens' /login/assets/passkey.js.
    static HttpResponse page(int status, std::string body, bool formActionSelf, bool scriptSelf = false);
    /// "JBSWY3DPEHPK3PXP" -> "JBSW Y3DP EHPK 3PXP" for manual entry.
    static std::string groupSecret(const std::string& secret);

private:
    std::string page(const std::string& title, const std::string& content) const;
    std::string t(const std::string& key) const { return escape(LoginText::get(m_language, key)); }
    std::string field(const core::flow::ScreenField& field, const std::string& error, int waitSeconds, bool autofocus,
                      const std::string& screenKind = {}) const;
    /// A radio group for a "choice" field (choose-organisation): options from the screen data.
    std::string choice(const core::flow::FlowScreen& screen, const core::flow::ScreenField& field,
                       const std::string& error) const;
    /// The passkey screens' form: hidden fields for the ceremony's result and the fallback button.
    std::string passkeyForm(const core::flow::FlowScreen& screen, const std::string& csrf,
                            const std::string& error) const;

    LoginText::Language m_language;
};

} // namespace trellis::server
