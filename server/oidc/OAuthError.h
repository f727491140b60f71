#pragma once

#include "server/http/HttpResponse.h"

#include <stdexcept>
#include <string>

namespace trellis::server {

/// An OAuth 2.0 error (RFC 6749 §5.2): {"error", "error_description"}, never cached.
class OAuthError : public std::runtime_error
{
public:
    OAuthError(int status, std::string error, std::string description, std::string wwwAuthenticate = {})
        : std::runtime_error(description)
        , m_status(status)
        , m_error(std::move(error))
        , m_wwwAuthenticate(std::move(wwwAuthenticate))
    {
    }

    HttpResponse response() const
    {
        HttpResponse r = HttpResponse::json(m_status, {{"error", m_error}, {"error_description", what()}});
        r.setHeader("Cache-Control", "no-store");
        r.setHeader("Pragma", "no-cache");
        if (!m_wwwAuthenticate.empty())
            r.setHeader("WWW-Authenticate", m_wwwAuthenticate);
        return r;
    }

    static OAuthError invalidRequest(std::string description)
    {
        return OAuthError(400, "invalid_request", std::move(description));
    }
    static OAuthError invalidGrant(std::string description)
    {
        return OAuthError(400, "invalid_grant", std::move(description));
    }
    /// 401 with a Basic challenge when the client tried HTTP Basic (RFC 6749 §5.2).
    static OAuthError invalidClient(bool usedBasic)
    {
        return OAuthError(401, "invalid_client", "Client authentication failed.",
                          usedBasic ? "Basic realm=\"trellis\"" : "");
    }

private:
    int m_status;
    std::string m_error;
    std::string m_wwwAuthenticate;
};

} // namespace trellis::server
