#include "server/oidc/ScopeWords.h"

#include <algorithm>
#include <sstream>

namespace trellis::server::ScopeWords {

std::vector<std::string> split(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string word; in >> word;)
        out.push_back(word);
    return out;
}

bool contains(const std::string& scope, const std::string& word)
{
    const auto words = split(scope);
    return std::find(words.begin(), words.end(), word) != words.end();
}

bool isSubset(const std::string& requested, const std::string& granted)
{
    const auto have = split(granted);
    const auto want = split(requested);
    return std::all_of(want.begin(), want.end(),
                       [&](const std::string& w) { return std::find(have.begin(), have.end(), w) != have.end(); });
}

} // namespace trellis::server::ScopeWords
