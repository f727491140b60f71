#pragma once

#include <QMessageBox>

namespace trellis::test {

/// Answers the next message box with `button` as soon as it is shown (QMessageBox::question runs its own loop, so
/// the answer has to come from the event loop while it waits).
void answerNextMessageBox(QMessageBox::StandardButton button);

} // namespace trellis::test
