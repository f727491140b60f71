#include "server/login/StoreFlowServices.h"

#include "core/Encoding.h"
#include "core/OrgPath.h"
#include "core/PasswordHasher.h"
#include "core/Random.h"
#include "core/User.h"
#include "core/crypto/Base32.h"
#include "core/crypto/CoseKey.h"
#include "core/crypto/Pkce.h"
#include "core/crypto/Totp.h"
#include "core/crypto/WebAuthn.h"
#include "server/api/ApiContext.h"
#include "server/api/RequestAudit.h"
#include "server/http/HttpRequest.h"
#include "server/http/JsonLog.h"
#include "server/login/DeviceHistory.h"
#include "server/login/EmailOutbox.h"
#include "server/login/EmailSignInTokens.h"
#include "server/login/FederationRelyingParty.h"
#include "server/login/PasskeyRelyingParty.h"
#include "server/login/PasskeyRepository.h"
#include "server/login/SignInThrottle.h"
#include "server/login/TermsAcceptanceRepository.h"
#include "server/login/TotpFactorRepository.h"
#include "server/login/UserAttributeRepository.h"
#include "server/store/AuditLog.h"
#include "server/store/Database.h"
#include "server/store/IdentityProviderRepository.h"
#include "server/store/MembershipRepository.h"
#include "server/store/OrgRepository.h"
#include "server/store/PersonRepository.h"
#include "server/store/SqlSupport.h"
#include "server/store/UserRepository.h"

#include <algorithm>
#include <chrono>
#include <ctime>

