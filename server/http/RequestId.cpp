#include "server/http/RequestId.h"

#include "core/Encoding.h"
#include "core/Random.h"

#include <algorithm>

namespace trellis::server {

bool RequestId::isAcceptable(std::string_view candidate)
{
    if (candidate.empty() || candidate.size() > 64) {
        return false;
    }
    return std::all_of(candidate.begin(), candidate.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
               c == '-';
    });
}

std::string RequestId::generate()
{
    return core::toHex(core::secureRandomBytes(8));
}

std::string RequestId::acceptOrGenerate(std::string_view incoming)
{
    return isAcceptable(incoming) ? std::string(incoming) : generate();
}

} // namespace trellis::server
