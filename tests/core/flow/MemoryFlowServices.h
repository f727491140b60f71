#pragma once

#include "core/flow/FlowServices.h"

#include <algorithm>
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
        std::string emailCode; ///< the code the emailed message carries
        std::vector<trellis::core::flow::FlowOrganisation> memberships;
        trellis::core::flow::RiskSignals risk;
        std::vector<std::string> termsAccepted;
        std::map<std::string, std::string> profile;
        std::vector<std::string> passkeys; ///< credential ids
    };

    /// `users`: [{"id", "email", "password" (string or null), "locked", "totpCode", "enrolCode", "emailCode",
    /// "memberships": [{"id", "name"}], "risk": {"knownDevice", "address", "recentFailures", "countries", "hour"},
    /// "termsAccepted": [versions], "profile": {name: value}}]. `world`: {"context": {"orgId", "clientId"},
    /// "risk": signals for nobody identified}.
    explicit MemoryFlowServices(const nlohmann::json& users, const nlohmann::json& world = nlohmann::json::object())
    {
        if (world.contains("context")) {
            context.orgId = world["context"].value("orgId", std::string());
            context.clientId = world["context"].value("clientId", std::string());
        }
        if (world.contains("risk"))
            anonymousRisk = riskFrom(world["risk"]);
        // Federation: "identityProviders": [{"id", "name", "orgId", "domains": [...]}]; "upstream": {code: {"subject",
        // "email", "emailVerified"}} (what the upstream answers for a code); users' "federated": [{"provider",
        // "subject"}] are existing links.
        for (const auto& p : world.value("identityProviders", nlohmann::json::array()))
            providers.push_back(p);
        upstream = world.value("upstream", nlohmann::json::object());
        for (const auto& u : users) {
            Account a;
            a.id = u.at("id").get<std::string>();
            a.email = u.at("email").get<std::string>();
            if (u.contains("password") && u["password"].is_string())
                a.password = u["password"].get<std::string>();
            a.locked = u.value("locked", false);
            a.totpCode = u.value("totpCode", std::string());
            a.enrolCode = u.value("enrolCode", std::string());
            a.emailCode = u.value("emailCode", std::string());
            for (const auto& m : u.value("memberships", nlohmann::json::array()))
                a.memberships.push_back({m.at("id").get<std::string>(), m.at("name").get<std::string>()});
            if (u.contains("risk"))
                a.risk = riskFrom(u["risk"]);
            a.termsAccepted = u.value("termsAccepted", std::vector<std::string>());
            a.profile = u.value("profile", std::map<std::string, std::string>());
            a.passkeys = u.value("passkeys", std::vector<std::string>());
            for (const auto& f : u.value("federated", nlohmann::json::array()))
                federatedLinks[f.at("provider").get<std::string>() + "|" + f.at("subject").get<std::string>()] = a.id;
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

    // ---- slice B

    std::string sendMagicLink(const std::string& userId, const std::string& email, int expiryMinutes) override
    {
        const std::string id = "link-" + std::to_string(links.size() + 1);
        links[id] = trellis::core::flow::MagicLinkStatus::Pending;
        if (userId.empty())
            phantomLinks.push_back(id); // nobody gets it, so nobody can open it
        else
            sent.push_back("magic-link:" + email + ":" + std::to_string(expiryMinutes));
        return id;
    }
    trellis::core::flow::MagicLinkStatus magicLinkStatus(const std::string& linkId) override
    {
        const auto it = links.find(linkId);
        return it == links.end() ? trellis::core::flow::MagicLinkStatus::Expired : it->second;
    }
    /// The person opens every link sent so far (links for nobody never verify).
    void openLinks(trellis::core::flow::MagicLinkStatus status)
    {
        for (auto& [id, s] : links) {
            if (std::find(phantomLinks.begin(), phantomLinks.end(), id) == phantomLinks.end() ||
                status == trellis::core::flow::MagicLinkStatus::Expired)
                s = status;
        }
    }
    void sendEmailCode(const std::string& userId, const std::string& email, int codeLength, int expiryMinutes) override
    {
        if (!userId.empty())
            sent.push_back("email-code:" + email + ":" + std::to_string(codeLength) + ":" +
                           std::to_string(expiryMinutes));
        codeValid[userId] = true;
    }
    bool verifyEmailCode(const std::string& userId, const std::string& code) override
    {
        const auto it = m_accounts.find(userId);
        // Single use: the code is spent by a right answer.
        if (it == m_accounts.end() || !codeValid[userId] || it->second.emailCode.empty() ||
            it->second.emailCode != code)
            return false;
        codeValid[userId] = false;
        return true;
    }
    trellis::core::flow::RiskSignals riskSignals(const std::string& userId) override
    {
        const auto it = m_accounts.find(userId);
        return it == m_accounts.end() ? anonymousRisk : it->second.risk;
    }
    std::vector<trellis::core::flow::FlowOrganisation> memberships(const std::string& userId) override
    {
        const auto it = m_accounts.find(userId);
        return it == m_accounts.end() ? std::vector<trellis::core::flow::FlowOrganisation>{} : it->second.memberships;
    }
    trellis::core::flow::FlowRequestContext requestContext() override { return context; }
    bool hasPassword(const std::string& userId) override
    {
        const auto it = m_accounts.find(userId);
        return it != m_accounts.end() && it->second.password.has_value();
    }
    bool hasAcceptedTerms(const std::string& userId, const std::string& version) override
    {
        const auto it = m_accounts.find(userId);
        return it != m_accounts.end() && std::find(it->second.termsAccepted.begin(), it->second.termsAccepted.end(),
                                                   version) != it->second.termsAccepted.end();
    }
    void recordTermsAcceptance(const std::string& userId, const std::string& version, const std::string&) override
    {
        m_accounts[userId].termsAccepted.push_back(version);
        sent.push_back("terms:" + userId + ":" + version);
    }
    std::map<std::string, std::string> profileAttributes(const std::string& userId) override
    {
        const auto it = m_accounts.find(userId);
        return it == m_accounts.end() ? std::map<std::string, std::string>{} : it->second.profile;
    }
    void saveProfileAttributes(const std::string& userId, const std::map<std::string, std::string>& attributes) override
    {
        for (const auto& [k, v] : attributes)
            m_accounts[userId].profile[k] = v;
    }
    const std::map<std::string, std::string>& profileOf(const std::string& userId)
    {
        return m_accounts[userId].profile;
    }

    static trellis::core::flow::RiskSignals riskFrom(const nlohmann::json& j)
    {
        trellis::core::flow::RiskSignals r;
        r.knownDevice = j.value("knownDevice", false);
        r.address = j.value("address", std::string("192.0.2.1"));
        r.recentFailures = j.value("recentFailures", 0);
        r.countries = j.value("countries", std::vector<std::string>());
        r.hour = j.value("hour", 12);
        return r;
    }

    // Passkeys, simulated at the interpreter's boundary (the WebAuthn checks themselves are tested in
    // tests/core/crypto): the "browser" proves it answered a challenge by echoing it as clientDataJSON; the
    // signature is "valid", "regress" (a counter that went backwards) or anything else (a bad signature); an
    // attestationObject "valid" registers credentialId. Challenges are "challenge-<n>" and single use.
    trellis::core::flow::PasskeyCeremony beginPasskeyRegistration(const std::string& userId, const std::string& email,
                                                                  bool requireUserVerification) override
    {
        const std::string challenge = newChallenge();
        return {challenge,
                {{"challenge", challenge},
                 {"user", {{"id", userId}, {"name", email}}},
                 {"userVerification", requireUserVerification ? "required" : "preferred"},
                 {"excludeCredentials", m_accounts[userId].passkeys}}};
    }

    trellis::core::flow::PasskeyResult finishPasskeyRegistration(const std::string& userId,
                                                                 const std::string& challenge,
                                                                 const trellis::core::flow::PasskeyResponse& response,
                                                                 bool) override
    {
        trellis::core::flow::PasskeyResult result;
        if (!consume(challenge) || response.clientDataJson != challenge)
            result.error = "wrong_challenge";
        else if (response.attestationObject != "valid")
            result.error = "bad_attestation";
        else if (owner(response.credentialId))
            result.error = "duplicate_credential";
        if (!result.ok())
            return result;
        m_accounts[userId].passkeys.push_back(response.credentialId);
        result.userId = userId;
        result.email = m_accounts[userId].email;
        result.credentialId = response.credentialId;
        return result;
    }

    trellis::core::flow::PasskeyCeremony beginPasskeyAssertion(const std::string& userId,
                                                               bool requireUserVerification) override
    {
        const std::string challenge = newChallenge();
        nlohmann::json options = {{"challenge", challenge},
                                  {"userVerification", requireUserVerification ? "required" : "preferred"}};
        if (!userId.empty())
            options["allowCredentials"] = m_accounts[userId].passkeys;
        return {challenge, options};
    }

    trellis::core::flow::PasskeyResult finishPasskeyAssertion(const std::string& userId, const std::string& challenge,
                                                              const trellis::core::flow::PasskeyResponse& response,
                                                              bool) override
    {
        trellis::core::flow::PasskeyResult result;
        result.credentialId = response.credentialId;
        const Account* account = owner(response.credentialId);
        if (!consume(challenge) || response.clientDataJson != challenge)
            result.error = "wrong_challenge";
        else if (!account)
            result.error = "unknown_credential";
        else if (!userId.empty() && account->id != userId)
            result.error = "user_mismatch";
        else if (response.signature == "regress")
            result.error = "counter_regression";
        else if (response.signature != "valid")
            result.error = "bad_signature";
        if (!result.ok())
            return result;
        result.userId = account->id;
        result.email = account->email;
        result.userVerified = true;
        return result;
    }

    bool hasPasskey(const std::string& userId) override
    {
        const auto it = m_accounts.find(userId);
        return it != m_accounts.end() && !it->second.passkeys.empty();
    }

    std::optional<trellis::core::flow::FederationProvider> identityProviderForDomain(const std::string& domain) override
    {
        for (const auto& p : providers) {
            const auto domains = p.value("domains", std::vector<std::string>());
            if (std::find(domains.begin(), domains.end(), domain) != domains.end())
                return providerFrom(p);
        }
        return std::nullopt;
    }
    std::optional<trellis::core::flow::FederationProvider> identityProvider(const std::string& id) override
    {
        for (const auto& p : providers) {
            if (p.value("id", std::string()) == id)
                return providerFrom(p);
        }
        return std::nullopt;
    }
    trellis::core::flow::FederationRedirect beginFederatedSignIn(const trellis::core::flow::FederationProvider& p,
                                                                 const std::string& loginHint) override
    {
        const std::string n = std::to_string(++m_redirects);
        m_pending[p.id] = {"verifier-" + n, "nonce-" + n};
        return {{},
                "https://idp.example/" + p.id + "/authorize?state=state-" + n + "&login_hint=" + loginHint,
                "state-" + n,
                "nonce-" + n,
                "verifier-" + n};
    }
    trellis::core::flow::FederationResult finishFederatedSignIn(const std::string& providerId,
                                                                const trellis::core::flow::FederationCallback& callback,
                                                                const std::string& codeVerifier,
                                                                const std::string& nonce, bool jit) override
    {
        using trellis::core::flow::FederationOutcome;
        trellis::core::flow::FederationResult r;
        const auto pending = m_pending.find(providerId);
        // The upstream only answers a code for the request it was issued for (PKCE), and the ID token carries its
        // nonce.
        if (pending == m_pending.end() || pending->second.first != codeVerifier || !upstream.contains(callback.code)) {
            r.error = "token_exchange_failed";
            return r;
        }
        m_pending.erase(pending);
        const auto& who = upstream[callback.code];
        if (who.value("nonce", nonce) != nonce) {
            r.error = "invalid_id_token";
            return r;
        }
        const std::string key = providerId + "|" + who.at("subject").get<std::string>();
        const std::string email = who.value("email", std::string());
        if (const auto link = federatedLinks.find(key); link != federatedLinks.end()) {
            r.outcome = FederationOutcome::Success;
            r.userId = link->second;
            r.email = m_accounts[link->second].email;
            return r;
        }
        if (const auto known = findUserByEmail(email)) {
            if (!who.value("emailVerified", false)) {
                r.error = "email_not_verified";
                return r;
            }
            federatedLinks[key] = known->id;
            r = {FederationOutcome::Success, {}, known->id, email, false, true};
            return r;
        }
        if (!jit) {
            r.outcome = FederationOutcome::NoAccount;
            return r;
        }
        Account a;
        a.id = "jit-" + std::to_string(m_accounts.size() + 1);
        a.email = email;
        const auto provider = identityProvider(providerId);
        a.memberships.push_back({provider->orgId, provider->orgId});
        m_accounts[a.id] = a;
        federatedLinks[key] = a.id;
        return {FederationOutcome::Success, {}, a.id, email, true, true};
    }
    static trellis::core::flow::FederationProvider providerFrom(const nlohmann::json& p)
    {
        return {p.at("id").get<std::string>(), p.value("name", std::string()), p.value("orgId", std::string())};
    }

    std::vector<trellis::core::flow::FlowEvent> events;
    std::vector<nlohmann::json> providers;
    nlohmann::json upstream;
    std::map<std::string, std::string> federatedLinks; ///< "provider|subject" -> user id
    std::vector<std::string> sent; ///< "magic-link:<email>:<minutes>", "email-code:...", "terms:<user>:<version>"
    std::map<std::string, trellis::core::flow::MagicLinkStatus> links;
    std::map<std::string, bool> codeValid;
    std::vector<std::string> phantomLinks;
    trellis::core::flow::FlowRequestContext context;
    trellis::core::flow::RiskSignals anonymousRisk;
    int passwordChecks = 0;
    int enrolmentsBegun = 0;

private:
    std::string newChallenge()
    {
        const std::string challenge = "challenge-" + std::to_string(++m_challenges);
        m_open.push_back(challenge);
        return challenge;
    }
    bool consume(const std::string& challenge)
    {
        const auto it = std::find(m_open.begin(), m_open.end(), challenge);
        if (it == m_open.end())
            return false;
        m_open.erase(it);
        return true;
    }
    const Account* owner(const std::string& credentialId) const
    {
        for (const auto& [id, a] : m_accounts) {
            if (std::find(a.passkeys.begin(), a.passkeys.end(), credentialId) != a.passkeys.end())
                return &a;
        }
        return nullptr;
    }

    std::map<std::string, Account> m_accounts;
    int m_redirects = 0;
    std::map<std::string, std::pair<std::string, std::string>> m_pending; ///< provider -> (verifier, nonce)
    int m_challenges = 0;
    std::vector<std::string> m_open;
};