namespace trellis::server {

using namespace sql;
namespace flow = core::flow;
namespace Totp = core::crypto::Totp;

namespace {

// A real Argon2id string to verify against when there is no account (or no password), so the answer takes as
// long as a wrong password does.
const std::string& dummyHash()
{
    static const std::string hash = core::PasswordHasher::hash("trellis-dummy-password-for-timing");
    return hash;
}

struct PasswordRow
{
    std::string hash;
    bool active = false;
};

std::optional<PasswordRow> passwordRow(const Database& db, const std::string& userId)
{
    QSqlQuery q = prepare(db, QStringLiteral("SELECT password_hash, status FROM users WHERE id = ?"));
    q.addBindValue(qs(userId));
    run(q, "reading a password hash failed");
    if (!q.next())
        return std::nullopt;
    return PasswordRow{q.value(0).isNull() ? std::string() : ss(q.value(0)), ss(q.value(1)) == "active"};
}

} // namespace

StoreFlowServices::StoreFlowServices(const ApiContext& context, const HttpRequest& request, std::string email)
    : m_context(context)
    , m_request(request)
    , m_email(std::move(email))
{
}

void StoreFlowServices::warmUp()
{
    (void)dummyHash();
}

std::optional<flow::FlowUser> StoreFlowServices::findUserByEmail(const std::string& email)
{
    m_email = email;
    QSqlQuery q = prepare(m_context.db, QStringLiteral("SELECT id, email FROM users WHERE email = ?"));
    q.addBindValue(qs(email));
    run(q, "finding a user failed");
    if (!q.next())
        return std::nullopt;
    return flow::FlowUser{ss(q.value(0)), ss(q.value(1))};
}

std::string StoreFlowServices::accountKey(const std::string& userId) const
{
    return userId.empty() ? SignInThrottle::unknownEmailKey(m_email) : SignInThrottle::accountKey(userId);
}

int StoreFlowServices::secondsToWait(const std::string& userId) const
{
    const auto account = SignInThrottle(m_context.db, SignInThrottle::accountPolicy()).check(accountKey(userId));
    const auto address = SignInThrottle(m_context.db, SignInThrottle::addressPolicy())
                             .check(SignInThrottle::addressKey(m_request.remoteAddress));
    // Locks are answered by the flow itself ("locked"), delays by the page.
    return std::max(account.locked ? 0 : account.waitSeconds, address.locked ? 0 : address.waitSeconds);
}

bool StoreFlowServices::countFailure(const std::string& userId)
{
    bool locked = false;
    bool addressLocked = false;
    m_context.db.transaction([&] {
        locked = SignInThrottle(m_context.db, SignInThrottle::accountPolicy()).recordFailure(accountKey(userId));
        addressLocked = SignInThrottle(m_context.db, SignInThrottle::addressPolicy())
                            .recordFailure(SignInThrottle::addressKey(m_request.remoteAddress));
    });
    if (locked) {
        core::AuditEvent event = makeEvent("login.lock", userId, m_email, "failure");
        event.reason = "account locked after repeated failed sign-ins";
        event.after = {{"scope", "account"}, {"minutes", 15}};
        m_events.push_back(std::move(event));
    }
    if (addressLocked) {
        core::AuditEvent event = makeEvent("login.lock", userId, m_email, "failure");
        event.reason = "client address locked after repeated failed sign-ins";
        event.after = {{"scope", "address"}, {"minutes", 15}};
        m_events.push_back(std::move(event));
    }
    return locked;
}

flow::PasswordCheck StoreFlowServices::verifyPassword(const std::string& userId, const std::string& password)
{
    const auto account = SignInThrottle(m_context.db, SignInThrottle::accountPolicy()).check(accountKey(userId));
    const auto address = SignInThrottle(m_context.db, SignInThrottle::addressPolicy())
                             .check(SignInThrottle::addressKey(m_request.remoteAddress));
    if (account.locked || address.locked)
        return flow::PasswordCheck::Locked;

    const auto row = userId.empty() ? std::nullopt : passwordRow(m_context.db, userId);
    const bool usable = row && row->active && !row->hash.empty();
    // Always one Argon2id verification, whether or not the account exists, is active or has a password.
    const bool matches = core::PasswordHasher::verify(password, usable ? row->hash : dummyHash());
    if (usable && matches) {
        m_context.db.transaction(
            [&] { SignInThrottle(m_context.db, SignInThrottle::accountPolicy()).reset(accountKey(userId)); });
        return flow::PasswordCheck::Ok;
    }
    // No password and disabled accounts answer like a wrong password: anything else would tell who has an account.
    return countFailure(userId) ? flow::PasswordCheck::Locked : flow::PasswordCheck::Wrong;
}

bool StoreFlowServices::hasTotp(const std::string& userId)
{
    const auto factor = TotpFactorRepository(m_context.db).find(userId);
    return factor && factor->confirmed;
}

bool StoreFlowServices::verifyTotp(const std::string& userId, const std::string& code)
{
    if (SignInThrottle(m_context.db, SignInThrottle::accountPolicy()).check(accountKey(userId)).locked)
        return false;
    const TotpFactorRepository factors(m_context.db);
    const auto factor = factors.find(userId);
    const auto secret = factor && factor->confirmed ? core::crypto::base32Decode(factor->secret) : std::nullopt;
    if (secret) {
        const auto step = Totp::verify(*secret, code, m_context.db.clock().now(), {}, factor->lastUsedStep);
        if (step && factors.useStep(userId, *step))
            return true;
    }
    // A wrong or replayed code counts like a wrong password: six digits must not be guessable by retrying.
    countFailure(userId);
    return false;
}

flow::TotpEnrolment StoreFlowServices::beginTotpEnrolment(const std::string& userId, const std::string& issuer)
{
    const TotpFactorRepository factors(m_context.db);
    std::string base32;
    if (const auto factor = factors.find(userId); factor && !factor->confirmed) {
        base32 = factor->secret; // a reload shows the same secret
    } else {
        base32 = core::crypto::base32Encode(Totp::newSecret());
        m_context.db.transaction([&] { factors.savePending(userId, base32); });
    }
    std::string account = m_email;
    std::replace(account.begin(), account.end(), ':', '_'); // a colon would split the label in apps
    std::string safeIssuer = issuer.empty() ? std::string("Trellis") : issuer;
    std::replace(safeIssuer.begin(), safeIssuer.end(), ':', '_');
    const std::string raw = core::crypto::base32Decode(base32).value_or(std::string());
    return flow::TotpEnrolment{base32, Totp::keyUri(safeIssuer, account, raw)};
}

bool StoreFlowServices::confirmTotpEnrolment(const std::string& userId, const std::string& code)
{
    if (SignInThrottle(m_context.db, SignInThrottle::accountPolicy()).check(accountKey(userId)).locked)
        return false;
    const TotpFactorRepository factors(m_context.db);
    const auto factor = factors.find(userId);
    const auto secret = factor && !factor->confirmed ? core::crypto::base32Decode(factor->secret) : std::nullopt;
    if (secret) {
        if (const auto step = Totp::verify(*secret, code, m_context.db.clock().now())) {
            m_context.db.transaction([&] {
                factors.confirm(userId, *step);
                PersonRepository(m_context.db).clearMfaEnrolmentRequired(userId); // an MFA reset is now done
            });
            return true;
        }
    }
    countFailure(userId);
    return false;
}

core::AuditEvent StoreFlowServices::makeEvent(std::string action, const std::string& userId, const std::string& email,
                                              std::string outcome) const
{
    core::AuditEvent event = RequestAudit::byClient(m_request, std::move(action));
    if (!userId.empty()) {
        // The person is known: they are the actor and the target. Addresses nobody has are not recorded (people
        // sometimes type their password into the email field).
        event.actorType = "user";
        event.actorId = userId;
        event.actorDisplay = email;
        event.targetType = "user";
        event.targetId = userId;
        event.targetDisplay = email;
    }
    event.outcome = std::move(outcome);
    return event;
}

void StoreFlowServices::recordEvent(const flow::FlowEvent& event)
{
    // "flow.password.wrong" -> "login.password.wrong"; the outcome follows from the event's last word.
    const std::string suffix = event.type.rfind("flow.", 0) == 0 ? event.type.substr(5) : event.type;
    static const std::vector<std::string> failures{
        "wrong",   "failed", "enrol_failed",       "locked",    "not_set", "rejected",
        "failure", "broken", "counter_regression", "no_account"};
    const std::string last = suffix.substr(suffix.rfind('.') == std::string::npos ? 0 : suffix.rfind('.') + 1);
    const bool failed = std::find(failures.begin(), failures.end(), last) != failures.end();
    core::AuditEvent audit = makeEvent("login." + suffix, event.userId, event.email, failed ? "failure" : "success");
    audit.after = {{"node", event.nodeId}};
    if (!event.detail.empty())
        audit.after["detail"] = event.detail;
    if (failed && event.detail.contains("reason") && event.detail["reason"].is_string())
        audit.reason = event.detail["reason"].get<std::string>();
    m_events.push_back(std::move(audit));
}

// ---- Slice B

void StoreFlowServices::writeEmail(const std::string& to, const std::string& subjectKey, const std::string& textKey,
                                   const std::vector<std::pair<std::string, std::string>>& values)
{
    std::string orgId = m_requestContext.orgId;
    if (orgId.empty()) {
        QSqlQuery q = prepare(m_context.db, QStringLiteral("SELECT id FROM orgs WHERE parent_id IS NULL "
                                                           "ORDER BY created_at, id LIMIT 1"));
        run(q, "finding the root organisation failed");
        if (q.next())
            orgId = ss(q.value(0));
    }
    std::string text = LoginText::get(m_language, textKey);
    for (const auto& [name, value] : values) {
        for (std::size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + value.size()))
            text.replace(at, name.size(), value);
    }
    OutboxEmail email;
    email.orgId = orgId;
    email.to = to;
    email.subject = LoginText::get(m_language, subjectKey);
    email.text = text;
    m_context.db.transaction([&] { email = EmailOutbox(m_context.db).add(email); });
    m_emails.push_back(email.id);
}

