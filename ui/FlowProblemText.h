#pragma once

#include "core/flow/FlowProblem.h"

#include <QString>

namespace trellis::ui {

/// A validator problem in plain words of the reader's language (the core's messages are English only).
class FlowProblemText
{
public:
    static QString text(const core::flow::FlowProblem& problem);
    /// The problem for the settings field it concerns, without naming the step (shown next to the field).
    static QString fieldText(const core::flow::FlowProblem& problem);
};

} // namespace trellis::ui
