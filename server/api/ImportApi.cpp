#include "server/api/ImportApi.h"

#include "core/CsvReader.h"
#include "core/OrgPath.h"
#include "core/Permission.h"
#include "core/TimeFormat.h"
#include "core/User.h"
#include "server/api/AccessCheck.h"
#include "server/api/ApiContext.h"
#include "server/api/ApiErrors.h"
#include "server/api/Caller.h"
#include "server/api/InvitationApi.h"
#include "server/api/JsonInput.h"
#include "server/api/RequestAudit.h"
#include "server/http/HttpRequest.h"
#include "server/store/AuditLog.h"
#include "server/store/Database.h"
#include "server/store/InvitationRepository.h"
#include "server/store/MembershipLanding.h"
#include "server/store/OrgRepository.h"
#include "server/store/RoleCatalog.h"
#include "server/store/UserRepository.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

namespace trellis::server {

namespace {

const std::string kNoOrg = "No organisation with this id.";
const std::vector<std::string> kColumns{"email", "displayName", "title", "roles", "expiresAt", "mode"};

struct RowError
{
    std::string code;
    std::string message;
    std::string field;
};

// One data row: what it says, what would happen, and what did.
struct Row
{
    int row = 0;  ///< 1 = first row after the header
    int line = 0; ///< line in the file where it starts
    std::string email;
    std::string displayName;
    std::string title;
    std::vector<CatalogRole> roles;
    std::string expiresAt;
    std::string mode = "invite";
    std::string action; ///< create | invite | add-membership | skip
    std::optional<core::User> existing;
    std::optional<RowError> error;
    std::string userId;
    std::string membershipId;
    std::string invitationId;
    std::string acceptUrl;
};

std::string trim(const std::string& text)
{
    const auto begin = text.find_first_not_of(" \t");
    if (begin == std::string::npos)
        return {};
    return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

bool flag(const HttpRequest& request, const char* name, bool fallback)
{
    if (!request.hasQuery(name))
        return fallback;
    const std::string value = request.queryValue(name);
    if (value == "true")
        return true;
    if (value == "false")
        return false;
    throw ApiErrors::invalidParameter(name, std::string(name) + " must be true or false.");
}

bool validUtf8(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        int extra = 0;
        if (c < 0x80)
            extra = 0;
        else if (c >= 0xC2 && c <= 0xDF)
            extra = 1;
        else if (c >= 0xE0 && c <= 0xEF)
            extra = 2;
        else if (c >= 0xF0 && c <= 0xF4)
            extra = 3;
        else
            return false;
        if (extra > 0 && i + std::size_t(extra) >= text.size())
            return false;
        for (int k = 1; k <= extra; ++k) {
            if ((static_cast<unsigned char>(text[i + std::size_t(k)]) & 0xC0) != 0x80)
                return false;
        }
        i += std::size_t(extra) + 1;
    }
    return true;
}

bool hasControl(const std::string& text)
{
    return std::any_of(text.begin(), text.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; });
}

HttpError invalidCsv(const std::string& message, const std::string& field = "body")
{
    return HttpError(400, "invalid_csv", message, field);
}

nlohmann::json rowJson(const Row& r)
{
    nlohmann::json j{{"row", r.row},
                     {"line", r.line},
                     {"email", r.email},
                     {"action", r.action},
                     {"status", r.error ? "error" : "ok"},
                     {"error", nullptr}};
    if (r.error)
        j["error"] = {{"code", r.error->code}, {"message", r.error->message}, {"field", r.error->field}};
    if (!r.userId.empty())
        j["userId"] = r.userId;
    if (!r.membershipId.empty())
        j["membershipId"] = r.membershipId;
    if (!r.invitationId.empty())
        j["invitationId"] = r.invitationId;
    if (!r.acceptUrl.empty())
        j["acceptUrl"] = r.acceptUrl;
    return j;
}

nlohmann::json totals(const std::vector<Row>& rows)
{
    std::map<std::string, int> actions{{"create", 0}, {"invite", 0}, {"add-membership", 0}, {"skip", 0}};
    int errors = 0;
    for (const auto& r : rows) {
        ++actions[r.action];
        errors += r.error ? 1 : 0;
    }
    return {
        {"rows", rows.size()},         {"ok", int(rows.size()) - errors}, {"errors", errors},
        {"create", actions["create"]}, {"invite", actions["invite"]},     {"addMembership", actions["add-membership"]},
        {"skip", actions["skip"]}};
}

nlohmann::json report(const std::vector<Row>& rows, bool dryRun, bool committed)
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : rows)
        list.push_back(rowJson(r));
    return {{"dryRun", dryRun}, {"committed", committed}, {"totals", totals(rows)}, {"rows", list}};
}

} // namespace