std::string StoreFlowServices::sendMagicLink(const std::string& userId, const std::string& email, int expiryMinutes)
{
    NewMagicLink link;
    m_context.db.transaction(
        [&] { link = EmailSignInTokens(m_context.db).createMagicLink(userId, m_flowSessionId, expiryMinutes); });
    // Nobody has the address: no email, but the same page and the same kind of row (no account enumeration).
    if (!userId.empty())
        writeEmail(email, "mail.magic-link.subject", "mail.magic-link.text",
                   {{"%link", m_context.issuer + "/login/magic?token=" + link.token},
                    {"%minutes", std::to_string(expiryMinutes)}});
    return link.id;
}

flow::MagicLinkStatus StoreFlowServices::magicLinkStatus(const std::string& linkId)
{
    return EmailSignInTokens(m_context.db).magicLinkStatus(linkId);
}

void StoreFlowServices::sendEmailCode(const std::string& userId, const std::string& email, int codeLength,
                                      int expiryMinutes)
{
    if (userId.empty())
        return;
    std::string code;
    m_context.db.transaction(
        [&] { code = EmailSignInTokens(m_context.db).createCode(userId, codeLength, expiryMinutes); });
    writeEmail(email, "mail.email-code.subject", "mail.email-code.text",
               {{"%code", code}, {"%minutes", std::to_string(expiryMinutes)}});
}

