#include "client/ImportReport.h"

namespace trellis::client {

namespace {

QString text(const nlohmann::json& j, const char* key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

} // namespace

ImportRowResult ImportRowResult::fromJson(const nlohmann::json& j)
{
    ImportRowResult r;
    r.row = j.at("row").get<int>();
    r.line = j.value("line", 0);
    r.email = text(j, "email");
    r.action = text(j, "action");
    const auto error = j.find("error");
    if (error != j.end() && error->is_object()) {
        r.errorCode = text(*error, "code");
        r.errorMessage = text(*error, "message");
        r.errorField = text(*error, "field");
        if (r.errorCode.isEmpty())
            r.errorCode = QStringLiteral("invalid_row");
    }
    r.userId = text(j, "userId");
    r.membershipId = text(j, "membershipId");
    r.invitationId = text(j, "invitationId");
    r.acceptUrl = text(j, "acceptUrl");
    return r;
}

ImportReport ImportReport::fromJson(const nlohmann::json& j)
{
    ImportReport report;
    report.dryRun = j.value("dryRun", true);
    report.committed = j.value("committed", false);
    const nlohmann::json& t = j.at("totals");
    report.totals.rows = t.value("rows", 0);
    report.totals.ok = t.value("ok", 0);
    report.totals.errors = t.value("errors", 0);
    report.totals.create = t.value("create", 0);
    report.totals.invite = t.value("invite", 0);
    report.totals.addMembership = t.value("addMembership", 0);
    report.totals.skip = t.value("skip", 0);
    for (const auto& row : j.at("rows"))
        report.rows.push_back(ImportRowResult::fromJson(row));
    return report;
}

} // namespace trellis::client
