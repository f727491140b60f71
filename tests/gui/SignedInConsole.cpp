#include "tests/gui/SignedInConsole.h"

#include "tests/common/TrellisdProcess.h"

#include <QApplication>
#include <QTest>

namespace trellis::test {

namespace {
constexpr int kConnectTimeoutMs = 20000;
}

bool SignedInConsole::open(const TrellisdProcess& server, const QString& email, QString* error)
{
    close();
    const QByteArray token = server.adminToken(email, QStringLiteral("1h"));
    if (token.isEmpty()) {
        *error = QStringLiteral("no admin token for %1").arg(email);
        return false;
    }
    session = std::make_unique<models::ConsoleSession>();
    window = std::make_unique<ui::MainWindow>(session.get());
    window->resize(1280, 800);
    window->show();
    session->connectToServer(server.baseUrl(), token);
    if (!QTest::qWaitFor([this] { return session->state() == models::ConsoleSession::State::Connected; },
                         kConnectTimeoutMs)) {
        *error = QStringLiteral("the console did not connect to %1").arg(server.baseUrl().toString());
        return false;
    }
    if (!session->caller() || QString::fromStdString(session->caller()->user.email) != email) {
        *error = QStringLiteral("signed in as someone other than %1").arg(email);
        return false;
    }
    return true;
}

void SignedInConsole::close()
{
    // Whatever a failed test left open goes first, before the window it belongs to.
    while (QWidget* modal = QApplication::activeModalWidget()) {
        modal->close();
        if (QApplication::activeModalWidget() == modal)
            break;
    }
    window.reset();
    session.reset();
}

} // namespace trellis::test