bool StoreFlowServices::verifyEmailCode(const std::string& userId, const std::string& code)
{
    if (SignInThrottle(m_context.db, SignInThrottle::accountPolicy()).check(accountKey(userId)).locked)
        return false;
    bool ok = false;
    m_context.db.transaction([&] { ok = EmailSignInTokens(m_context.db).verifyCode(userId, code); });
    if (!ok)
        countFailure(userId); // a short code must not be guessable by retrying
    return ok;
}

flow::RiskSignals StoreFlowServices::riskSignals(const std::string& userId)
{
    flow::RiskSignals s;
    const DeviceHistory history(m_context.db);
    s.knownDevice = history.knownDevice(userId, m_deviceHash);
    s.address = m_request.remoteAddress;
    s.recentFailures = SignInThrottle(m_context.db, SignInThrottle::accountPolicy()).check(accountKey(userId)).failures;
    if (!userId.empty())
        s.countries = history.countries(userId);
    const auto now = std::chrono::system_clock::to_time_t(m_context.db.clock().now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    s.hour = utc.tm_hour;
    return s;
}

std::vector<flow::FlowOrganisation> StoreFlowServices::memberships(const std::string& userId)
{
    std::vector<flow::FlowOrganisation> out;
    if (userId.empty())
        return out;
    QSqlQuery q = prepare(m_context.db, QStringLiteral("SELECT o.id, o.name FROM memberships m JOIN orgs o ON o.id = "
                                                       "m.org_id WHERE m.user_id = ? AND m.status = 'active' AND "
                                                       "o.status = 'active' AND (m.expires_at IS NULL OR "
                                                       "m.expires_at > ?) ORDER BY o.name_key, o.id"));
    q.addBindValue(qs(userId));
    q.addBindValue(qs(sql::now(m_context.db)));
    run(q, "listing memberships failed");
    while (q.next())
        out.push_back({ss(q.value(0)), ss(q.value(1))});
    return out;
}

flow::FlowRequestContext StoreFlowServices::requestContext()
{
    return m_requestContext;
}

bool StoreFlowServices::hasPassword(const std::string& userId)
{
    const auto row = userId.empty() ? std::nullopt : passwordRow(m_context.db, userId);
    return row && !row->hash.empty();
}

bool StoreFlowServices::hasAcceptedTerms(const std::string& userId, const std::string& version)
{
    return !userId.empty() && TermsAcceptanceRepository(m_context.db).accepted(userId, version);
}

void StoreFlowServices::recordTermsAcceptance(const std::string& userId, const std::string& version,
                                              const std::string& url)
{
    if (!userId.empty())
        m_context.db.transaction([&] { TermsAcceptanceRepository(m_context.db).record(userId, version, url); });
}

std::map<std::string, std::string> StoreFlowServices::profileAttributes(const std::string& userId)
{
    return userId.empty() ? std::map<std::string, std::string>{} : UserAttributeRepository(m_context.db).get(userId);
}

void StoreFlowServices::saveProfileAttributes(const std::string& userId,
                                              const std::map<std::string, std::string>& attributes)
{
    if (!userId.empty())
        m_context.db.transaction([&] { UserAttributeRepository(m_context.db).save(userId, attributes); });
}

} // namespace trellis::server

