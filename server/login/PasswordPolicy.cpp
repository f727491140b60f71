#include "server/login/PasswordPolicy.h"

#include "server/login/LoginResources.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <unordered_set>

namespace trellis::server {

namespace {

std::string lowerAscii(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

const std::unordered_set<std::string>& commonPasswords()
{
    static const std::unordered_set<std::string> list = [] {
        std::unordered_set<std::string> set;
        std::istringstream in(LoginResources::text("common-passwords.txt"));
        std::string line;
        while (std::getline(in, line)) {
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            if (!line.empty() && line.front() != '#')
                set.insert(lowerAscii(line));
        }
        return set;
    }();
    return list;
}

std::size_t codePoints(std::string_view text)
{
    return std::size_t(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

} // namespace

PasswordPolicy::Verdict PasswordPolicy::check(std::string_view password, std::string_view email)
{
    const std::size_t length = codePoints(password);
    if (length < std::size_t(minLength))
        return Verdict::TooShort;
    if (length > std::size_t(maxLength))
        return Verdict::TooLong;
    const std::string lowered = lowerAscii(password);
    // Case does not make a listed password safe; the list is stored lower-case.
    if (commonPasswords().count(lowered) > 0)
        return Verdict::Common;
    if (!email.empty()) {
        const std::string mail = lowerAscii(email);
        const std::string local = mail.substr(0, mail.find('@'));
        if (lowered == mail || lowered == local)
            return Verdict::Common;
    }
    return Verdict::Ok;
}

std::string PasswordPolicy::code(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Ok:
        return {};
    case Verdict::TooShort:
        return "password_too_short";
    case Verdict::TooLong:
        return "password_too_long";
    case Verdict::Common:
        return "password_common";
    }
    return {};
}

std::size_t PasswordPolicy::commonPasswordCount()
{
    return commonPasswords().size();
}

} // namespace trellis::server
