#pragma once

#include <string>

namespace trellis::server {

/// Where and how trellisd sends email (trellisd --smtp-host ...; see docs/operations.md). No host: emails stay in
/// the outbox only.
struct SmtpSettings
{
    std::string host;
    int port = 587;
    enum class Security
    {
        None,    ///< plain SMTP (a relay on the same host or network)
        StartTls ///< upgrade with STARTTLS before anything else; the server certificate is verified
    } security = Security::StartTls;
    std::string from;     ///< envelope and header sender, e.g. login@example.com
    std::string username; ///< AUTH PLAIN when set (only over TLS, or to a loopback host)
    std::string password; ///< from TRELLIS_SMTP_PASSWORD, never on the command line
    std::string caFile;   ///< PEM bundle to verify the server with; empty: the system's
    int timeoutSeconds = 15;
};

/// One message to send (UTF-8 text; subject and addresses must be single lines).
struct SmtpMessage
{
    std::string to;
    std::string subject;
    std::string text;
};

/// A small blocking SMTP client (RFC 5321) over Boost.Asio: EHLO, optional STARTTLS (OpenSSL, certificate and host
/// name verified), optional AUTH PLAIN, MAIL/RCPT/DATA with a base64 UTF-8 body, QUIT. One connection per message.
class SmtpClient
{
public:
    explicit SmtpClient(SmtpSettings settings)
        : m_settings(std::move(settings))
    {
    }

    /// Throws std::runtime_error with the SMTP conversation's failing step (never the password).
    void send(const SmtpMessage& message) const;

    /// "=?UTF-8?B?...?=" for a header value with non-ASCII characters, else the value itself.
    static std::string encodeHeader(const std::string& value);

private:
    SmtpSettings m_settings;
};

} // namespace trellis::server