// ---- Passkeys (WebAuthn) ----

namespace trellis::server {

namespace {

constexpr int passkeyTimeoutMs = 300000; // the challenge lives as long (PasskeyRepository::challengeLifetime)

PasskeyRelyingParty relyingParty(const ApiContext& context)
{
    // An issuer that is no URL leaves passkeys unusable rather than guessing: every ceremony then fails "wrong_rp".
    return PasskeyRelyingParty::fromIssuer(context.issuer).value_or(PasskeyRelyingParty{"invalid.", "null"});
}

std::string newChallenge(const ApiContext& context, const std::string& purpose, const std::string& userId)
{
    const std::string challenge = core::secureRandomBytes(32);
    context.db.transaction([&] { PasskeyRepository(context.db).saveChallenge(challenge, purpose, userId); });
    return challenge;
}

nlohmann::json descriptors(const std::vector<PasskeyCredential>& credentials)
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : credentials) {
        nlohmann::json d = {{"type", "public-key"}, {"id", c.credentialId}};
        if (!c.transports.empty())
            d["transports"] = c.transports;
        list.push_back(std::move(d));
    }
    return list;
}

std::vector<std::string> knownTransports(const std::vector<std::string>& transports)
{
    static const std::vector<std::string> known{"usb", "nfc", "ble", "internal", "hybrid", "smart-card"};
    std::vector<std::string> out;
    for (const auto& t : transports) {
        if (std::find(known.begin(), known.end(), t) != known.end() &&
            std::find(out.begin(), out.end(), t) == out.end())
            out.push_back(t);
    }
    return out;
}

std::string emailOf(const Database& db, const std::string& userId)
{
    QSqlQuery q = prepare(db, QStringLiteral("SELECT email FROM users WHERE id = ?"));
    q.addBindValue(qs(userId));
    run(q, "reading a user failed");
    return q.next() ? ss(q.value(0)) : std::string();
}

flow::PasskeyResult refused(std::string error, std::string credentialId = {})
{
    flow::PasskeyResult r;
    r.error = std::move(error);
    r.credentialId = std::move(credentialId);
    return r;
}

} // namespace

flow::PasskeyCeremony StoreFlowServices::beginPasskeyRegistration(const std::string& userId, const std::string& email,
                                                                  bool requireUserVerification)
{
    const PasskeyRelyingParty rp = relyingParty(m_context);
    const std::string challenge = core::base64UrlEncode(newChallenge(m_context, "register", userId));
    nlohmann::json options = {
        {"challenge", challenge},
        {"rp", {{"id", rp.rpId}, {"name", rp.name}}},
        // The user handle is the opaque account id: no personal data goes into the authenticator's handle.
        {"user", {{"id", core::base64UrlEncode(userId)}, {"name", email}, {"displayName", email}}},
        {"pubKeyCredParams",
         {{{"type", "public-key"}, {"alg", -7}},
          {{"type", "public-key"}, {"alg", -8}},
          {{"type", "public-key"}, {"alg", -257}}}},
        {"timeout", passkeyTimeoutMs},
        {"attestation", "none"},
        {"authenticatorSelection",
         {{"residentKey", "required"},
          {"requireResidentKey", true},
          {"userVerification", requireUserVerification ? "required" : "preferred"}}},
        {"excludeCredentials", descriptors(PasskeyRepository(m_context.db).listForUser(userId))}};
    return {challenge, std::move(options)};
}

