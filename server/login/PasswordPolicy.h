#pragma once

#include <string>
#include <string_view>

namespace trellis::server {

/// The rule for new passwords (NIST SP 800-63B §3.1.1.2 style): 12 to 256 characters, any characters, no
/// composition rules, and not on the bundled list of common passwords (resources/login/common-passwords.txt)
/// nor the person's own email address.
class PasswordPolicy
{
public:
    enum class Verdict
    {
        Ok,
        TooShort,
        TooLong,
        Common
    };

    static constexpr int minLength = 12;
    static constexpr int maxLength = 256;

    /// Length counts Unicode code points, so "Größenwahn" is as long as it looks.
    static Verdict check(std::string_view password, std::string_view email = {});
    /// Stable code for pages and the API: "", "password_too_short", "password_too_long", "password_common".
    static std::string code(Verdict verdict);
    /// How many entries the bundled list has (for tests and the decision record).
    static std::size_t commonPasswordCount();
};

} // namespace trellis::server
