#pragma once

#include <string>
#include <string_view>

namespace trellis::server {

/// Every string of the hosted login in English and German; the language follows Accept-Language.
class LoginText
{
public:
    enum class Language
    {
        English,
        German
    };

    /// The first of en/de in the header's preference order (q-values honoured); English when neither appears.
    static Language fromAcceptLanguage(std::string_view header);
    static std::string code(Language language) { return language == Language::German ? "de" : "en"; }
    /// The text for `key`; the key itself when unknown (a test checks that every key exists in both languages).
    static std::string get(Language language, const std::string& key);
    static bool has(const std::string& key);
};

} // namespace trellis::server
