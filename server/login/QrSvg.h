#pragma once

#include <string>

namespace trellis::server {

/// QR codes (libqrencode) as inline SVG, so the enrolment page needs no image request and no JavaScript.
class QrSvg
{
public:
    /// An <svg> element with role="img" and `label` as its accessible name; empty when encoding fails.
    static std::string render(const std::string& text, const std::string& label);
};

} // namespace trellis::server