HttpResponse ImportApi::import(const Caller& caller, HttpRequest& request) const
{
    const auto org = OrgRepository(m_context.db).find(request.pathParams.at("id"));
    const std::string orgPath = org ? core::OrgPath::make(org->path) : std::string();
    if (!org || !caller.scope.allows(core::Permission::OrgRead, orgPath))
        throw ApiErrors::notFound(kNoOrg);
    const bool dryRun = flag(request, "dryRun", true);
    const bool skipInvalid = flag(request, "skipInvalid", false);
    const std::string action = dryRun ? "import.dry_run" : "import.commit";

    const AccessCheck access(m_context, caller, request);
    AccessTarget target{"org", org->id, org->name, org->id, orgPath};
    const core::ScopeGrant* inviteGrant = caller.scope.grantFor(core::Permission::UserInvite, orgPath);
    const core::ScopeGrant* manageGrant = caller.scope.grantFor(core::Permission::UserManage, orgPath);
    if (!inviteGrant && !manageGrant) {
        access.recordDenied(action, target, "no user.invite or user.manage here");
        throw ApiErrors::forbidden("Importing people needs user.invite (mode invite) or user.manage (mode create) at "
                                   "this organisation.");
    }
    // Nobody joins a suspended or offboarded organisation, not even in a dry run (its answer would be a promise).
    if (org->status != core::OrgStatus::Active) {
        const std::string status(core::toString(org->status));
        access.recordDenied(action, target, "the organisation is " + status, nullptr,
                            inviteGrant ? inviteGrant : manageGrant);
        throw ApiErrors::conflict({}, "Nobody can be imported into a " + status + " organisation.");
    }

    std::string contentType = request.header("content-type");
    std::transform(contentType.begin(), contentType.end(), contentType.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    if (contentType.rfind("text/csv", 0) != 0)
        throw HttpError(415, "unsupported_media_type",
                        "The request body must be CSV, sent with Content-Type: text/csv.");
    if (request.body.size() > kMaxBytes)
        throw HttpError(413, "payload_too_large",
                        "An import may be at most " + std::to_string(kMaxBytes / 1024) + " KiB; split the file.");
    if (!validUtf8(request.body))
        throw invalidCsv("The CSV must be UTF-8 text (save it as \"CSV UTF-8\").");

    const auto csv = core::CsvReader::parse(request.body, kMaxRows + 1);
    if (!csv.error.empty())
        throw invalidCsv("Line " + std::to_string(csv.errorLine) + ": " + csv.error);
    if (csv.records.empty())
        throw invalidCsv("The CSV is empty: it needs a header row (email, displayName, title, roles, expiresAt, mode).",
                         "header");
    if (csv.records.size() - 1 > kMaxRows)
        throw HttpError(400, "too_many_rows",
                        "An import may have at most " + std::to_string(kMaxRows) + " rows; split the file.", "body");

    // Header: known column names (any order, case-insensitive), email required.
    std::vector<std::string> header;
    for (const auto& raw : csv.records.front().fields) {
        std::string name = trim(raw);
        std::string lower = name;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return char(std::tolower(c)); });
        const auto known = std::find_if(kColumns.begin(), kColumns.end(), [&](const std::string& column) {
            std::string l = column;
            std::transform(l.begin(), l.end(), l.begin(), [](unsigned char c) { return char(std::tolower(c)); });
            return l == lower;
        });
        if (known == kColumns.end())
            throw invalidCsv("Unknown column \"" + name.substr(0, 50) +
                                 "\"; the columns are email, displayName, title, roles, expiresAt, mode.",
                             "header");
        if (std::find(header.begin(), header.end(), *known) != header.end())
            throw invalidCsv("The column " + *known + " appears twice.", "header");
        header.push_back(*known);
    }
    if (std::find(header.begin(), header.end(), "email") == header.end())
        throw invalidCsv("The header row must name an email column.", "header");

    const UserRepository users(m_context.db);
    const MembershipLanding memberships(m_context.db);
    const InvitationRepository invitations(m_context.db);
    const RoleCatalog catalog(m_context.db);
    const std::string now = core::formatTimestamp(m_context.db.clock().now());
    std::set<std::string> seen;
    std::vector<Row> rows;
    for (std::size_t i = 1; i < csv.records.size(); ++i) {
        const auto& record = csv.records[i];
        Row r;
        r.row = int(i);
        r.line = record.line;
        std::map<std::string, std::string> v;
        for (std::size_t c = 0; c < header.size() && c < record.fields.size(); ++c)
            v[header[c]] = trim(record.fields[c]);
        r.email = v["email"];
        const auto fail = [&r](std::string code, std::string message, std::string field) {
            if (!r.error)
                r.error = RowError{std::move(code), std::move(message), std::move(field)};
        };
        if (record.fields.size() != header.size())
            fail("invalid_row",
                 "This row has " + std::to_string(record.fields.size()) + " fields; the header has " +
                     std::to_string(header.size()) + ".",
                 "");
        const auto email = core::normaliseEmail(r.email);
        if (r.email.empty())
            fail("required", "email is required.", "email");
        else if (!email || r.email.size() > 320)
            fail("invalid_email", "Not an email address like name@example.com.", "email");
        else
            r.email = *email;
        if (email && !seen.insert(*email).second)
            fail("duplicate_email", "This address appears earlier in the file.", "email");

        r.mode = v["mode"].empty() ? std::string("invite") : v["mode"];
        if (r.mode != "create" && r.mode != "invite")
            fail("invalid_field", "mode must be create or invite.", "mode");
        else if (r.mode == "create" && !manageGrant)
            fail("forbidden", "Creating people needs user.manage at this organisation; use mode invite.", "mode");
        else if (r.mode == "invite" && !inviteGrant)
            fail("forbidden", "Inviting people needs user.invite at this organisation.", "mode");

        r.displayName = v["displayName"];
        r.title = v["title"];
        if (JsonInput::characterCount(r.displayName) > 200)
            fail("invalid_field", "displayName may have at most 200 characters.", "displayName");
        if (JsonInput::characterCount(r.title) > 200)
            fail("invalid_field", "title may have at most 200 characters.", "title");
        if (hasControl(r.displayName))
            fail("invalid_field", "displayName may not contain line breaks or control characters.", "displayName");
        if (hasControl(r.title))
            fail("invalid_field", "title may not contain line breaks or control characters.", "title");

        if (!v["expiresAt"].empty()) {
            const auto end = core::parseTimestamp(v["expiresAt"]);
            if (!end)
                fail("invalid_field", "expiresAt must be an RFC 3339 time like 2027-03-31T00:00:00Z.", "expiresAt");
            else if (core::formatTimestamp(*end) <= now)
                fail("invalid_field", "expiresAt must lie in the future.", "expiresAt");
            else
                r.expiresAt = core::formatTimestamp(*end);
        }

        std::string rolesText = v["roles"];
        std::size_t start = 0;
        while (start <= rolesText.size() && !rolesText.empty()) {
            const std::size_t semicolon = std::min(rolesText.find(';', start), rolesText.size());
            const std::string key = trim(rolesText.substr(start, semicolon - start));
            start = semicolon + 1;
            if (!key.empty()) {
                auto role = catalog.usableByKey(key, orgPath);
                if (!role) {
                    fail("unknown_role", "No role \"" + key.substr(0, 64) + "\" can be used at this organisation.",
                         "roles");
                } else if (!caller.scope.allows(core::Permission::RoleAssign, orgPath)) {
                    fail("role_not_allowed", "Granting roles needs role.assign at this organisation.", "roles");
                } else if (!caller.scope.allowsAll(role->permissions, orgPath)) {
                    fail("role_not_allowed",
                         "You may not hand out the role " + key + ": it carries permissions you do not hold here.",
                         "roles");
                } else if (std::none_of(r.roles.begin(), r.roles.end(),
                                        [&](const CatalogRole& c) { return c.id == role->id; })) {
                    r.roles.push_back(std::move(*role));
                }
            }
            if (semicolon >= rolesText.size())
                break;
        }

        if (email && !r.error) {
            r.existing = users.findByEmail(*email);
            if (r.existing && memberships.isActiveMember(r.existing->id, org->id))
                fail("already_member", "This person is already an active member of this organisation.", "email");
            else if (invitations.pendingFor(org->id, *email))
                fail("invitation_pending", "An invitation for this address is already pending here.", "email");
            else if (r.mode == "create" && !r.existing && r.displayName.empty())
                fail("required", "displayName is required to create a person.", "displayName");
        }
        if (r.error)
            r.action = "skip";
        else if (r.mode == "invite")
            r.action = "invite";
        else
            r.action = r.existing ? "add-membership" : "create";
        rows.push_back(std::move(r));
    }
    const bool anyError = std::any_of(rows.begin(), rows.end(), [](const Row& r) { return r.error.has_value(); });

    if (dryRun) {
        const core::ScopeGrant& grant = inviteGrant ? *inviteGrant : *manageGrant;
        m_context.db.transaction([&] {
            core::AuditEvent event = access.successEvent("import.dry_run", target, grant);
            event.after = totals(rows);
            AuditLog(m_context.db).append(event);
        });
        return HttpResponse::json(200, report(rows, true, false));
    }
    if (anyError && !skipInvalid) {
        core::AuditEvent event =
            access.successEvent("import.commit", target, inviteGrant ? *inviteGrant : *manageGrant);
        event.outcome = "failure";
        event.reason = "rows with errors; nothing written";
        event.after = totals(rows);
        RequestAudit::record(m_context, event);
        return HttpResponse::json(422, report(rows, false, false));
    }

    const std::string linkExpiry =
        core::formatTimestamp(m_context.db.clock().now() + std::chrono::hours(24 * InvitationApi::kDefaultDays));
    std::vector<std::string> tokens(rows.size());
    m_context.db.transaction([&] {
        const AuditLog log(m_context.db);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            Row& r = rows[i];
            if (r.error)
                continue;
            const core::ScopeGrant& grant = r.mode == "create" ? *manageGrant : *inviteGrant;
            std::vector<std::string> roleIds;
            for (const auto& role : r.roles)
                roleIds.push_back(role.id);
            if (r.action == "invite") {
                NewInvitation n;
                n.orgId = org->id;
                n.email = r.email;
                n.displayName = r.displayName;
                n.title = r.title;
                n.roleIds = roleIds;
                n.membershipSource = "import";
                n.membershipExpiresAt = r.expiresAt;
                n.invitedBy = caller.user.id;
                n.expiresAt = linkExpiry;
                const core::Invitation invitation = invitations.create(n, &tokens[i]);
                r.invitationId = invitation.id;
                core::AuditEvent event = access.successEvent(
                    "invitation.create", {"invitation", invitation.id, r.email, org->id, orgPath}, grant);
                event.after = invitation;
                event.after["via"] = "import";
                log.append(event);
                continue;
            }
            if (r.action == "create") {
                NewUser user;
                user.email = r.email;
                user.displayName = r.displayName;
                const core::User created = users.create(user);
                r.userId = created.id;
                core::AuditEvent event =
                    access.successEvent("user.create", {"user", created.id, r.email, org->id, orgPath}, grant);
                event.after = created;
                event.after["via"] = "import";
                log.append(event);
            } else {
                r.userId = r.existing->id;
            }
            bool landed = false;
            r.membershipId =
                memberships.land(r.userId, org->id, r.title, core::MembershipSource::Import, r.expiresAt, &landed);
            nlohmann::json assignments = nlohmann::json::array();
            for (const auto& role : r.roles)
                assignments.push_back({{"roleId", role.id},
                                       {"assignmentId", catalog.assign(r.userId, role.id, org->id, caller.user.id,
                                                                       "import", r.expiresAt)}});
            core::AuditEvent event = access.successEvent(
                "membership.create", {"membership", r.membershipId, r.email, org->id, orgPath}, grant);
            event.after = {{"userId", r.userId}, {"orgId", org->id},         {"title", r.title},
                           {"source", "import"}, {"expiresAt", r.expiresAt}, {"assignments", assignments},
                           {"via", "import"}};
            log.append(event);
            if (r.action == "create") {
                // A created person has no password: the set-password link is an invitation with nothing left to
                // grant (membership and roles exist already).
                NewInvitation n;
                n.orgId = org->id;
                n.email = r.email;
                n.displayName = r.displayName;
                n.title = r.title;
                n.membershipSource = "import";
                n.membershipExpiresAt = r.expiresAt;
                n.invitedBy = caller.user.id;
                n.expiresAt = linkExpiry;
                const core::Invitation invitation = invitations.create(n, &tokens[i]);
                r.invitationId = invitation.id;
                core::AuditEvent link = access.successEvent(
                    "invitation.create", {"invitation", invitation.id, r.email, org->id, orgPath}, grant);
                link.after = invitation;
                link.after["via"] = "import";
                log.append(link);
            }
        }
        core::AuditEvent summary =
            access.successEvent("import.commit", target, inviteGrant ? *inviteGrant : *manageGrant);
        summary.after = totals(rows);
        summary.after["skipInvalid"] = skipInvalid;
        log.append(summary);
    });
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!tokens[i].empty())
            rows[i].acceptUrl = InvitationApi::acceptUrl(m_context, tokens[i]);
    }
    return HttpResponse::json(200, report(rows, false, true));
}

} // namespace trellis::server
