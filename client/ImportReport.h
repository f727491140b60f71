#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include <QString>

namespace trellis::client {

/// One row of a CSV import as the server judged it (POST /orgs/{id}/imports): what would happen or happened, and
/// why not when the row has an error.
struct ImportRowResult
{
    int row = 0;  ///< 1 = the first data row of the CSV that was sent
    int line = 0; ///< line of the sent CSV where the row starts
    QString email;
    QString action; ///< "create", "invite", "add-membership" or "skip"
    QString errorCode;
    QString errorMessage; ///< the server's English words (the console shows its own, see ImportRowsModel)
    QString errorField;   ///< the CSV column the error is about ("email", "roles", ...), may be empty
    QString userId;
    QString membershipId;
    QString invitationId;
    QString acceptUrl; ///< invitation or set-password link; only in a commit's answer, only this once

    bool hasError() const { return !errorCode.isEmpty(); }

    static ImportRowResult fromJson(const nlohmann::json& j);
};

/// The counts of a report.
struct ImportTotals
{
    int rows = 0;
    int ok = 0;
    int errors = 0;
    int create = 0;
    int invite = 0;
    int addMembership = 0;
    int skip = 0;
};

/// The server's answer to an import: every row, and whether anything was written.
struct ImportReport
{
    bool dryRun = true;
    bool committed = false; ///< false for a dry run, and for a commit refused because rows have errors (422)
    ImportTotals totals;
    std::vector<ImportRowResult> rows;

    static ImportReport fromJson(const nlohmann::json& j);
};

} // namespace trellis::client
