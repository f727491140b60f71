#include "server/login/QrSvg.h"

#include <memory>

#include <qrencode.h>

namespace trellis::server {

std::string QrSvg::render(const std::string& text, const std::string& label)
{
    // Level M survives a little glare on a phone camera; version 0 lets libqrencode pick the size.
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code)
        return {};
    const int width = code->width;
    const int quiet = 4; // the quiet zone scanners need
    const int size = width + 2 * quiet;
    std::string path;
    for (int y = 0; y < width; ++y) {
        for (int x = 0; x < width; ++x) {
            if (code->data[y * width + x] & 1)
                path += "M" + std::to_string(x + quiet) + " " + std::to_string(y + quiet) + "h1v1h-1z";
        }
    }
    // `label` is escaped by the caller's rules: it comes from our own translation table only.
    return "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(size) + " " +
           std::to_string(size) + "\" role=\"img\" aria-label=\"" + label +
           "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" "
           "d=\"" +
           path + "\"/></svg>";
}

} // namespace trellis::server
