#pragma once

#include "core/Membership.h"

#include <string>
#include <string_view>

namespace trellis::server {

/// The member export's CSV (RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or line breaks
/// quoted, quotes doubled). Cells a spreadsheet would run as a formula (= + - @, tab, carriage return first) get a
/// leading apostrophe, so an exported display name like "=HYPERLINK(...)" stays text (OWASP CSV injection).
class MemberCsv
{
public:
    static std::string header();
    static std::string row(const core::Membership& membership);
    /// One escaped cell.
    static std::string cell(std::string_view value);
};

} // namespace trellis::server
