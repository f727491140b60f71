#pragma once

#include <string>

#include <QString>

namespace trellis::ui {

/// The flow catalog's English words (node types, categories, outcomes, config fields) in the reader's language.
/// Words the translations do not know (node types added on the server later) stay in English.
class FlowText
{
public:
    static QString text(const std::string& english);
    static QString category(const std::string& category);
};

} // namespace trellis::ui