flow::PasskeyResult StoreFlowServices::finishPasskeyRegistration(const std::string& userId,
                                                                 const std::string& challenge,
                                                                 const flow::PasskeyResponse& response,
                                                                 bool requireUserVerification)
{
    const auto raw = core::base64UrlDecode(challenge);
    bool fresh = false;
    if (raw)
        m_context.db.transaction(
            [&] { fresh = PasskeyRepository(m_context.db).takeChallenge(*raw, "register", userId); });
    if (!fresh)
        return refused("expired_challenge");
    const auto clientData = core::base64UrlDecode(response.clientDataJson);
    const auto attestation = core::base64UrlDecode(response.attestationObject);
    if (!clientData || !attestation)
        return refused("malformed");
    const PasskeyRelyingParty rp = relyingParty(m_context);
    std::string error;
    const auto credential = core::crypto::WebAuthn::verifyRegistration(
        {rp.rpId, {rp.origin}, *raw, requireUserVerification}, *clientData, *attestation, error);
    if (!credential)
        return refused(error);
    const std::string credentialId = core::base64UrlEncode(credential->credentialId);
    if (!response.credentialId.empty() && response.credentialId != credentialId)
        return refused("malformed");

    PasskeyCredential row;
    row.id = core::newUuid();
    row.userId = userId;
    row.credentialId = credentialId;
    row.publicKey = core::base64UrlEncode(credential->publicKey);
    row.algorithm = int(credential->algorithm);
    row.signCount = credential->signCount;
    row.transports = knownTransports(response.transports);
    row.backupEligible = credential->backupEligible;
    row.backupState = credential->backupState;
    row.aaguid = core::toHex(credential->aaguid);
    row.createdAt = sql::now(m_context.db);
    row.name = "Passkey " + row.createdAt.substr(0, 10);
    try {
        m_context.db.transaction([&] { PasskeyRepository(m_context.db).insert(row); });
    } catch (const StoreError& e) {
        if (e.kind() != StoreError::Kind::Conflict)
            throw;
        return refused("duplicate_credential", credentialId);
    }
    flow::PasskeyResult result;
    result.userId = userId;
    result.email = emailOf(m_context.db, userId);
    result.credentialId = credentialId;
    result.userVerified = credential->userVerified;
    return result;
}

flow::PasskeyCeremony StoreFlowServices::beginPasskeyAssertion(const std::string& userId, bool requireUserVerification)
{
    const PasskeyRelyingParty rp = relyingParty(m_context);
    const std::string challenge = core::base64UrlEncode(newChallenge(m_context, "authenticate", userId));
    nlohmann::json options = {{"challenge", challenge},
                              {"rpId", rp.rpId},
                              {"timeout", passkeyTimeoutMs},
                              {"userVerification", requireUserVerification ? "required" : "preferred"},
                              {"allowCredentials", nlohmann::json::array()}};
    // Nobody identified yet: an empty list lets the browser offer any of this site's discoverable passkeys.
    if (!userId.empty())
        options["allowCredentials"] = descriptors(PasskeyRepository(m_context.db).listForUser(userId));
    return {challenge, std::move(options)};
}

flow::PasskeyResult StoreFlowServices::finishPasskeyAssertion(const std::string& userId, const std::string& challenge,
                                                              const flow::PasskeyResponse& response,
                                                              bool requireUserVerification)
{
    const auto raw = core::base64UrlDecode(challenge);
    bool fresh = false;
    if (raw)
        m_context.db.transaction(
            [&] { fresh = PasskeyRepository(m_context.db).takeChallenge(*raw, "authenticate", userId); });
    if (!fresh)
        return refused("expired_challenge");
    const PasskeyRepository passkeys(m_context.db);
    const auto stored = response.credentialId.empty() || response.credentialId.size() > 1400
                            ? std::nullopt
                            : passkeys.findByCredentialId(response.credentialId);
    if (!stored)
        return refused("unknown_credential");
    if (!userId.empty() && stored->userId != userId)
        return refused("user_mismatch", stored->credentialId);
    // A discoverable credential names its owner (user handle): it must be the credential's owner.
    if (!response.userHandle.empty() && response.userHandle != core::base64UrlEncode(stored->userId))
        return refused("user_mismatch", stored->credentialId);
    const auto publicKey = core::base64UrlDecode(stored->publicKey);
    const auto key = publicKey ? core::crypto::CoseKey::fromBytes(*publicKey) : std::nullopt;
    if (!key)
        return refused("unsupported_key", stored->credentialId);
    const auto clientData = core::base64UrlDecode(response.clientDataJson);
    const auto authenticatorData = core::base64UrlDecode(response.authenticatorData);
    const auto signature = core::base64UrlDecode(response.signature);
    if (!clientData || !authenticatorData || !signature)
        return refused("malformed", stored->credentialId);
    const PasskeyRelyingParty rp = relyingParty(m_context);
    std::string error;
    const auto outcome = core::crypto::WebAuthn::verifyAssertion({rp.rpId, {rp.origin}, *raw, requireUserVerification},
                                                                 *key, std::uint32_t(stored->signCount), *clientData,
                                                                 *authenticatorData, *signature, error);
    if (!outcome)
        return refused(error, stored->credentialId);
    bool recorded = false;
    m_context.db.transaction([&] {
        recorded = passkeys.recordUse(stored->id, stored->signCount, outcome->signCount, outcome->backupState);
    });
    if (!recorded)
        return refused("counter_regression", stored->credentialId); // another sign-in used this counter first
    flow::PasskeyResult result;
    result.userId = stored->userId;
    result.email = emailOf(m_context.db, stored->userId);
    result.credentialId = stored->credentialId;
    result.userVerified = outcome->userVerified;
    return result;
}

