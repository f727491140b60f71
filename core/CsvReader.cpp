#include "core/CsvReader.h"

namespace trellis::core {

CsvReader::Result CsvReader::parse(std::string_view text, std::size_t maxRecords)
{
    Result result;
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);

    int line = 1;
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        Record record;
        record.line = line;
        bool endOfRecord = false;
        while (!endOfRecord) {
            std::string field;
            if (i < n && text[i] == '"') {
                const int openedOn = line;
                ++i;
                bool closed = false;
                while (i < n) {
                    const char c = text[i];
                    if (c == '"') {
                        if (i + 1 < n && text[i + 1] == '"') {
                            field += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (c == '\n')
                        ++line;
                    field += c;
                    ++i;
                }
                if (!closed) {
                    result.error = "A quoted field is not closed.";
                    result.errorLine = openedOn;
                    return result;
                }
                if (i < n && text[i] != ',' && text[i] != '\n' &&
                    !(text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') && !(text[i] == '\r' && i + 1 == n)) {
                    result.error = "Unexpected text after a closing quote.";
                    result.errorLine = line;
                    return result;
                }
            } else {
                while (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                    if (text[i] == '"') {
                        result.error = "A quote inside an unquoted field (quote the whole field and double it).";
                        result.errorLine = line;
                        return result;
                    }
                    field += text[i++];
                }
                if (i < n && text[i] == '\r' && !(i + 1 == n || text[i + 1] == '\n')) {
                    result.error = "A lone carriage return inside a field.";
                    result.errorLine = line;
                    return result;
                }
            }
            record.fields.push_back(std::move(field));
            if (i >= n) {
                endOfRecord = true;
            } else if (text[i] == ',') {
                ++i;
                if (i >= n)
                    record.fields.emplace_back(); // "a," at the very end: a last empty field
                endOfRecord = i >= n;
            } else {
                if (text[i] == '\r')
                    ++i;
                if (i < n && text[i] == '\n')
                    ++i;
                ++line;
                endOfRecord = true;
            }
        }
        if (record.fields.size() == 1 && record.fields.front().empty())
            continue;
        result.records.push_back(std::move(record));
        if (maxRecords > 0 && result.records.size() > maxRecords)
            return result;
    }
    return result;
}

} // namespace trellis::core
