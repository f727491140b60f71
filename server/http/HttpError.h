#pragma once

#include "core/ApiError.h"

#include <stdexcept>

namespace trellis::server {

/// Thrown by handlers for any client-visible failure; the router turns it into the JSON error response.
class HttpError : public std::runtime_error
{
public:
    HttpError(int status, std::string code, std::string message, std::string field = {})
        : std::runtime_error(message)
        , m_status(status)
        , m_error{std::move(code), std::move(message), std::move(field)}
    {
    }

    int status() const { return m_status; }
    const core::ApiError& error() const { return m_error; }

private:
    int m_status;
    core::ApiError m_error;
};

} // namespace trellis::server
