#include "server/api/MemberCsv.h"

#include <initializer_list>

namespace trellis::server {

namespace {

std::string line(std::initializer_list<std::string_view> cells)
{
    std::string out;
    bool first = true;
    for (const auto& c : cells) {
        if (!first)
            out += ',';
        out += MemberCsv::cell(c);
        first = false;
    }
    out += "\r\n";
    return out;
}

} // namespace

std::string MemberCsv::cell(std::string_view value)
{
    std::string text;
    if (!value.empty() && (value.front() == '=' || value.front() == '+' || value.front() == '-' ||
                           value.front() == '@' || value.front() == '\t' || value.front() == '\r'))
        text += '\'';
    text += value;
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string MemberCsv::header()
{
    return line({"membershipId", "orgId", "orgName", "userId", "email", "displayName", "userStatus", "status",
                 "expired", "title", "source", "roles", "expiresAt", "lastSignInAt", "createdAt"});
}

std::string MemberCsv::row(const core::Membership& m)
{
    std::string roles;
    for (const auto& key : m.roles)
        roles += (roles.empty() ? "" : " ") + key;
    return line({m.id, m.orgId, m.orgName, m.user.id, m.user.email, m.user.displayName, core::toString(m.user.status),
                 core::toString(m.status), m.expired ? "true" : "false", m.title, core::toString(m.source), roles,
                 m.expiresAt, m.user.lastSignInAt, m.createdAt});
}

} // namespace trellis::server
