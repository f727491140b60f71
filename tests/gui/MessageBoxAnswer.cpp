#include "tests/gui/MessageBoxAnswer.h"

#include <functional>
#include <memory>

#include <QAbstractButton>
#include <QApplication>
#include <QTimer>

namespace trellis::test {

void answerNextMessageBox(QMessageBox::StandardButton button)
{
    auto attempt = std::make_shared<std::function<void()>>();
    *attempt = [button, attempt] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            box->button(button)->click();
            *attempt = nullptr; // breaks the self-reference
            return;
        }
        QTimer::singleShot(20, *attempt);
    };
    QTimer::singleShot(0, *attempt);
}

} // namespace trellis::test
