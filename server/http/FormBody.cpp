#include "server/http/FormBody.h"

#include "server/http/RequestTarget.h"

#include <algorithm>
#include <cctype>

namespace trellis::server {

std::optional<FormBody> FormBody::parse(const HttpRequest& request)
{
    std::string type = request.header("content-type");
    type = type.substr(0, type.find(';'));
    while (!type.empty() && type.back() == ' ')
        type.pop_back();
    std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (type != "application/x-www-form-urlencoded")
        return std::nullopt;

    FormBody form;
    std::string_view rest(request.body);
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
        if (pair.empty())
            continue;
        const auto eq = pair.find('=');
        const auto name = RequestTarget::percentDecode(pair.substr(0, eq), true);
        const auto value =
            RequestTarget::percentDecode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1), true);
        if (!name || !value)
            return std::nullopt;
        form.fields.emplace(*name, *value);
    }
    return form;
}

std::string FormBody::value(const std::string& name, std::string fallback) const
{
    const auto it = fields.find(name);
    return it == fields.end() ? std::move(fallback) : it->second;
}

bool FormBody::has(const std::string& name) const
{
    return fields.count(name) > 0;
}

std::size_t FormBody::count(const std::string& name) const
{
    return fields.count(name);
}

} // namespace trellis::server
