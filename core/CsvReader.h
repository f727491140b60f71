#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace trellis::core {

/// RFC 4180 CSV: comma-separated fields, records ending in CRLF or LF, fields in double quotes may hold commas,
/// line breaks and doubled quotes (""). A UTF-8 byte order mark at the start is skipped; records that are one
/// empty field (blank lines) are dropped. Never throws: a malformed text gives `error` and the line it is on.
class CsvReader
{
public:
    struct Record
    {
        int line = 0; ///< 1-based line where the record starts
        std::vector<std::string> fields;
    };
    struct Result
    {
        std::vector<Record> records;
        std::string error; ///< empty when well-formed
        int errorLine = 0;
    };

    /// Stops at the first error; `maxRecords` > 0 stops after that many records plus one (so callers can tell
    /// "too many" without reading a huge body to the end).
    static Result parse(std::string_view text, std::size_t maxRecords = 0);
};

} // namespace trellis::core
