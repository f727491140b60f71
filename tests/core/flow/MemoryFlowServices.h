#pragma once

#include "core/flow/FlowServices.h"

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

/// FlowServices over an in-memory user list described in a scenario file: the interpreter's real boundary,
/// filled with plain data instead of a database.
class MemoryFlowServices : public trellis::core::flow::FlowServices
{
public:
    struct Account
    {
        std::string id;
        std::string email;
        std::optional<std::string> password; ///< nullopt: no password set
        bool locked = false;
        std::string totpCode;  ///< the code the authenticator shows now; empty when no TOTP
        std::string enrolCode; ///< the code that confirms a pending enrolment
    };

    /// `users`: [{"id", "email", "password" (string or null), "locked", "totpCode", "enrolCode"}].
    explicit MemoryFlowServices(const nlohmann::json& users)
    {
        for (const auto& u : users) {
            Account a;
            a.id = u.at("id").get<std::string>();
            a.email = u.at("email").get<std::string>();
            if (u.contains("password") && u["password"].is_string())
                a.password = u["password"].get<std::string>();
            a.locked = u.value("locked", false);
            a.totpCode = u.value("totpCode", std::string());
            a.enrolCode = u.value("enrolCode", std::string());
            m_accounts[a.id] = a;
        }
    }

    std::optional<trellis::core::flow::FlowUser> findUserByEmail(const std::string& email) override
    {
        for (const auto& [id, a] : m_accounts) {
            if (a.email == email)
                return trellis::core::flow::FlowUser{id, a.email};
        }
        return std::nullopt;
    }

    trellis::core::flow::PasswordCheck verifyPassword(const std::string& userId, const std::string& password) override
    {
        using trellis::core::flow::PasswordCheck;
        ++passwordChecks;
        const auto it = m_accounts.find(userId);
        if (it == m_accounts.end())
            return PasswordCheck::Wrong;
        if (it->second.locked)
            return PasswordCheck::Locked;
        if (!it->second.password)
            return PasswordCheck::NotSet;
        return *it->second.password == password ? PasswordCheck::Ok : PasswordCheck::Wrong;
    }

    bool hasTotp(const std::string& userId) override
    {
        const auto it = m_accounts.find(userId);
        return it != m_accounts.end() && !it->second.totpCode.empty();
    }

    bool verifyTotp(const std::string& userId, const std::string& code) override
    {
        const auto it = m_accounts.find(userId);
        return it != m_accounts.end() && !it->second.totpCode.empty() && it->second.totpCode == code;
    }

    trellis::core::flow::TotpEnrolment beginTotpEnrolment(const std::string& userId, const std::string& issuer) override
    {
        ++enrolmentsBegun;
        // Deterministic and the same on every call, as the interface asks of a pending enrolment.
        const std::string secret = "SECRET" + userId;
        return {secret, "otpauth://totp/" + issuer + ":" + m_accounts[userId].email + "?secret=" + secret +
                            "&issuer=" + issuer};
    }

    bool confirmTotpEnrolment(const std::string& userId, const std::string& code) override
    {
        auto& a = m_accounts[userId];
        if (a.enrolCode.empty() || a.enrolCode != code)
            return false;
        a.totpCode = code;
        return true;
    }

    void recordEvent(const trellis::core::flow::FlowEvent& event) override { events.push_back(event); }

    std::vector<trellis::core::flow::FlowEvent> events;
    int passwordChecks = 0;
    int enrolmentsBegun = 0;

private:
    std::map<std::string, Account> m_accounts;
};