bool StoreFlowServices::hasPasskey(const std::string& userId)
{
    return !userId.empty() && PasskeyRepository(m_context.db).hasAny(userId);
}

// ---- Federation

namespace {

// A provider a journey may use: enabled, and its organisation active (a suspended partner's staff do not get in).
std::optional<flow::FederationProvider> usable(const Database& db, const std::optional<IdentityProviderRecord>& p)
{
    if (!p || !p->enabled)
        return std::nullopt;
    const auto org = OrgRepository(db).find(p->orgId);
    if (!org || org->status != core::OrgStatus::Active)
        return std::nullopt;
    return flow::FederationProvider{p->id, p->displayName, p->orgId};
}

} // namespace

std::optional<flow::FederationProvider> StoreFlowServices::identityProviderForDomain(const std::string& domain)
{
    return usable(m_context.db, IdentityProviderRepository(m_context.db).findByDomain(domain));
}

std::optional<flow::FederationProvider> StoreFlowServices::identityProvider(const std::string& providerId)
{
    return usable(m_context.db, IdentityProviderRepository(m_context.db).find(providerId));
}

flow::FederationRedirect StoreFlowServices::beginFederatedSignIn(const flow::FederationProvider& provider,
                                                                 const std::string& loginHint)
{
    const auto record = IdentityProviderRepository(m_context.db).find(provider.id);
    if (!record || !usable(m_context.db, record))
        return {"unknown_provider", {}, {}, {}, {}};
    flow::FederationRedirect redirect;
    redirect.state = core::newSecretToken();
    redirect.nonce = core::newSecretToken();
    redirect.codeVerifier = core::crypto::Pkce::newVerifier();
    try {
        redirect.authorizationUrl = FederationRelyingParty(m_context).authorizationUrl(
            *record, redirect.state, redirect.nonce, redirect.codeVerifier, loginHint);
    } catch (const FederationError& e) {
        JsonLog::warn("federation: upstream unavailable",
                      {{"requestId", m_request.requestId}, {"provider", provider.id}, {"error", e.what()}});
        return {e.code(), {}, {}, {}, {}};
    }
    return redirect;
}

