#pragma once

#include <QString>

namespace trellis::client {

/// Why an admin API call did not succeed, in words a person can read.
struct ApiFailure
{
    int httpStatus = 0; ///< 0 when no HTTP response arrived (network failure)
    QString code;       ///< the server's stable code ("not_found", ...) or a client-side one ("network_error", ...)
    QString message;    ///< plain, translated words for people; never contains a token
    QString field;      ///< offending field or parameter, when the server named one

    bool isNetworkError() const { return httpStatus == 0 && !code.isEmpty(); }
    bool isUnauthorized() const { return httpStatus == 401; }
};

} // namespace trellis::client
