#include "core/flow/ProfileAttributes.h"

namespace trellis::core::flow {

const std::vector<ProfileAttributes::Attribute>& ProfileAttributes::all()
{
    static const std::vector<Attribute> attributes{
        {"given_name", "text", "given-name"}, {"family_name", "text", "family-name"},
        {"phone_number", "tel", "tel"},       {"job_title", "text", "organization-title"},
        {"department", "text", "off"},        {"locale", "text", "language"},
    };
    return attributes;
}

const ProfileAttributes::Attribute* ProfileAttributes::find(std::string_view name)
{
    for (const Attribute& a : all()) {
        if (a.name == name)
            return &a;
    }
    return nullptr;
}

std::string ProfileAttributes::namesText()
{
    std::string out;
    for (const Attribute& a : all())
        out += (out.empty() ? "" : ", ") + a.name;
    return out;
}

} // namespace trellis::core::flow
