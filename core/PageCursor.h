#pragma once

#include <optional>
#include <string>

namespace trellis::core {

/// The position after the last item of a page in a list ordered by (sortKey, id). Opaque to clients:
/// base64url of a small JSON object. Keyset cursors stay correct while rows are inserted or removed.
struct PageCursor
{
    std::string sortKey;
    std::string id;

    std::string encode() const;
    /// nullopt for anything that is not a cursor this server made (the API answers 400 invalid_cursor).
    static std::optional<PageCursor> decode(const std::string& text);
};

} // namespace trellis::core
