#include "server/login/InvitePage.h"

#include "core/AdminScope.h"
#include "core/Encoding.h"
#include "core/OrgPath.h"
#include "core/PasswordHasher.h"
#include "core/Permission.h"
#include "core/crypto/TokenHash.h"
#include "core/flow/FlowServices.h"
#include "server/api/ApiContext.h"
#include "server/api/RequestAudit.h"
#include "server/http/FormBody.h"
#include "server/login/LoginPageRenderer.h"
#include "server/login/PasswordPolicy.h"
#include "server/login/StoreFlowServices.h"
#include "server/store/AuditLog.h"
#include "server/store/Database.h"
#include "server/store/InvitationRepository.h"
#include "server/store/MembershipLanding.h"
#include "server/store/OrgRepository.h"
#include "server/store/RoleCatalog.h"
#include "server/store/RoleRepository.h"
#include "server/store/SqlSupport.h"
#include "server/store/UserRepository.h"

#include <map>

#include <QSqlQuery>

namespace trellis::server {

namespace {

using Renderer = LoginPageRenderer;

HttpResponse html(int status, std::string body)
{
    return LoginPageRenderer::page(status, std::move(body), true);
}

std::string fill(std::string text, const std::vector<std::string>& values)
{
    for (std::size_t i = 0; i < values.size(); ++i) {
        const std::string mark = "%" + std::to_string(i + 1);
        for (auto at = text.find(mark); at != std::string::npos; at = text.find(mark, at + values[i].size()))
            text.replace(at, mark.size(), values[i]);
    }
    return text;
}

// How an account that already exists stands: whether it has a password and is active.
struct Account
{
    std::string id;
    bool hasPassword = false;
    bool active = true;
};

std::optional<Account> accountFor(const Database& db, const std::string& email)
{
    QSqlQuery q = sql::prepare(db, QStringLiteral("SELECT id, password_hash, status FROM users WHERE email = ?"));
    q.addBindValue(sql::qs(email));
    sql::run(q, "reading an account failed");
    if (!q.next())
        return std::nullopt;
    return Account{sql::ss(q.value(0)), !q.value(1).isNull() && !sql::ss(q.value(1)).empty(),
                   sql::ss(q.value(2)) == "active"};
}

// Memberships (not ended) of the person in organisations outside the subtree with this path.
int membershipsOutside(const Database& db, const std::string& userId, const std::string& subtreePath)
{
    QSqlQuery q = sql::prepare(db, QStringLiteral("SELECT COUNT(*) FROM memberships m JOIN orgs o ON o.id = m.org_id "
                                                  "WHERE m.user_id = ? AND m.status <> 'ended' AND "
                                                  "NOT (o.path >= ? AND o.path < ?)"));
    q.addBindValue(sql::qs(userId));
    q.addBindValue(sql::qs(subtreePath));
    q.addBindValue(sql::qs(core::OrgPath::subtreeUpperBound(subtreePath)));
    sql::run(q, "reading memberships failed");
    return q.next() ? q.value(0).toInt() : 0;
}

// What the page shows and who it concerns, for one invitation.
struct Context
{
    core::Invitation invitation;
    core::Org org;
    std::string inviterName;
    std::optional<Account> account;
};

// The invitation of this token if it can still be accepted; otherwise the page that says why.
std::optional<Context> load(const ApiContext& context, const std::string& token, const Renderer& pages,
                            HttpResponse* refusal)
{
    auto invitation = InvitationRepository(context.db).findByToken(token);
    auto org = invitation ? OrgRepository(context.db).find(invitation->orgId) : std::nullopt;
    if (!invitation || !org || org->status != core::OrgStatus::Active) {
        *refusal = html(404, pages.message("title.invite-invalid", "error.invite-unknown", true));
        return std::nullopt;
    }
    if (invitation->status != "pending") {
        const std::string key = invitation->status == "accepted"  ? "error.invite-used"
                                : invitation->status == "revoked" ? "error.invite-revoked"
                                                                  : "error.invite-expired";
        *refusal = html(410, pages.message("title.invite-invalid", key, true));
        return std::nullopt;
    }
    auto account = accountFor(context.db, invitation->email);
    Context c{std::move(*invitation), std::move(*org), {}, std::move(account)};
    if (c.account && !c.account->active) {
        *refusal = html(403, pages.message("title.invite-invalid", "error.invite-disabled", true));
        return std::nullopt;
    }
    // Whoever holds the link could choose the password: only for an account that belongs nowhere outside this
    // organisation's subtree, or an inviter could take over someone else's account elsewhere.
    if (c.account && !c.account->hasPassword &&
        membershipsOutside(context.db, c.account->id, core::OrgPath::make(c.org.path)) > 0) {
        *refusal = html(403, pages.message("title.invite-invalid", "error.invite-no-password", true));
        return std::nullopt;
    }
    if (!c.invitation.invitedBy.empty()) {
        if (const auto inviter = UserRepository(context.db).find(c.invitation.invitedBy))
            c.inviterName = inviter->displayName.empty() ? inviter->email : inviter->displayName;
    }
    return c;
}

core::flow::ScreenField field(std::string name, std::string kind, std::string autocomplete, std::string value = {})
{
    core::flow::ScreenField f;
    f.name = std::move(name);
    f.kind = std::move(kind);
    f.autocomplete = std::move(autocomplete);
    f.value = std::move(value);
    return f;
}

std::string form(const Context& c, LoginText::Language language, const std::string& token,
                 const std::map<std::string, std::string>& errors, const std::string& typedName, int waitSeconds)
{
    Renderer::InviteForm f;
    f.titleKey = "title.invite";
    f.token = token;
    f.csrf = InvitePage::csrfFor(token);
    f.username = c.invitation.email;
    f.errors = errors;
    f.waitSeconds = waitSeconds;
    const auto text = [language](const std::string& key) { return LoginText::get(language, key); };
    f.paragraphs.push_back(c.inviterName.empty()
                               ? fill(text("text.invite-anonymous"), {"", c.invitation.email, c.org.name})
                               : fill(text("text.invite"), {c.inviterName, c.invitation.email, c.org.name}));
    if (!c.invitation.title.empty())
        f.paragraphs.push_back(fill(text("text.invite-title"), {c.invitation.title}));
    if (!c.account) {
        f.paragraphs.push_back(text("text.invite-new"));
        f.fields.push_back(
            field("displayName", "text", "name", typedName.empty() ? c.invitation.displayName : typedName));
        f.fields.push_back(field("newPassword", "password", "new-password"));
        f.fields.push_back(field("newPassword2", "password", "new-password"));
        f.buttonKey = "button.accept-new";
    } else if (c.account->hasPassword) {
        f.paragraphs.push_back(fill(text("text.invite-existing"), {c.org.name}));
        f.fields.push_back(field("currentPassword", "password", "current-password"));
        f.buttonKey = "button.accept-existing";
    } else {
        f.paragraphs.push_back(fill(text("text.invite-set-password"), {c.org.name}));
        f.fields.push_back(field("newPassword", "password", "new-password"));
        f.fields.push_back(field("newPassword2", "password", "new-password"));
        f.buttonKey = "button.accept-existing";
    }
    return Renderer(language).inviteForm(f);
}

// New-password fields: the policy, then that both agree. Adds errors by field name.
void checkNewPassword(const FormBody& body, const std::string& email, std::map<std::string, std::string>& errors)
{
    const std::string password = body.value("newPassword");
    if (password.empty()) {
        errors["newPassword"] = "required";
        return;
    }
    const auto verdict = PasswordPolicy::check(password, email);
    if (verdict != PasswordPolicy::Verdict::Ok) {
        errors["newPassword"] = PasswordPolicy::code(verdict);
        return;
    }
    if (body.value("newPassword2") != password)
        errors["newPassword2"] = body.value("newPassword2").empty() ? "required" : "password_mismatch";
}

// Thrown inside the acceptance transaction when another request used the invitation first.
struct AlreadyUsed
{
};

} // namespace

std::string InvitePage::csrfFor(const std::string& token)
{
    // Domain-separated hash of the 256-bit invitation secret: a cross-site page can neither read nor compute it.
    return core::base64UrlEncode(core::sha256("trellis-invite-csrf\n" + token));
}

HttpResponse InvitePage::show(const HttpRequest& request) const
{
    const auto language = LoginText::fromAcceptLanguage(request.header("accept-language"));
    const Renderer pages(language);
    const std::string token = request.queryValue("token");
    HttpResponse refusal;
    const auto c = load(m_context, token, pages, &refusal);
    if (!c)
        return refusal;
    return html(200, form(*c, language, token, {}, {}, 0));
}

HttpResponse InvitePage::accept(const HttpRequest& request) const
{
    const auto language = LoginText::fromAcceptLanguage(request.header("accept-language"));
    const Renderer pages(language);
    const auto body = FormBody::parse(request);
    const std::string token = body ? body->value("token", request.queryValue("token")) : std::string();
    const std::string csrf = body ? body->value("csrf") : std::string();
    if (!body || token.empty() || csrf.size() > 128 || !core::constantTimeEquals(csrf, csrfFor(token)))
        return html(403, pages.message("title.error", "error.csrf", true));
    HttpResponse refusal;
    const auto c = load(m_context, token, pages, &refusal);
    if (!c)
        return refusal;

    std::map<std::string, std::string> errors;
    std::string displayName = body->value("displayName");
    const auto trimmed = displayName.find_first_not_of(" \t");
    displayName = trimmed == std::string::npos
                      ? std::string()
                      : displayName.substr(trimmed, displayName.find_last_not_of(" \t") - trimmed + 1);
    std::string passwordHash;
    StoreFlowServices services(m_context, request, c->invitation.email);
    if (!c->account) {
        if (displayName.empty())
            errors["displayName"] = "required";
        else if (QString::fromStdString(displayName).size() > 200)
            errors["displayName"] = "name_too_long";
        checkNewPassword(*body, c->invitation.email, errors);
    } else if (c->account->hasPassword) {
        const std::string current = body->value("currentPassword");
        if (current.empty()) {
            errors["currentPassword"] = "required";
        } else if (const int wait = services.secondsToWait(c->account->id); wait > 0) {
            HttpResponse response = html(429, form(*c, language, token, {{"currentPassword", "slow_down"}}, {}, wait));
            response.setHeader("Retry-After", std::to_string(wait));
            return response;
        } else {
            // Throttled and audited like a sign-in: the link holder must not get free guesses at a password.
            const auto check = services.verifyPassword(c->account->id, current);
            if (!services.auditEvents().empty())
                m_context.db.transaction([&] {
                    const AuditLog log(m_context.db);
                    for (const auto& event : services.auditEvents())
                        log.append(event);
                });
            if (check == core::flow::PasswordCheck::Locked)
                errors["currentPassword"] = "account_locked";
            else if (check != core::flow::PasswordCheck::Ok)
                errors["currentPassword"] = "wrong_password";
        }
    } else {
        checkNewPassword(*body, c->invitation.email, errors);
    }
    if (!errors.empty())
        return html(200, form(*c, language, token, errors, displayName, 0));
    if (!c->account || !c->account->hasPassword)
        passwordHash = core::PasswordHasher::hash(body->value("newPassword")); // slow: outside the transaction

    const core::Invitation& inv = c->invitation;
    const std::string orgPath = core::OrgPath::make(c->org.path);
    try {
        m_context.db.transaction([&] {
            const InvitationRepository invitations(m_context.db);
            if (!invitations.claim(inv.id, token))
                throw AlreadyUsed{};
            bool newUser = false;
            std::string userId;
            if (const auto account = accountFor(m_context.db, inv.email)) {
                userId = account->id;
                if (!passwordHash.empty()) {
                    QSqlQuery q =
                        sql::prepare(m_context.db, QStringLiteral("UPDATE users SET password_hash = ?, updated_at = ? "
                                                                  "WHERE id = ? AND password_hash IS NULL"));
                    q.addBindValue(sql::qs(passwordHash));
                    q.addBindValue(sql::qs(sql::now(m_context.db)));
                    q.addBindValue(sql::qs(userId));
                    sql::run(q, "setting a password failed");
                    if (q.numRowsAffected() != 1)
                        throw AlreadyUsed{}; // a password was set meanwhile: start again from the page
                }
            } else {
                NewUser user;
                user.email = inv.email;
                user.displayName = displayName;
                user.passwordHash = passwordHash;
                userId = UserRepository(m_context.db).create(user).id;
                newUser = true;
            }
            bool landed = false;
            const auto source =
                inv.membershipSource == "import" ? core::MembershipSource::Import : core::MembershipSource::Invitation;
            const std::string membershipId =
                MembershipLanding(m_context.db)
                    .land(userId, inv.orgId, inv.title, source, inv.membershipExpiresAt, &landed);
            const RoleCatalog catalog(m_context.db);
            // The roles are granted in the inviter's name, so only those the inviter could still grant now count: an
            // inviter who has since lost role.assign there, a permission of the role, or their own access, hands out
            // nothing. (No inviter: made by the system, nothing to recheck.)
            const bool systemInvitation = inv.invitedBy.empty();
            const bool inviterActive = systemInvitation || UserRepository(m_context.db).findWithAccess(inv.invitedBy);
            const core::AdminScope inviterScope =
                systemInvitation ? core::AdminScope() : RoleRepository(m_context.db).scopeFor(inv.invitedBy);
            nlohmann::json assignments = nlohmann::json::array();
            nlohmann::json skipped = nlohmann::json::array();
            for (const auto& roleId : inv.roleIds) {
                const auto role = catalog.usableById(roleId, orgPath);
                if (!role) {
                    skipped.push_back({{"roleId", roleId}, {"reason", "the role is no longer usable here"}});
                    continue;
                }
                if (!systemInvitation &&
                    (!inviterActive || !inviterScope.allows(core::Permission::RoleAssign, orgPath) ||
                     !inviterScope.allowsAll(role->permissions, orgPath))) {
                    skipped.push_back({{"roleId", roleId}, {"reason", "the inviter may no longer grant it"}});
                    continue;
                }
                assignments.push_back({{"roleId", roleId},
                                       {"assignmentId", catalog.assign(userId, roleId, inv.orgId, inv.invitedBy,
                                                                       "invitation", inv.membershipExpiresAt)}});
            }
            invitations.setAcceptedUser(inv.id, userId);

            core::AuditEvent event = RequestAudit::byClient(request, "invitation.accept");
            event.actorType = "user";
            event.actorId = userId;
            event.actorDisplay = inv.email;
            event.actingOrgId = inv.orgId;
            event.targetType = "invitation";
            event.targetId = inv.id;
            event.targetDisplay = inv.email;
            event.targetOrgPath = orgPath;
            event.before = {{"status", "pending"}};
            event.after = {{"status", "accepted"},         {"userId", userId},
                           {"newUser", newUser},           {"passwordSet", !passwordHash.empty()},
                           {"membershipId", membershipId}, {"membershipCreated", landed},
                           {"roleIds", inv.roleIds},       {"assignments", assignments},
                           {"skippedRoles", skipped},      {"invitedBy", inv.invitedBy}};
            AuditLog(m_context.db).append(event);
        });
    } catch (const AlreadyUsed&) {
        return html(410, pages.message("title.invite-invalid", "error.invite-used", true));
    }

    const auto text = [language](const std::string& key) { return LoginText::get(language, key); };
    // No application is tied to an invitation yet, so the page names the address to sign in with instead of
    // linking to one.
    return html(200, pages.messageText(
                         "title.invite-accepted",
                         {fill(text("text.invite-done"), {c->org.name}), fill(text("text.invite-signin"), {inv.email})},
                         false));
}

} // namespace trellis::server
