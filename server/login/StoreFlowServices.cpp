#include "server/login/StoreFlowServices.h"

#include "core/PasswordHasher.h"
#include "core/crypto/Base32.h"
#include "core/crypto/Totp.h"
#include "server/api/ApiContext.h"
#include "server/api/RequestAudit.h"
#include "server/http/HttpRequest.h"
#include "server/login/SignInThrottle.h"
#include "server/login/TotpFactorRepository.h"
#include "server/store/Database.h"
#include "server/store/PersonRepository.h"
#include "server/store/SqlSupport.h"

#include <algorithm>

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
    static const std::vector<std::string> failures{"wrong",   "failed",   "enrol_failed", "locked",
                                                   "not_set", "rejected", "failure",      "broken"};
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

} // namespace trellis::server
