#include "core/AuditRedaction.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>

namespace trellis::core {

namespace {

bool isSecretKey(std::string key)
{
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    const auto endsWith = [&](std::string_view suffix) {
        return key.size() >= suffix.size() && key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    if (endsWith("id") || endsWith("ids") || endsWith("count") || endsWith("at") || endsWith("policy"))
        return false;
    static constexpr std::array<std::string_view, 9> kWords{
        "password", "secret", "token", "privatekey", "private_key", "pem", "passcode", "otpauth", "credential"};
    if (std::any_of(kWords.begin(), kWords.end(),
                    [&](std::string_view word) { return key.find(word) != std::string::npos; }))
        return true;
    return key == "code" || key == "otp" || key == "pin";
}

bool isCodeKey(const std::string& key)
{
    return key == "code" || key == "otp" || key == "pin";
}

void redactInPlace(nlohmann::json& value)
{
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            // Flags and counts ("clientSecretChanged", "revokedTokens") say something happened, not the secret.
            const bool flagOrCount = it.value().is_boolean() || it.value().is_number();
            if (isSecretKey(it.key()) && !it.value().is_null() && (!flagOrCount || isCodeKey(it.key())))
                it.value() = "[redacted]";
            else
                redactInPlace(it.value());
        }
    } else if (value.is_array()) {
        for (auto& element : value)
            redactInPlace(element);
    }
}

} // namespace

nlohmann::json redactSecrets(nlohmann::json state)
{
    redactInPlace(state);
    return state;
}

} // namespace trellis::core
