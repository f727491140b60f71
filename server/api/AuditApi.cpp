#include "server/api/AuditApi.h"

#include "core/AuditActionCatalog.h"
#include "core/OrgPath.h"
#include "core/Permission.h"
#include "core/TimeFormat.h"
#include "server/api/ApiContext.h"
#include "server/api/ApiErrors.h"
#include "server/api/Caller.h"
#include "server/api/MemberCsv.h"
#include "server/api/RequestAudit.h"
#include "server/http/HttpError.h"
#include "server/store/AuditFilter.h"
#include "server/store/AuditLog.h"
#include "server/store/AuditQuery.h"
#include "server/store/Database.h"
#include "server/store/OrgRepository.h"
#include "server/store/SqlSupport.h"
#include "server/store/UserRepository.h"

#include <algorithm>
#include <memory>
#include <set>

#include <QSqlQuery>

namespace trellis::server {

using namespace sql;

namespace {

constexpr int kDefaultPage = 100;
constexpr int kMaxPage = 500;
constexpr int kExportBatch = 1000;
constexpr std::size_t kMaxText = 256;

HttpError invalidFilter(std::string field, std::string message)
{
    return HttpError(400, "invalid_filter", std::move(message), std::move(field));
}

std::vector<std::string> splitList(const std::string& text)
{
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = text.find(',', start);
        std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        if (!item.empty())
            items.push_back(std::move(item));
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return items;
}

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

bool isRootPath(const std::string& path)
{
    return std::count(path.begin(), path.end(), '/') == 2;
}

bool seesEverything(const Caller& caller)
{
    const auto roots = caller.scope.rootPaths(core::Permission::AuditRead);
    return std::any_of(roots.begin(), roots.end(), [](const std::string& p) { return isRootPath(p); });
}

std::string text(const HttpRequest& request, const char* name)
{
    std::string value = request.queryValue(name);
    if (value.size() > kMaxText)
        throw invalidFilter(name, std::string(name) + " is longer than " + std::to_string(kMaxText) + " characters.");
    return value;
}

std::string timeParameter(const HttpRequest& request, const char* name)
{
    const std::string value = text(request, name);
    if (value.empty())
        return {};
    const auto parsed = core::parseTimestamp(value);
    if (!parsed)
        throw invalidFilter(name, std::string(name) + " must be an RFC 3339 time, e.g. 2026-12-01T00:00:00Z.");
    return core::formatTimestamp(*parsed);
}

std::optional<std::int64_t> sequenceParameter(const HttpRequest& request, const char* name)
{
    const std::string value = request.queryValue(name);
    if (value.empty())
        return std::nullopt;
    try {
        std::size_t used = 0;
        const long long n = std::stoll(value, &used);
        if (used == value.size() && n >= 0)
            return n;
    } catch (const std::exception&) {
    }
    throw ApiErrors::invalidParameter(name, std::string(name) + " must be an event sequence number.");
}

int limitParameter(const HttpRequest& request)
{
    const std::string value = request.queryValue("limit");
    if (value.empty())
        return kDefaultPage;
    try {
        std::size_t used = 0;
        const int n = std::stoi(value, &used);
        if (used == value.size() && n >= 1 && n <= kMaxPage)
            return n;
    } catch (const std::exception&) {
    }
    throw ApiErrors::invalidParameter("limit",
                                      "limit must be a whole number from 1 to " + std::to_string(kMaxPage) + ".");
}

core::AuditEvent auditEvent(const Caller& caller, const HttpRequest& request, const char* action)
{
    core::AuditEvent event = RequestAudit::byCaller(caller, request, action);
    event.targetType = "audit";
    event.targetDisplay = "audit trail";
    return event;
}

const char* const kCsvColumns[] = {
    "sequence",      "occurredAt", "actorType", "actorId",       "actorDisplay",  "actingOrgId",  "delegationId",
    "action",        "targetType", "targetId",  "targetDisplay", "targetOrgPath", "outcome",      "reason",
    "clientAddress", "userAgent",  "requestId", "before",        "after",         "previousHash", "hash"};

std::string csvHeader()
{
    std::string line;
    for (const char* column : kCsvColumns)
        line += (line.empty() ? "" : ",") + std::string(column);
    return line + "\r\n";
}

std::string csvRow(const core::AuditEvent& e)
{
    const nlohmann::json j = e;
    std::string line;
    bool first = true;
    for (const char* column : kCsvColumns) {
        const nlohmann::json& v = j.at(column);
        const std::string value =
            v.is_string() ? v.get<std::string>() : v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        line += (first ? "" : ",") + MemberCsv::cell(value);
        first = false;
    }
    return line + "\r\n";
}

} // namespace

AuditFilter AuditApi::filterFor(const Caller& caller, const HttpRequest& request, const char* action) const
{
    AuditFilter f;
    f.visiblePaths = caller.scope.rootPaths(core::Permission::AuditRead);
    f.everything = seesEverything(caller);
    if (f.visiblePaths.empty()) {
        core::AuditEvent denied = auditEvent(caller, request, action);
        denied.outcome = "denied";
        denied.reason = "needs audit.read";
        RequestAudit::record(m_context, denied);
        throw ApiErrors::forbidden("You may not read the audit trail (needs audit.read).");
    }
    f.from = timeParameter(request, "from");
    f.to = timeParameter(request, "to");
    if (!f.from.empty() && !f.to.empty() && f.to <= f.from)
        throw invalidFilter("to", "to must be later than from.");

    const std::string actor = text(request, "actor");
    if (!actor.empty()) {
        f.actorIds.push_back(actor);
        f.actorDisplay = lower(actor);
        if (actor.find('@') != std::string::npos) {
            if (const auto user = UserRepository(m_context.db).findByEmail(lower(actor)))
                f.actorIds.push_back(user->id);
        }
    }
    const std::string org = text(request, "org");
    if (!org.empty()) {
        const auto found = OrgRepository(m_context.db).find(org);
        const std::string path = found ? core::OrgPath::make(found->path) : std::string();
        const bool visible =
            found && (f.everything || std::any_of(f.visiblePaths.begin(), f.visiblePaths.end(),
                                                  [&](const std::string& root) { return path.rfind(root, 0) == 0; }));
        if (!visible)
            throw ApiErrors::notFound("No organisation with this id.", "org");
        f.subtreePath = path;
    }
    std::set<std::string> actions;
    for (const std::string& name : splitList(text(request, "action"))) {
        if (!core::AuditActionCatalog::find(name))
            throw invalidFilter("action", "\"" + name + "\" is not an audit action (see GET /api/v1/audit/actions).");
        actions.insert(name);
    }
    for (const std::string& group : splitList(text(request, "group"))) {
        if (!core::AuditActionCatalog::isGroup(group))
            throw invalidFilter("group", "\"" + group + "\" is not an action group (see GET /api/v1/audit/actions).");
        for (const core::AuditAction& a : core::AuditActionCatalog::actions())
            if (a.group == group)
                actions.insert(std::string(a.name));
    }
    f.actions.assign(actions.begin(), actions.end());
    f.targetType = text(request, "targetType");
    f.targetId = text(request, "targetId");
    f.target = text(request, "target");
    for (const std::string& outcome : splitList(text(request, "outcome"))) {
        if (outcome != "success" && outcome != "denied" && outcome != "failure")
            throw invalidFilter("outcome", "outcome is success, denied or failure (several separated by commas).");
        f.outcomes.push_back(outcome);
    }
    f.clientAddress = text(request, "clientAddress");
    f.requestId = text(request, "requestId");
    f.text = text(request, "q");
    return f;
}

void AuditApi::requireRootAuditor(const Caller& caller, const HttpRequest& request, const char* action) const
{
    if (seesEverything(caller))
        return;
    core::AuditEvent denied = auditEvent(caller, request, action);
    denied.outcome = "denied";
    denied.reason = "needs audit.read at the root organisation";
    RequestAudit::record(m_context, denied);
    throw ApiErrors::forbidden("Only the security team (audit.read at the root organisation) may do this.");
}

HttpResponse AuditApi::events(const Caller& caller, HttpRequest& request) const
{
    const AuditFilter filter = filterFor(caller, request, "audit.query");
    const int limit = limitParameter(request);
    const auto before = sequenceParameter(request, "before");
    const auto after = sequenceParameter(request, "after");
    if (before && after)
        throw ApiErrors::invalidParameter("after", "Give either before or after, not both.");
    const AuditQuery query(m_context.db);
    nlohmann::json body;
    if (after) {
        const AuditQuery::Page page = query.oldestFirst(filter, *after, limit);
        body["events"] = page.events;
        body["nextAfter"] = page.events.empty() ? nlohmann::json(*after) : nlohmann::json(page.events.back().sequence);
        body["more"] = page.more;
    } else {
        const AuditQuery::Page page = query.newestFirst(filter, before, limit);
        body["events"] = page.events;
        body["nextBefore"] = page.more ? nlohmann::json(page.events.back().sequence) : nlohmann::json();
    }
    return HttpResponse::json(200, body);
}

HttpResponse AuditApi::histogram(const Caller& caller, HttpRequest& request) const
{
    const AuditFilter filter = filterFor(caller, request, "audit.query");
    std::string bucket = request.queryValue("bucket");
    if (bucket.empty()) {
        // From the range: about 50 to 400 bars whatever was asked for.
        const auto from = core::parseTimestamp(filter.from);
        const auto to = filter.to.empty() ? std::optional(m_context.db.clock().now()) : core::parseTimestamp(filter.to);
        const auto span =
            from && to ? std::chrono::duration_cast<std::chrono::hours>(*to - *from) : std::chrono::hours(24 * 365);
        bucket = span <= std::chrono::hours(6) ? "minute" : span <= std::chrono::hours(24 * 14) ? "hour" : "day";
    }
    AuditQuery::BucketSize size = AuditQuery::BucketSize::Day;
    if (bucket == "minute")
        size = AuditQuery::BucketSize::Minute;
    else if (bucket == "hour")
        size = AuditQuery::BucketSize::Hour;
    else if (bucket != "day")
        throw invalidFilter("bucket", "bucket is minute, hour or day.");
    nlohmann::json buckets = nlohmann::json::array();
    std::int64_t total = 0;
    for (const AuditQuery::Bucket& b : AuditQuery(m_context.db).histogram(filter, size)) {
        buckets.push_back({{"start", b.start}, {"success", b.success}, {"denied", b.denied}, {"failure", b.failure}});
        total += b.success + b.denied + b.failure;
    }
    return HttpResponse::json(200, {{"bucket", bucket}, {"buckets", buckets}, {"total", total}});
}

HttpResponse AuditApi::exportEvents(const Caller& caller, HttpRequest& request) const
{
    const AuditFilter filter = filterFor(caller, request, "audit.export");
    const std::string format = request.queryValue("format", "ndjson");
    if (format != "ndjson" && format != "csv")
        throw ApiErrors::invalidParameter("format", "format is ndjson or csv.");

    core::AuditEvent exported = auditEvent(caller, request, "audit.export");
    exported.after = {{"format", format},
                      {"query", request.target.substr(std::min(request.target.find('?'), request.target.size()))}};
    RequestAudit::record(m_context, exported);

    struct Cursor
    {
        std::int64_t after = 0;
        bool headerSent = false;
        bool done = false;
    };
    auto cursor = std::make_shared<Cursor>();
    const Database& db = m_context.db;
    const bool csv = format == "csv";
    HttpResponse response;
    response.status = 200;
    response.setHeader("Content-Type", csv ? "text/csv; charset=utf-8" : "application/x-ndjson");
    response.setHeader("Content-Disposition",
                       std::string("attachment; filename=\"audit-events.") + (csv ? "csv" : "ndjson") + "\"");
    // Oldest first, in keyset batches: memory stays flat and events appended meanwhile are simply included.
    response.stream = [&db, filter, cursor, csv]() -> std::optional<std::string> {
        if (cursor->done)
            return std::nullopt;
        std::string chunk;
        if (csv && !cursor->headerSent)
            chunk = csvHeader();
        cursor->headerSent = true;
        const AuditQuery::Page page = AuditQuery(db).oldestFirst(filter, cursor->after, kExportBatch);
        for (const core::AuditEvent& e : page.events) {
            chunk += csv ? csvRow(e)
                         : nlohmann::json(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
            cursor->after = e.sequence;
        }
        cursor->done = !page.more;
        return chunk;
    };
    return response;
}

HttpResponse AuditApi::actions(const Caller& caller, HttpRequest& request) const
{
    filterFor(caller, request, "audit.query");
    nlohmann::json actions = nlohmann::json::array();
    for (const core::AuditAction& a : core::AuditActionCatalog::actions())
        actions.push_back({{"name", a.name}, {"group", a.group}, {"description", a.description}});
    nlohmann::json groups = nlohmann::json::array();
    for (const core::AuditActionGroup& g : core::AuditActionCatalog::groups())
        groups.push_back({{"name", g.name}, {"description", g.description}});
    return HttpResponse::json(200, {{"actions", actions}, {"groups", groups}});
}

HttpResponse AuditApi::verify(const Caller& caller, HttpRequest& request) const
{
    requireRootAuditor(caller, request, "audit.verify");
    const core::AuditChainVerifier result = AuditLog(m_context.db).verify();
    nlohmann::json body = result.toJson();
    core::AuditEvent event = auditEvent(caller, request, "audit.verify");
    event.outcome = result.ok() ? "success" : "failure";
    event.reason = result.ok() ? std::string() : result.problem()->message;
    event.after = {{"ok", result.ok()}, {"checkedEvents", result.checkedEvents()}};
    RequestAudit::record(m_context, event);
    return HttpResponse::json(200, body);
}

HttpResponse AuditApi::checkpoints(const Caller& caller, HttpRequest& request) const
{
    requireRootAuditor(caller, request, "audit.query");
    const int limit = limitParameter(request);
    nlohmann::json items = nlohmann::json::array();
    for (const core::AuditCheckpoint& c : AuditLog(m_context.db).checkpoints(limit))
        items.push_back(c);
    return HttpResponse::json(200, {{"checkpoints", items}});
}

HttpResponse AuditApi::delegationChain(const Caller& caller, HttpRequest& request) const
{
    const AuditFilter filter = filterFor(caller, request, "audit.query");
    nlohmann::json links = nlohmann::json::array();
    std::string next = request.pathParams.at("id");
    std::set<std::string> seen;
    // Each assignment was made by a role.assign event whose delegation is the granter's own assignment: follow them
    // up, as far as the caller may see (and never round in a circle).
    while (!next.empty() && seen.insert(next).second && links.size() < 32) {
        QSqlQuery q = prepare(m_context.db,
                              QStringLiteral("SELECT ra.id, r.key, r.name, o.id, o.name, o.path, u.id, u.email, "
                                             "COALESCE(g.id, ''), COALESCE(g.email, ''), ra.created_at, ra.revoked_at "
                                             "FROM role_assignments ra JOIN roles r ON r.id = ra.role_id "
                                             "JOIN orgs o ON o.id = ra.org_id JOIN users u ON u.id = ra.user_id "
                                             "LEFT JOIN users g ON g.id = ra.granted_by WHERE ra.id = ?"));
        q.addBindValue(qs(next));
        run(q, "reading a role assignment failed");
        if (!q.next())
            break;
        const std::string path = ss(q.value(5));
        const bool visible =
            filter.everything || std::any_of(filter.visiblePaths.begin(), filter.visiblePaths.end(),
                                             [&](const std::string& root) { return path.rfind(root, 0) == 0; });
        if (!visible) {
            if (links.empty())
                throw ApiErrors::notFound("No role assignment with this id.", "id");
            break;
        }
        nlohmann::json link{{"assignmentId", ss(q.value(0))},
                            {"roleKey", ss(q.value(1))},
                            {"roleName", ss(q.value(2))},
                            {"orgId", ss(q.value(3))},
                            {"orgName", ss(q.value(4))},
                            {"userId", ss(q.value(6))},
                            {"userDisplay", ss(q.value(7))},
                            {"grantedById", ss(q.value(8))},
                            {"grantedByDisplay", ss(q.value(9))},
                            {"grantedAt", ss(q.value(10))},
                            {"revokedAt", q.value(11).isNull() ? nlohmann::json() : nlohmann::json(ss(q.value(11)))},
                            {"viaAssignmentId", ""}};
        q.finish();
        QSqlQuery granted = prepare(m_context.db, QStringLiteral("SELECT delegation_id FROM audit_events WHERE "
                                                                 "target_id = ? AND action = 'role.assign' AND "
                                                                 "outcome = 'success' ORDER BY sequence LIMIT 1"));
        granted.addBindValue(qs(next));
        run(granted, "reading audit events failed");
        next = granted.next() ? ss(granted.value(0)) : std::string();
        link["viaAssignmentId"] = next;
        links.push_back(std::move(link));
    }
    if (links.empty())
        throw ApiErrors::notFound("No role assignment with this id.", "id");
    return HttpResponse::json(200, {{"links", links}});
}

} // namespace trellis::server
