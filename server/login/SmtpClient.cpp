#include "server/login/SmtpClient.h"

#include "core/Encoding.h"
#include "core/Random.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <ctime>
#include <istream>
#include <memory>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/time.h>

namespace trellis::server {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

bool singleLine(const std::string& s)
{
    return s.find('\r') == std::string::npos && s.find('\n') == std::string::npos;
}

/// One SMTP conversation over a socket that may be upgraded to TLS.
class Conversation
{
public:
    Conversation(const SmtpSettings& settings)
        : m_settings(settings)
        , m_tls(asio::ssl::context::tls_client)
        , m_socket(m_io)
    {
    }

    void connect()
    {
        tcp::resolver resolver(m_io);
        asio::connect(m_socket, resolver.resolve(m_settings.host, std::to_string(m_settings.port)));
        // Blocking reads and writes give up after the timeout instead of hanging a login request.
        timeval tv{m_settings.timeoutSeconds, 0};
        ::setsockopt(m_socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        ::setsockopt(m_socket.native_handle(), SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    }

    void startTls()
    {
        m_tls.set_verify_mode(asio::ssl::verify_peer);
        if (m_settings.caFile.empty())
            m_tls.set_default_verify_paths();
        else
            m_tls.load_verify_file(m_settings.caFile);
        m_stream = std::make_unique<asio::ssl::stream<tcp::socket&>>(m_socket, m_tls);
        m_stream->set_verify_callback(asio::ssl::host_name_verification(m_settings.host));
        if (!SSL_set_tlsext_host_name(m_stream->native_handle(), m_settings.host.c_str()))
            throw std::runtime_error("STARTTLS: cannot set the server name");
        m_stream->handshake(asio::ssl::stream_base::client);
    }

    bool secure() const { return m_stream != nullptr; }

    /// Reads a (multi-line) reply; returns its code and text.
    std::pair<int, std::string> reply()
    {
        std::string all;
        while (true) {
            if (m_stream)
                asio::read_until(*m_stream, m_buffer, "\r\n");
            else
                asio::read_until(m_socket, m_buffer, "\r\n");
            std::istream in(&m_buffer);
            std::string line;
            std::getline(in, line);
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            all += line + "\n";
            if (line.size() < 4 || line[3] != '-')
                return {line.size() >= 3 ? std::atoi(line.substr(0, 3).c_str()) : 0, all};
        }
    }

    void write(const std::string& data)
    {
        if (m_stream)
            asio::write(*m_stream, asio::buffer(data));
        else
            asio::write(m_socket, asio::buffer(data));
    }

    /// Sends a command and checks the reply code's first digit (`expect`: 2 or 3). `shown` names it in errors.
    std::string command(const std::string& line, int expect, const std::string& shown)
    {
        write(line + "\r\n");
        return expectReply(expect, shown);
    }

    std::string expectReply(int expect, const std::string& shown)
    {
        const auto [code, text] = reply();
        if (code / 100 != expect)
            throw std::runtime_error("SMTP " + shown + " refused: " + text.substr(0, 200));
        return text;
    }

    void close()
    {
        boost::system::error_code ignored;
        m_socket.shutdown(tcp::socket::shutdown_both, ignored);
        m_socket.close(ignored);
    }

private:
    const SmtpSettings& m_settings;
    asio::io_context m_io;
    asio::ssl::context m_tls;
    tcp::socket m_socket;
    std::unique_ptr<asio::ssl::stream<tcp::socket&>> m_stream;
    asio::streambuf m_buffer;
};

std::string dateHeader()
{
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S +0000", &utc);
    return buffer;
}

bool loopback(const std::string& host)
{
    return host == "localhost" || host == "127.0.0.1" || host == "::1";
}

} // namespace

std::string SmtpClient::encodeHeader(const std::string& value)
{
    const bool ascii = std::all_of(value.begin(), value.end(), [](unsigned char c) { return c >= 32 && c < 127; });
    return ascii ? value : "=?UTF-8?B?" + core::base64Encode(value) + "?=";
}

void SmtpClient::send(const SmtpMessage& message) const
{
    if (!singleLine(message.to) || !singleLine(message.subject) || !singleLine(m_settings.from) ||
        message.to.find('<') != std::string::npos || message.to.find('>') != std::string::npos)
        throw std::runtime_error("SMTP: the address or subject is not a single plain line");
    Conversation c(m_settings);
    try {
        c.connect();
        c.expectReply(2, "greeting");
        const std::string ehlo = "EHLO trellisd";
        std::string features = c.command(ehlo, 2, "EHLO");
        if (m_settings.security == SmtpSettings::Security::StartTls) {
            if (features.find("STARTTLS") == std::string::npos)
                throw std::runtime_error("SMTP server does not offer STARTTLS");
            c.command("STARTTLS", 2, "STARTTLS");
            c.startTls();
            features = c.command(ehlo, 2, "EHLO after STARTTLS");
        }
        if (!m_settings.username.empty()) {
            if (!c.secure() && !loopback(m_settings.host))
                throw std::runtime_error("SMTP: refusing to send the password without TLS");
            const std::string credentials = std::string(1, '\0') + m_settings.username + '\0' + m_settings.password;
            c.command("AUTH PLAIN " + core::base64Encode(credentials), 2, "AUTH");
        }
        c.command("MAIL FROM:<" + m_settings.from + ">", 2, "MAIL FROM");
        c.command("RCPT TO:<" + message.to + ">", 2, "RCPT TO");
        c.command("DATA", 3, "DATA");
        std::string data = "From: " + m_settings.from + "\r\nTo: " + message.to +
                           "\r\nSubject: " + encodeHeader(message.subject) + "\r\nDate: " + dateHeader() +
                           "\r\nMessage-ID: <" + core::newUuid() +
                           "@trellisd>\r\nMIME-Version: 1.0\r\n"
                           "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
        // base64 lines never start with a dot, so no dot-stuffing is needed.
        const std::string body = core::base64Encode(message.text);
        for (std::size_t i = 0; i < body.size(); i += 76)
            data += body.substr(i, 76) + "\r\n";
        data += ".\r\n";
        c.write(data);
        c.expectReply(2, "message");
        c.command("QUIT", 2, "QUIT");
    } catch (const boost::system::system_error& e) {
        c.close();
        throw std::runtime_error(std::string("SMTP connection to ") + m_settings.host + " failed: " + e.what());
    } catch (...) {
        c.close();
        throw;
    }
    c.close();
}

} // namespace trellis::server