flow::FederationResult StoreFlowServices::finishFederatedSignIn(const std::string& providerId,
                                                                const flow::FederationCallback& callback,
                                                                const std::string& codeVerifier,
                                                                const std::string& nonce, bool jitProvisioning)
{
    using flow::FederationOutcome;
    const auto fail = [](std::string error) {
        return flow::FederationResult{FederationOutcome::Failure, std::move(error), {}, {}, false, false};
    };
    const IdentityProviderRepository providers(m_context.db);
    const auto provider = providers.find(providerId);
    if (!provider || !usable(m_context.db, provider))
        return fail("unknown_provider");
    UpstreamIdentity who;
    try {
        who =
            FederationRelyingParty(m_context).complete(*provider, callback.code, codeVerifier, nonce, callback.issuer);
    } catch (const FederationError& e) {
        // The reason goes to the log for the admin; the audit event gets the stable code (see FederatedSignin node).
        JsonLog::warn("federation: sign-in refused",
                      {{"requestId", m_request.requestId}, {"provider", providerId}, {"error", e.what()}});
        return fail(e.code());
    }
    const auto email = who.email.empty() ? std::nullopt : core::normaliseEmail(who.email);

    flow::FederationResult result = fail("failed");
    try {
        m_context.db.transaction([&] {
            const UserRepository users(m_context.db);
            const AuditLog log(m_context.db);
            // 1. This upstream person signed in before: the link decides, whatever their address is now.
            if (const auto link = providers.findLink(providerId, who.subject)) {
                const auto user = users.find(link->userId);
                if (!user) {
                    result = fail("linked_person_missing");
                    return;
                }
                providers.touchLink(link->id);
                result = {FederationOutcome::Success, {}, user->id, user->email, false, false};
                return;
            }
            // 2. A person with this address: linked only when the upstream vouches for the address, else anyone who
            // can register that address upstream would take over the account.
            if (email) {
                if (const auto known = users.findByEmail(*email)) {
                    if (!who.emailVerified) {
                        result = fail("email_not_verified");
                        return;
                    }
                    // And only a member of the provider's organisation (or below it): whoever configures a provider
                    // controls what it asserts, so it must not reach people outside the subtree its organisation
                    // already administers.
                    const auto memberships = MembershipRepository(m_context.db).ofUser(known->id);
                    const bool inside =
                        std::any_of(memberships.begin(), memberships.end(), [&](const ScopedMembership& m) {
                            return m.membership.status == core::MembershipStatus::Active &&
                                   core::OrgPath::isWithin(m.orgPath, provider->orgPath);
                        });
                    if (!inside) {
                        result = fail("outside_organisation");
                        return;
                    }
                    const auto link = providers.link(providerId, who.subject, known->id, *email);
                    core::AuditEvent event = makeEvent("federation.link", known->id, known->email, "success");
                    event.after = {{"provider", providerId}, {"subject", who.subject}, {"link", link.id}};
                    log.append(event);
                    result = {FederationOutcome::Success, {}, known->id, known->email, false, true};
                    return;
                }
            }
            // 3. Nobody: a new person only with just-in-time provisioning, and only for an address the upstream
            // verified or one in a domain this provider claims.
            if (!jitProvisioning) {
                result = {FederationOutcome::NoAccount, {}, {}, {}, false, false};
                return;
            }
            const std::string domain = email ? email->substr(email->rfind('@') + 1) : std::string();
            const bool claimed =
                std::find(provider->domains.begin(), provider->domains.end(), domain) != provider->domains.end();
            if (!email || !(who.emailVerified || claimed)) {
                result = fail(email ? "email_not_verified" : "no_email");
                return;
            }
            NewUser person;
            person.email = *email;
            person.displayName = who.name.empty() ? *email : who.name;
            const core::User created = users.create(person);
            NewMembership membership;
            membership.userId = created.id;
            membership.orgId = provider->orgId;
            membership.source = core::MembershipSource::Federation;
            const std::string membershipId = MembershipRepository(m_context.db).create(membership);
            const auto link = providers.link(providerId, who.subject, created.id, *email);
            core::AuditEvent event = makeEvent("federation.provision", created.id, created.email, "success");
            event.targetOrgPath = provider->orgPath;
            event.after = {{"provider", providerId},     {"subject", who.subject}, {"orgId", provider->orgId},
                           {"membership", membershipId}, {"link", link.id},        {"displayName", person.displayName}};
            log.append(event);
            result = {FederationOutcome::Success, {}, created.id, created.email, true, true};
        });
    } catch (const StoreError& e) {
        // Two callbacks for one new person at once: the second finds the unique rules taken; it may simply retry.
        if (e.kind() != StoreError::Kind::Conflict)
            throw;
        return fail("conflict");
    }
    return result;
}

} // namespace trellis::server
